"""The corpus summary: `out/summary.csv`, one row per document, and the same as a printed table."""

from __future__ import annotations

import time
from pathlib import Path

import polars as pl

from align.export.tables import csv_bytes
from align.io.atomic import write_atomic
from align.runner.job import DocumentOutcome

SUMMARY_FILE = "summary.csv"
COLUMNS = ("document", "status", "links", "needs_review", "errors", "warnings", "info", "seconds", "attempts", "message")


def summary_frame(outcomes: list[DocumentOutcome]) -> pl.DataFrame:
    rows = [{"document": o.name, "status": o.status, "links": o.links, "needs_review": o.needs_review, "errors": o.errors,
             "warnings": o.warnings, "info": o.info, "seconds": round(o.seconds, 2), "attempts": o.attempts, "message": o.message}
            for o in outcomes]
    schema = {"document": pl.Utf8, "status": pl.Utf8, "links": pl.Int64, "needs_review": pl.Int64, "errors": pl.Int64, "warnings": pl.Int64,
              "info": pl.Int64, "seconds": pl.Float64, "attempts": pl.Int64, "message": pl.Utf8}
    return pl.DataFrame(rows, schema=schema)


def write_summary(outcomes: list[DocumentOutcome], path: Path, *, keep_backup: bool = True) -> Path:
    """Write the summary CSV atomically (with `keep_backup`, the file replaced is kept as summary.csv.bak)."""
    return write_atomic(path, csv_bytes(summary_frame(outcomes)), keep_backup=keep_backup)


class SummaryWriter:
    """`summary.csv` rewritten (atomically) as documents finish, so a run killed at any point leaves the summary of what finished.

    The first write keeps the previous run's summary as `summary.csv.bak`. A write comes after each finished document unless the
    previous one took more than a tenth of the time since: on a huge corpus rewriting the whole file after every document would
    cost more than the documents (the manifests record every finished document anyway)."""

    def __init__(self, path: Path, order: dict[str, int]) -> None:
        self.path, self.order = path, order
        self._written = False
        self._last_end = 0.0
        self._last_cost = 0.0

    def write(self, outcomes: list[DocumentOutcome], *, final: bool = False) -> Path:
        now = time.perf_counter()
        if self._written and not final and now - self._last_end < 10 * self._last_cost:
            return self.path
        ordered = sorted(outcomes, key=lambda outcome: self.order.get(outcome.name, len(self.order)))
        write_summary(ordered, self.path, keep_backup=not self._written)
        self._written = True
        self._last_end = time.perf_counter()
        self._last_cost = self._last_end - now
        return self.path


def summary_table(outcomes: list[DocumentOutcome], width: int = 48) -> str:
    """A plain-text table of the summary (messages cut to one line)."""
    header = ("document", "status", "links", "review", "err", "warn", "info", "s", "message")
    rows = [(o.name if len(o.name) <= width else o.name[:width - 1] + "…", o.status, str(o.links), str(o.needs_review), str(o.errors),
             str(o.warnings), str(o.info), f"{o.seconds:.1f}", o.message.splitlines()[0] if o.message else "") for o in outcomes]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [cell.ljust(w) if column < 2 else cell.rjust(w) for column, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells + [row[-1]]).rstrip())
    return "\n".join(lines)
