"""Shared by the readers: file checks, zip limits, text clean-up (the project's error type and safe XML re-exported)."""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from pathlib import Path

from align.errors import InputError
from align.io.reading import MAX_FILE_BYTES, decode_bytes
from align.io.safexml import language_of, local_name, parse_xml, primary_language

__all__ = ["InputError", "MAX_FILE_BYTES", "check_file", "clean_line", "decode_bytes", "finish", "language_of", "local_name", "primary_language",
           "open_zip", "parse_xml", "read_member", "zip_xml"]

MAX_DOCUMENT_BYTES = 50_000_000
"""Word, Writer and PDF files carry images and fonts, so they may be larger than a text file's 5 MB;
a report of a few hundred pages with pictures stays well under this."""
MAX_UNPACKED_BYTES = 200_000_000
"""Total uncompressed size of the XML parts read from a zip package (a zip bomb stops here)."""

_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000]+")
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\ufeff": None, "\u200e": None, "\u200f": None})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_file(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> Path:
    """The path, after checking it is a readable file of sensible size; InputError otherwise."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, expected a file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "the file is empty")
    if size > limit:
        raise InputError(path, f"the file is too large ({size:,} bytes; the limit is {limit:,})")
    return path


def open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    """Open an Office package; a file that is not a zip is refused in words the user understands."""
    try:
        archive = zipfile.ZipFile(path)
        bad = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as error:
        raise InputError(path, f"is not a valid {kind} file (damaged, or not a {kind} at all: {error})") from None
    except RuntimeError as error:  # encrypted members
        raise InputError(path, f"cannot be opened: {error}") from None
    if bad is not None:
        raise InputError(path, f"is damaged: the part {bad!r} fails its checksum")
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNPACKED_BYTES:
        raise InputError(path, f"unpacks to {total:,} bytes, more than the {MAX_UNPACKED_BYTES:,} accepted (a zip bomb?)")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes | None:
    """The bytes of one part of the package, None when it is absent."""
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as error:
        raise InputError(path, f"is damaged: cannot read {name!r} ({error})") from None


def zip_xml(archive: zipfile.ZipFile, name: str, path: Path):
    """One XML part parsed with align.safexml (no entities, no DTD, no network); None when absent."""
    data = read_member(archive, name, path)
    if data is None:
        return None
    try:
        return parse_xml(data, f"{path} ({name})")
    except InputError as error:
        raise InputError(path, f"part {name}: {error.problem}") from None


def clean_line(text: str) -> str:
    """One line of output: NFC, no soft hyphens or zero-width marks, no control characters, single spaces.

    Non-breaking spaces are kept where they stand between words (French typography: « 2 000 », « : »),
    tabs and runs of spaces become one space.
    """
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    text = _CONTROL.sub(" ", text)

    def one_space(match: re.Match) -> str:
        run = match.group(0)
        return run if len(run) == 1 and run != "\t" else ("\u00a0" if set(run) <= {"\u00a0", "\u202f"} else " ")

    return _SPACES.sub(one_space, text).strip()


def finish(lines: list[str]) -> str:
    """Join output lines: blank lines kept as single separators between blocks, none at the ends."""
    out: list[str] = []
    for line in lines:
        line = clean_line(line) if line else ""
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
