"""What `run` writes for each document: a registry of exporters, each one file of the output folder.

Adding an output is a function `write(result, path, options)` and one line in `EXPORTERS`.
The tables (polars) are built here, at the edge, from the typed result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from align.errors import InputError
from align.export.qa_report import write_qa_report_html, write_qa_report_xlsx
from align.export.tables import alignment_frame, flags_frame, write_csv, write_tmx, write_xlsx
from align.interchange.tmx import flag_notes
from align.model import DocumentResult


@dataclass(frozen=True)
class ExportOptions:
    csv_bom: bool = False
    tmx_english: str = "official"
    """Kept for old scripts: `run` always writes official English to aligned.tmx and machine translation to aligned-mt.tmx."""
    tmx_status: str = "all"
    tmx_source_lang: str = "fr-FR"
    tmx_target_lang: str = "en"
    xlsx: bool = False
    tmx_created: datetime | None = None
    """The TMX header's creation date (None: now). A corpus run fixes it once, so every document of a run has the same."""
    docx: bool = False
    fr_paragraphs: tuple[str, ...] | None = None
    """The French document's paragraphs when it was read from a .docx (review.docx rebuilds them); None: the paragraphs of the text."""
    verdicts: Mapping[int, str] | None = None
    """Per-flag review verdicts (position in `result.flags` → verdict) for the QA report; None: the link status only."""


@dataclass(frozen=True)
class Exporter:
    filename: str
    write: Callable[[DocumentResult, Path, ExportOptions], object]
    wanted: Callable[[ExportOptions], bool] = lambda options: True


def _alignment_csv(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_csv(alignment_frame(result.units), path, bom=options.csv_bom)


def _flags_csv(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_csv(flags_frame(result.flags), path, bom=options.csv_bom)


MT_TMX_NOTE = ("Machine translation only, never an official translation: keep this file apart from official translation memories "
               "(OmegaT 3.6: tm/penalty-30/, never tm/auto/).")
NO_OFFICIAL_NOTE = "This document has no official English; its machine translation is in aligned-mt.tmx, kept apart from official translations."


def _tmx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    """Official English only: a CAT tool must never offer machine translation as if it were the official text."""
    write_tmx(alignment_frame(result.units), path, result.document.name, english="official", status=options.tmx_status,
              has_official=result.has_official, mt_fallback=False, src_lang=options.tmx_source_lang, tgt_lang=options.tmx_target_lang,
              header_note="" if result.has_official else NO_OFFICIAL_NOTE, created=options.tmx_created, notes=flag_notes(result.flags))


def _mt_tmx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_tmx(alignment_frame(result.units), path, result.document.name, english="mt", status=options.tmx_status,
              has_official=result.has_official, src_lang=options.tmx_source_lang, tgt_lang=options.tmx_target_lang, header_note=MT_TMX_NOTE,
              created=options.tmx_created, notes=flag_notes(result.flags))


def _qa_html(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_qa_report_html(result, path, options.verdicts)


def _qa_xlsx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_qa_report_xlsx(result, path, options.verdicts)


def _review_docx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    from align.export.review_docx import write_review_docx

    write_review_docx(result, path, options.fr_paragraphs)


def _xlsx(result: DocumentResult, path: Path, options: ExportOptions) -> None:
    write_xlsx(alignment_frame(result.units), path, flags_frame(result.flags))


EXPORTERS: list[Exporter] = [
    Exporter("alignment.csv", _alignment_csv),
    Exporter("flags.csv", _flags_csv),
    Exporter("aligned.tmx", _tmx),
    Exporter("aligned-mt.tmx", _mt_tmx),
    Exporter("review.xlsx", _xlsx, lambda options: options.xlsx),
    Exporter("qa-report.html", _qa_html),
    Exporter("qa-report.xlsx", _qa_xlsx, lambda options: options.xlsx),
    Exporter("review.docx", _review_docx, lambda options: options.docx),
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


def export_notices(result: DocumentResult, options: ExportOptions) -> list[str]:
    """What the user should know about the files written (one line each)."""
    notices = []
    if options.tmx_status == "confirmed" and not any(link.status == "confirmed" for link in result.links):
        notices.append(f"notice: {result.document.name}: --tmx-status confirmed, but no link is confirmed yet: aligned.tmx and "
                       "aligned-mt.tmx hold no units (confirm links in the review app, then export again)")
    if options.tmx_english != "official":
        notices.append(f"notice: {result.document.name}: --tmx-english {options.tmx_english} is no longer used: aligned.tmx holds the "
                       "official English only, aligned-mt.tmx the machine translation")
    return notices


def export_result(result: DocumentResult, folder: Path, options: ExportOptions) -> list[Path]:
    """Write every wanted output of one document into `folder`; return the paths written."""
    written = []
    for exporter in EXPORTERS:
        if exporter.wanted(options):
            exporter.write(result, folder / exporter.filename, options)
            written.append(folder / exporter.filename)
    return written
