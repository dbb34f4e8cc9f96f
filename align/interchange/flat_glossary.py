"""Flat glossaries (source, target, comment) for CAT tools that take a two-language list rather than TBX.

`tsv` is OmegaT's glossary format: UTF-8, one entry a line, source TAB target TAB comment, no
header (OmegaT would read a header as an entry). `csv` is the same three columns with a header,
for tools that import a CSV glossary (memoQ, Trados MultiTerm Convert, Phrase); `bom=True` starts
it with a UTF-8 byte-order mark so that Excel opens the accents correctly.

A flat list has no field for a term's status, and a CAT tool offers every target it lists, so
forbidden English terms are never targets: each French term (forbidden ones included, since a
source text may use them) gets one line per accepted English term of its concept (preferred first,
then admitted), and the comment names the status and the English terms to avoid.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from align.io.atomic import write_atomic

FLAT_FORMATS = ("tsv", "csv")
_STATUS_RANK = {"preferred": 0, "admitted": 1, "forbidden": 2}


def _one_line(text: str) -> str:
    """Tabs and line breaks would split an entry of a line-based format."""
    return " ".join(text.split())


def flat_entries(glossary: object) -> list[tuple[str, str, str]]:
    """(French term, accepted English term, comment) for every pair of a concept (see the module docstring)."""
    frame: pl.DataFrame = getattr(glossary, "terms", glossary)  # type: ignore[assignment]
    entries = []
    concepts: dict[str, list[dict]] = {}
    for row in frame.fill_null("").iter_rows(named=True):
        concepts.setdefault(row["concept"], []).append(row)
    for rows in concepts.values():
        french = sorted((row for row in rows if row["lang"] == "fr"), key=lambda row: _STATUS_RANK.get(row["status"], 3))
        english = sorted((row for row in rows if row["lang"] == "en"), key=lambda row: _STATUS_RANK.get(row["status"], 3))
        accepted = [row for row in english if row["status"] != "forbidden"]
        avoid = [row["term"] for row in english if row["status"] == "forbidden"]
        for source in french:
            for target in accepted:
                parts = [f"EN {target['status']}"]
                if source["status"] == "forbidden":
                    parts.append(f"FR term to avoid ({source['note']})" if source["note"] else "FR term to avoid")
                if avoid:
                    parts.append("avoid in EN: " + ", ".join(avoid))
                if target["note"]:
                    parts.append(target["note"])
                entries.append((_one_line(source["term"]), _one_line(target["term"]), _one_line("; ".join(parts))))
    return entries


def flat_glossary_bytes(glossary: object, fmt: str = "tsv", *, bom: bool = False) -> bytes:
    """The glossary as OmegaT TSV (`fmt="tsv"`) or three-column CSV with a header (`fmt="csv"`)."""
    if fmt not in FLAT_FORMATS:
        raise ValueError(f"format must be one of {FLAT_FORMATS}, not {fmt!r}")
    buffer = io.StringIO()
    if fmt == "tsv":
        for entry in flat_entries(glossary):
            buffer.write("\t".join(entry) + "\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("source", "target", "comment"))
        writer.writerows(flat_entries(glossary))
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def write_flat_glossary(glossary: object, path: str | Path, fmt: str = "tsv", *, bom: bool = False) -> Path:
    return write_atomic(path, flat_glossary_bytes(glossary, fmt, bom=bom))
