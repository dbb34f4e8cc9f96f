"""Terminology and quality checks over aligned links; each finding is a `Flag`."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import polars as pl

from align.glossary import Glossary, find_terms
from align.segmentation import Segment

FLAG_COLUMNS = ("link", "side", "kind", "severity", "start", "end", "text", "message", "suggestion")
SEVERITIES = ("error", "warning", "info")
_FLAG_SCHEMA = {
    "link": pl.Int64, "side": pl.Utf8, "kind": pl.Utf8, "severity": pl.Utf8, "start": pl.Int64,
    "end": pl.Int64, "text": pl.Utf8, "message": pl.Utf8, "suggestion": pl.Utf8,
}


@dataclass(frozen=True)
class Flag:
    """One finding: `start`/`end` are offsets in the text of `side` in link `link` (None for boilerplate)."""

    link: int | None
    side: str
    kind: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str = ""


def flags_frame(flags: list[Flag]) -> pl.DataFrame:
    """Flags as a polars frame with `FLAG_COLUMNS`."""
    return pl.DataFrame([asdict(flag) for flag in flags], schema=_FLAG_SCHEMA)


def check_alignment(alignment: pl.DataFrame, glossary: Glossary, has_official: bool) -> list[Flag]:
    """Run every check over an alignment frame (columns as in alignment.csv)."""
    flags: list[Flag] = []
    sides = ("fr", "mt", "en") if has_official else ("fr", "mt")
    for row in alignment.iter_rows(named=True):
        for side in sides:
            text = row[side] or ""
            lang = "fr" if side == "fr" else "en"
            for match in find_terms(text, lang, glossary):
                if match.status == "forbidden":
                    preferred = glossary.preferred(match.concept, lang) or ""
                    flags.append(Flag(row["link"], side, "forbidden-term", "error", match.start, match.end, match.term,
                                      f"“{match.term}” is not an accepted rendering for {match.concept}", preferred))
        if has_official and not (row["fr"] and row["en"]):
            side = "fr" if row["fr"] else "en"
            kind = "omission" if side == "fr" else "addition"
            message = ("French text with no counterpart in the official English" if side == "fr"
                       else "English text with no counterpart in the French")
            flags.append(Flag(row["link"], side, kind, "warning", 0, len(row[side]), row[side], message))
    return flags


def boilerplate_flags(segments: list[Segment], side: str) -> list[Flag]:
    """Report web furniture that was kept out of alignment."""
    return [
        Flag(None, side, "boilerplate", "info", 0, len(segment.text), segment.text,
             "web page furniture, excluded from alignment")
        for segment in segments
        if not segment.alignable
    ]
