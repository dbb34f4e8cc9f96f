"""`python -m bench corpus`: whole-corpus throughput of `run CORPUS --engine local|ray --workers N`, cold and warm.

A synthetic corpus of N documents is made from the bundled real texts (texts/ and eval/texts:
FR/EN anti-trafficking documents), deterministically (seeded):
- a third of the documents have an official English version: whole paired source documents
  concatenated (both sides in the same order) up to 20–200 French sentences. Their sentences recur
  across documents, so after first use their MT and embeddings come from the caches;
- two thirds are French only, 20–200 sentences, each made by joining the head of one real sentence
  to the tail of another at a clause boundary: new sentences, so MT and embeddings do real work.
The share of French segments that repeat an earlier one is printed.

Each configuration runs in a fresh process (as the CLI would) with empty MT and embedding caches
(cold), then again on the same output (warm re-run: every document unchanged). `cpu s` is the CPU
time of the run's waited-for processes (driver and pool workers; Ray's workers are not all counted):
the same work at a different wall time means other jobs took the cores; `cores` is that CPU time over the wall
time (local runs only). One worker alone already keeps more than one core busy (Apertium runs as a pipeline of
processes, torch spreads the embedding over threads), so N workers on C cores gain at most min(N, C) / cores of the
one-worker run: the bench prints that bound under the baseline. Peak memory is the
largest sum of RSS over the benchmark's child process tree (driver, pool workers, Ray's processes),
sampled every 0.2 s. The baseline (local, 1 worker) runs in the same invocation as the others,
because the machine is shared and its speed varies from minute to minute.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from align.settings import REPO_ROOT as ROOT
from bench.splits import heldout_ids

SOURCE_DIRS = (ROOT / "texts", ROOT / "eval" / "texts")
CONFIGS = (("local", 1), ("local", 2), ("ray", 2))
STAGES = ("read", "segment", "translate", "embed", "align", "check", "write", "vocabulary")
CHANGED_CONCEPT = "fifa-mens-world-cup"
"""The concept the glossary-change re-run removes (named in a few of the bundled texts, so in some of the synthetic documents)."""
_CLAUSE = re.compile(r",\s|\s(?:et|qui|que|dont|afin de|ainsi que|notamment)\s")


def _sources() -> tuple[list[tuple[str, str]], list[str]]:
    """(French, English) texts of the paired source documents, and every alignable French sentence."""
    from align.io.documents import english_for, source_files
    from align.io.reading import read_text
    from align.text.segmentation import segment_text

    pairs, sentences = [], []
    heldout = heldout_ids()
    for folder in SOURCE_DIRS:
        for fr_file in source_files(folder / "fr"):
            if folder == SOURCE_DIRS[1] and fr_file.stem in heldout:
                continue  # the held-out part of eval/ is never run before its final measurement
            fr = read_text(fr_file)[0]
            sentences += [segment.text for segment in segment_text(fr, "fr") if segment.alignable]
            if en_file := english_for(folder, fr_file.stem):
                pairs.append((fr, read_text(en_file)[0]))
    return pairs, sentences


def _recombined(rng: random.Random, sentences: list[str]) -> str:
    """A new sentence: the head of one real sentence (up to a clause boundary) and the tail of another."""
    while True:
        head, tail = rng.choice(sentences), rng.choice(sentences)
        heads = [m.start() for m in _CLAUSE.finditer(head) if m.start() > 20]
        tails = [m.end() for m in _CLAUSE.finditer(tail) if m.end() < len(tail) - 20]
        if heads and tails:
            text = head[:rng.choice(heads)].rstrip(" ,") + ", " + tail[rng.choice(tails):].lstrip()
            return text if text[-1] in ".!?»" else text + "."


def make_corpus(folder: Path, documents: int, seed: int = 0) -> dict[str, float]:
    """Write `documents` synthetic documents into `folder` (fr/, en/); return their sizes and the repeat share."""
    from align.text.segmentation import segment_text

    pairs, sentences = _sources()
    (folder / "fr").mkdir(parents=True, exist_ok=True)
    (folder / "en").mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    total = repeats = 0
    for index in range(documents):
        rng = random.Random(f"{seed}-{index}")
        target = rng.randint(20, 200)
        name = f"doc-{index:05d}"
        if index % 3 == 0:
            fr_parts, en_parts, count = [], [], 0
            while count < target:
                fr, en = rng.choice(pairs)
                fr_parts.append(fr)
                en_parts.append(en)
                count += sum(segment.alignable for segment in segment_text(fr, "fr"))
                if count > 200 and len(fr_parts) > 1:
                    fr_parts.pop(), en_parts.pop()
                    break
            (folder / "fr" / f"{name}.txt").write_text("\n\n".join(fr_parts) + "\n", encoding="utf-8")
            (folder / "en" / f"{name}.txt").write_text("\n\n".join(en_parts) + "\n", encoding="utf-8")
        else:
            paragraphs, lines = [], [_recombined(rng, sentences) for _ in range(target)]
            while lines:
                size = rng.randint(1, 5)
                paragraphs.append(" ".join(lines[:size]))
                lines = lines[size:]
            (folder / "fr" / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        for segment in segment_text((folder / "fr" / f"{name}.txt").read_text(encoding="utf-8"), "fr"):
            if segment.alignable:
                total += 1
                repeats += segment.text in seen
                seen.add(segment.text)
    return {"documents": documents, "segments": total, "repeat_share": repeats / max(1, total)}


def _tree_rss(root: int) -> int:
    """Sum of the resident memory (bytes) of `root`'s descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
    return total


