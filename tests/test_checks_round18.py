"""Eighteenth round (read on heldout13 after its one unseen measurement): slips any reviser corrects on sight, each found by a
general pattern and checked against the French and English of every readable part before it was kept."""

from __future__ import annotations

from tests.checking import link_flags, reported


def _typography(fr: list[str], en: list[str], glossary) -> set[tuple[str, str]]:
    return {(side, text) for side, kind, text in reported(link_flags(fr, en, glossary)) if kind == "typography"}


def test_french_slips_seen_on_sight(glossary) -> None:
    # Niger's anti-trafficking agency and Senegal's labour minister (heldout13)
    fr = ["L’Agence œuvre également á la protection des victimes dans le cadre de la lutte contre la contre la traite des personnes.",
          "Il faut renforcer la coopération entre le Niger et le Niger en matière de traite, a t-il ajouté."]
    found = _typography(fr, [], glossary)
    assert {("fr", "á"), ("fr", "contre la contre la"), ("fr", "a t-il"), ("fr", "entre le Niger et le Niger")} <= found
    right = ["L’Agence œuvre également à la protection des victimes dans le cadre de la lutte contre la traite des personnes.",
             "Il faut renforcer la coopération entre le Niger et le Nigeria en matière de traite, a-t-il ajouté."]
    assert not _typography(right, [], glossary)


def test_a_number_and_its_unit_before_a_noun(glossary) -> None:
    # Canadian Council for Refugees (heldout13) and an RCMP Alberta release (heldout)
    fr = ["Un « délai de réflexion » de 180 jours, pendant lequel la personne peut se rétablir.",
          "Après ces 180 jours, un agent d'immigration décide."]
    en = ["A “reflection period” of 180-days, during which the person can recover.", "Following the 180 day period, an immigration officer decides."]
    assert ("en", "180-days") in _typography(fr, en, glossary)
    # the hyphen missing before a noun is information since the forty-second round (revisers marked 1 of 5 such flags)
    assert any(flag.text == "180 day" and flag.severity == "info" for flag in link_flags(fr, en, glossary))
    assert not _typography(fr, ["A “reflection period” of 180 days, during which the person can recover.",
                                "Following the 180-day period, an immigration officer decides."], glossary)
