"""The corpus summary: `out/summary.csv`, one row per document, and the same as a printed table."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from align.export.tables import write_csv
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


def write_summary(outcomes: list[DocumentOutcome], path: Path) -> Path:
    """Write the summary CSV atomically (the previous run's is kept as summary.csv.bak)."""
    return write_csv(summary_frame(outcomes), path)


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
