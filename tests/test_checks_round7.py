"""The seventh round of the checks (issue #14): the fourth held-out part's false alarms and the misses that generalise, each rule shown
on sentences of published texts of the eval/ corpus (eval/README.md, "Seventh round") with a case it flags and one it leaves silent."""

from __future__ import annotations

import pytest

from align.checks import check_text
from align.checks.grammar import french_checker, french_findings
from align.text.quantities import find_numbers
from tests.checking import link_flags, reported

needs_grammalecte = pytest.mark.skipif(french_checker() is None, reason="Grammalecte (python3-grammalecte) not installed")


def flags_of(fr: list[str], en: list[str], glossary):
    """(side, kind, text) of the warnings and errors on the French and the English."""
    return reported(link_flags(fr, en, glossary))


def kinds(fr: list[str], en: list[str], glossary, kind: str) -> set[tuple[str, str]]:
    return {(side, text) for side, found, text in flags_of(fr, en, glossary) if found == kind}


def test_the_trafficking_protocols_short_titles_are_admitted(glossary) -> None:
    # IRCC 2016 and 2020 (heldout4)
    assert not check_text("The Trafficking Protocol defines trafficking as:", "en", glossary)
    assert not check_text("L’article 3 du Protocole contre la traite des personnes définit la traite de personnes en ces termes :", "fr", glossary)
    assert check_text("The Trafficking Persons Protocol defines trafficking as:", "en", glossary)


def test_a_legal_section_number_and_millions_written_m_dollars(glossary) -> None:
    # Senate of Canada 2012 and Ontario 2025 (heldout4)
    fr = "Il ajoute les infractions existantes, soit les articles 279.01 et 279.011, à la liste des infractions."
    en = "It adds the current trafficking in persons offences, namely, sections 279.01 and 279.011, to the list of offences."
    assert not kinds([fr], [en], glossary, "number-mismatch")
    assert kinds([fr], [en.replace("279.011", "279.012")], glossary, "number-mismatch")
    amount = "L’Ontario renouvelle sa Stratégie, qui comprendra un investissement de plus de 345 M$ pour cette période."
    english = "Ontario is renewing its Strategy, including a more than $345 million investment over the same period of time."
    assert not kinds([amount], [english], glossary, "number-mismatch")
    assert [value.value for value in find_numbers("1,2 G$ et 10 k$", "fr")] == [(1.2e9,), (1e4,)]
    assert kinds([amount], [english.replace("$345", "$354")], glossary, "number-mismatch")


def test_a_verb_form_of_etre_is_not_the_word_etres(glossary) -> None:
    # Statistics Canada 2018 (heldout4)
    assert not check_text("Le temps médian nécessaire au règlement d’une cause comportant au moins une accusation de traite de personnes "
                          "était de 358 jours.", "fr", glossary)
    assert check_text("la traite des êtres personnes", "fr", glossary)


def test_a_name_introduced_with_its_own_acronym_is_another_body(glossary) -> None:
    # Justice Canada 2010 (heldout4): not the listed « Groupe de travail trilatéral sur la traite des personnes »
    name = "Le Groupe de travail interministériel sur la traite des personnes (GTITP) demeure le centre de liaison du gouvernement fédéral."
    assert not check_text(name, "fr", glossary)
    assert check_text(name.replace(" (GTITP)", ""), "fr", glossary)
    assert check_text(name.replace("(GTITP)", "(GTTTP)"), "fr", glossary)


def test_an_english_term_rendering_the_french_phrase_as_a_whole(glossary) -> None:
    # CBSA 2014 and INTERPOL (heldout4): the English term's first word is a cognate of the French word after the French term
    assert not flags_of(["La forme la plus courante est la traite de personnes à des fins sexuelles."],
                        ["The most common form is sex trafficking."], glossary)
    assert not flags_of(["aux fins du travail forcé ou de l'esclavage domestique"], ["For forced labour or domestic servitude"], glossary)
    # without the French word, the English names a narrower crime than the French (a concept swap)
    assert kinds(["La forme la plus courante est la traite de personnes."], ["The most common form is sex trafficking."], glossary, "term-missing")


