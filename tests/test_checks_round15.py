"""Fifteenth round (read on heldout10 after its one unseen measurement): a dateline's date, "around the clock", an inverted
auxiliary, an article before an English name, Grammalecte's own doubt, a longer name that begins like a listed one, an English
name inside French, and a dash written as a hyphen."""

from __future__ import annotations

from tests.checking import EVERY_SEVERITY, link_flags, reported


def _reported(fr: str, en: str, glossary) -> set[tuple[str, str, str]]:
    return reported(link_flags([fr], [en] if en else [], glossary))


def test_a_datelines_date_is_no_date_left_out(glossary) -> None:
    # UNHCR 2015 (heldout10): the French release opens with its dateline, the English has none
    fr = ("Genève, 5 juin (HCR) - Le HCR est préoccupé par des informations faisant état de l'enlèvement de 14 demandeurs d'asile "
          "érythréens par des éléments armés inconnus dans l'est du Soudan, en date du jeudi 4 juin 2015.")
    en = ("UNHCR is concerned to have learned of an abduction of 14 Eritrean asylum-seekers by unknown armed elements in eastern Sudan "
          "on Thursday 4 June 2015.")
    assert not {flag for flag in _reported(fr, en, glossary) if flag[1] == "date-mismatch"}
    inside = fr.replace("en date du jeudi 4 juin 2015", "en date du jeudi 4 juin 2015 et du 5 juin")
    assert ("fr", "date-mismatch", "5 juin") in _reported(inside.replace("Genève, 5 juin (HCR) - ", ""), en, glossary)


def test_around_the_clock_in_words_is_no_figure(glossary) -> None:
    # UNHCR 2010 (heldout10): « sans relâche » for "around the clock"
    fr = ("Le Ministre égyptien de l'Intérieur nous a assuré que des recherches sont menées sans relâche pour localiser les otages et "
          "les libérer.")
    en = "Egypt's Ministry of Interior has assured us that around the clock efforts are underway to locate the hostages and release them."
    assert not {flag for flag in _reported(fr, en, glossary) if flag[1] == "number-mismatch"}
    assert ("en", "number-mismatch", "24/7") in _reported(fr, en.replace("around the clock", "24/7"), glossary)


def test_an_inverted_auxiliary_holds_its_participle(glossary) -> None:
    # Belgian Chamber 2008 (heldout10)
    fr = "De votre côté, avez-vous eu des contacts? Ces contacts peuvent-ils également être qualifiés de pressions?"
    assert not {flag for flag in _reported(fr, "", glossary) if flag[1] == "grammar"}
    assert ("fr", "grammar", "eu") in _reported("De votre côté, vous eu des contacts.", "", glossary)


def test_an_article_before_an_english_name_agrees_with_the_name(glossary) -> None:
    # Manitoba 2021 (heldout10): « la Manitoba Hotel Association » (the association), not the province
    fr = ("jusqu’à 200 000 $ serviront à lancer, en partenariat avec la Manitoba Hotel Association, une campagne provinciale de "
          "formation du personnel hôtelier.")
    en = "Up to $200,000 to develop a provincial training campaign for hotel staff in partnership with the Manitoba Hotel Association."
    assert not {flag for flag in _reported(fr, en, glossary) if flag[1] == "grammar"}


def test_grammalectes_doubt_about_a_participles_object_is_no_warning(glossary) -> None:
    # European Commission 2010 (heldout10): « proposée » agrees with « la directive », the relative's antecedent
    fr = ("Le Parlement européen a voté en faveur de la directive relative à la lutte contre la traite des êtres humains que la "
          "Commission avait proposée en mars.")
    assert not {flag for flag in _reported(fr, "", glossary) if flag[1] == "grammar"}


def test_a_longer_name_that_begins_like_a_listed_one(glossary) -> None:
    # Yukon 2023 (heldout10): "United Nations General Assembly" is no "United Nations Secretary-General" with a word missing
    fr = "« La Journée mondiale de la lutte contre la traite d’êtres humains a été proclamée par l’Assemblée générale des Nations unies en 2014."
    en = "“World Day against Trafficking in Persons was proclaimed by the United Nations General Assembly in 2014."
    assert not {flag for flag in _reported(fr, en, glossary) if flag[1] == "term-garbled"}
    cut = "“World Day against Trafficking in Persons was proclaimed by the United Nations General in 2014."
    assert ("en", "term-garbled", "United Nations General") in _reported(fr, cut, glossary)


