"""Thirty-second round (eval/README.md, "Thirty-second round"): general rules read on the parts before heldout24 was seen; each test
keeps the slip beside the right form, which stays silent."""

from __future__ import annotations

from tests.checking import texts_of_kind


def test_tip_report_tiers_left_in_english_or_calqued(glossary) -> None:
    fr = "Haïti a été promue au niveau tier 2, après avoir été classée au tier 3."
    assert texts_of_kind(fr, glossary, "untranslated") == {"tier 2", "tier 3"}
    assert texts_of_kind("Le Sénégal reste un pays de catégorie tiers deux.", glossary, "term-garbled") == {"tiers deux"}
    # the French of the report, a fraction, third parties, and the report's label quoted as a name stay silent
    fr = ("Le Sénégal est en catégorie 2 ; les deux tiers 2 fois plus exposés ; des tiers 2 fois ; "
          "le Luxembourg conserve sa place dans le TIER 1.")
    assert not texts_of_kind(fr, glossary, "untranslated") | texts_of_kind(fr, glossary, "term-garbled")