def test_a_name_spelt_out_before_its_acronym_counts_as_the_acronym_in_lengths(glossary) -> None:
    # CBSA 2022 (heldout4)
    fr = ("Apprenez-en davantage sur la traite des personnes et les mesures prises par l’Agence des services frontaliers du Canada (ASFC) "
          "pour lutter contre celle-ci.")
    assert not kinds([fr], ["Learn about human trafficking and how the CBSA fights it."], glossary, "omission")
    assert kinds([fr], ["Learn about human trafficking."], glossary, "omission")


@needs_grammalecte
def test_oe_for_the_ligature_is_not_a_misspelling() -> None:
    # Ontario 2016 (heldout4)
    assert not [finding for finding in french_findings("Des organismes oeuvrant auprès des victimes ont reçu un financement.")
                if finding.kind == "spelling"]
    # a real slip of the same text is still reported
    assert [finding for finding in french_findings("C'est la premiére stratégie de la province oeuvrant contre la traite.")
            if finding.kind == "spelling"]


def test_travaux_forces_is_the_penal_sentence_not_forced_labour(glossary) -> None:
    # CBSA 2014 (heldout4) and Manitoba 2022 (heldout): « travaux forcés »; a slip in « travail forcé » stays a garbled term
    assert ("fr", "forbidden-term", "travaux forcés") in flags_of(
        ["Elles peuvent être contraintes à l'exploitation sexuelle ou aux travaux forcés."], [], glossary)
    assert not kinds(["Elles peuvent être contraintes à l'exploitation sexuelle ou au travail forcé."], [], glossary, "forbidden-term")
    slip = {(kind, text) for kind, text in ((f.kind, f.text) for f in check_text("Le travail forcë est une grave violation.", "fr", glossary))}
    assert slip == {("term-garbled", "travail forcë")}


def test_trafic_offered_as_another_name_is_not_the_belgian_second_crime(glossary) -> None:
    # Justice Canada (heldout4): « La traite des personnes ou trafic dans les personnes » then « Le trafic des personnes est un crime grave »
    fr = ["La traite des personnes ou trafic dans les personnes, est souvent décrite comme une forme moderne d'esclavage.",
          "Le trafic des personnes est un crime grave qui affecte injustement les membres les plus vulnérables de la société."]
    assert ("fr", "forbidden-term", "trafic des personnes") in flags_of(fr, [], glossary)
    # Myria (Belgium): « la traite et le trafic des êtres humains » are two crimes
    belgian = ["Myria publie son rapport annuel sur la traite et le trafic des êtres humains.",
               "Le trafic des êtres humains a augmenté aux frontières."]
    assert not kinds(belgian, [], glossary, "forbidden-term")


def test_an_acronym_introduced_on_one_side_and_never_used_again(glossary) -> None:
    # CBSA 2014 and Nova Scotia RCMP 2022 (heldout4)
    en = "The Government of Canada launched the National Action Plan (NAP) to Combat Human Trafficking on June 6, 2012."
    fr = "Le gouvernement du Canada a lancé le Plan d'action national de lutte contre la traite de personnes le 6 juin 2012."
    # (context since round 19: revisers from heldout7 on left such acronyms alone)
    assert ("en", "acronym-mismatch", "(NAP)") in reported(link_flags([fr], [en], glossary), ("info",))
    # used again later, it is the text's own shorthand
    assert not kinds([fr, "Le Plan s'appuie sur les mesures en place."], [en, "The NAP builds on existing measures."], glossary, "acronym-mismatch")
    # the other version gives its own acronym (ASFC / CBSA): a pair, not an acronym added
    assert not kinds(["Les mesures prises par l’Agence des services frontaliers du Canada (ASFC) pour lutter contre celle-ci."],
                     ["Learn how the CBSA fights it."], glossary, "acronym-mismatch")


