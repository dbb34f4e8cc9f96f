"""The corpus folder (`texts/`): listing its documents and adding uploaded ones safely.

Layout: `fr/NAME.txt` is a French source and `en/NAME.txt`, when present, its official
English version. The folder is `$ALIGN_TEXTS_DIR` when set, else `texts/` at the repository
root. Uploaded files are validated (size limit, decodable text) before anything is written,
kept byte for byte as received, written atomically, and never replace an existing document
unless the caller says so (the replaced file is kept as `NAME.txt.bak`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from align import settings
from align.errors import InputError
from align.io.atomic import backup_path, write_atomic
from align.io.documents import english_for, read_document, source_files
from align.io.reading import MAX_FILE_BYTES, decode_bytes
from align.model import Document

_NAME_UNSAFE = re.compile(r"[^a-z0-9._-]+")


class DocumentExists(InputError):
    """A document of that name is already in the corpus; saving again needs an explicit overwrite."""


def texts_dir(folder: str | os.PathLike[str] | None = None) -> Path:
    """The corpus folder: `folder`, else `$ALIGN_TEXTS_DIR`, else `texts/` at the repository root."""
    return settings.texts_dir(folder)


def document_names(folder: str | os.PathLike[str] | None = None) -> list[str]:
    """Names of the documents in the corpus (one per readable `fr/NAME.*`), sorted."""
    return sorted({path.stem for path in source_files(texts_dir(folder) / "fr")})


def open_document(name: str, folder: str | os.PathLike[str] | None = None) -> Document:
    """Read document `name` from the corpus, with its official English version when there is one."""
    root = texts_dir(folder)
    french = next((path for path in source_files(root / "fr") if path.stem == name), root / "fr" / f"{name}.txt")
    return read_document(french, english_for(root, name), name=name)


def document_name(filename: str) -> str:
    """A safe corpus name from an uploaded file name: lower-case ASCII letters, digits, `.`, `_`, `-`."""
    stem = Path(filename).name
    stem = stem[:-4] if stem.lower().endswith(".txt") else stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    name = _NAME_UNSAFE.sub("-", ascii_stem).strip(".-_")
    if not name:
        raise InputError(filename, "cannot make a document name from this file name; rename the file (letters, digits, - or _)")
    return name[:120]


def validate_upload(filename: str, data: bytes) -> str:
    """Check an uploaded text (size, encoding, not binary) and return its decoded text; errors name the file."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(filename, f"the file is too large ({len(data):,} bytes; the limit is {MAX_FILE_BYTES:,})")
    return decode_bytes(data, filename)[0]


def save_document(
    name: str,
    fr: tuple[str, bytes],
    en: tuple[str, bytes] | None = None,
    *,
    overwrite: bool = False,
    folder: str | os.PathLike[str] | None = None,
) -> Document:
    """Add a document to the corpus from uploaded `(filename, bytes)` pairs and return it as read back.

    Both files are validated before either is written. An existing document of that name is
    replaced only with `overwrite` (raises `DocumentExists` otherwise); when it is replaced
    without an English file, its old English version is set aside as `en/NAME.txt.bak` so it
    is not wrongly paired with the new French text.
    """
    root = texts_dir(folder)
    safe = document_name(name)
    validate_upload(*fr)
    if en is not None:
        validate_upload(*en)
    fr_path, en_path = root / "fr" / f"{safe}.txt", root / "en" / f"{safe}.txt"
    if fr_path.exists() and not overwrite:
        raise DocumentExists(fr_path, f"a document named {safe!r} is already in the corpus; confirm to replace it")
    write_atomic(fr_path, fr[1])
    if en is not None:
        write_atomic(en_path, en[1])
    elif en_path.exists():
        os.replace(en_path, backup_path(en_path))
    return open_document(safe, root)
