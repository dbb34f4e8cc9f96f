"""One document's work inside a worker: read, `align.pipeline.run_document`, apply the saved review, write, record.

Every runner (in-process, process pool, Ray actors) calls `process_document`, which makes the document with
`run_and_write` — the function the CLI's single-process `run` calls too — so there is no second pipeline. `warm_worker` loads the
glossary, the MT engine and the embedding models once per worker process, before its first document.
"""

from __future__ import annotations

import contextlib
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import AlignError, InputError
from align.export import ExportOptions, export_result, output_folder
from align.model import Document, DocumentResult
from align.pipeline import Progress, RunOptions, run_document
from align.runner.glossary_changes import document_vocabulary
from align.runner.manifest import write_manifest
from align.terms.glossary import Glossary

THREAD_VARIABLES = ("ALIGN_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")

# status of a document in the corpus summary
OK, UNCHANGED, SKIPPED, FAILED = "ok", "unchanged", "skipped", "failed"


@dataclass(frozen=True)
class CorpusJob:
    """What every worker needs, the same for all documents of a run (sent once per worker)."""

    out: Path
    glossary_path: Path
    options: RunOptions
    exports: ExportOptions
    review_dir: str | None = None
    threads: int | None = None
    """Threads each worker gives MT and embeddings (None: leave the process's default)."""
    glossary_sha256: str = ""
    """The version of the glossary (`glossary_path` is its kept copy, `align.runner.glossary_changes`), recorded in each manifest."""


@dataclass(frozen=True)
class DocumentTask:
    name: str
    fr_path: Path
    en_path: Path | None
    inputs: dict
    """The manifest's inputs (see `align.runner.manifest.document_inputs`), written after the outputs."""


@dataclass
class DocumentOutcome:
    """One row of the corpus summary."""

    name: str
    status: str
    links: int = 0
    needs_review: int = 0
    errors: int = 0
    warnings: int = 0
    info: int = 0
    seconds: float = 0.0
    message: str = ""
    attempts: int = 1
    summary: str = ""
    """The document's one-line result summary (as `run` prints it)."""
    notices: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    worker: int = 0
    """Process id of the worker that ran it."""
    warmup_seconds: float = 0.0
    """Model loading time of its worker, on the first document a worker runs (0 on the others)."""
    cache_write_seconds: float = 0.0
    """Of `seconds`, the time spent writing the shared SQLite caches, waiting for another worker's lock included."""


_warm: dict[str, object] = {}


def limit_threads(threads: int | None) -> None:
    """Give this process `threads` threads for BLAS, torch and the MT engine (set before they are imported)."""
    if threads:
        for variable in THREAD_VARIABLES:
            os.environ[variable] = str(threads)


WARMUP_DOCUMENT = Document(
    name="warm-up",
    fr_text="La traite des personnes est un crime grave. Le 30 juillet est la Journée mondiale contre la traite.",
    en_text="Trafficking in persons is a serious crime. July 30 is the World Day against Trafficking in Persons.",
)


def warm_worker(job: CorpusJob) -> float:
    """Load everything `job`'s documents need in this process (glossary, MT engine, embedding models, the checks' language
    detector) by running the pipeline once on a two-sentence document; return the seconds it took."""
    start = time.perf_counter()
    limit_threads(job.threads)
    with contextlib.suppress(AlignError):  # a missing model is reported by the documents that need it, with its own message
        run_document(WARMUP_DOCUMENT, glossary_for(job), job.options)
    from align.aligner.embedding import ENGLISH_MODEL, load_encoder

    # The warm-up's sentences come from the embedding cache after the first run, and the meaning check needs five links: without
    # this the models would load during a worker's first real documents (seen in a profile), not here.
    for model in (job.options.embedding_model, ENGLISH_MODEL):
        with contextlib.suppress(AlignError):
            load_encoder(model).model  # noqa: B018 - the property loads the model
    return time.perf_counter() - start


def glossary_for(job: CorpusJob) -> Glossary:
    key = str(job.glossary_path)
    if key not in _warm:
        from align.terms.glossary import load_glossary

        _warm[key] = load_glossary(job.glossary_path)
    return _warm[key]  # type: ignore[return-value]


WRITE_STAGE = "write"


def run_and_write(document: Document, glossary: Glossary, options: RunOptions, exports: ExportOptions, out: Path, review_dir: str | None,
                  *, progress: Progress | None = None, mt_progress: Callable[[int, int], None] | None = None) -> DocumentResult:
    """One document, as every `run` makes it: the pipeline, then the reviewer's saved corrections, then its outputs written into its
    folder of `out` (never outside it, whatever its file was called). `progress` also hears WRITE_STAGE before the writing."""
    folder = output_folder(out, document.name)  # a name that cannot be written is refused before any work
    result = run_document(document, glossary, options, progress=progress, mt_progress=mt_progress)
    if progress:
        progress(WRITE_STAGE)
    from align.review.state import apply_saved_review

    result = apply_saved_review(result, glossary, review_dir)
    export_result(result, folder, exports)
    return result


class StageClock:
    """Seconds per stage, from the stage names `run_document` reports as it enters each one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._stage: str | None = None
        self._since = time.perf_counter()

    def enter(self, stage: str | None) -> None:
        now = time.perf_counter()
        if self._stage is not None:
            self.seconds[self._stage] = self.seconds.get(self._stage, 0.0) + now - self._since
        self._stage, self._since = stage, now


def process_document(job: CorpusJob, task: DocumentTask) -> DocumentOutcome:
    """Run one document end to end and write its outputs; never raises (a failure is the outcome's status and message)."""
    from align.io.documents import read_document
    from align.io.sqlitefile import WRITE_SECONDS

    start, cache_writes = time.perf_counter(), WRITE_SECONDS[0]
    clock = StageClock()
    try:
        clock.enter("read")
        document = read_document(task.fr_path, task.en_path, task.name)
        result = run_and_write(document, glossary_for(job), job.options, job.exports, job.out, job.review_dir, progress=clock.enter)
        outcome = outcome_of(result, task.name)
        clock.enter("vocabulary")
        vocabulary = document_vocabulary(result)
        write_manifest(output_folder(job.out, task.name), task.inputs, {key: getattr(outcome, key) for key in RECORDED}, job.glossary_sha256, vocabulary)
        clock.enter(None)
    except InputError as error:  # bad input: retrying cannot help
        return DocumentOutcome(task.name, SKIPPED, seconds=time.perf_counter() - start, message=str(error))
    except Exception as error:  # noqa: BLE001 - one document's failure is reported in the summary; the others go on
        message = str(error) if isinstance(error, AlignError) else f"{type(error).__name__}: {error}"
        if os.environ.get("ALIGN_DEBUG"):
            traceback.print_exc()
        return DocumentOutcome(task.name, FAILED, seconds=time.perf_counter() - start, message=message, stage_seconds=clock.seconds)
    outcome.seconds = time.perf_counter() - start
    outcome.stage_seconds = clock.seconds
    outcome.cache_write_seconds = WRITE_SECONDS[0] - cache_writes
    outcome.worker = os.getpid()
    return outcome


RECORDED = ("links", "needs_review", "errors", "warnings", "info", "summary", "notices")


def outcome_of(result, name: str) -> DocumentOutcome:
    severities = Counter(flag.severity for flag in result.flags)
    return DocumentOutcome(
        name, OK, links=len(result.links), needs_review=sum(link.status == "needs-review" for link in result.links),
        errors=severities.get("error", 0), warnings=severities.get("warning", 0), info=severities.get("info", 0),
        summary=result.summary(), notices=[notice for notice in result.notices if notice.startswith("warning")],
    )