@needs_grammalecte
def test_slips_of_text_pasted_from_a_pdf(glossary) -> None:
    # Ontario 2016 (heldout4): a word cut by a space, a space at an elided apostrophe, a heading in English Title Case
    fr = ["Le financement des ser vices aux jeunes à risque d ’être victimes de la traite a augmenté.", "Prévention Et Soutiens Communautaires"]
    found = kinds(fr, [], glossary, "typography")
    assert {("fr", "ser vices"), ("fr", "d ’"), ("fr", "Prévention Et Soutiens Communautaires")} <= found
    clean = ["Le financement des services aux jeunes à risque d’être victimes de la traite a augmenté.", "Prévention et soutiens communautaires",
             "Dans ce podcast, Michaëlle De Cock, responsable de l’unité, parle du travail forcé."]
    assert not kinds(clean, [], glossary, "typography")


def test_english_slips_at_risk_doubled_quote_and_two_determiners(glossary) -> None:
    # CBSA 2014, RCMP 2017, Nova Scotia RCMP 2022 (heldout4)
    en = ["Vulnerable groups that may be at-risk of human trafficking include at-risk youth.",
          "“It is our role to identify and remove victims from harm.\"\"",
          "Nova Scotia’s cases accounted for ten per cent of the those reported in the country."]
    fr = ["Les groupes vulnérables comprennent les jeunes à risque.", "« Notre rôle est de soustraire les victimes au danger. »",
          "Les cas de la Nouvelle-Écosse représentaient dix pour cent de ceux signalés au pays."]
    found = {text for side, text in kinds(fr, en, glossary, "typography") if side == "en"}
    assert {"at-risk", "the those"} <= found and any(text.startswith('"') for text in found)
    assert "at-risk" not in {text for side, text in kinds(fr, ["Programs for at-risk youth.", "", ""], glossary, "typography")}


def test_a_bill_number_given_with_another_letter(glossary) -> None:
    # Senate of Canada 2012 (heldout4): "Bill S-310" where both texts otherwise say C-310
    fr = "Honorables sénateurs, je prends la parole à l’étape de la troisième lecture du projet de loi C-310, Loi modifiant le Code criminel."
    en = "Honourable senators, I rise to speak at third reading of Bill S-310, An Act to amend the Criminal Code."
    assert ("en", "S-310") in kinds([fr], [en], glossary, "number-mismatch")
    assert not kinds([fr], [en.replace("S-310", "C-310")], glossary, "number-mismatch")


def test_esclavagisme_sexuel_is_not_sexual_slavery(glossary) -> None:
    # UNODC Global Report 2016 (dev)
    text = "Des femmes et des filles sont réduites à l'esclavagisme sexuel par des groupes armés."
    assert ("forbidden-term", "esclavagisme sexuel") in {(flag.kind, flag.text) for flag in check_text(text, "fr", glossary)}
    assert not check_text(text.replace("esclavagisme", "esclavage"), "fr", glossary)


def test_a_name_with_a_word_the_linked_text_also_writes_is_another_body(glossary) -> None:
    # ILO 2016 (heldout3): the International Labour Conference is the Organization's conference, not its name garbled
    fr = ["Le Protocole a été adopté par la Conférence internationale du Travail en 2014 ; l'Organisation internationale du Travail le promeut."]
    en = ["The Protocol was adopted by the International Labour Conference in 2014; the International Labour Organization promotes it."]
    assert not kinds(fr, en, glossary, "term-garbled")
    # a word the linked text does not write is still a name garbled
    garbled = [en[0].replace("the International Labour Organization", "the International Labour Council")]
    assert ("en", "International Labour Council") in kinds(fr, garbled, glossary, "term-garbled")


def test_a_countrys_french_name_without_its_hyphens(glossary) -> None:
    # IOM 2015 (test): « Papouasie Nouvelle Guinée »; the names are CLDR's
    fr = ["Le projet vise à lutter contre la traite en Papouasie Nouvelle Guinée, où les victimes sont nombreuses."]
    assert ("fr", "Papouasie Nouvelle Guinée") in kinds(fr, [], glossary, "typography")
    assert not kinds([fr[0].replace("Papouasie Nouvelle Guinée", "Papouasie-Nouvelle-Guinée")], [], glossary, "typography")
