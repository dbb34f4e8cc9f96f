"""`python -m bench check-speed`: units per second of `python -m align check` on a large TMX of real sentences.

The TMX is built from the corpus (`texts/` and `eval/texts/`): each document's French and English
are segmented and paired sentence by sentence (position i with position i — the pairs need not be
translations of each other for a speed figure, and misaligned pairs exercise the checks harder),
then repeated until `--units` units. The figure printed is for the whole command: reading the TMX,
loading the glossary, running every check and writing flags.csv, with stage timings.

With `--workers N…` (and `--baseline CHECKOUT`) it times whole `python -m align check` processes instead, in turn (baseline,
then this tree with each N, for `--rounds` rounds): wall-clock seconds, CPU seconds of the process and its worker processes
(user + system, from `wait4`), peak resident memory of the largest process, and whether each flags.csv is byte-identical to
the first one's. Units per CPU second and units per wall second are printed apart: on a shared machine only the first is
comparable from run to run, and extra processes cost CPU (their start-up) to save wall-clock time. Before a run on N processes it
prints the machine's ceiling for N (`bench.corpus.machine_ceiling`: one CPU loop alone against N at once), which bounds the
wall-clock speed-up on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import cycle
from pathlib import Path

from lxml import etree

from align.text.segmentation import segment_text
from bench.splits import heldout_ids

ROOT = Path(__file__).resolve().parent.parent
EVAL_TEXTS = ROOT / "eval" / "texts"
CORPORA = (ROOT / "texts", EVAL_TEXTS)
"""The held-out part of eval/ is left out (bench/splits.py)."""


def corpus_pairs() -> list[tuple[str, str]]:
    """(French sentence, English sentence) pairs from every corpus document that has both sides."""
    pairs: list[tuple[str, str]] = []
    heldout = heldout_ids()
    for corpus in CORPORA:
        for fr_file in sorted((corpus / "fr").glob("*.txt")):
            en_file = corpus / "en" / fr_file.name
            if not en_file.is_file() or (corpus == EVAL_TEXTS and fr_file.stem in heldout):
                continue
            fr = [segment.text for segment in segment_text(fr_file.read_text(encoding="utf-8"), "fr") if segment.alignable]
            en = [segment.text for segment in segment_text(en_file.read_text(encoding="utf-8"), "en") if segment.alignable]
            pairs.extend(zip(fr, en))
    return pairs


def build_tmx(pairs: list[tuple[str, str]], units: int, *, distinct: bool = False) -> bytes:
    """A TMX 1.4 file of `units` units cycling through `pairs`; with `distinct`, the k-th repeat of a pair (k ≥ 2) ends with « (k) »
    on both sides, so that no text repeats and what the checks remember per text never serves twice."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="bench", creationtoolversion="1", segtype="sentence", adminlang="en",
                     srclang="fr", datatype="plaintext", **{"o-tmf": "none"})
    body = etree.SubElement(root, "body")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for index, (fr, en) in zip(range(units), cycle(pairs)):
        repeat = index // len(pairs) + 1
        if distinct and repeat > 1:
            fr, en = f"{fr} ({repeat})", f"{en} ({repeat})"
        unit = etree.SubElement(body, "tu")
        for code, text in (("fr", fr), ("en", en)):
            variant = etree.SubElement(unit, "tuv", {lang: code})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def command_check_speed(args: argparse.Namespace) -> int:
    from align.checks import CheckContext, run_checks
    from align.export.tables import flags_frame, write_csv
    from align.io.readers import read_units
    from align.terms.glossary import load_glossary

    pairs = corpus_pairs()
    if not pairs:
        print("error: no corpus documents with both sides in texts/ or eval/texts/")
        return 2
    if args.workers or args.baseline:
        return _time_processes(args, pairs)
    with tempfile.TemporaryDirectory() as folder:
        tmx = Path(folder) / "large.tmx"
        tmx.write_bytes(build_tmx(pairs, args.units, distinct=args.distinct_texts))
        size = tmx.stat().st_size
        started, cpu_started = time.perf_counter(), time.process_time()
        units = read_units(tmx)
        read = time.perf_counter()
        glossary = load_glossary(args.glossary) if args.glossary else load_glossary()
        loaded = time.perf_counter()
        flags = run_checks(units, CheckContext(glossary, has_official=True))
        checked = time.perf_counter()
        write_csv(flags_frame(flags), Path(folder) / "flags.csv")
        finished, cpu = time.perf_counter(), time.process_time() - cpu_started
    total = finished - started
    severities = Counter(flag.severity for flag in flags)
    print(f"check on a TMX of {len(units):,} units ({_repeats(args, pairs)}, {size / 1e6:.1f} MB)")
    print(f"  read TMX {read - started:.1f} s, load glossary {loaded - read:.1f} s, checks {checked - loaded:.1f} s, "
          f"write flags.csv {finished - checked:.1f} s")
    print(f"  flags: {severities.get('error', 0)} error, {severities.get('warning', 0)} warning, {severities.get('info', 0)} info")
    print(f"  {len(units) / total:,.0f} units/s overall ({len(units) / (checked - loaded):,.0f} units/s in the checks); target > 1,000 units/s")
    print(f"  {len(units) / cpu:,.0f} units/s of CPU time ({cpu:.1f} s; the wall-clock figure depends on the machine's other load)")
    return 0


