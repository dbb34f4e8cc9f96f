"""`python -m bench WHAT …` (or `python -m align bench WHAT …` from a checkout): benchmarks that print figures."""

from __future__ import annotations

import argparse
import os
import sys

from align.errors import AlignError
from bench import align as align_bench
from bench import app as app_bench
from bench import check_speed as check_speed_bench
from bench import checks as checks_bench
from bench import corpus as corpus_bench
from bench import grammar_speed as grammar_speed_bench
from bench import mutations as mutations_bench
from bench import translate as translate_bench
from bench.splits import HELD_OUT_PARTS, HELD_OUT_SPLITS, HELDOUT, SPLIT_CHOICES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Benchmarks of the align tool; each prints its figures.")
    bench_commands = parser.add_subparsers(dest="bench_what", required=True)
    bench_align = bench_commands.add_parser("align", help="the aligner against the gold sets in ../shared/bench, with a Gale–Church baseline")
    bench_align.add_argument("--set", default="all", choices=["transread", "textberg", "all"], help="gold set (default: all)")
    bench_align.add_argument("--bench-dir", default=None, help="benchmark folder (default: ../shared/bench next to the repository)")
    bench_align.add_argument("--embedding-model", default=None, help="cross-lingual model (default: use-multilingual)")
    bench_align.add_argument("--cache", default=None, help="embedding cache folder (default: the user cache dir)")
    bench_align.add_argument("--no-cache", action="store_true", help="encode everything again, keep vectors in memory only")
    bench_align.add_argument("--mt-weight", type=float, default=0.0,
                             help="blend in the MT↔EN signal (Apertium MT of the TransRead French vs the English, all-minilm-l6-v2) with this weight")
    bench_align.add_argument("--fit", action="store_true", help="refit the confidence calibration on the development documents")
    bench_align.add_argument("--scaling", action="store_true", help="time the aligner on concatenated books of 500 to 8,000 sentences")
    bench_align.set_defaults(handler=lambda args: align_bench.command_bench_align(args))
    bench_translate = bench_commands.add_parser("translate", help="MT pipeline speed against raw CTranslate2 translate_batch, and a cached re-run")
    bench_translate.add_argument("--package", default=None, help="argos .argosmodel to benchmark (default: the installed fr→en package, else the stand-in)")
    bench_translate.add_argument("--beam-size", type=int, default=4, help="beam size (default: 4, as argos)")
    bench_translate.add_argument("--glossary", default=None, help="glossary CSV for the constrained run (default: glossary/glossary.csv)")
    bench_translate.add_argument("--set", default="speed", choices=["speed", "real"],
                                 help="speed: pipeline against raw CTranslate2 (default); real: chrF/BLEU, term accuracy and harmful renderings "
                                      "per engine and configuration on the eval/ pairs")
    bench_translate.add_argument("--split", default="dev", choices=list(SPLIT_CHOICES),
                                 help="with --set real: which part of eval/ (both = dev+test, all = dev+test+heldout, "
                                      f"final = all and every later held-out part, heldout2 to heldout{HELD_OUT_PARTS}; default: dev)")
    bench_translate.add_argument("--engines", default="apertium", help="with --set real: comma-separated engines (default: apertium)")
    bench_translate.add_argument("--routes", action="store_true", help="with --set real: every Apertium route (fr→es/ca/eo→en) installed, bare and full")
    bench_translate.add_argument("--quality", action="store_true", help="with --set real: AUC of the MT quality estimate against the reader labels")
    bench_translate.add_argument("--route-selection", action="store_true",
                                 help="with --set real: choose among the Apertium routes per sentence (fewest leftovers, consensus) against each route alone")
    bench_translate.add_argument("--leftovers", action="store_true",
                                 help="with --set real: share of segments with an untranslated word and the words left most often")
    bench_translate.set_defaults(handler=_bench_translate)
    bench_checks = bench_commands.add_parser("checks", help="recall and false alarms of the checks on planted-error fixtures")
    bench_checks.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    bench_checks.add_argument("--set", default="fixtures", choices=["fixtures", "real", "mutations"],
                              help="fixtures: planted errors (default); real: the eval/ corpus against its annotations; "
                                   "mutations: errors generated in real eval/ sentences (with --split dev, test or both; any held-out "
                                   "part: the sentences of every held-out part, pooled)")
    bench_checks.add_argument("--split", default="dev", choices=list(SPLIT_CHOICES),
                              help="with --set real: which part of the corpus (tune on dev; both = dev+test, all = dev+test+heldout, "
                                   f"final = all and every later held-out part, heldout2 to heldout{HELD_OUT_PARTS}; default: dev)")
    bench_checks.add_argument("--summary", action="store_true", help="with --set real or mutations: figures only, no list of false alarms and misses")
    bench_checks.add_argument("--misses", action="store_true", help="with --set mutations: every missed mutation, its sentence pair, what was raised instead")
    bench_checks.set_defaults(handler=_bench_checks)
    bench_app = bench_commands.add_parser("app", help="review app response times on a long (~2,000-sentence) document; --browser adds Chromium")
    bench_app.add_argument("--bench-dir", default=None, help="benchmark folder (default: ../shared/bench next to the repository)")
    bench_app.add_argument("--sentences", type=int, default=2000, help="join whole TransRead books until this many French sentences (default: 2000)")
    bench_app.add_argument("--repeat", type=int, default=3, help="runs per server-side figure, median printed (default: 3)")
    bench_app.add_argument("--browser", action="store_true", help="also time the interactions end to end in /usr/bin/chromium")
    bench_app.add_argument("--app", action="append", help="an app script to time (default: this checkout's app.py); given twice or more (e.g. "
                           "another worktree's app.py to compare), the apps take turns in the browser, the server figures are the first's")
    bench_app.add_argument("--rounds", type=int, default=1, help="browser passes per app, the apps taking turns (default: 1)")
    bench_app.add_argument("--pages", type=int, default=5, help="pages of 25 links worked through in the browser, one sample per interaction each (default: 5)")
    bench_app.set_defaults(handler=lambda args: app_bench.command_bench_app(args))
    check_speed = bench_commands.add_parser("check-speed", help="units/s of `check` on a large TMX built from corpus sentences")
    check_speed.add_argument("--units", type=int, default=100_000, help="units in the TMX (default: 100,000)")
    check_speed.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    check_speed.add_argument("--workers", type=int, nargs="+", default=None,
                             help="time whole `python -m align check --workers N` processes for each N (with --baseline: in turn with it)")
    check_speed.add_argument("--baseline", default=None, help="a checkout of another version (e.g. main) whose `check` is timed in turn with this one")
    check_speed.add_argument("--rounds", type=int, default=1, help="rounds of the whole-process runs (default 1)")
    check_speed.add_argument("--grammar", nargs="+", choices=("on", "off"), default=["on"],
                             help="whole-process runs with the grammar check on, off or both (default on)")
    check_speed.add_argument("--distinct-texts", action="store_true",
                             help="number each repeat of a corpus pair, so that no text repeats (the default TMX repeats each text ~units/440 times)")
    check_speed.set_defaults(handler=lambda args: check_speed_bench.command_check_speed(args))
    grammar_speed = bench_commands.add_parser("grammar-speed", help="what the grammar check costs check-speed, paired in one process")
    grammar_speed.add_argument("--units", type=int, default=20_000, help="units in the TMX (default: 20,000)")
    grammar_speed.add_argument("--rounds", type=int, default=3, help="paired rounds (default: 3)")
    grammar_speed.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    grammar_speed.set_defaults(handler=lambda args: grammar_speed_bench.command_grammar_speed(args))
    bench_corpus = bench_commands.add_parser("corpus", help="whole-corpus throughput, memory and warm re-run of local 1/2 workers and Ray 2 workers")
    bench_corpus.add_argument("--documents", type=int, nargs="+", default=[50, 200], help="corpus sizes (default: 50 200)")
    bench_corpus.add_argument("--configs", nargs="+", default=[f"{engine}:{workers}" for engine, workers in corpus_bench.CONFIGS],
                              help="ENGINE:WORKERS runs, the first is the baseline (default: local:1 local:2 ray:2)")
    bench_corpus.add_argument("--keep", default=None, help="keep corpora, outputs and caches in this folder")
    bench_corpus.set_defaults(handler=lambda args: corpus_bench.run_bench(
        args.documents, [(config.split(":")[0], int(config.split(":")[1])) for config in args.configs], args.keep))
    return parser


