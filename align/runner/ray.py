"""The `ray` engine: one Ray actor per worker, each loading the models once, fed documents as it finishes them.

Without an address, Ray starts a local instance for the run (and stops it after); with
`--ray-address` it joins an existing cluster, whose nodes must see the corpus, output and cache
folders at the same paths (a shared filesystem; see README "Whole corpora").
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator

from align.errors import ModelMissingError
from align.runner.job import FAILED, CorpusJob, DocumentOutcome, DocumentTask, process_document, warm_worker

IN_FLIGHT_PER_WORKER = 2  # a worker's next document waits at the actor, so it never idles for a round trip to the driver
OBJECT_STORE_BYTES = 100 * 1024 * 1024  # outcomes are small rows; outputs go straight to disk from the workers


class DocumentWorker:
    """A Ray actor (made remote in `RayRunner`): the warm models of one worker process."""

    def __init__(self, job: CorpusJob) -> None:
        self.job = job
        self.warmup_seconds = warm_worker(job)

    def process(self, task: DocumentTask) -> DocumentOutcome:
        outcome = process_document(self.job, task)
        outcome.warmup_seconds, self.warmup_seconds = self.warmup_seconds, 0.0
        return outcome


class RayRunner:
    def __init__(self, job: CorpusJob, workers: int = 1, address: str | None = None) -> None:
        self.job = job
        self.workers = max(1, workers)
        self.address = address
        self._actors: list = []
        self._started_ray = False

    def __enter__(self) -> RayRunner:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            import ray
        except ImportError as error:
            raise ModelMissingError("--engine ray needs the PyPI package ray: pip install 'ray==2.60.0' (the project's extra: '.[ray]')") from error
        self._ray = ray
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, logging_level="ERROR", log_to_driver=False)
            else:  # "local": a new instance even when RAY_ADDRESS is set, sized to the workers asked for
                ray.init(address="local", num_cpus=self.workers, include_dashboard=False, object_store_memory=OBJECT_STORE_BYTES,
                         logging_level="ERROR", log_to_driver=False)
            self._started_ray = True
        worker_class = ray.remote(num_cpus=1, max_restarts=1, max_task_retries=1)(DocumentWorker)
        self._actors = [worker_class.remote(self.job) for _ in range(self.workers)]
        return self

    def __exit__(self, *exc: object) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started_ray:
            self._ray.shutdown()

    def map(self, tasks: list[DocumentTask]) -> Iterator[DocumentOutcome]:
        """Each task's outcome, as documents finish (in any order)."""
        ray = self._ray
        queue = deque(tasks)
        free = [actor for actor in self._actors for _ in range(IN_FLIGHT_PER_WORKER)]
        pending: dict = {}
        while queue or pending:
            while queue and free:
                actor, task = free.pop(), queue.popleft()
                pending[actor.process.remote(task)] = (actor, task)
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                actor, task = pending.pop(ref)
                free.append(actor)
                try:
                    yield ray.get(ref)
                except ray.exceptions.RayError as error:  # the actor died twice (restarted once): this document fails, the others go on
                    yield DocumentOutcome(task.name, FAILED, message=f"Ray worker failed: {type(error).__name__}: {str(error).splitlines()[0]}")
