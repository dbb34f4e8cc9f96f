"""Readers by file type: every reader turns a file into the same plain text the segmenter reads.

`READERS` maps a file suffix to a monolingual reader (`read(path) -> SourceText`);
`BILINGUAL_READERS` maps a suffix to a reader of aligned units (TMX, XLIFF) that `check` takes
as they are. Adding a format is a module in this folder and one line in the right table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from align.errors import InputError
from align.io.readers import docx, html, odt, pdf, plain, rtf, tmx, xliff
from align.io.readers.source import SourceText
from align.model import Unit

READERS: dict[str, Callable[[Path], SourceText]] = {
    ".txt": plain.read,
    ".docx": docx.read, ".docm": docx.read, ".dotx": docx.read,
    ".odt": odt.read, ".fodt": odt.read, ".ott": odt.read,
    ".rtf": rtf.read,
    ".html": html.read, ".htm": html.read, ".xhtml": html.read,
    ".pdf": pdf.read,
}
BILINGUAL_READERS: dict[str, Callable[[Path], list[Unit]]] = {
    ".tmx": tmx.read_units,
    ".xlf": xliff.read_units, ".xliff": xliff.read_units, ".sdlxliff": xliff.read_units, ".mqxliff": xliff.read_units,
}


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def is_readable(path: Path) -> bool:
    """Whether a monolingual reader takes this file (by its suffix)."""
    return _suffix(path) in READERS


def read_source(path: str | Path) -> SourceText:
    """The text of a French or English document, whatever its format; InputError names the file and the problem."""
    file = Path(path)
    reader = READERS.get(_suffix(file))
    if reader is None:
        if _suffix(file) in BILINGUAL_READERS:
            raise InputError(file, f"is a bilingual {_suffix(file)} file: check it with `python -m align check {file}`")
        raise InputError(file, f"unsupported file type {file.suffix or '(no suffix)'!r}; readable: {', '.join(sorted(READERS))}")
    return reader(file)


def read_units(path: str | Path) -> list[Unit]:
    """The French/English units of a bilingual file (TMX, XLIFF), as the checks take them."""
    file = Path(path)
    reader = BILINGUAL_READERS.get(_suffix(file))
    if reader is None:
        hint = " (a package: unzip it first)" if _suffix(file) in (".xlz", ".sdlppx", ".sdlrpx", ".mqxlz") else ""
        raise InputError(file, f"not a bilingual file this tool reads ({', '.join(sorted(BILINGUAL_READERS))}){hint}")
    return reader(file)
