"""The checks on sentences of the eval/ corpus's development part (eval/README.md): each test is a finding a reviser
made, or a false alarm the checks used to raise, on a published text. Test-part documents are not used here."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, run_checks
from align.model import Segment
from align.terms.glossary import DEFAULT_PATH, load_glossary
from align.text.quantities import find_dates, find_numbers
from align.text.segmentation import segment_text
from bench.checks import line_units


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(DEFAULT_PATH)


def flags_of(fr: list[str], en: list[str], glossary, *, segments: bool = False):
    context = CheckContext(glossary, True, fr_segments=tuple(Segment(text, "sentence", 0, len(text)) for text in fr) if segments else ())
    return [flag for flag in run_checks(line_units(fr, en), context) if flag.severity != "info"]


def french_flags(text: str, glossary):
    context = CheckContext(glossary, False, fr_segments=(Segment(text, "sentence", 0, len(text)),))
    return [(flag.kind, flag.text) for flag in run_checks(line_units([text], [""]), context) if flag.severity != "info" and flag.side == "fr"]


DATELINE_FR = ("OTTAWA, ON, le 30 juill. 2023 /CNW/ - Aujourd'hui, l'honorable Dominic LeBlanc, ministre de la Sécurité publique, "
               "des Institutions démocratiques et des Affaires intergouvernementales, a fait la déclaration qui suit :")
DATELINE_EN = ("OTTAWA, ON, July 30, 2023 /CNW/ - Today, the Honourable Dominic LeBlanc, Minister of Public Safety, "
               "Democratic Institutions and Intergovernmental Affairs, issued the following statement:")


def test_a_newswire_dateline_with_an_abbreviated_month_is_one_sentence_and_one_date(glossary) -> None:
    assert [segment.text for segment in segment_text(DATELINE_FR, "fr")] == [DATELINE_FR]
    assert [date.value for date in find_dates(DATELINE_FR, "fr")] == [(2023, 7, 30)]
    assert flags_of([DATELINE_FR], [DATELINE_EN], glossary) == []


def test_abbreviated_months_in_both_languages_and_sept_the_number() -> None:
    assert [d.value for d in find_dates("REGINA, le 4 sept. 2019 /CNW/ - La traite des personnes est un crime odieux", "fr")] == [(2019, 9, 4)]
    assert [d.value for d in find_dates("OTTAWA, ON, le 15 déc. 2020 /CNW/", "fr")] == [(2020, 12, 15)]
    assert [d.value for d in find_dates("REGINA, Sept. 4, 2019 /CNW/", "en")] == [(2019, 9, 4)]
    assert find_dates("sept victimes ont été identifiées", "fr") == []


def test_numeric_dates_and_space_thousands_in_eu_english(glossary) -> None:
    assert flags_of(["Bruxelles, le 14.4.2021"], ["Brussels, 14.4.2021"], glossary) == []
    fr = "D’après les dernières données disponibles, entre 2017 et 2018, plus de 14 000 victimes enregistrées 2 étaient à déplorer dans l’Union européenne."
    en = "According to the latest available data, between 2017 and 2018, there were more than 14 000 registered victims 2 within the European Union."
    assert flags_of([fr], [en], glossary) == []


def test_round_the_clock_and_amounts_compare_as_values(glossary) -> None:
    fr = ("Gérée par le Centre canadien pour mettre fin à la traite des personnes, la ligne d'urgence est un service sans frais d'interurbain, "
          "confidentiel et offert à l'échelle du pays 24 heures sur 24, 7 jours sur 7, dans plus de 200 langues.")
    en = ("Operated by the Canadian Centre to End Human Trafficking, the hotline is toll-free, confidential, and accessible across the country "
          "24/7/365 in over 200 languages.")
    assert flags_of([fr], [en], glossary) == []
    fr = "Grâce à notre Plan frontalier de 1,3 milliard de dollars, nous prenons des mesures concrètes."
    en = "Through our $1.3-billion Border Plan, we're taking concrete action."
    assert flags_of([fr], [en], glossary) == []
    assert [n.value for n in find_numbers("SG/SM/16047-DH/5203-OBV/1358", "fr")] == []
    assert [n.value for n in find_numbers("le plan d'action 2019-2020", "fr")] == [n.value for n in find_numbers("the 2019-20 action plan", "en")]


def test_the_machine_translation_s_number_formatting_is_not_a_mismatch(glossary) -> None:
    units = line_units(["Le gouvernement a annoncé l'octroi d'un financement de 12,5 millions de dollars."], [""])
    from dataclasses import replace
    units = [replace(units[0], mt="The government has announced the octroi of a financing of 12,5 million dollars.")]
    assert [f for f in run_checks(units, CheckContext(glossary, False)) if f.severity != "info"] == []


def test_a_decimal_point_in_a_french_amount_is_typography(glossary) -> None:
    fr = "alimentée à la fois par une augmentation du nombre de personnes victimes du travail forcé – environ 27.6 millions – et par l'accroissement"
    en = "driven by both an increase in the number of people in forced labour – around 28 million – and higher profits"
    flags = {(flag.side, flag.kind, flag.text) for flag in flags_of([fr], [en], glossary)}
    assert flags == {("fr", "typography", "27.6"), ("en", "number-mismatch", "28 million")}


def test_trafficking_rendered_as_smuggling_is_a_concept_confusion(glossary) -> None:
    fr = "La traite des personnes est un crime odieux qui comprend l'exploitation sexuelle et le travail forcé."
    en = "Human smuggling is a heinous crime that includes sexual exploitation and forced labour."
    [flag] = flags_of([fr], [en], glossary)
    assert (flag.kind, flag.severity, flag.text, flag.suggestion.split(" | ")[0]) == ("concept-confusion", "error", "Human smuggling", "trafficking in persons")


def test_accepted_short_forms_are_not_flagged(glossary) -> None:
    fr = "Les femmes et les filles représentent environ 70 % des victimes de la traite détectées."
    en = "Women and girls make up about 70 per cent of detected trafficked persons."
    assert flags_of([fr], [en], glossary) == []


def test_trafic_beside_traite_is_the_smuggling_crime(glossary) -> None:
    text = ("Myria publie un rapport annuel indépendant et public dans lequel il évalue l'évolution et les résultats de la lutte contre la traite "
            "et le trafic des êtres humains.")
    assert french_flags(text, glossary) == []
    assert ("forbidden-term", "trafic d'êtres humains") in french_flags("Le trafic d'êtres humains exige une réponse.", glossary)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le dernier rapport rapport annuel de Myria sur la traite des êtres humains", ("typography", "rapport rapport")),
    ("les jeunes filles nigérianes recrutées dans leur pays d'origine afin être exploitées dans la prostitution", ("typography", "afin être")),
    ("Le gouvernement a accompli des réalisations importantes en matière lutte contre la traite.", ("typography", "en matière lutte")),
    ("entre le 1 er avril 2022 et le 31 janvier 2025;", ("typography", "1 er")),
    ("la Coalition québécoise contre la traite de personne, pour la Table nationale de concertation", ("term-garbled", "traite de personne")),
    ("Lutte contre la traite des être humains", ("term-garbled", "traite des être humains")),
    ("Une majorité des 28 mesures du plan d'action national (PAN) contre traite des êtres humains 2017-2020 a été mise en œuvre.",
     ("term-garbled", "traite des êtres humains")),
    ("L’OIM salue les remarques du Secrétaire-Général des Nations Unies, António Guterres.", ("term-garbled", "Secrétaire-Général des Nations Unies")),
])
def test_slips_a_french_reviser_catches(glossary, text, expected) -> None:
    assert expected in french_flags(text, glossary)


def test_correct_french_raises_no_slip(glossary) -> None:
    text = ("Nous nous sommes engagés, afin d'aider les victimes de la traite des personnes, à lutter contre la traite en matière de prévention "
            "dès le 1er avril 2022.")
    assert french_flags(text, glossary) == []


def test_a_name_written_two_ways_in_one_french_text(glossary) -> None:
    fr = ["548e Conseil Permanent de l'OSCE: Déclaration de l'UE sur la lutte contre la traite des êtres humains",
          "L’Union européenne salue la venue de la Représentante spéciale de l’OSCE devant le Conseil permanent.",
          "Le Conseil permanent a pris note de son rapport."]
    context = CheckContext(glossary, False)
    flags = [(f.kind, f.text) for f in run_checks(line_units(fr, ["", "", ""]), context) if f.severity != "info"]
    assert flags == [("term-inconsistent", "Conseil Permanent")]


def test_a_bilingual_letterhead_is_not_french_left_in_the_english(glossary) -> None:
    line = "Comité permanent de la justice et des droits de la personne"
    assert flags_of([line], [line], glossary, segments=True) == []
