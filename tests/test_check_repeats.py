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
