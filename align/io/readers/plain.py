"""Plain text files (UTF-8, UTF-16, cp1252/latin-1; see `align.io.reading`)."""

from __future__ import annotations

from pathlib import Path

from align.io.readers.source import SourceText
from align.io.reading import read_text_reporting


def read(path: Path) -> SourceText:
    text, encoding, warnings = read_text_reporting(path)
    return SourceText(text, "txt", encoding, warnings=tuple(warnings))
