"""The corpus folder (`texts/`): listing its documents and adding uploaded ones safely.

Layout: `fr/NAME.EXT` is a French source and `en/NAME.EXT`, when present, its official
English version, in any format `align.io.readers` reads (`UPLOAD_SUFFIXES`; the two sides may differ).
The folder is `$ALIGN_TEXTS_DIR` when set, else `texts/` at the repository root. Uploaded files are
validated (suffix, size limit, read by their format's reader) before anything is written, kept byte
for byte as received with their own suffix, written atomically, and never replace an existing
document unless the caller says so (the replaced file is kept as `NAME.EXT.bak`).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from align import settings
from align.errors import InputError
from align.io.atomic import backup_path, write_atomic
from align.io.documents import english_for, read_document, source_files
from align.io.readers import READERS, read_source
from align.io.readers._common import MAX_DOCUMENT_BYTES
from align.io.reading import MAX_FILE_BYTES, decode_bytes
from align.model import Document

UPLOAD_SUFFIXES: tuple[str, ...] = tuple(sorted(READERS))
"""Suffixes an upload may have: every monolingual format a reader is registered for."""
UPLOAD_TYPES: list[str] = [suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES]
"""The same without the dot, as a file picker (Streamlit's `file_uploader(type=…)`) takes them."""

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
    stem = Path(stem).stem if Path(stem).suffix.lower() in READERS else stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    name = _NAME_UNSAFE.sub("-", ascii_stem).strip(".-_")
    if not name:
        raise InputError(filename, "cannot make a document name from this file name; rename the file (letters, digits, - or _)")
    return name[:120]


def upload_suffix(filename: str) -> str:
    """The suffix an uploaded file is saved with (lower case); InputError when no reader takes it."""
    suffix = Path(filename).suffix.lower()
    if suffix not in READERS:
        raise InputError(filename, f"unsupported file type {suffix or '(no suffix)'!r}; accepted: {', '.join(UPLOAD_SUFFIXES)}")
    return suffix


def validate_upload(filename: str, data: bytes) -> str:
    """Check an uploaded file (suffix, size, readable by its format's reader) and return its text; errors name the file."""
    suffix = upload_suffix(filename)
    limit = MAX_FILE_BYTES if suffix == ".txt" else MAX_DOCUMENT_BYTES
    if len(data) > limit:
        raise InputError(filename, f"the file is too large ({len(data):,} bytes; the limit is {limit:,})")
    if suffix == ".txt":
        return decode_bytes(data, filename)[0]
    with tempfile.TemporaryDirectory(prefix="align-upload-") as folder:
        copy = Path(folder) / f"upload{suffix}"
        copy.write_bytes(data)
        try:
            return read_source(copy).text
        except InputError as error:
            raise InputError(filename, error.problem) from None


def _set_aside(paths: list[Path]) -> None:
    """Move a document's files in another format out of the way (`NAME.EXT.bak`), so only the new one is read."""
    for path in paths:
        os.replace(path, backup_path(path))


def save_document(
    name: str,
    fr: tuple[str, bytes],
    en: tuple[str, bytes] | None = None,
    *,
    overwrite: bool = False,
    keep_english: bool = False,
    folder: str | os.PathLike[str] | None = None,
) -> Document:
    """Add a document to the corpus from uploaded `(filename, bytes)` pairs and return it as read back.

    Both files are validated before either is written. An existing document of that name is
    replaced only with `overwrite` (raises `DocumentExists` otherwise). Each file is saved with its
    own suffix (`fr/NAME.docx`, `en/NAME.pdf`); the replaced files, and a side's file in another
    format, are kept as `NAME.EXT.bak`. Replaced without an English file, the old English version
    is set aside too, so it is not wrongly paired with the new French text, unless `keep_english` (a corrected
    French text of the same document: the review app asks the reviewer first).
    """
    root = texts_dir(folder)
    safe = document_name(name)
    validate_upload(*fr)
    if en is not None:
        validate_upload(*en)
    fr_path = root / "fr" / f"{safe}{upload_suffix(fr[0])}"
    existing_fr = [path for path in source_files(root / "fr") if path.stem == safe]
    if existing_fr and not overwrite:
        raise DocumentExists(existing_fr[0], f"a document named {safe!r} is already in the corpus; confirm to replace it")
    existing_en = [path for path in source_files(root / "en") if path.stem == safe]
    write_atomic(fr_path, fr[1])
    _set_aside([path for path in existing_fr if path != fr_path])
    if en is not None:
        en_path = root / "en" / f"{safe}{upload_suffix(en[0])}"
        write_atomic(en_path, en[1])
        _set_aside([path for path in existing_en if path != en_path])
    elif not keep_english:
        _set_aside(existing_en)
    return open_document(safe, root)
