"""Eleventh round (read on heldout7 after its two unseen measurements): decades, and Grammalecte's agreement findings on abbreviated
titles and inclusive forms."""

from __future__ import annotations

from align.checks.grammar import french_findings
from tests.checking import link_flags, reported


def number_flags(fr: str, en: str, glossary) -> set[tuple[str, str, str]]:
    return {flag for flag in reported(link_flags([fr], [en], glossary)) if flag[1] == "number-mismatch"}


def test_a_decade_is_one_value_on_both_sides(glossary) -> None:
    # a minister's letter: « dans les années 1990 » is "in the 1990s", not the year 1990 on one side only
    fr = "Lorsque j’étais juge dans les années 1990, j’ai vu des victimes de la traite."
    en = "When I was a judge in the 1990s, I saw victims of trafficking."
    assert number_flags(fr, en, glossary) == set()
    assert number_flags(fr, en.replace("1990s", "1980s"), glossary), "another decade is still a mismatch"
    assert number_flags(fr.replace("les années 1990", "1990"), en.replace("the 1990s", "1990"), glossary) == set(), "a year stays a year"


def agreement_spans(text: str) -> set[str]:
    return {text[finding.start:finding.end] for finding in french_findings(text) if finding.kind == "grammar"}


def test_an_abbreviated_rank_before_a_name_is_no_agreement_error() -> None:
    # police releases abbreviate ranks: « la gend. », « la cap. » (a constable, a corporal who is a woman)
    assert agreement_spans("Selon la cap. Marie Tremblay, enquêteuse principale, le réseau recrutait en ligne.") == set()
    assert agreement_spans("Il a rencontré le directrice du programme de lutte contre la traite."), "a real agreement error is still found"


def test_an_inclusive_form_is_no_agreement_error() -> None:
    # « du/de la Représentant(e) spécial(e) »: the office's holder may be a man or a woman
    assert agreement_spans("Le Bureau du/de la Représentant(e) spécial(e) coordonne la lutte contre la traite.") == set()
