"""Writing results: alignment and flags as CSV, aligned segments as TMX 1.4b."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from lxml import etree

import align
from align.atomic import write_atomic

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """A frame as UTF-8 CSV bytes; list columns are joined with spaces."""
    flat = frame.with_columns(
        [pl.col(name).cast(pl.List(pl.Utf8)).list.join(" ") for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    )
    buffer = io.BytesIO()
    flat.write_csv(buffer)
    return buffer.getvalue()


def write_csv(frame: pl.DataFrame, path: str | Path) -> Path:
    """Write a frame as CSV, atomically."""
    return write_atomic(path, csv_bytes(frame))


def tmx_bytes(alignment: pl.DataFrame, document: str, src_lang: str = "fr-FR", tgt_lang: str = "en") -> bytes:
    """TMX 1.4b: one <tu> per link that has text on both sides."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root, "header",
        creationtool="align", creationtoolversion=align.__version__, segtype="sentence", **{"o-tmf": "align-csv"},
        adminlang="en", srclang=src_lang, datatype="plaintext",
        creationdate=datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
    )
    body = etree.SubElement(root, "body")
    for row in alignment.iter_rows(named=True):
        english = row["en"] or row["mt"]
        if not row["fr"] or not english:
            continue
        unit = etree.SubElement(body, "tu", tuid=f"{document}-{row['link']}")
        for name, value in (("document", document), ("link", str(row["link"])), ("score", f"{row['score']:.4f}"),
                            ("status", row["status"]), ("english-source", "official" if row["en"] else "machine-translation")):
            prop = etree.SubElement(unit, "prop", type=f"x-{name}")
            prop.text = value
        for lang, text in ((src_lang, row["fr"]), (tgt_lang, english)):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
            etree.SubElement(variant, "seg").text = _XML_ILLEGAL.sub("", text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tmx(alignment: pl.DataFrame, path: str | Path, document: str) -> Path:
    """Write the aligned segments as TMX, atomically."""
    return write_atomic(path, tmx_bytes(alignment, document))