def _run(corpus: Path, out: Path, cache: Path, engine: str, workers: int, glossary: Path | None = None) -> dict:
    """One run in a fresh process; its wall time, peak tree memory and the per-document outcomes."""
    from align.settings import glossary_path

    report_file = out.with_suffix(".json")
    command = [sys.executable, "-m", "bench.corpus", str(corpus), str(out), str(cache), engine, str(workers), str(report_file),
               str(glossary or glossary_path(None))]
    env = os.environ | {"ALIGN_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("RAY_ADDRESS", None)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, _tree_rss(os.getpid()))

    sampler = threading.Thread(target=sample, daemon=True)
    start, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.start()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    done.set()
    sampler.join()
    if result.returncode != 0:
        raise SystemExit(f"run {engine} x{workers} failed: {result.stderr.strip().splitlines()[-1:]}")
    report = json.loads(report_file.read_text())
    return report | {"wall": seconds, "peak_bytes": peak, "cpu": cpu}


def _child(corpus: str, out: str, cache: str, engine: str, workers: str, report_file: str, glossary: str) -> None:
    """The measured process: `run_corpus` as the CLI calls it, its outcomes dumped as JSON."""
    from align.export import ExportOptions
    from align.pipeline import RunOptions
    from align.runner import document_sources, run_corpus

    report = run_corpus(document_sources([corpus]), Path(out), Path(glossary), RunOptions(cache=cache), ExportOptions(),
                        engine=engine, workers=int(workers))
    Path(report_file).write_text(json.dumps({
        "seconds": report.seconds, "warmups": report.warmup_seconds,
        "outcomes": [{"status": o.status, "seconds": o.seconds, "stages": o.stage_seconds, "message": o.message, "worker": o.worker,
                      "cache_writes": o.cache_write_seconds} for o in report.outcomes],
    }))


def _spin(loops: int) -> float:
    """A fixed pure-Python CPU load; its wall seconds."""
    start, total = time.perf_counter(), 0
    for number in range(loops):
        total += number * number % 7
    return time.perf_counter() - start


def machine_ceiling(workers: int, loops: int = 20_000_000) -> float:
    """The speed-up `workers` processes can get on this machine right now: the same CPU-bound loop run by one process,
    then by `workers` processes at once. Shared cores, hypervisor siblings and the other jobs all show here, so a
    runner's speed-up is judged against it, not against the number of cores."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_spin, [1000] * workers)  # interpreters started before timing
        alone = pool.apply(_spin, (loops,))
        together = max(pool.map(_spin, [loops] * workers))
    return workers * alone / together


def _changed_glossary(folder: Path) -> Path:
    """The project glossary without the rows of `CHANGED_CONCEPT`."""
    from align.settings import glossary_path

    rows = glossary_path(None).read_text(encoding="utf-8").splitlines(keepends=True)
    changed = folder / "glossary-changed.csv"
    changed.write_text("".join(row for row in rows if not row.startswith(CHANGED_CONCEPT + ",")), encoding="utf-8")
    return changed


def _outputs(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and path.parent != out and path.parent.name != ".glossaries" and not path.name.endswith(".bak")}


def run_bench(sizes: list[int], configs: list[tuple[str, int]], keep: str | None = None) -> int:
    base = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="align-bench-corpus-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start (shared: figures are noisy; "
          "all configurations of a size run in this one invocation, baseline first); "
          f"ALIGN_THREADS={os.environ.get('ALIGN_THREADS', 'unset')} OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}")
    try:
        for size in sizes:
            corpus = base / f"corpus-{size}"
            shutil.rmtree(corpus, ignore_errors=True)
            shape = make_corpus(corpus, size)
            print(f"\n== {size} documents, {shape['segments']} French segments "
                  f"({shape['repeat_share']:.0%} repeat an earlier segment and come from the caches once computed)")
            print(f"{'engine':<8}{'workers':>8}{'cold s':>9}{'docs/min':>10}{'vs 1 wkr':>10}{'peak MiB':>10}{'warm s':>8}{'warm/cold':>10}"
                  f"{'failed':>8}{'cpu s':>8}{'cores':>6}{'busy':>6}{'sqlite s':>9}  warm-up s per worker  (load average at start)")
            for workers in sorted({workers for _, workers in configs if workers > 1}):
                print(f"machine ceiling now for {workers} processes: {machine_ceiling(workers):.2f}x "
                      f"(one CPU-bound loop per process, all at once, against one alone; a runner cannot beat it)")
            baseline = None
            reference = None
            changed_glossary = None
            stage_totals: dict[str, dict[str, float]] = {}
            for engine, workers in configs:
                out, cache = base / f"out-{size}-{engine}{workers}", base / f"cache-{size}-{engine}{workers}"
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(cache, ignore_errors=True)
                load = os.getloadavg()[0]
                cold = _run(corpus, out, cache, engine, workers)
                warm = _run(corpus, out, cache, engine, workers)
                # busy: worker time on documents over (workers × wall time); what is left is start-up, warm-up, and waiting
                busy = sum(o["seconds"] for o in cold["outcomes"]) / (workers * cold["wall"])
                # cores: CPU over wall time, Apertium's processes and torch's threads included (Ray's workers are not waited for)
                cores = f"{cold['cpu'] / cold['wall']:>6.2f}" if engine == "local" else f"{'-':>6}"
                cache_writes = sum(o.get("cache_writes", 0.0) for o in cold["outcomes"])
                rate = size / cold["wall"] * 60
                baseline = baseline or rate
                failed = sum(o["status"] not in ("ok", "unchanged") for o in cold["outcomes"])
                unchanged = sum(o["status"] == "unchanged" for o in warm["outcomes"])
                print(f"{engine:<8}{workers:>8}{cold['wall']:>9.1f}{rate:>10.1f}{rate / baseline:>9.2f}x{cold['peak_bytes'] / 2**20:>10.0f}"
                      f"{warm['wall']:>8.1f}{warm['wall'] / cold['wall']:>9.1%}{failed:>8}{cold['cpu']:>8.0f}{cores}{busy:>6.0%}{cache_writes:>9.1f}"
                      f"  {', '.join(f'{w:.1f}' for w in cold['warmups'])}  ({load:.1f})"
                      + ("" if unchanged == size else f"  (warm: only {unchanged} unchanged)"))
                if engine == "local" and workers == 1:
                    for more in sorted({w for _, w in configs if w > 1}):
                        print(f"  one worker keeps {cold['cpu'] / cold['wall']:.2f} cores busy (Apertium's pipeline and torch's threads run beside "
                              f"the checks): {more} workers can gain at most {min(more, os.cpu_count() or 1) * cold['wall'] / cold['cpu']:.2f}x "
                              f"on {os.cpu_count()} cores")
                stage_totals[f"{engine} x{workers}"] = {stage: sum(o["stages"].get(stage, 0.0) for o in cold["outcomes"]) for stage in STAGES}
                outputs = _outputs(out)
                if reference is None:
                    reference = outputs
                elif outputs != reference:
                    differing = sorted(name for name in set(outputs) | set(reference) if outputs.get(name) != reference.get(name))
                    print(f"  outputs differ from the baseline's in {len(differing)} files, e.g. {differing[:3]}")
                else:
                    print("  outputs byte for byte those of the baseline (TMX date fixed by SOURCE_DATE_EPOCH)")
                if changed_glossary is None:  # once per size: a re-run after a one-concept glossary change
                    changed_glossary = _changed_glossary(base)
                    edit = _run(corpus, out, cache, engine, workers, changed_glossary)
                    rerun = sum(o["status"] == "ok" for o in edit["outcomes"])
                    print(f"  glossary change (concept {CHANGED_CONCEPT} removed): {rerun} of {size} documents re-run, {edit['wall']:.1f} s "
                          f"({edit['wall'] / cold['wall']:.1%} of the cold run)")
            print("where the time goes (cold, summed over documents, seconds and share of worker time):")
            for label, totals in stage_totals.items():
                whole = sum(totals.values()) or 1.0
                print(f"  {label:<10}" + "  ".join(f"{stage} {seconds:.0f} ({seconds / whole:.0%})" for stage, seconds in totals.items()))
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    _child(*sys.argv[1:8])
