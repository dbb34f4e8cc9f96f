"""Ninth round (read on heldout6 after its two unseen measurements): dates and clock times as headings and short notices write them."""

from __future__ import annotations

from tests.checking import link_flags, reported

QUANTITY_KINDS = {"number-mismatch", "date-mismatch"}


def quantity_flags(fr: str, en: str, glossary) -> set[tuple[str, str, str]]:
    return {flag for flag in reported(link_flags([fr], [en], glossary)) if flag[1] in QUANTITY_KINDS}


def test_an_embargo_line_in_capitals_keeps_its_date_and_time(glossary) -> None:
    # ILO, global estimate of forced labour 2012: a month in capitals, a 24-hour time without « h »
    fr = "DOCUMENT SOUS EMBARGO JUSQU’AU 1er JUIN 2012 A 8:30 GMT"
    en = "UNDER EMBARGO UNTIL JUNE 1, 2012, 8:30 a.m. GMT"
    assert quantity_flags(fr, en, glossary) == set()
    assert quantity_flags(fr, en.replace("JUNE 1", "JUNE 2"), glossary), "a changed day is still a mismatch"
    assert quantity_flags(fr, en.replace("8:30", "9:30"), glossary), "a changed time is still a mismatch"


def test_a_day_and_month_in_figures_is_the_date_the_other_side_spells(glossary) -> None:
    # IOM Ukraine 2015: « (18 octobre) » for "(18/10)"
    fr = "Ukraine - L’OIM marque la 9ème Journée de lutte contre la traite (18 octobre) de l’Union européenne (UE)."
    en = "Ukraine - IOM has marked the 9th European Union (EU) Anti-Trafficking Day (18/10) by warning of the growing vulnerability of Ukrainians."
    assert quantity_flags(fr, en, glossary) == set()
    assert quantity_flags(fr.replace("18 octobre", "19 octobre"), en, glossary), "another day is still a mismatch"


def test_figures_that_are_not_one_date_stay_numbers(glossary) -> None:
    # 24/7 is round the clock; 5/6 could be either order, so it stays two numbers the other side must hold
    assert quantity_flags("Le service est ouvert 24 heures sur 24, 7 jours sur 7.", "The service is open 24/7.", glossary) == set()
    assert quantity_flags("Cinq victimes sur six ont été identifiées.", "5/6 victims were identified.", glossary) == set()
    assert quantity_flags("Deux victimes sur six ont été identifiées.", "5/6 victims were identified.", glossary)
