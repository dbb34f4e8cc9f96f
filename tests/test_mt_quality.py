"""The MT quality estimate (align/mt/quality.py) as the link confidence of French-only documents, on real eval/ sentences and real Apertium."""

from __future__ import annotations

import pytest

from align.aligner.alignment import REVIEW_THRESHOLD
from align.model import Document, Translation
from align.mt import apertium
from align.mt.quality import applies_to, mt_quality
from align.pipeline import RunOptions, run_document
from align.terms.glossary import load_glossary

needs_apertium = pytest.mark.skipif(apertium.apertium_info() is None, reason="Apertium fr-es/spa-eng not installed")

# eval/texts/fr/ca-ircc-cimm-briefing-2024.txt: a reader marked its Apertium MT bad (eval/mt-quality-labels.jsonl)
LONG = ("Comme l’intention du programme est de faciliter la situation d’immigrant du client au Canada aussitôt que possible, une décision "
        "finale ne peut parfois pas être prise jusqu’à ce que l’information relative aux cas, incluant une vérification plus complète des "
        "faits éventuellement par le biais d’un entretien ou en consultation avec les organismes d’exécution de la loi, devienne disponible "
        "au décideur.")
SHORT = "La lutte contre la traite des personnes nécessite un effort collectif."

pytestmark = pytest.mark.usefixtures("no_argos")  # (tests/conftest.py)


def test_long_multi_clause_sentences_score_low_and_empty_mt_scores_zero() -> None:
    engine = "apertium fr→es→en (test)"
    assert mt_quality(LONG, Translation("Like the intention of the program…", engine)) < REVIEW_THRESHOLD
    assert mt_quality(SHORT, Translation("The fight against trafficking in persons needs a collective effort.", engine)) >= REVIEW_THRESHOLD
    assert mt_quality(SHORT, Translation("  ", engine)) == 0.0
    assert not applies_to(Translation("x", "argos fr→en 1.9"))  # fitted on Apertium output only


@needs_apertium
def test_french_only_document_sends_the_garbled_mt_to_review(tmp_path) -> None:
    document = Document("briefing", f"{SHORT}\n\n{LONG}\n")
    result = run_document(document, load_glossary(), RunOptions(mt_engine="apertium", cache=tmp_path / "cache"))
    short_link, long_link = result.links
    assert long_link.status == "needs-review" and long_link.score < REVIEW_THRESHOLD
    assert long_link.score <= mt_quality(LONG, result.translations[1])
    assert short_link.score > long_link.score
