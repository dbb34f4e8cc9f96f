"""`python -m bench check-speed`: units per second of `python -m align check` on a large TMX of real sentences.

The TMX is built from the corpus (`texts/` and `eval/texts/`): each document's French and English
are segmented and paired sentence by sentence (position i with position i — the pairs need not be
translations of each other for a speed figure, and misaligned pairs exercise the checks harder),
then repeated until `--units` units. The figure printed is for the whole command: reading the TMX,
loading the glossary, running every check and writing flags.csv, with stage timings.
"""

from __future__ import annotations

import argparse
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
