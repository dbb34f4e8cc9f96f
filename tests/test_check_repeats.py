"""A TMX repeats its sentences, and the checks remember what they found in a text: a repeated unit is still flagged under its own number."""

from dataclasses import replace

from align.checks import CheckContext, run_checks
from align.model import Unit
from align.terms.glossary import load_glossary

FRENCH = "La lutte contre la traite des être humains est une priorité, et la la police enquête."
ENGLISH = "The fight against trafficking in human beings is a priority, and the police investigates."


def test_a_repeated_unit_gets_the_flags_of_its_first_occurrence_under_its_own_number() -> None:
    glossary = load_glossary()
    units = [Unit(0, (0,), (0,), FRENCH, "", ENGLISH, 1.0, "auto"),
             Unit(1, (1,), (1,), "Le rapport a été publié hier.", "", "The report was published yesterday.", 1.0, "auto"),
             Unit(2, (2,), (2,), FRENCH, "", ENGLISH, 1.0, "auto")]
    flags = run_checks(units, CheckContext(glossary, has_official=True))
    first = [flag for flag in flags if flag.link == 0]
    repeated = [flag for flag in flags if flag.link == 2]
    assert {flag.kind for flag in first} >= {"term-garbled", "typography"}  # « des être humains », « la la »
    assert repeated == [replace(flag, link=2) for flag in first]
    alone = run_checks([units[2]], CheckContext(glossary, has_official=True))
    assert [flag for flag in alone if flag.link == 2] == repeated


def test_a_repeated_unit_is_judged_with_its_own_neighbours() -> None:
    # the French number is in the next link's English at its first occurrence (a sentence split differently), not at its second
    glossary = load_glossary()
    french = "Au total, 37 victimes ont été identifiées par la police en 2021."
    english = "In total, victims were identified by the police in 2021."
    units = [Unit(0, (0,), (0,), french, "", english, 1.0, "auto"),
             Unit(1, (1,), (1,), "Elles ont reçu une aide.", "", "All 37 received assistance.", 1.0, "auto"),
             Unit(2, (2,), (2,), "Le rapport a été publié hier.", "", "The report was published yesterday.", 1.0, "auto"),
             Unit(3, (3,), (3,), french, "", english, 1.0, "auto"),
             Unit(4, (4,), (4,), "Le rapport a été publié hier.", "", "The report was published yesterday.", 1.0, "auto")]
    flags = run_checks(units, CheckContext(glossary, has_official=True))
    missing_37 = [flag.link for flag in flags if flag.kind == "number-mismatch" and flag.text == "37"]
    assert 3 in missing_37 and 0 not in missing_37
