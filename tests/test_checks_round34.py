"""Thirty-fourth round (eval/README.md, "Thirty-fourth round"): the glossary's core bodies and instruments, and the general rules their
first measurement on every readable part called for; each test keeps the slip beside the right form, which stays silent."""

from __future__ import annotations

from tests.checking import reported_on_lines, texts_of_kind


def test_a_canadian_department_is_named_as_listed(glossary) -> None:
    assert "Global Affaires Canada" in texts_of_kind("Le projet est financé par Global Affaires Canada.", glossary, "untranslated")
    assert not reported_on_lines("Le projet est financé par Affaires mondiales Canada.", glossary)
    assert reported_on_lines("Une enquête de la Gendarmerie Royal du Canada a permis l’arrestation.", glossary)
    assert not reported_on_lines("Une enquête de la Gendarmerie royale du Canada a permis l’arrestation.", glossary)


def test_an_english_acronym_in_french_is_not_a_word_of_a_heading_in_capitals(glossary) -> None:
    assert texts_of_kind("L’AU a adopté une stratégie contre la traite.", glossary, "untranslated") == {"AU"}
    fr = "COMMUNICATION DE LA COMMISSION AU PARLEMENT EUROPÉEN ET AU CONSEIL Rapport sur le suivi de la stratégie"
    assert not texts_of_kind(fr, glossary, "untranslated")
    assert not texts_of_kind("La campagne (AU.COMMIT) de lutte contre la traite a été lancée.", glossary, "untranslated")


def test_another_bodys_acronym_for_a_name_word_is_that_bodys_name(glossary) -> None:
    fr = "Le plan d’action de la CEDEAO contre la traite des personnes a été renouvelé."
    en = "The ECOWAS Plan of Action to Combat Trafficking in Persons was renewed."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    assert texts_of_kind(fr, glossary, "term-garbled", en=en.replace("ECOWAS", "Global").replace("Persons", "Prisons"))


def test_a_year_a_clause_or_a_possessive_inside_a_name_is_no_misquoted_name(glossary) -> None:
    assert not texts_of_kind("Le Tchad a ratifié la Convention de 1999 sur les pires formes de travail des enfants.", glossary, "term-garbled")
    fr = "Dans son rapport, le Rapporteur spécial recense les principales causes des formes contemporaines d’esclavage."
    en = "In the report, the Special Rapporteur identifies the main causes of contemporary forms of slavery."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    fr, en = "Le mandat du Rapporteur spécial a été renouvelé.", "The Special Rapporteur's mandate on contemporary forms of slavery was renewed."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    # two words in small letters inside a name are still the name misquoted
    fr = "Il remercie l’Office des Nations Unies de lutte contre la drogue et le crime pour son appui."
    assert texts_of_kind(fr, glossary, "term-garbled")


def test_small_letters_are_a_names_only_where_the_text_goes_on_as_the_name(glossary) -> None:
    fr = ["Le Centre soutient la Ligne d’urgence canadienne contre la traite des personnes.",
          "Grâce à la ligne d’urgence, plus de 1 000 partenaires sont joints."]
    assert not {text for _, kind, text in reported_on_lines(fr, glossary) if kind == "typography"}
    fr = ["Le 30 juillet est la Journée mondiale de la lutte contre la traite d’êtres humains.",
          "Ils ont célébré la journée mondiale de la lutte contre la traite d’êtres humains."]
    assert {text for _, kind, text in reported_on_lines(fr, glossary) if kind == "typography"}
    fr = ["L’USAID appuie le lancement du Plan d’Action National contre la traite.",
          "Le lancement du plan d’action national a eu lieu hier."]
    assert not {text for _, kind, text in reported_on_lines(fr, glossary) if kind == "typography"}
