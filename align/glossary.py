"""The anti-trafficking glossary: loading, validation and term matching.

`glossary/glossary.csv` holds one row per term (see glossary/README.md); it is loaded into a
polars frame wrapped by `Glossary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from align.errors import InputError
from align.reading import normalise_for_matching

COLUMNS = ("concept", "subject", "lang", "term", "status", "type", "note", "definition", "source")
STATUSES = ("preferred", "admitted", "forbidden")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "glossary" / "glossary.csv"


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a text: `start`/`end` are offsets in the original text."""

    concept: str
    lang: str
    term: str
    status: str
    start: int
    end: int


@dataclass(frozen=True)
class Glossary:
    """Glossary rows (a polars frame with `COLUMNS`) and lookups over them."""

    terms: pl.DataFrame

    def preferred(self, concept: str, lang: str) -> str | None:
        """The preferred term of a concept in a language."""
        rows = self.terms.filter((pl.col("concept") == concept) & (pl.col("lang") == lang) & (pl.col("status") == "preferred"))
        return rows["term"][0] if rows.height else None


def load_glossary(path: str | Path = DEFAULT_PATH) -> Glossary:
    """Load and validate a glossary CSV; errors name the file, line and problem."""
    file = Path(path)
    if not file.exists():
        raise InputError(file, "glossary file not found")
    try:
        frame = pl.read_csv(file, infer_schema=False).fill_null("")
    except Exception as error:  # polars raises several exception types for malformed CSV
        raise InputError(file, f"malformed CSV: {error}") from None
    missing = [column for column in COLUMNS if column not in frame.columns]
    if missing:
        raise InputError(file, f"line 1: missing column(s) {', '.join(missing)}")
    frame = frame.select(COLUMNS)
    for line, row in enumerate(frame.iter_rows(named=True), start=2):
        if not row["concept"] or not row["term"]:
            raise InputError(file, f"line {line}: concept and term are required")
        if row["lang"] not in ("fr", "en"):
            raise InputError(file, f"line {line}: lang must be fr or en, not {row['lang']!r}")
        if row["status"] not in STATUSES:
            raise InputError(file, f"line {line}: status must be one of {', '.join(STATUSES)}, not {row['status']!r}")
    return Glossary(frame)


def find_terms(text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
    """Find glossary terms of `lang` in `text` (case-, apostrophe- and space-insensitive)."""
    haystack = normalise_for_matching(text).lower()
    matches = []
    for row in glossary.terms.filter(pl.col("lang") == lang).iter_rows(named=True):
        needle = normalise_for_matching(row["term"]).lower()
        for found in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
            matches.append(TermMatch(row["concept"], lang, text[found.start():found.end()], row["status"], found.start(), found.end()))
    return sorted(matches, key=lambda match: (match.start, -match.end))
