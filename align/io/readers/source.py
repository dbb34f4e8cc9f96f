"""What a reader returns: a monolingual text, or the units of a bilingual file as the file has them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    """A document's text as the segmenter reads it: one paragraph, heading, list item or table cell per line.

    `format` names the reader (`txt`, `docx`, …), `encoding` the text encoding where the file had one,
    `left_out` the page furniture the reader removed (reported as boilerplate), `warnings` what the
    reader had to repair (invalid bytes replaced).
    """

    text: str
    format: str
    encoding: str = ""
    left_out: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class BilingualUnit:
    """One unit of a bilingual file (XLIFF) as the file has it, before it becomes an `align.model.Unit`."""

    id: str
    """The unit's id in the file (`TRANS-UNIT/MID` for a segment, `PARENT#subN` for a <sub>)."""
    fr: str
    en: str
    """Empty when untranslated."""
    note: str = ""
    """State or match quality, when the file says (`state=translated`, Trados confirmation level, memoQ status)."""
