"""The `local` engine: documents in this process (1 worker) or in a pool of warm worker processes (`concurrent.futures`)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from align.runner.job import FAILED, CorpusJob, DocumentOutcome, DocumentTask, process_document, warm_worker

_job: CorpusJob | None = None
_warmup_seconds = 0.0


def _start_worker(job: CorpusJob) -> None:
    """Process-pool initializer: each worker process loads the models once, before its first document."""
    global _job, _warmup_seconds
    _job = job
    _warmup_seconds = warm_worker(job)


def _process(task: DocumentTask) -> DocumentOutcome:
    global _warmup_seconds
    assert _job is not None, "worker not initialised"
    outcome = process_document(_job, task)
    outcome.warmup_seconds, _warmup_seconds = _warmup_seconds, 0.0
    return outcome


class LocalRunner:
    """One warm process per worker; with one worker, this process itself (no pool, no pickling)."""

    def __init__(self, job: CorpusJob, workers: int = 1, address: str | None = None) -> None:
        self.job = job
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._warm = False

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, tasks: list[DocumentTask]) -> Iterator[DocumentOutcome]:
        """Each task's outcome, as documents finish (in any order)."""
        if not tasks:
            return
        if self.workers == 1:
            warmup = 0.0 if self._warm else warm_worker(self.job)
            self._warm = True
            for task in tasks:
                outcome = process_document(self.job, task)
                outcome.warmup_seconds, warmup = warmup, 0.0
                yield outcome
            return
        if self._pool is None:  # spawn: a fresh interpreter per worker, so thread limits apply before numpy/torch load
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self.job,))
        futures = {self._pool.submit(_process, task): task for task in tasks}
        broken = False
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool as error:  # a worker died (killed, out of memory): its documents fail; the retry gets a new pool
                broken = True
                yield DocumentOutcome(futures[future].name, FAILED, message=f"worker process died: {error}")
        if broken:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
