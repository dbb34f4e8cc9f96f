"""What `run` writes for each document: a registry of exporters, each one file of the output folder.

Adding an output is a function `write(result, path, options)` and one line in `EXPORTERS`.
The tables (polars) are built here, at the edge, from the typed result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from align.errors import InputError
from align.export.tables import alignment_frame, flags_frame, write_csv, write_tmx, write_xlsx
from align.model import DocumentResult


@dataclass(frozen=True)
class ExportOptions:
    csv_bom: bool = False
    tmx_english: str = "official"
    tmx_status: str = "all"
    xlsx: bool = False
    tmx_created: datetime | None = None
    """The TMX header's creation date (None: now). A corpus run fixes it once, so every document of a run has the same."""


@dataclass(frozen=True)
class Exporter:
    filename: str
    write: Callable[[DocumentResult, Path, ExportOptions], object]
    wanted: Callable[[ExportOptions], bool] = lambda options: True


def _alignment_csv(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_csv(alignment_frame(result.units), path, bom=options.csv_bom)


def _flags_csv(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_csv(flags_frame(result.flags), path, bom=options.csv_bom)


def _tmx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_tmx(alignment_frame(result.units), path, result.document.name, english=options.tmx_english, status=options.tmx_status,
              has_official=result.has_official, created=options.tmx_created)


def _xlsx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_xlsx(alignment_frame(result.units), path, flags_frame(result.flags))


EXPORTERS: list[Exporter] = [
    Exporter("alignment.csv", _alignment_csv),
    Exporter("flags.csv", _flags_csv),
    Exporter("aligned.tmx", _tmx),
    Exporter("review.xlsx", _xlsx, lambda options: options.xlsx),
]


def safe_folder_name(name: str) -> str:
    """A document name usable as one folder name: no separators, control characters or leading dots ("..", ".", "...txt")."""
    cleaned = "".join("_" if char in '/\\:' or not char.isprintable() else char for char in name).strip().lstrip(".").strip()
    return cleaned[:150] or "document"


def output_folder(out: Path, name: str) -> Path:
    """The folder of one document's outputs inside `out`; never outside it, whatever the document's file was called."""
    folder = out / safe_folder_name(name)
    if not folder.resolve().is_relative_to(out.resolve()) or folder.resolve() == out.resolve():
        raise InputError(name, f"cannot be written under {out}: the name leads outside the output folder")
    return folder


def export_result(result: DocumentResult, folder: Path, options: ExportOptions) -> list[Path]:
    """Write every wanted output of one document into `folder`; return the paths written."""
    written = []
    for exporter in EXPORTERS:
        if exporter.wanted(options):
            exporter.write(result, folder / exporter.filename, options)
            written.append(folder / exporter.filename)
    return written
