"""Command-line interface: `python -m align COMMAND`. A thin shell over the library."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

from align import settings
from align.errors import AlignError, InputError
from align.mt.engines import ENGINE_CHOICES

DEBUG_ENV = "ALIGN_DEBUG"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 internal error)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        return _bench(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except AlignError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # the file system refused: permissions, a read-only or full disk, a file where a folder is expected
        if os.environ.get(DEBUG_ENV):
            raise
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        return 2
    except Exception as error:  # the contract: one line, never a traceback (set ALIGN_DEBUG=1 to see it)
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"internal error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for the traceback)", file=sys.stderr)
        return 1


def _bench(argv: list[str]) -> int:
    """`python -m align bench …` is `python -m bench …`: the benchmarks live in the repository's bench/ folder."""
    try:
        from bench.__main__ import main as bench_main
    except ImportError:
        print("error: the benchmarks live in the bench/ folder of a checkout of the repository; run `python -m bench` from there",
              file=sys.stderr)
        return 2
    return bench_main(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m align", description="French–English alignment and review of anti-trafficking texts.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the whole pipeline on French texts (and official English versions)")
    run.add_argument("paths", nargs="*", default=["texts"], help="French files, or folders laid out like texts/ (default: texts)")
    run.add_argument("--en", help="official English file paired with a single French file")
    run.add_argument("--out", default="out", help="output folder (default: out)")
    run.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    run.add_argument("--mt-engine", default="auto", choices=ENGINE_CHOICES, help="machine translation engine")
    run.add_argument("--cache", default=None, help="cache folder for machine translations (translations.sqlite; default: the user cache dir)")
    run.add_argument("--beam-size", type=int, default=4, help="beam size of argos translation (default: 4, as argos)")
    run.add_argument("--embedding-model", default=None, help="cross-lingual model: use-multilingual (default) or a local sentence-transformers folder")
    run.add_argument("--review-dir", default=None,
                     help="folder of review files saved by the app (default: $ALIGN_REVIEW_DIR, else reviews/); a document's saved corrections are exported")
    run.add_argument("--tmx-english", default="official", choices=["official", "mt", "both"],
                     help="kept for old scripts: aligned.tmx now always holds the official English only, aligned-mt.tmx the machine translation")
    run.add_argument("--tmx-status", default="all", choices=["confirmed", "all"], help="links written to aligned.tmx: confirmed only, or all")
    run.add_argument("--csv-bom", action="store_true", help="start CSV files with a UTF-8 byte-order mark (for Excel)")
    run.add_argument("--xlsx", action="store_true", help="also write review.xlsx (alignment and flags sheets, flagged cells highlighted)"
                     " and qa-report.xlsx")
    run.add_argument("--tmx-source-lang", default="fr-FR", type=_language_code, help="xml:lang of the French in the TMX files (default fr-FR)")
    run.add_argument("--tmx-target-lang", default="en", type=_language_code, help="xml:lang of the English in the TMX files (default en)")
    run.add_argument("--docx", action="store_true", help="also write review.docx: the French text with each flag as a Word comment on its span")
    run.add_argument("--engine", default=None, choices=["local", "ray"],
                     help="run a whole corpus on workers (default local): skips unchanged documents, retries failures once, writes summary.csv")
    run.add_argument("--workers", type=int, default=None, help="worker processes for --engine (default 1)")
    run.add_argument("--ray-address", default=None, help="join this Ray cluster (default: start a local Ray instance)")
    run.add_argument("--no-grammar", action="store_true", help="skip the grammar and spelling check (Grammalecte, Hunspell); as ALIGN_GRAMMAR=off")
    run.set_defaults(handler=command_run)

    check = commands.add_parser("check", help="check an existing bilingual TMX or XLIFF (e.g. from a CAT tool) against the glossary; writes flags.csv")
    check.add_argument("tmx", help="TMX, XLIFF, .sdlxliff or .mqxliff file with French and English (XLIFF adds a unit_id column to flags.csv)")
    check.add_argument("--out", default=None, help="output folder (default: the input file's folder)")
    check.add_argument("--glossary", default=None, help="glossary CSV (default: glossary/glossary.csv)")
    check.add_argument("--csv-bom", action="store_true", help="start flags.csv with a UTF-8 byte-order mark (for Excel)")
    check.add_argument("--xlsx", action="store_true", help="also write review.xlsx")
    check.add_argument("--workers", type=int, default=None,
                       help=f"processes for the checks of a large file (default: the machine's cores, at most {settings.CHECK_WORKERS_CAP}; "
                            "at least 2,000 units' work each, a repeated unit counting an eighth, so a smaller file uses fewer; the same flags.csv as one "
                            "process; 1 on a machine whose cores other jobs use)")
    check.add_argument("--no-grammar", action="store_true", help="skip the grammar and spelling check (Grammalecte, Hunspell); as ALIGN_GRAMMAR=off")
    check.set_defaults(handler=command_check)

    glossary = commands.add_parser("glossary", help="glossary export and import (TBX, CSV)")
    glossary_commands = glossary.add_subparsers(dest="glossary_what", required=True)
    glossary_export = glossary_commands.add_parser("export", help="export the glossary as TBX (TBX-Basic) or CSV")
    glossary_export.add_argument("--format", default="tbx", choices=["tbx", "csv", "tsv", "flat-csv"],
                                 help="tbx (default); csv: the glossary itself; tsv: OmegaT's glossary (source, target, comment); "
                                      "flat-csv: the same three columns as CSV with a header")
    glossary_export.add_argument("--tbx-version", default="2008", choices=["2019", "2008"],
                                 help="TBX form: 2008 (MARTIF, default: the form OmegaT 3.6 and translate-toolkit read) or 2019 (ISO 30042:2019 TBX-Basic)")
    glossary_export.add_argument("--csv-bom", action="store_true", help="start CSV/TSV output with a UTF-8 byte-order mark (for Excel)")
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
    aligner.add_argument("--src-lang", default="fr", help="language of SRC (ISO 639-1); a file that reads as another language gets a warning")
    aligner.add_argument("--tgt-lang", default="en", help="language of TGT (ISO 639-1); a file that reads as another language gets a warning")
    aligner.add_argument("--embedding-model", default=None, help="cross-lingual model: use-multilingual (default) or a local sentence-transformers folder")
    aligner.add_argument("--cache", default=None, help="embedding cache folder (default: the user cache dir)")
    aligner.add_argument("--scores", action="store_true", help="append each link's confidence score after a tab")
    aligner.set_defaults(handler=command_align)

    commands.add_parser("bench", help="benchmarks that print figures (python -m bench --help)")

    models = commands.add_parser("models", help="translation and embedding models: status, install")
    models_commands = models.add_subparsers(dest="models_what", required=True)
    models_commands.add_parser("status", help="which models are installed, where, their versions and sizes").set_defaults(handler=command_models_status)
    models_install = models_commands.add_parser("install", help="install the French→English argos package (from a file, models/, or the argos index)")
    models_install.add_argument("--from", dest="from_file", default=None, help="a translate-fr_en*.argosmodel file to install")
    models_install.add_argument("--no-download", action="store_true", help="never try the argos package index")
    models_install.set_defaults(handler=command_models_install)
    return parser


def _language_code(value: str) -> str:
    """A BCP 47 language tag such as fr-CA or en (what TMX's xml:lang takes)."""
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code such as fr-CA or en-GB")
    return value


def command_run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from align.export import ExportOptions, export_notices
    from align.io.documents import document_files, read_document
    from align.pipeline import STAGES, RunOptions
    from align.runner import run_date
    from align.runner.job import run_and_write
    from align.terms.glossary import load_glossary

    if args.en and len(args.paths) != 1:
        raise InputError(args.en, "--en needs exactly one French file")
    if args.no_grammar:
        os.environ[settings.GRAMMAR_ENV] = "off"  # in the environment, so that a corpus run's worker processes inherit it
    out = Path(args.out)
    ensure_writable_folder(out)
    if args.engine or args.workers is not None or args.ray_address:  # whole corpora: align/runner (see README "Whole corpora")
        from align.runner.console import command_corpus

        return command_corpus(args)
    files = document_files(args.paths, args.en)
    glossary = load_glossary(settings.glossary_path(args.glossary))
    options = RunOptions(mt_engine=args.mt_engine, embedding_model=args.embedding_model or RunOptions.embedding_model,
                         cache=args.cache, mt_beam_size=args.beam_size)
    exports = ExportOptions(csv_bom=args.csv_bom, tmx_english=args.tmx_english, tmx_status=args.tmx_status, xlsx=args.xlsx,
                            tmx_source_lang=args.tmx_source_lang, tmx_target_lang=args.tmx_target_lang, docx=args.docx,
                            tmx_created=run_date())
    terminal = sys.stderr.isatty()
    stages = len(STAGES) + 1  # and the writing (run_and_write's WRITE_STAGE)
    bar = tqdm(total=len(files) * stages, unit="stage", disable=not terminal, leave=False)
    mt_bar = tqdm(unit="segment", disable=not terminal, leave=False, position=1)

    def mt_progress(name: str, done: int, total: int) -> None:
        mt_bar.set_description(f"{name}: translating")
        mt_bar.total, mt_bar.n = total, done
        mt_bar.refresh()

    skipped: list[str] = []
    for number, (fr_file, en_file) in enumerate(files, start=1):
        try:  # one unreadable file is reported and skipped; the rest of the batch still runs
            document = read_document(fr_file, en_file)
        except InputError as error:
            if len(files) == 1:
                raise  # one file: its problem is the one-line error
            skipped.append(str(error))
            print(f"skipped: {error}", file=sys.stderr)
            bar.update(stages)
            continue

        def progress(stage: str, name: str = document.name) -> None:
            bar.set_description(f"{name}: {stage}")
            bar.update(1)

        result = run_and_write(document, glossary, options, exports, out, args.review_dir, progress=progress,
                               mt_progress=lambda done, total, name=document.name: mt_progress(name, done, total))
        line = result.summary()
        if terminal:
            bar.write(line)
        else:
            print(line, flush=True)
            print(f"progress: {number}/{len(files)} documents done ({result.document.name})", file=sys.stderr, flush=True)
        for notice in result.notices:
            if notice.startswith("warning"):
                print(f"warning: {result.document.name}: {notice.removeprefix('warning: ')}", file=sys.stderr, flush=True)
        for notice in export_notices(result, exports):
            print(notice, file=sys.stderr, flush=True)
    mt_bar.close()
    bar.close()
    if skipped:
        print(f"error: {len(skipped)} of {len(files)} file(s) skipped (see the skipped: lines above)", file=sys.stderr)
        return 2
    return 0


def ensure_writable_folder(folder: Path) -> None:
    """Refuse, before any work, an output folder that is a file or cannot be written."""
    import tempfile

    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "the output folder is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise InputError(folder, f"cannot write in the output folder: {error.strerror or error}") from None


def command_check(args: argparse.Namespace) -> int:
    import polars as pl

    from align.checks import CheckContext, run_checks
    from align.checks.base import fewer_collections
    from align.checks.grammar import unavailable_notice
    from align.export.tables import alignment_frame, flags_frame, write_csv, write_xlsx
    from align.io.readers import read_units
    from align.terms.glossary import load_glossary
    from align.text.french_parser import unavailable_notice as parser_notice

    if args.no_grammar:
        os.environ[settings.GRAMMAR_ENV] = "off"
    fewer_collections()
    units = read_units(args.tmx)
    glossary = load_glossary(settings.glossary_path(args.glossary))
    out = Path(args.out) if args.out else Path(args.tmx).resolve().parent
    ensure_writable_folder(out)
    workers = settings.check_workers() if args.workers is None else args.workers
    if workers > 1:
        from align.checks.parallel import check_run_parallel

        flags = check_run_parallel(units, CheckContext(glossary, has_official=True), workers).flags
    else:
        flags = run_checks(units, CheckContext(glossary, has_official=True))
    for notice in (unavailable_notice(), parser_notice()):
        if notice:
            print(f"notice: {notice}", file=sys.stderr)
    frame = flags_frame(flags)
    if any(unit.source_id for unit in units):  # a CAT tool's file (XLIFF): its unit ids let the reviewer find each flagged segment there
        source_ids = {unit.number: unit.source_id for unit in units}
        frame = frame.with_columns(pl.Series("unit_id", [source_ids.get(flag.link, "") if flag.link is not None else "" for flag in flags], dtype=pl.Utf8))
    write_csv(frame, out / "flags.csv", bom=args.csv_bom)
    if args.xlsx:
        write_xlsx(alignment_frame(units), out / "review.xlsx", flags_frame(flags))
    severities = Counter(flag.severity for flag in flags)
    print(f"{args.tmx}: {len(units)} units, flags: {severities.get('error', 0)} error, {severities.get('warning', 0)} warning, "
          f"{severities.get('info', 0)} info -> {out / 'flags.csv'}")
    return 0


def command_glossary_export(args: argparse.Namespace) -> int:
    from align.export.tables import csv_bytes
    from align.interchange.flat_glossary import flat_glossary_bytes
    from align.interchange.tbx import tbx_bytes
    from align.io.atomic import write_atomic
    from align.terms.glossary import load_glossary

    source = settings.glossary_path(args.glossary)
    target = Path(args.out)
    if target.is_dir():
        raise InputError(target, "is a folder; give the file to write")
    if target.exists() and source.exists() and os.path.samefile(target, source):
        raise InputError(target, "is the glossary being exported; write the export to another file")
    glossary = load_glossary(source)
    if args.format == "tbx":
        data = tbx_bytes(glossary, dialect=args.tbx_version)
    elif args.format == "csv":
        data = csv_bytes(glossary.terms, bom=args.csv_bom)
    else:
        data = flat_glossary_bytes(glossary, "tsv" if args.format == "tsv" else "csv", bom=args.csv_bom)
    write_atomic(target, data)
    concepts = glossary.terms["concept"].n_unique()
    print(f"{args.out}: {glossary.terms.height} terms in {concepts} concepts ({args.format})")
    return 0


def command_glossary_validate(args: argparse.Namespace) -> int:
    from align.terms.glossary import glossary_problems, load_glossary

    path = settings.glossary_path(args.path)
    problems = glossary_problems(path)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 2
    glossary = load_glossary(path)
    print(f"{path}: valid, {glossary.terms.height} terms in {glossary.terms['concept'].n_unique()} concepts")
    return 0


def command_glossary_import(args: argparse.Namespace) -> int:
    from align.interchange.tbx import import_tbx

    target = settings.glossary_path(args.glossary)
    _, report = import_tbx(args.tbx, target, dry_run=args.dry_run)
    for line in report.notes + [f"skipped: {line}" for line in report.skipped]:
        print(line)
    print(f"{args.tbx}: {report.summary()}" + (" (dry run, nothing saved)" if args.dry_run else f" -> {target}"))
    return 0


def command_align(args: argparse.Namespace) -> int:
    from align.aligner.alignment import align_texts, calibration_notice, format_link
    from align.aligner.embedding import DEFAULT_MODEL, load_encoder
    from align.io.reading import read_text
    from align.text.language import identify

    source = [line.strip() for line in read_text(args.source)[0].split("\n") if line.strip()]
    target = [line.strip() for line in read_text(args.target)[0].split("\n") if line.strip()]
    for path, lines, expected in ((args.source, source, args.src_lang), (args.target, target, args.tgt_lang)):
        found = identify(" ".join(lines[:200]))
        if found is not None and found[0] != expected.lower().split("-")[0]:
            print(f"warning: {path} reads as {found[0]!r}, not {expected!r}: check the file and --src-lang/--tgt-lang", file=sys.stderr)
    model = args.embedding_model or DEFAULT_MODEL
    if notice := calibration_notice(model):
        print(f"notice: {notice}", file=sys.stderr)
    for link in align_texts(source, target, load_encoder(model, args.cache)).links:
        line = format_link(link.fr_ids, link.en_ids)
        print(f"{line}\t{link.score:.4f}" if args.scores else line)
    return 0


def command_models_status(args: argparse.Namespace) -> int:
    from align.models import command_status

    return command_status()


def command_models_install(args: argparse.Namespace) -> int:
    from align.models import command_install

    return command_install(args.from_file, allow_download=not args.no_download)