def test_an_english_name_inside_french_is_a_name(glossary) -> None:
    # US Embassy Senegal 2022 (heldout10)
    fr = ("Allocution lors du lancement national des programmes du Center on Human Trafficking Research and Outreach au Sénégal")
    assert not {flag for flag in _reported(fr, "", glossary) if flag[1] == "untranslated"}
    assert ("fr", "untranslated", "Deputy Minister") in _reported("Le Deputy Minister a lancé les programmes au Sénégal.", "", glossary)


def test_a_dash_written_as_a_hyphen(glossary) -> None:
    # US Embassy Haiti 2018 (heldout10)
    flags = link_flags(["Merci d'être venus discuter d'un défi mondial qui s'attaque aux plus vulnérables : la traite des personnes."],
                       ["Thank you for coming here today to discuss a global challenge that preys on the vulnerable namely- trafficking in persons."],
                       glossary)
    dashes = [flag for flag in flags if flag.text == "namely- trafficking"]
    assert [flag.suggestion for flag in dashes] == ["namely – trafficking"]


def test_an_english_small_word_between_french_words(glossary) -> None:
    # Swiss FDFA 2014 and US Embassy Togo 2018 (heldout10); English names keep their small words
    assert ("fr", "untranslated", "and") in _reported(
        "Elle a présenté l'engagement de la Suisse en matière de prévention and de mesures contre la traite des êtres humains.", "", glossary)
    assert ("fr", "untranslated", "of") in _reported("Monsieur le Directeur of CREUSET, Honorables chefs traditionnels,", "", glossary)
    for name in ("Elle a rencontré la Legal Assistance of Windsor, une clinique financée par AJO.",
                 "L'OIT publie un nouveau rapport intitulé Profits and Poverty: The Economics of Forced Labour."):
        assert not {flag for flag in _reported(name, "", glossary) if flag[1] == "untranslated"}, name


def test_a_hyphenated_place_written_without_its_hyphen_or_its_capitals_accent(glossary) -> None:
    # US Embassy Haiti 2019 (heldout10): « Etats Unis »; French usage may drop the capital's accent, not the hyphen
    fr = "Le rapport sur la traite des personnes des Etats Unis classe Haïti au niveau deux."
    assert ("fr", "typography", "Etats Unis") in _reported(fr, "", glossary)
    assert not {flag for flag in _reported(fr.replace("Etats Unis", "Etats-Unis"), "", glossary) if flag[1] == "typography"}


def test_a_plural_determiner_before_a_capitalised_singular_noun(glossary) -> None:
    # Manitoba 2021 (heldout10): the headline names « la ministre des Famille »
    fr = "Une campagne de formation sur la traite destinée au personnel hôtelier, annonce la ministre des Famille"
    assert ("fr", "grammar", "Famille") in _reported(fr, "", glossary)
    assert not {flag for flag in _reported(fr.replace("Famille", "Familles"), "", glossary) if flag[1] == "grammar"}


def test_a_word_in_capitals_is_no_acronym_left_out(glossary) -> None:
    # UNICEF 2004 (heldout10): the English dateline in capitals, the French in small letters
    fr = ("Cotonou, Bénin, le 23 avril 2004 – La traite des êtres humains affecte presque toutes les nations d’Afrique pour lesquelles nous "
          "disposons de données.")
    en = "COTONOU, BENIN  23 April 2004 – Trafficking in human beings affects every country in Africa for which data is available."
    assert not {flag for flag in _reported(fr, en, glossary) if flag[1] == "omission"}
    assert ("en", "omission", "ICAT") in reported(link_flags([fr], [en.replace("Trafficking", "The ICAT says trafficking")], glossary),
                                                  EVERY_SEVERITY)  # (information)
