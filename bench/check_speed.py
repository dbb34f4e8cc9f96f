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


def build_tmx(pairs: list[tuple[str, str]], units: int) -> bytes:
    """A TMX 1.4 file of `units` units cycling through `pairs`."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="bench", creationtoolversion="1", segtype="sentence", adminlang="en",
                     srclang="fr", datatype="plaintext", **{"o-tmf": "none"})
    body = etree.SubElement(root, "body")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for _, (fr, en) in zip(range(units), cycle(pairs)):
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
        tmx.write_bytes(build_tmx(pairs, args.units))
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
    print(f"check on a TMX of {len(units):,} units ({len(pairs):,} distinct sentence pairs from the corpus, {size / 1e6:.1f} MB)")
    print(f"  read TMX {read - started:.1f} s, load glossary {loaded - read:.1f} s, checks {checked - loaded:.1f} s, "
          f"write flags.csv {finished - checked:.1f} s")
    print(f"  flags: {severities.get('error', 0)} error, {severities.get('warning', 0)} warning, {severities.get('info', 0)} info")
    print(f"  {len(units) / total:,.0f} units/s overall ({len(units) / (checked - loaded):,.0f} units/s in the checks); target > 1,000 units/s")
    print(f"  {len(units) / cpu:,.0f} units/s of CPU time ({cpu:.1f} s; the wall-clock figure depends on the machine's other load)")
    return 0


def _run_check(root: Path, tmx: Path, out: Path, workers: int, glossary: str | None) -> tuple[float, float, float]:
    """(wall s, CPU s of the process and its waited-for workers, peak resident MiB) of one `python -m align check` in `root`."""
    command = [sys.executable, "-m", "align", "check", str(tmx), "--out", str(out)] + (["--workers", str(workers)] if workers > 1 else [])
    if glossary:
        command += ["--glossary", str(Path(glossary).resolve())]
    environment = dict(os.environ, PYTHONPATH=str(root))
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

    configs = ([("baseline", Path(args.baseline).resolve(), 1)] if args.baseline else []) + [("this tree", ROOT, n) for n in (args.workers or [1])]
    results: dict[int, list[tuple[float, float, float]]] = {index: [] for index in range(len(configs))}
    with tempfile.TemporaryDirectory() as folder:
        tmx = Path(folder) / "large.tmx"
        tmx.write_bytes(build_tmx(pairs, args.units))
        reference: bytes | None = None
        identical = dict.fromkeys(range(len(configs)), True)
        for round_number in range(args.rounds):
            for index, (label, root, workers) in enumerate(configs):
                out = Path(folder) / f"out{index}"
                out.mkdir(exist_ok=True)
                load = os.getloadavg()[0]
                ceiling = f", machine ceiling for {workers} processes {machine_ceiling(workers):.2f}x" if workers > 1 else ""
                wall, cpu, peak = _run_check(root, tmx, out, workers, args.glossary)
                results[index].append((wall, cpu, peak))
                flags = (out / "flags.csv").read_bytes()
                reference = flags if reference is None else reference
                identical[index] = identical[index] and flags == reference
                print(f"  round {round_number + 1}, {label}, {workers} process(es): wall {wall:.1f} s, CPU {cpu:.1f} s, peak {peak:,.0f} MiB "
                      f"(load {load:.1f} before{ceiling})", flush=True)
    print(f"check on a TMX of {args.units:,} units ({len(pairs):,} distinct sentence pairs), {args.rounds} round(s), medians:")
    for index, (label, root, workers) in enumerate(configs):
        walls, cpus, peaks = zip(*results[index])
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"  {label} ({root}), {workers} process(es): {args.units / cpu:,.0f} units per CPU second ({cpu:.1f} s), "
              f"{args.units / wall:,.0f} units per wall second ({wall:.1f} s), peak {max(peaks):,.0f} MiB; "
              f"flags.csv {'identical to' if identical[index] else 'DIFFERENT from'} the first run's")
    return 0 if all(identical.values()) else 1
