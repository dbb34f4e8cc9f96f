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
    run.set_defaults(handler=command_run)

    aligner = commands.add_parser("align", help="align two sentence-per-line files; print gold-format links")
    aligner.add_argument("source")
    aligner.add_argument("target")
    aligner.add_argument("--src-lang", default="fr")
    aligner.add_argument("--tgt-lang", default="en")
    aligner.set_defaults(handler=command_align)
    return parser


def command_run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from align.export import write_csv, write_tmx
    from align.glossary import DEFAULT_PATH, load_glossary
    from align.pipeline import STAGES, run_document
    from align.reading import find_documents

    if args.en and len(args.paths) != 1:
        raise InputError(args.en, "--en needs exactly one French file")
    documents = find_documents(args.paths, args.en)
    glossary = load_glossary(args.glossary or DEFAULT_PATH)
    out = Path(args.out)
    bar = tqdm(total=len(documents) * len(STAGES), unit="stage", disable=not sys.stderr.isatty(), leave=False)
    summaries = []
    for document in documents:
        def progress(stage: str, name: str = document.name) -> None:
            bar.set_description(f"{name}: {stage}")
            bar.update(1)

        result = run_document(document, glossary, mt_engine=args.mt_engine, progress=progress)
        folder = out / document.name
        write_csv(result.alignment.drop("mt_engine"), folder / "alignment.csv")
        write_csv(result.flags, folder / "flags.csv")
        write_tmx(result.alignment, folder / "aligned.tmx", document.name)
        summaries.append(result.summary())
    bar.close()
    for line in summaries:
        print(line)
    return 0


def command_align(args: argparse.Namespace) -> int:
    from align.alignment import align_sentences
    from align.embedding import load_encoder
    from align.reading import read_text

    source = [line.strip() for line in read_text(args.source)[0].split("\n") if line.strip()]
    target = [line.strip() for line in read_text(args.target)[0].split("\n") if line.strip()]
    for link in align_sentences(source, target, load_encoder()):
        print(f"[{', '.join(map(str, link.fr_ids))}]:[{', '.join(map(str, link.en_ids))}]")
    return 0
