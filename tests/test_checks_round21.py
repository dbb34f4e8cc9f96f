"""Twenty-first round: an official name is recognised by its words, not by other words of their families."""

from __future__ import annotations

from tests.checking import link_flags, reported


def _reworded(fr: list[str], en: list[str], glossary) -> set[tuple[str, str, str]]:
    return {flag for flag in reported(link_flags(fr, en, glossary)) if flag[1] == "term-garbled"}


def test_words_of_the_same_family_are_not_a_names_words(glossary) -> None:
    # UNODC Mali 2017 (heldout12): a unit's secretary, whose "National" and "Unit" share their stems with "Nations" and "United"
    fr = "Le Secrétaire permanent de l’Unité nationale a présenté le plan d’action."
    en = "The Permanent Secretary of the National Unit presented the action plan."
    assert not _reworded([fr], [en], glossary)
    # the name itself with two of its words dropped is still read as that name reworded
    en = "The Secretary of the United Nations launched the campaign."
    fr = "Le Secrétaire des Nations Unies a lancé la campagne."
    assert any("Secretary" in text for _, _, text in _reworded([fr], [en], glossary))
