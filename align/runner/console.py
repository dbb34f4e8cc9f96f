"""`python -m align run CORPUS --engine local|ray --workers N`: progress over documents, the summary table, the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from align import settings
from align.errors import InputError
from align.runner.job import FAILED, OK, SKIPPED, UNCHANGED, DocumentOutcome


def command_corpus(args: argparse.Namespace) -> int:
    """Run the CLI's `run` arguments through `run_corpus`; exit 1 if a document failed, 2 if one was unreadable, else 0."""
    from tqdm import tqdm

    from align.export import ExportOptions
    from align.pipeline import RunOptions
    from align.runner import document_sources, run_corpus

    engine = args.engine or "local"
    workers = 1 if args.workers is None else args.workers
    if workers < 1:
        raise InputError("--workers", "must be at least 1")
    if args.ray_address and engine != "ray":
        raise InputError("--ray-address", "needs --engine ray")
    sources = document_sources(args.paths, args.en)
    options = RunOptions(mt_engine=args.mt_engine, embedding_model=args.embedding_model or RunOptions.embedding_model,
                         cache=args.cache, mt_beam_size=args.beam_size)
    exports = ExportOptions(csv_bom=args.csv_bom, tmx_english=args.tmx_english, tmx_status=args.tmx_status, xlsx=args.xlsx,
                            tmx_source_lang=args.tmx_source_lang, tmx_target_lang=args.tmx_target_lang, docx=args.docx)
    terminal = sys.stderr.isatty()
    bar = tqdm(total=len(sources), unit="doc", disable=not terminal, leave=False)

    def progress(outcome: DocumentOutcome, done: int, total: int) -> None:
        if terminal:
            bar.set_postfix_str(f"{outcome.name}: {outcome.status}")
            bar.update(1)
        else:
            print(f"[{done}/{total}] {outcome.name}: {outcome.status} ({outcome.seconds:.1f} s)", file=sys.stderr, flush=True)

    report = run_corpus(sources, Path(args.out), settings.glossary_path(args.glossary), options, exports, engine=engine, workers=workers,
                        address=args.ray_address, review_dir=args.review_dir, progress=progress)
    bar.close()
    for outcome in report.outcomes:
        if outcome.summary and outcome.status == OK:
            print(outcome.summary)
    from align.runner.summary import summary_table

    print(summary_table(report.outcomes))
    counts = {status: report.count(status) for status in (OK, UNCHANGED, SKIPPED, FAILED)}
    print(f"{len(report.outcomes)} documents in {report.seconds:.1f} s ({engine}, {workers} worker{'s' if workers > 1 else ''}): "
          + ", ".join(f"{count} {status}" for status, count in counts.items()) + f" -> {report.summary_path}")
    for outcome in report.outcomes:
        for notice in outcome.notices:
            print(f"warning: {outcome.name}: {notice.removeprefix('warning: ')}", file=sys.stderr)
    return 1 if counts[FAILED] else 2 if counts[SKIPPED] else 0
