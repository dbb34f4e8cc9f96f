"""Thirty-first round (eval/README.md, "Thirty-first round"): two words run together, the slip a careless keyboard, a PDF or a web page
leaves (« des manitobainstravaillant » in Manitoba's Tracia's Trust page, heldout22; the mutation benchmark's `space-dropped` operator
makes thousands more); each test keeps the slip beside the right form, which stays silent."""

from __future__ import annotations

from tests.checking import link_flags, needs_grammalecte, texts_of_kind


@needs_grammalecte
def test_two_french_words_run_together(glossary) -> None:
    assert texts_of_kind("Le rapport présente les donnéesrecueillies par la police.", glossary, "spelling") == {"donnéesrecueillies"}
    # an elided word run into the word before it
    assert texts_of_kind("Le Conseil del’Europe publie son rapport.", glossary, "spelling") == {"del’Europe"}
    assert not texts_of_kind("Le rapport présente les données recueillies dans les chaînes d’approvisionnement.", glossary, "spelling")
    # a prefix makes one word with the next, a suffix that is a word too ends one word, a web address is no prose
    fr = "Une approche pangouvernementale permet d’enquêter proactivement ; voir stoptraite.be et interinstitutions."
    assert not texts_of_kind(fr, glossary, "spelling")


def test_two_english_words_run_together(glossary) -> None:
    en = "The report lists the datacollected by police in each province."
    assert texts_of_kind("Le rapport présente les données recueillies par la police.", glossary, "spelling", en=en) == {"datacollected"}
    # words people write as one ("roundtable"), a hashtag, a name in small letters made of two short words
    en = "The roundtable on #EndTrafficking met; fedpol attended."
    assert not texts_of_kind("La table ronde sur #EndTrafficking s'est réunie ; fedpol était présent.", glossary, "spelling", en=en)


def test_two_words_of_a_term_run_together_in_any_case(glossary) -> None:
    # capitalised, a word run together is no different from a name to a spelling check; two words of a glossary term are no name
    assert texts_of_kind("Traitedes êtres humains : près de 16 000 victimes", glossary, "term-garbled") == {"Traitedes"}
    en = "The World Day against Traffickingin Persons and the Fund of the United NationsOffice."
    found = texts_of_kind("La Journée mondiale contre la traite des personnes.", glossary, "term-garbled", en=en)
    assert "Traffickingin" in found
    assert texts_of_kind("Les entreprises vérifient leurs chaînesd’approvisionnement.", glossary, "term-garbled") == {"chaînesd"}
    # any form of the term's words ("victim of trafficking" is listed in the singular)
    assert texts_of_kind("Les victimes souffrent.", glossary, "term-garbled", en="Victimsof trafficking often suffer.") == {"Victimsof"}
    # a word people write is two words of a term only between the term's other words
    assert texts_of_kind("Les victimes dela traite sont nombreuses.", glossary, "term-garbled") == {"dela"}
    assert not texts_of_kind("Le Delà est un film ; Dela Cruz a parlé.", glossary, "term-garbled")
    en = "It is an inhuman practice; trafficking inhuman beings is a crime."
    garbled = [flag for flag in link_flags(["La traite des êtres humains est un crime."], [en], glossary) if flag.kind == "term-garbled"]
    assert [(flag.text, flag.start) for flag in garbled] == [("inhuman", en.index("inhuman beings"))]
    # a hyphen is not a space: "Co-operation" in a listed name does not make "cooperation" two words
    assert not texts_of_kind("La coopération est essentielle.", glossary, "term-garbled", en="Cooperation is essential.")
    assert not texts_of_kind("Traite des êtres humains : la ministre Belmonde Dogo et M. Lecours", glossary, "term-garbled")


def test_a_misspelt_term_that_opens_the_sentence(glossary) -> None:
    # a capitalised word inside a sentence may be a name; the first word's capital is the sentence's ("Victis assisted by IOM …")
    fr = "Les victimes aidées par l’OIM en 2015 avaient passé trois ans dans la traite."
    en = "Victis assisted by IOM in 2015 had spent three years in the trafficking process."
    assert texts_of_kind(fr, glossary, "term-garbled", en=en) == {"Victis"}
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en.replace("Victis", "Victims"))
    assert not texts_of_kind(fr, glossary, "term-garbled", en="Those assisted by Victis in 2015 had spent three years in the process.")


def test_an_acronym_a_letter_off_the_name_it_follows(glossary) -> None:
    # Republic of Togo 2013 (heldout21), CHRC's supply-chains report 2025 (heldout11)
    fr = "Le projet est financé par le Fonds de solidarité prioritaire (FSD) du ministère."
    assert texts_of_kind(fr, glossary, "acronym-mismatch") == {"FSD"}
    assert not texts_of_kind(fr.replace("FSD", "FSP"), glossary, "acronym-mismatch")
    en = "It operates under the Accessible Canada Act (ACA), the Employment Equity Act (EAA) and the Pay Equity Act (PEA)."
    assert texts_of_kind("Elle applique trois lois.", glossary, "acronym-mismatch", en=en) == {"EAA"}
    # a word of the name left out of its acronym; an acronym the other version writes too (a body's own, kept in both languages)
    fr = ["Le Fonds de l’UE pour l’asile, la migration et l’intégration (FAMI) soutient le projet.",
          "Le Commissaire soudanais pour les réfugiés (COR) a été informé."]
    en = ["The EU's Asylum, Migration and Integration Fund (AMIF) supports the project.", "The Commissioner for Refugees (COR) was informed."]
    assert not texts_of_kind(fr, glossary, "acronym-mismatch", en=en)
