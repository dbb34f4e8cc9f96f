"""What a monolingual reader returns."""

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
