"""Whole corpora: `run_corpus` runs every document on a pool of warm workers and reports each one.

Engines (a registry; adding one is a module with a class like `LocalRunner` and a line in `RUNNERS`):
- `local`: this process (1 worker) or a `concurrent.futures` pool of warm processes;
- `ray`: Ray actors, on a local instance or an existing cluster (`address`).

Per document: its outputs are written by the worker as soon as it finishes (atomically, by the
exporters), then its manifest `out/DOC/.inputs.json`; a re-run skips the documents whose inputs
and settings are unchanged and that no glossary change since can touch (status `unchanged`; see
`align.runner.glossary_changes`), so a run killed half-way resumes where it stopped. `summary.csv`
is rewritten as documents finish. A document that fails is run once more at the end; if it fails again it is reported
(`failed`, with its error) and the others are not affected. Unreadable input is `skipped`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from align.errors import InputError
from align.export import ExportOptions, output_folder
from align.io.documents import document_files
from align.pipeline import RunOptions
from align.review.review_file import review_path
from align.runner.glossary_changes import GlossaryChanges, keep_glossary
from align.runner.job import FAILED, OK, UNCHANGED, CorpusJob, DocumentOutcome, DocumentTask
from align.runner.local import LocalRunner
from align.runner.manifest import RunSettings, document_inputs, file_sha256, is_unchanged
from align.runner.ray import RayRunner
from align.runner.summary import SUMMARY_FILE, SummaryWriter

RUNNERS = {"local": LocalRunner, "ray": RayRunner}

Progress = Callable[[DocumentOutcome, int, int], None]


@dataclass(frozen=True)
class DocumentSource:
    name: str
    fr_path: Path
    en_path: Path | None


@dataclass
class CorpusReport:
    outcomes: list[DocumentOutcome]
    seconds: float
    summary_path: Path
    warmup_seconds: list[float] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)


def document_sources(paths: list[str | Path], en_path: str | Path | None = None) -> list[DocumentSource]:
    """The documents of CLI paths (corpus folders laid out like texts/, or French files), listed without reading them."""
    return [DocumentSource(fr_file.stem, fr_file, en_file) for fr_file, en_file in document_files(paths, en_path)]


def _input_bytes(task: DocumentTask) -> int:
    return sum(path.stat().st_size for path in (task.fr_path, task.en_path) if path is not None and path.exists())


def run_date() -> datetime:
    """The TMX creation date of a run: `$SOURCE_DATE_EPOCH` when set (reproducible outputs, as in reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC).replace(microsecond=0)


def run_corpus(
    sources: list[DocumentSource],
    out: Path,
    glossary_path: Path,
    options: RunOptions,
    exports: ExportOptions,
    *,
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    review_dir: str | None = None,
    progress: Progress | None = None,
) -> CorpusReport:
    """Run every changed document of `sources` on `engine` with `workers` workers; write `out/summary.csv`."""
    from align import settings
    from align.mt.engines import resolve_engine

    start = time.perf_counter()
    if engine not in RUNNERS:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(RUNNERS)}")
    out = Path(out).resolve()
    glossary_path = Path(glossary_path).resolve()
    if not glossary_path.exists():
        raise InputError(glossary_path, "no such file")
    # workers (possibly on other machines) get every location resolved here, not from their own environment
    cache = options.cache if options.cache is False else str(settings.cache_dir(options.cache).resolve())
    engine_name = resolve_engine(options.mt_engine)  # every worker uses this engine, or fails saying it is missing
    options = replace(options, cache=cache, mt_engine=engine_name)
    if exports.tmx_created is None:  # one creation date for the whole run: outputs do not depend on which worker wrote them when
        exports = replace(exports, tmx_created=run_date())
    run_settings = RunSettings.of(options, exports, engine_name)
    glossary_sha256 = file_sha256(glossary_path) or ""
    kept_glossary = keep_glossary(out, glossary_path, glossary_sha256)  # workers read this copy: the version the manifests name
    changes = GlossaryChanges(out, kept_glossary, glossary_sha256)
    cores = settings.threads()
    job = CorpusJob(out, kept_glossary, options, exports, review_dir, threads=max(1, cores // workers) if workers > 1 else None,
                    glossary_sha256=glossary_sha256)

    total = len(sources)
    outcomes: list[DocumentOutcome] = []
    summary = SummaryWriter(out / SUMMARY_FILE, {source.name: index for index, source in enumerate(sources)})

    def record(outcome: DocumentOutcome, write: bool = True) -> None:
        outcomes.append(outcome)
        if write:
            summary.write(outcomes)
        if progress:
            progress(outcome, len(outcomes), total)

    tasks: list[DocumentTask] = []
    for source in sources:
        inputs = document_inputs(source.fr_path, source.en_path, review_path(source.name, review_dir), run_settings)
        manifest = is_unchanged(output_folder(out, source.name), inputs, exports, changes.unaffected)
        if manifest is not None:
            record(DocumentOutcome(source.name, UNCHANGED, **{key: value for key, value in manifest.get("outcome", {}).items()
                                                              if key in DocumentOutcome.__dataclass_fields__}), write=False)
        else:
            tasks.append(DocumentTask(source.name, source.fr_path, source.en_path, inputs))
    summary.write(outcomes)  # before any document runs: the unchanged ones, and the file exists from the start

    # Largest first (longest-processing-time order): with several workers the last documents to start are short ones,
    # so no worker is left alone on a long document at the end while the others idle.
    tasks.sort(key=_input_bytes, reverse=True)
    warmups: list[float] = []
    if tasks:
        by_name = {task.name: task for task in tasks}
        with RUNNERS[engine](job, workers=workers, address=address) as runner:
            failed: list[DocumentOutcome] = []
            for outcome in runner.map(tasks):
                warmups += [outcome.warmup_seconds] if outcome.warmup_seconds else []
                if outcome.status == FAILED:
                    failed.append(outcome)
                else:
                    record(outcome)
            for outcome in runner.map([by_name[outcome.name] for outcome in failed]):  # each failure gets one more try
                warmups += [outcome.warmup_seconds] if outcome.warmup_seconds else []
                outcome.attempts = 2
                record(outcome)
    summary_path = summary.write(outcomes, final=True)
    outcomes.sort(key=lambda outcome: summary.order[outcome.name])
    return CorpusReport(outcomes, time.perf_counter() - start, summary_path, warmups)


__all__ = ["OK", "RUNNERS", "CorpusReport", "DocumentSource", "document_sources", "run_corpus"]
