"""Documents from files: a French file and, when there is one, its official English version, in any readable format.

A path on the command line is a French file, or a folder laid out like `texts/`: `fr/NAME.EXT` and,
for the official English, `en/NAME.EXT` (any suffix `align.io.readers` reads; the two sides may be
in different formats).
"""

from __future__ import annotations

from pathlib import Path

from align.errors import InputError
from align.io.readers import READERS, is_readable, read_source
from align.model import Document


def read_document(fr_path: str | Path, en_path: str | Path | None = None, name: str | None = None) -> Document:
    """Read a French file and, optionally, its official English version."""
    fr_file = Path(fr_path)
    fr = read_source(fr_file)
    en = read_source(en_path) if en_path is not None else None
    return Document(
        name=name or fr_file.stem,
        fr_text=fr.text,
        en_text=en.text if en else None,
        fr_path=fr_file,
        en_path=Path(en_path) if en_path is not None else None,
        fr_encoding=fr.encoding or fr.format,
        en_encoding=(en.encoding or en.format) if en else None,
        left_out=tuple(("fr", text) for text in fr.left_out) + tuple(("en", text) for text in (en.left_out if en else ())),
        warnings=tuple(f"{fr_file.name}: {warning}" for warning in fr.warnings)
        + tuple(f"{Path(en_path).name}: {warning}" for warning in (en.warnings if en else ())),
    )


def source_files(folder: Path) -> list[Path]:
    """The readable files of a folder, sorted by name."""
    return sorted(path for path in folder.iterdir() if path.is_file() and is_readable(path)) if folder.is_dir() else []


def english_for(folder: Path, name: str) -> Path | None:
    """The official English file of document `name` in a corpus folder (`en/NAME.*`), if there is one."""
    return next((path for path in source_files(folder / "en") if path.stem == name), None)


def document_files(paths: list[str | Path], en_path: str | Path | None = None) -> list[tuple[Path, Path | None]]:
    """Resolve CLI paths into (French file, official English file or None) pairs, without reading them.

    Raises InputError for a path that does not exist or a folder not laid out like `texts/`;
    whether each file is readable is left to `read_document`, so a batch can skip one bad file.
    """
    pairs: list[tuple[Path, Path | None]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            if en_path is not None:
                raise InputError(en_path, "--en pairs one French file, not a folder")
            fr_dir = path / "fr"
            if not fr_dir.is_dir():
                raise InputError(path, "folder has no fr/ subfolder (expected fr/NAME.EXT and optional en/NAME.EXT, e.g. fr/NAME.docx with en/NAME.pdf)")
            try:
                fr_files = source_files(fr_dir)
            except OSError as error:
                raise InputError(fr_dir, f"cannot list the folder: {error.strerror or error}") from None
            if not fr_files:
                raise InputError(fr_dir, f"no readable files ({', '.join(sorted(READERS))})")
            pairs.extend((fr_file, english_for(path, fr_file.stem)) for fr_file in fr_files)
        else:
            pairs.append((path, Path(en_path) if en_path is not None else None))
    first_of: dict[str, Path] = {}
    for fr_file, _ in pairs:  # a document's outputs go to out/NAME/: a second file of that name would overwrite the first's
        if (first := first_of.setdefault(fr_file.stem, fr_file)) != fr_file:
            raise InputError(fr_file, f"has the same document name ({fr_file.stem}) as {first}: both would write to the same "
                             "output folder; rename one")
    return pairs


def find_documents(paths: list[str | Path], en_path: str | Path | None = None) -> list[Document]:
    """Resolve CLI paths into documents (see the module docstring); `en_path` pairs one French file with an English file."""
    return [read_document(fr_file, en_file) for fr_file, en_file in document_files(paths, en_path)]
