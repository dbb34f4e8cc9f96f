"""Command-line interface: `python -m align COMMAND`. A thin shell over the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from align.errors import InputError, ModelMissingError


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 internal error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except (InputError, ModelMissingError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m align", description="French–English alignment and review of anti-trafficking texts.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the whole pipeline on French texts (and official English versions)")
    run.add_argument("paths", nargs="*", default=["texts"], help="French files, or folders laid out like texts/ (default: texts)")
    run.add_argument("--en", help="official English file paired with a single French file")
    run.add_argument("--out", default="out", help="output folder (default: out)")
    run.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    run.add_argument("--mt-engine", default="auto", choices=["auto", "argos", "apertium", "none"], help="machine translation engine")
    run.add_argument("--cache", default=None, help="cache folder for machine translations (translations.sqlite; default: the user cache dir)")
    run.add_argument("--beam-size", type=int, default=4, help="beam size of argos translation (default: 4, as argos)")
    run.add_argument("--embedding-model", default=None, help="cross-lingual model: use-multilingual (default) or a local sentence-transformers folder")
    run.add_argument("--review-dir", default=None,
                     help="folder of review files saved by the app (default: $ALIGN_REVIEW_DIR, else reviews/); a document's saved corrections are exported")
    run.add_argument("--tmx-english", default="official", choices=["official", "mt", "both"],
                     help="English in aligned.tmx: official (machine translation only where there is no official English), mt, or both")
    run.add_argument("--tmx-status", default="all", choices=["confirmed", "all"], help="links written to aligned.tmx: confirmed only, or all")
    run.add_argument("--csv-bom", action="store_true", help="start CSV files with a UTF-8 byte-order mark (for Excel)")
    run.add_argument("--xlsx", action="store_true", help="also write review.xlsx (alignment and flags sheets, flagged cells highlighted)")
    run.set_defaults(handler=command_run)

    check = commands.add_parser("check", help="check an existing bilingual TMX (e.g. from a CAT tool) against the glossary; writes flags.csv")
    check.add_argument("tmx", help="TMX file with French and English variants")
    check.add_argument("--out", default=None, help="output folder (default: the TMX file's folder)")
    check.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    check.add_argument("--csv-bom", action="store_true", help="start flags.csv with a UTF-8 byte-order mark (for Excel)")
    check.add_argument("--xlsx", action="store_true", help="also write review.xlsx")
    check.set_defaults(handler=command_check)

    glossary = commands.add_parser("glossary", help="glossary export and import (TBX, CSV)")
    glossary_commands = glossary.add_subparsers(dest="glossary_what", required=True)
    glossary_export = glossary_commands.add_parser("export", help="export the glossary as TBX (TBX-Basic) or CSV")
    glossary_export.add_argument("--format", default="tbx", choices=["tbx", "csv"], help="output format (default: tbx)")
    glossary_export.add_argument("--tbx-version", default="2019", choices=["2019", "2008"],
                                 help="TBX form: 2019 (ISO 30042:2019 TBX-Basic) or 2008 (MARTIF, for older tools)")
    glossary_export.add_argument("--out", required=True, help="file to write")
    glossary_export.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    glossary_export.set_defaults(handler=command_glossary_export)
    glossary_import = glossary_commands.add_parser("import", help="merge a TBX termbase into the glossary; prints what was merged, added or skipped")
    glossary_import.add_argument("tbx", help="TBX file (TBX-Basic 2019 or TBX 2008 / MARTIF)")
    glossary_import.add_argument("--glossary", default=None, help="glossary CSV to update (default: glossary/glossary.csv)")
    glossary_import.add_argument("--dry-run", action="store_true", help="report only; save nothing")
    glossary_import.set_defaults(handler=command_glossary_import)
    glossary_validate = glossary_commands.add_parser("validate", help="list every problem of a glossary CSV (exit 2 if any)")
    glossary_validate.add_argument("path", nargs="?", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    glossary_validate.set_defaults(handler=command_glossary_validate)

    aligner = commands.add_parser("align", help="align two sentence-per-line files; print gold-format links")
    aligner.add_argument("source")
    aligner.add_argument("target")
    aligner.add_argument("--src-lang", default="fr")
    aligner.add_argument("--tgt-lang", default="en")
    aligner.add_argument("--embedding-model", default=None, help="cross-lingual model: use-multilingual (default) or a local sentence-transformers folder")
    aligner.add_argument("--cache", default=None, help="embedding cache folder (default: the user cache dir)")
    aligner.add_argument("--scores", action="store_true", help="append each link's confidence score after a tab")
    aligner.set_defaults(handler=command_align)

    bench = commands.add_parser("bench", help="benchmarks that print figures")
    bench_commands = bench.add_subparsers(dest="bench_what", required=True)
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
    bench_align.set_defaults(handler=command_bench_align)
    bench_translate = bench_commands.add_parser("translate", help="MT pipeline speed against raw CTranslate2 translate_batch, and a cached re-run")
    bench_translate.add_argument("--package", default=None, help="argos .argosmodel to benchmark (default: the installed fr→en package, else the stand-in)")
    bench_translate.add_argument("--beam-size", type=int, default=4, help="beam size (default: 4, as argos)")
    bench_translate.add_argument("--glossary", default=None, help="glossary CSV for the constrained run (default: glossary/glossary.csv)")
    bench_translate.set_defaults(handler=command_bench_translate)
    bench_checks = bench_commands.add_parser("checks", help="recall and false alarms of the checks on planted-error fixtures")
    bench_checks.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    bench_checks.set_defaults(handler=command_bench_checks)
    bench_app = bench_commands.add_parser("app", help="review app response times on a long (~2,000-sentence) document; --browser adds Chromium")
    bench_app.add_argument("--bench-dir", default=None, help="benchmark folder (default: ../shared/bench next to the repository)")
    bench_app.add_argument("--sentences", type=int, default=2000, help="join whole TransRead books until this many French sentences (default: 2000)")
    bench_app.add_argument("--repeat", type=int, default=3, help="runs per server-side figure, median printed (default: 3)")
    bench_app.add_argument("--browser", action="store_true", help="also time the interactions end to end in /usr/bin/chromium")
    bench_app.set_defaults(handler=command_bench_app)

    models = commands.add_parser("models", help="translation and embedding models: status, install")
    models_commands = models.add_subparsers(dest="models_what", required=True)
    models_commands.add_parser("status", help="which models are installed, where, their versions and sizes").set_defaults(handler=command_models_status)
    models_install = models_commands.add_parser("install", help="install the French→English argos package (from a file, models/, or the argos index)")
    models_install.add_argument("--from", dest="from_file", default=None, help="a translate-fr_en*.argosmodel file to install")
    models_install.add_argument("--no-download", action="store_true", help="never try the argos package index")
    models_install.set_defaults(handler=command_models_install)
    return parser


def command_run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from align.export import write_csv, write_tmx, write_xlsx
    from align.glossary import DEFAULT_PATH, load_glossary
    from align.pipeline import STAGES, run_document
    from align.reading import find_documents
    from align.review import apply_saved_review

    if args.en and len(args.paths) != 1:
        raise InputError(args.en, "--en needs exactly one French file")
    documents = find_documents(args.paths, args.en)
    glossary = load_glossary(args.glossary or DEFAULT_PATH)
    out = Path(args.out)
    bar = tqdm(total=len(documents) * len(STAGES), unit="stage", disable=not sys.stderr.isatty(), leave=False)
    summaries: list[str] = []
    warnings: list[str] = []
    for document in documents:
        def progress(stage: str, name: str = document.name) -> None:
            bar.set_description(f"{name}: {stage}")
            bar.update(1)

        mt_bar = tqdm(unit="segment", desc=f"{document.name}: translating", disable=not sys.stderr.isatty(), leave=False, position=1)

        def mt_progress(done: int, total: int, mt_bar=mt_bar) -> None:
            mt_bar.total, mt_bar.n = total, done
            mt_bar.refresh()

        result = run_document(document, glossary, mt_engine=args.mt_engine, progress=progress, mt_cache=args.cache, mt_progress=mt_progress,
                              mt_beam_size=args.beam_size, **({"embedding_model": args.embedding_model} if args.embedding_model else {}))
        mt_bar.close()
        result = apply_saved_review(result, glossary, args.review_dir)
        folder = out / document.name
        write_csv(result.alignment, folder / "alignment.csv", bom=args.csv_bom)
        write_csv(result.flags, folder / "flags.csv", bom=args.csv_bom)
        write_tmx(result.alignment, folder / "aligned.tmx", document.name, english=args.tmx_english, status=args.tmx_status,
                  has_official=result.has_official)
        if args.xlsx:
            write_xlsx(result.alignment, folder / "review.xlsx", result.flags)
        summaries.append(result.summary())
        warnings += [f"warning: {document.name}: {notice.removeprefix('warning: ')}" for notice in result.notices if notice.startswith("warning")]
    bar.close()
    for line in summaries:
        print(line)
    for line in warnings:
        print(line, file=sys.stderr)
    return 0


def command_check(args: argparse.Namespace) -> int:
    from align.checks import check_alignment, flags_frame
    from align.export import write_csv, write_xlsx
    from align.glossary import DEFAULT_PATH, load_glossary
    from align.tmx import read_tmx, tmx_alignment

    alignment = tmx_alignment(read_tmx(args.tmx))
    glossary = load_glossary(args.glossary or DEFAULT_PATH)
    flags = flags_frame(check_alignment(alignment, glossary, has_official=True))
    out = Path(args.out) if args.out else Path(args.tmx).resolve().parent
    write_csv(flags, out / "flags.csv", bom=args.csv_bom)
    if args.xlsx:
        write_xlsx(alignment, out / "review.xlsx", flags)
    severities = dict(flags.group_by("severity").len().iter_rows())
    print(f"{args.tmx}: {alignment.height} units, flags: {severities.get('error', 0)} error, {severities.get('warning', 0)} warning, "
          f"{severities.get('info', 0)} info -> {out / 'flags.csv'}")
    return 0


def command_glossary_export(args: argparse.Namespace) -> int:
    from align.atomic import write_atomic
    from align.export import csv_bytes
    from align.glossary import DEFAULT_PATH, load_glossary
    from align.tbx import tbx_bytes

    glossary = load_glossary(args.glossary or DEFAULT_PATH)
    data = tbx_bytes(glossary, dialect=args.tbx_version) if args.format == "tbx" else csv_bytes(glossary.terms)
    write_atomic(args.out, data)
    concepts = glossary.terms["concept"].n_unique()
    print(f"{args.out}: {glossary.terms.height} terms in {concepts} concepts ({args.format})")
    return 0


def command_glossary_validate(args: argparse.Namespace) -> int:
    from align.glossary import DEFAULT_PATH, glossary_problems, load_glossary

    path = args.path or DEFAULT_PATH
    problems = glossary_problems(path)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 2
    glossary = load_glossary(path)
    print(f"{path}: valid, {glossary.terms.height} terms in {glossary.terms['concept'].n_unique()} concepts")
    return 0


def command_glossary_import(args: argparse.Namespace) -> int:
    from align.glossary import DEFAULT_PATH
    from align.tbx import import_tbx

    target = Path(args.glossary) if args.glossary else DEFAULT_PATH
    _, report = import_tbx(args.tbx, target, dry_run=args.dry_run)
    for line in report.notes + [f"skipped: {line}" for line in report.skipped]:
        print(line)
    print(f"{args.tbx}: {report.summary()}" + (" (dry run, nothing saved)" if args.dry_run else f" -> {target}"))
    return 0


def command_align(args: argparse.Namespace) -> int:
    from align.alignment import align_texts, calibration_notice
    from align.embedding import DEFAULT_MODEL, load_encoder
    from align.evaluation import format_link
    from align.reading import read_text

    source = [line.strip() for line in read_text(args.source)[0].split("\n") if line.strip()]
    target = [line.strip() for line in read_text(args.target)[0].split("\n") if line.strip()]
    model = args.embedding_model or DEFAULT_MODEL
    if notice := calibration_notice(model):
        print(f"notice: {notice}", file=sys.stderr)
    for link in align_texts(source, target, load_encoder(model, args.cache)).links:
        line = format_link(link.fr_ids, link.en_ids)
        print(f"{line}\t{link.score:.4f}" if args.scores else line)
    return 0


def command_bench_align(args: argparse.Namespace) -> int:
    from align.bench_alignment import command_bench_align as run_bench

    return run_bench(args)


def command_models_status(args: argparse.Namespace) -> int:
    from align.models import command_status

    return command_status()


def command_models_install(args: argparse.Namespace) -> int:
    from align.models import command_install

    return command_install(args.from_file, allow_download=not args.no_download)


def command_bench_app(args: argparse.Namespace) -> int:
    from align.bench_app import command_bench_app as run_bench

    return run_bench(args)


def command_bench_checks(args: argparse.Namespace) -> int:
    from align.bench_checks import run_bench

    return run_bench(args.glossary)


def command_bench_translate(args: argparse.Namespace) -> int:
    from align.bench_translation import run_bench

    return run_bench(package_file=args.package, beam_size=args.beam_size, glossary_file=args.glossary)
