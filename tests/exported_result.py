"""A small real document result for the exporter tests: real segmentation, real Apertium MT, real checks over the glossary fixture.

The links are set (the texts are written sentence for sentence; the second link joins two sentences on each
side, 2:2), so a test knows which link holds which sentence without running the embedding model.
"""

from __future__ import annotations

from pathlib import Path

from align.checks import CheckContext, run_checks
from align.model import Document, DocumentResult, Link
from align.mt.translate import translate_segments
from align.terms.glossary import load_glossary
from align.text.segmentation import segment_text

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "tests" / "fixtures" / "interchange" / "glossary.csv"
FRENCH = ("Rapport <annuel> & bilan\n\n"
          "Le trafic d'êtres humains touche 2 000 personnes. Les prostituées sont des victimes.\n\n"
          "La traite des personnes est un crime grave.\n")
ENGLISH = ("Annual <report> & review\n\n"
           "Human smuggling affects 2,000 people. Prostitutes are victims.\n\n"
           "Trafficking in persons is a serious crime.\n")


def small_result(*, official: bool = True, statuses: tuple[str, ...] = ()) -> DocumentResult:
    glossary = load_glossary(GLOSSARY)
    document = Document("rapport", FRENCH, ENGLISH if official else None)
    fr_all = segment_text(FRENCH, "fr")
    en_all = segment_text(ENGLISH, "en") if official else []
    fr = [segment for segment in fr_all if segment.alignable]
    en = [segment for segment in en_all if segment.alignable]
    translations = translate_segments([segment.text for segment in fr], "apertium", glossary=glossary)
    groups = [(0,), (1, 2), (3,)]
    assert len(fr) == 4 and (not official or len(en) == 4), "the fixture texts must segment into four sentences"
    links = [Link(ids, ids if official else (), 1.0, statuses[number] if number < len(statuses) else "auto") for number, ids in enumerate(groups)]
    result = DocumentResult(document, fr_all, en_all, translations, links, [])
    result.flags = run_checks(result.units, CheckContext(glossary, has_official=official, fr_segments=tuple(fr_all), en_segments=tuple(en_all)))
    return result