def _repeats(args: argparse.Namespace, pairs: list[tuple[str, str]]) -> str:
    if args.distinct_texts:
        return f"{len(pairs):,} sentence pairs from the corpus, each repeat numbered: no text twice"
    return f"{len(pairs):,} distinct sentence pairs from the corpus, each text about {args.units / len(pairs):,.0f} times"


def _run_check(root: Path, tmx: Path, out: Path, workers: int, glossary: str | None, grammar: bool = True) -> tuple[float, float, float]:
    """(wall s, CPU s of the process and its waited-for workers, peak resident MiB) of one `python -m align check` in `root`."""
    # `--workers` is always given (a checkout's default may differ from this tree's)
    command = [sys.executable, "-m", "align", "check", str(tmx), "--out", str(out), "--workers", str(workers)]
    if glossary:
        command += ["--glossary", str(Path(glossary).resolve())]
    environment = dict(os.environ, PYTHONPATH=str(root))
    environment.pop("ALIGN_GRAMMAR", None)
    if not grammar:
        environment["ALIGN_GRAMMAR"] = "off"
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode:
        raise SystemExit(f"error: {' '.join(command)} (in {root}) exited with {process.returncode}: {error.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _time_processes(args: argparse.Namespace, pairs: list[tuple[str, str]]) -> int:
    from bench.corpus import machine_ceiling

    trees = ([("baseline", Path(args.baseline).resolve())] if args.baseline else []) + [("this tree", ROOT)]
    configs = [(label, root, workers, grammar == "on") for grammar in args.grammar for label, root in trees for workers in (args.workers or [1])]
    results: dict[int, list[tuple[float, float, float]]] = {index: [] for index in range(len(configs))}
    with tempfile.TemporaryDirectory() as folder:
        tmx = Path(folder) / "large.tmx"
        tmx.write_bytes(build_tmx(pairs, args.units, distinct=args.distinct_texts))
        references: dict[bool, bytes] = {}  # the first flags.csv with and without the grammar check
        identical = dict.fromkeys(range(len(configs)), True)
        for round_number in range(args.rounds):
            for index, (label, root, workers, grammar) in enumerate(configs):
                out = Path(folder) / f"out{index}"
                out.mkdir(exist_ok=True)
                load = os.getloadavg()[0]
                ceiling = f", machine ceiling for {workers} processes {machine_ceiling(workers):.2f}x" if workers > 1 else ""
                wall, cpu, peak = _run_check(root, tmx, out, workers, args.glossary, grammar)
                results[index].append((wall, cpu, peak))
                flags = (out / "flags.csv").read_bytes()
                reference = references.setdefault(grammar, flags)
                identical[index] = identical[index] and flags == reference
                print(f"  round {round_number + 1}, {label}, {workers} process(es), grammar {'on' if grammar else 'off'}: wall {wall:.1f} s, "
                      f"CPU {cpu:.1f} s, peak {peak:,.0f} MiB (load {load:.1f} before{ceiling})", flush=True)
    print(f"check on a TMX of {args.units:,} units ({_repeats(args, pairs)}), {args.rounds} round(s), medians [range]:")
    for index, (label, root, workers, grammar) in enumerate(configs):
        walls, cpus, peaks = zip(*results[index])
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"  {label} ({root}), {workers} process(es), grammar {'on' if grammar else 'off'}: "
              f"{args.units / cpu:,.0f} units per CPU second ({cpu:.1f} s) [{args.units / max(cpus):,.0f}–{args.units / min(cpus):,.0f}], "
              f"{args.units / wall:,.0f} units per wall second ({wall:.1f} s) [{args.units / max(walls):,.0f}–{args.units / min(walls):,.0f}], "
              f"peak {max(peaks):,.0f} MiB; flags.csv {'identical to' if identical[index] else 'DIFFERENT from'} the first run's with that grammar setting")
    return 0 if all(identical.values()) else 1
