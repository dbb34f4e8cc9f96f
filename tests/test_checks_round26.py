"""Twenty-sixth round: read on heldout22 after its two unseen measurements (eval/README.md, "Twenty-sixth round")."""

from __future__ import annotations

from tests.checking import needs_grammalecte, texts_of_kind


@needs_grammalecte
def test_a_share_may_agree_with_what_it_counts(glossary) -> None:
    # Maliweb/RFI 2017 (heldout22): « dont la moitié mineurs »: the twenty-third round's agreement warning took « la moitié » for the noun
    fr = "Près de 500 migrants, dont la moitié mineurs, ont été sauvés par une opération d’Interpol."
    assert "mineurs" not in texts_of_kind(fr, glossary, "grammar")
    assert "exploités" in texts_of_kind("250 personnes exploités pour mener des arnaques ont été libérées.", glossary, "grammar")


def test_a_quoted_english_title_is_a_citation_only_for_a_work(glossary) -> None:
    # Luxembourg 2020 (heldout22): a Day has a French name to give, quoted or not; a report is cited by its title (Paperjam, heldout19)
    fr = "Dans le cadre de la journée européenne \"European Anti-trafficking Day\" qui aura lieu le 18 octobre, la ministre annonce deux actions."
    assert "European Anti-trafficking Day" in texts_of_kind(fr, glossary, "untranslated")
    fr = "Il a présenté l’évaluation suite à la publication du «Trafficking in Persons Report» (TIP), rapport édité le 1er juillet."
    assert not texts_of_kind(fr, glossary, "untranslated")


def test_a_human_rights_council_resolution_number(glossary) -> None:
    # OHCHR 2022 (heldout22): "resolution 6/14" is a reference, not the numbers 6 and 14 (nor a date)
    fr = "En 2007, le Conseil des droits de l’homme a créé le mandat par sa résolution 6/14."
    en = "In 2007, the Human Rights Council in resolution 6/14 created the mandate."
    assert not texts_of_kind(fr, glossary, "number-mismatch", en) and not texts_of_kind(fr, glossary, "date-mismatch", en)


def test_latin_in_english_is_no_misspelling(glossary) -> None:
    # OHCHR 2022 (heldout22): "inter alia"
    en = "The Special Rapporteur has been mandated through resolution 51/15 to, inter alia, monitor the situation."
    assert "alia" not in texts_of_kind("Le Rapporteur spécial est notamment chargé de suivre la situation.", glossary, "spelling", en)


def test_an_incise_of_saying_with_an_adverb(glossary) -> None:
    # Manitoba 2010 (heldout22): « …, a annoncé aujourd’hui le ministre »
    fr = ("Un partenariat entre la Province et la Manitoba Hotel Association vise à donner au personnel hôtelier le pouvoir de lutter "
          "contre l’exploitation sexuelle des enfants, a annoncé aujourd’hui le ministre des Services à la famille.")
    assert not {text for text in texts_of_kind(fr, glossary, "typography") if "," in text}


def test_a_person_named_in_the_english_spelt_otherwise_in_the_french(glossary) -> None:
    # Manitoba 2009 and OHCHR 2008 (heldout22): « M. Gord Macintosh » for "Minister Gord Mackintosh", « Mme Gulnara Shahihian »
    fr = "Le ministre des Services à la famille, M. Gord Macintosh, a annoncé la semaine."
    en = "Family Services Minister Gord Mackintosh announced the week."
    assert "Macintosh" in texts_of_kind(fr, glossary, "name-mismatch", en)
    fr = "La Rapporteuse spéciale, Mme Gulnara Shahihian, a présenté son rapport."
    assert "Shahihian" in texts_of_kind(fr, glossary, "name-mismatch", "The Special Rapporteur, Ms. Gulnara Shahinian, presented her report.")
    # the same name: silent
    assert not texts_of_kind("Le ministre Gord Mackintosh a annoncé la semaine.", glossary, "name-mismatch",
                             "Minister Gord Mackintosh announced the week.")
