"""`python -m bench grammar-speed`: what the grammar and spelling check (`align/checks/grammar.py`) costs `check`, paired in one process.

On the TMX of `python -m bench check-speed` (corpus sentence pairs cycled to `--units` units), each round times the checks
without the grammar check, then with it on cold per-text caches (every distinct sentence checked once, as a TMX of new
sentences would be), then with it on warm caches (the same TMX checked again, as the review app's re-checks are). Rounds
alternate so that the machine's other load falls on both sides. Also printed: the one-off load of Grammalecte and the
en_US dictionary, and the cost per distinct sentence (what a TMX of only new sentences pays per unit side).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def command_grammar_speed(args: argparse.Namespace) -> int:
    from align.checks import CHECKS, CheckContext, grammar, run_checks
    from align.io.readers import read_units
    from align.terms.glossary import load_glossary
    from bench.check_speed import build_tmx, corpus_pairs

    pairs = corpus_pairs()
    with tempfile.TemporaryDirectory() as folder:
        tmx = Path(folder) / "large.tmx"
        tmx.write_bytes(build_tmx(pairs, args.units))
        units = read_units(tmx)
    glossary = load_glossary(args.glossary) if args.glossary else load_glossary()
    context = CheckContext(glossary, has_official=True)
    without = [check for check in CHECKS if check is not grammar.GRAMMAR]
    started = time.perf_counter()
    available = grammar.french_checker() is not None and grammar.english_available()
    loaded = time.perf_counter() - started
    if not available:
        print(f"error: {grammar.unavailable_notice()}")
        return 2
    run_checks(units, context, without)  # warm the glossary's caches before the first timed run

    def timed(checks) -> float:
        begin = time.perf_counter()
        run_checks(units, context, checks)
        return time.perf_counter() - begin

    plain, cold, warm = [], [], []
    for _ in range(args.rounds):
        plain.append(timed(without))
        grammar.french_findings.cache_clear()
        grammar.english_findings.cache_clear()
        cold.append(timed(CHECKS))
        warm.append(timed(CHECKS))
    distinct = len({unit.fr for unit in units} | {unit.en for unit in units})
    rate = {name: len(units) / statistics.median(times) for name, times in (("without", plain), ("cold", cold), ("warm", warm))}
    per_text = (statistics.median(cold) - statistics.median(plain)) / distinct * 1000
    print(f"grammar check cost on a TMX of {len(units):,} units ({len(pairs):,} distinct sentence pairs, {distinct:,} distinct texts); "
          f"medians of {args.rounds} paired rounds, checks only")
    print(f"  load Grammalecte + en_US dictionary once per process: {loaded:.1f} s")
    print(f"  without the grammar check: {rate['without']:,.0f} units/s")
    print(f"  with it, cold caches:      {rate['cold']:,.0f} units/s")
    print(f"  with it, warm caches:      {rate['warm']:,.0f} units/s")
    print(f"  {per_text:.1f} ms per distinct text (a TMX of only new sentences: about {1000 / (2 * per_text + 1000 / rate['without']):,.0f} units/s)")
    return 0
