"""Writing results: tables as CSV (optionally with a BOM for Excel) and XLSX, links as TMX 1.4b.

Every `*_bytes` function returns the file's bytes (the app offers them as downloads); every
`write_*` function writes them atomically, keeping the previous file as `NAME.bak`. TMX lives in
`align.interchange.tmx` and TBX in `align.interchange.tbx`; `tmx_bytes`, `write_tmx`, `tbx_bytes` and `write_tbx` are
re-exported here so that the CLI and the app find every download in one module.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import polars as pl
import xlsxwriter

from align.interchange.tbx import tbx_bytes, write_tbx
from align.interchange.tmx import ENGLISH_CHOICES, STATUS_CHOICES, tmx_bytes, validate_tmx, write_tmx
from align.io.atomic import write_atomic
from align.model import PAST_VERDICT_STATES, Flag, Unit

__all__ = ["ALIGNMENT_COLUMNS", "ENGLISH_CHOICES", "FLAG_COLUMNS", "STATUS_CHOICES", "alignment_frame", "csv_bytes", "flags_frame", "tbx_bytes",
           "tmx_bytes", "units_from_frame", "validate_tmx", "write_csv", "write_tbx", "write_tmx", "write_xlsx", "xlsx_bytes",
           "row_height", "wrapped_lines"]

# Columns added later go at the end, so that readers of older files and column positions keep working.
ALIGNMENT_COLUMNS = ("link", "fr_ids", "en_ids", "fr", "mt", "en", "score", "status", "mt_engine", "comment")
FLAG_COLUMNS = ("link", "side", "kind", "severity", "start", "end", "text", "message", "suggestion", "review_state", "review_note")
_ALIGNMENT_SCHEMA = {"link": pl.Int64, "fr_ids": pl.List(pl.Int64), "en_ids": pl.List(pl.Int64), "fr": pl.Utf8, "mt": pl.Utf8,
                     "en": pl.Utf8, "score": pl.Float64, "status": pl.Utf8, "mt_engine": pl.Utf8, "comment": pl.Utf8}
_FLAG_SCHEMA = {"link": pl.Int64, "side": pl.Utf8, "kind": pl.Utf8, "severity": pl.Utf8, "start": pl.Int64,
                "end": pl.Int64, "text": pl.Utf8, "message": pl.Utf8, "suggestion": pl.Utf8, "review_state": pl.Utf8, "review_note": pl.Utf8}
SEVERITY_COLOURS = {"error": "#F4B6B6", "warning": "#FFE08A", "info": "#CFE2F3"}
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_WIDE_COLUMNS = ("fr", "mt", "en", "text", "message", "suggestion", "definition", "note", "comment", "review_note")

LINE_HEIGHT = 15.0
"""Points per line of 11-point Calibri, Excel's default row height."""


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes in a cell `width` characters wide with wrapping on (at least 1)."""
    return sum(max(1, math.ceil(len(line) / max(1, width - 1))) for line in (text or "").split("\n")) if text else 1


def row_height(cells: list[tuple[str, int]]) -> float:
    """Row height in points for cells given as (text, column width); capped at Excel's maximum of 409."""
    return min(409.0, LINE_HEIGHT * max(wrapped_lines(text, width) for text, width in cells))


def alignment_frame(units: list[Unit]) -> pl.DataFrame:
    """The alignment table (columns `ALIGNMENT_COLUMNS`): one row per unit, as in alignment.csv."""
    rows = [{"link": unit.number, "fr_ids": list(unit.fr_ids), "en_ids": list(unit.en_ids), "fr": unit.fr, "mt": unit.mt, "en": unit.en,
             "score": unit.score, "status": unit.status, "mt_engine": unit.mt_engine, "comment": unit.comment} for unit in units]
    return pl.DataFrame(rows, schema=_ALIGNMENT_SCHEMA)


def flags_frame(flags: list[Flag]) -> pl.DataFrame:
    """The flags table (columns `FLAG_COLUMNS`), in the order given (the checks return link order, document-level flags last)."""
    # Attribute by attribute, not `asdict`: its recursive deep copy took 0.5 s for the 2,500 flags of a long document (the app's QA view).
    return pl.DataFrame([tuple(getattr(flag, column) for column in FLAG_COLUMNS) for flag in flags], schema=_FLAG_SCHEMA, orient="row")