def _bench_translate(args: argparse.Namespace) -> int:
    if args.set == "real" and args.route_selection:
        return translate_bench.run_route_selection(SPLIT_CHOICES[args.split], args.glossary)
    if args.set == "real" and args.leftovers:
        return translate_bench.run_leftovers(SPLIT_CHOICES[args.split], args.engines.split(",")[0], glossary_file=args.glossary)
    if args.set == "real":
        return translate_bench.run_real(SPLIT_CHOICES[args.split], tuple(args.engines.split(",")), args.glossary, args.routes, args.quality)
    return translate_bench.run_bench(package_file=args.package, beam_size=args.beam_size, glossary_file=args.glossary)


def _bench_checks(args: argparse.Namespace) -> int:
    if args.set == "mutations":
        details = "summary" if args.summary else "misses" if args.misses else "examples"
        splits = ("dev", "test") if args.split == "both" else (HELDOUT,) if args.split in HELD_OUT_SPLITS else (args.split,)
        return mutations_bench.run_bench(args.glossary, splits=splits, details=details)
    if args.set == "real":
        return checks_bench.run_real_bench(args.glossary, SPLIT_CHOICES[args.split], details=not args.summary)
    return checks_bench.run_bench(args.glossary)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return args.handler(args)
    except AlignError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        # Exit now: a thread may still be at work (AppTest runs the app's script in one, the pipeline for minutes), and Python
        # waits for such threads before it exits. What the bench started is stopped already (its `finally` blocks ran).
        print("interrupted", file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(130)


if __name__ == "__main__":
    sys.exit(main())