def units_from_frame(frame: pl.DataFrame) -> list[Unit]:
    """Units back from an alignment table (an edited table, a benchmark's table)."""
    return [Unit(row["link"], tuple(row["fr_ids"] or ()), tuple(row["en_ids"] or ()), row.get("fr") or "", row.get("mt") or "",
                 row.get("en") or "", row["score"] if row.get("score") is not None else 1.0, row.get("status") or "auto", row.get("mt_engine") or "",
                 row.get("comment") or "")
            for row in frame.iter_rows(named=True)]


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    """List columns (fr_ids, en_ids) joined with spaces, so every cell is plain text or a number."""
    return frame.with_columns(
        [pl.col(name).cast(pl.List(pl.Utf8)).list.join(" ") for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    )


def csv_bytes(frame: pl.DataFrame, *, bom: bool = False) -> bytes:
    """A frame as UTF-8 CSV bytes; list columns are joined with spaces.

    With `bom`, the bytes start with a UTF-8 byte-order mark so that Excel opens accented
    text correctly instead of guessing a Windows code page.
    """
    buffer = io.BytesIO()
    _neutralise_formulas(_flatten(frame)).write_csv(buffer, include_bom=bom)
    return buffer.getvalue()


FORMULA_STARTS = "=+-@\t\r"
"""A cell starting with one of these is run as a formula by Excel and LibreOffice (CSV injection)."""


def _neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe, which shows them as text (OWASP's advice)."""
    pattern = "^[" + FORMULA_STARTS.replace("-", "\\-") + "]"
    return frame.with_columns([pl.when(pl.col(name).str.contains(pattern)).then(pl.lit("'") + pl.col(name)).otherwise(pl.col(name)).alias(name)
                               for name, dtype in frame.schema.items() if dtype == pl.Utf8])


def write_csv(frame: pl.DataFrame, path: str | Path, *, bom: bool = False) -> Path:
    """Write a frame as CSV, atomically."""
    return write_atomic(path, csv_bytes(frame, bom=bom))


def xlsx_bytes(alignment: pl.DataFrame, flags: pl.DataFrame | None = None, *, sheets: dict[str, pl.DataFrame] | None = None) -> bytes:
    """An Excel workbook: an `alignment` sheet, a `flags` sheet, then any extra `sheets`.

    In the alignment sheet, every text cell (fr, mt, en) that has a flag is filled with the
    colour of its most severe flag (error red, warning yellow, info blue) and carries a
    comment listing the flags' messages; in the flags sheet the severity cell is coloured.
    """
    buffer = io.BytesIO()
    # Text that starts with "=" is a sentence, not a formula to run (and a URL is text, not a link).
    with xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}) as workbook:
        tables = {"alignment": alignment}
        if flags is not None:
            tables["flags"] = flags
        tables.update(sheets or {})
        for name, frame in tables.items():
            _write_sheet(workbook, name, _flatten(frame))
        if flags is not None and flags.height:
            _highlight_flagged_cells(workbook, tables["alignment"], flags)
    return buffer.getvalue()


def _write_sheet(workbook: xlsxwriter.Workbook, name: str, frame: pl.DataFrame) -> None:
    wrap = {"text_wrap": True, "valign": "top"}
    column_formats = {column: wrap for column in frame.columns if column in _WIDE_COLUMNS}
    widths = {column: 60 if column in ("fr", "mt", "en") else 40 for column in column_formats}
    conditional = {}
    if "severity" in frame.columns:
        conditional["severity"] = [
            {"type": "cell", "criteria": "==", "value": f'"{severity}"', "format": {"bg_color": colour}}
            for severity, colour in SEVERITY_COLOURS.items()
        ]
    frame.write_excel(workbook, name, column_formats=column_formats or None, conditional_formats=conditional or None,
                      freeze_panes=(1, 0), autofilter=True)
    # polars' column_widths are pixels; xlsxwriter's set_column takes characters, which is what a reader sees.
    sheet = workbook.get_worksheet_by_name(name)
    wrap_format = workbook.add_format(wrap)
    for column, width in widths.items():
        index = frame.columns.index(column)
        sheet.set_column(index, index, width, wrap_format)
    if widths:
        cells = {column: frame[column].cast(pl.Utf8).fill_null("").to_list() for column in widths}
        for row in range(frame.height):
            sheet.set_row(row + 1, row_height([(cells[column][row], width) for column, width in widths.items()]))


def _highlight_flagged_cells(workbook: xlsxwriter.Workbook, alignment: pl.DataFrame, flags: pl.DataFrame) -> None:
    """Rewrite each flagged text cell of the alignment sheet with a fill colour and a comment."""
    sheet = workbook.get_worksheet_by_name("alignment")
    formats = {severity: workbook.add_format({"bg_color": colour, "text_wrap": True, "valign": "top"})
               for severity, colour in SEVERITY_COLOURS.items()}
    row_of_link = {link: index + 1 for index, link in enumerate(alignment["link"].to_list())}  # +1: header row
    column_of_side = {side: alignment.columns.index(side) for side in ("fr", "mt", "en") if side in alignment.columns}
    cells: dict[tuple[int, int], list[dict]] = {}
    for flag in flags.iter_rows(named=True):
        if flag["review_state"] in PAST_VERDICT_STATES:  # the flag is gone from the text: nothing to mark
            continue
        row, column = row_of_link.get(flag["link"]), column_of_side.get(flag["side"])
        if row is not None and column is not None:
            cells.setdefault((row, column), []).append(flag)
    for (row, column), found in cells.items():
        worst = min(found, key=lambda flag: _SEVERITY_RANK.get(flag["severity"], 3))["severity"]
        side = alignment.columns[column]
        sheet.write_string(row, column, alignment[side][row - 1] or "", formats.get(worst, formats["info"]))
        sheet.write_comment(row, column, "\n".join(f"{flag['severity']}: {flag['message']}" for flag in found)[:32000],
                            {"x_scale": 2.5, "y_scale": 2})


def write_xlsx(alignment: pl.DataFrame, path: str | Path, flags: pl.DataFrame | None = None, **options: object) -> Path:
    """Write `xlsx_bytes(alignment, flags)` atomically."""
    return write_atomic(path, xlsx_bytes(alignment, flags, **options))  # type: ignore[arg-type]
