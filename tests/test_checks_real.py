"""The checks on sentences of the eval/ corpus's development part (eval/README.md): each test is a finding a reviser
made, or a false alarm the checks used to raise, on a published text. Test-part documents are not used here."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, run_checks
from align.model import Segment, Unit
from align.terms.glossary import DEFAULT_PATH, load_glossary
from align.text.quantities import find_dates, find_numbers
from align.text.segmentation import segment_text
from bench.checks import line_units
from tests.checking import REPORTED, link_flags


def flags_of(fr: list[str], en: list[str], glossary, *, segments: bool = False):
    return [flag for flag in link_flags(fr, en, glossary, has_official=True, french_segments=segments) if flag.severity in REPORTED]


def french_flags(text: str, glossary):
    return [(flag.kind, flag.text) for flag in link_flags([text], [""], glossary, has_official=False) if flag.severity in REPORTED and flag.side == "fr"]


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
    # the House of Commons letterhead: both names on both pages (a French line alone on both is left untranslated: round 31)
    lines = ["Standing Committee on Justice and Human Rights", "Comité permanent de la justice et des droits de la personne"]
    segments = tuple(Segment(line, "sentence", 0, len(line)) for line in lines)
    context = CheckContext(glossary, True, fr_segments=segments, en_segments=segments)
    assert [flag for flag in run_checks(line_units(lines, lines), context) if flag.severity in REPORTED] == []


# --- issue #14, second round: near-misses, lost accents, acronym swaps, English in the French, footnote calls (DEV sentences) ---

GLOTIP_FR = ("21 décembre 2016 - Les enfants représentent près d'un tiers de l'ensemble des victimes de la traite des êtres humains à travers "
             "le monde d'après le rapport publié aujourd'hui par l'Office des Nations Unies contre la drogue et le crime (ONUDC).")
GLOTIP_EN = ("New York / Vienna, 21 December 2016 - Children make up almost a third of all human trafficking victims worldwide, according to a "
             "report released today by the United Nations Office on Drugs and Crime (UNODC).")
UN_SG_2024_FR = "La traite d’êtres humains est un crime ignoble dont les victimes sont les personnes les plus vulnérables de nos sociétés."
UN_SG_2024_EN = "Human trafficking is a horrific crime that targets the most vulnerable in our societies."


def garbled(flags) -> list[tuple[str, str, str]]:
    return [(flag.side, flag.text, flag.suggestion) for flag in flags if flag.kind == "term-garbled"]


def test_a_term_with_another_or_a_dropped_preposition_is_garbled(glossary) -> None:
    assert flags_of([GLOTIP_FR], [GLOTIP_EN], glossary) == []
    wrong = GLOTIP_FR.replace("victimes de la traite des êtres", "victimes de la traite pour êtres")
    assert ("fr", "traite pour êtres humains", "traite des êtres humains") in garbled(flags_of([wrong], [GLOTIP_EN], glossary))
    dropped = GLOTIP_FR.replace("traite des êtres", "traite êtres")
    assert ("fr", "traite êtres humains", "traite des êtres humains") in garbled(flags_of([dropped], [GLOTIP_EN], glossary))


def test_verbs_before_an_object_and_english_usage_are_not_a_dropped_preposition(glossary) -> None:
    # ca-wage-world-day-2020, ca-ps-world-day-2023, on-awareness-day-2024: « aider les victimes » is not « aide aux victimes »
    fr = ("La pandémie a compliqué les efforts visant à assurer la sécurité des populations vulnérables et à aider les victimes à échapper aux "
          "situations de traite de personnes et à obtenir l’aide dont elles ont besoin.")
    en = ("The pandemic has made it more difficult to keep vulnerable populations safe, and help victims to escape situations of human "
          "trafficking and to access the supports they need.")
    assert flags_of([fr], [en], glossary) == []
    en = "Fighting human trafficking, identifying and supporting victims and survivors and addressing root causes is a collective effort."
    assert garbled(flags_of(["Un effort collectif est nécessaire pour lutter contre la traite des personnes."], [en], glossary)) == []
    en = "Requiring all educators and staff to attend training to recognize, respond to and prevent the sex trafficking of children and youth"
    assert garbled(flags_of([""], [en], glossary)) == []


def test_an_official_name_with_one_word_changed_is_garbled(glossary) -> None:
    # ca-gac-world-day-2017, annotated: « L’Organisation mondiale du travail » for « Organisation internationale du Travail »
    fr = ("« L’Organisation mondiale du travail estime que près de 21 millions de personnes dans le monde, des femmes et des filles pour la "
          "plupart, ont été les victimes de trafiquants.")
    assert ("fr", "Organisation mondiale du travail", "Organisation internationale du Travail") in garbled(flags_of([fr], [""], glossary))
    en = "To mark World Day against Trafficking in Persons, the United Nations Network on Migration calls on States to put victims first."
    wrong = en.replace("World Day", "Global Day")
    assert [flag[1] for flag in garbled(flags_of([""], [wrong], glossary))] == ["Global Day against Trafficking in Persons"]


def test_another_name_built_on_a_listed_one_is_not_garbled(glossary) -> None:
    # un-network-migration-world-day-2021 and iom-world-day-ddg-2022: another body of the UN, a report described in lower case
    fr = ("À l’occasion de la Journée mondiale de la lutte contre la traite d’êtres humains, le Réseau des Nations Unies sur les migrations "
          "appelle les États à placer les victimes et les survivants au cœur de l’action de lutte contre ce crime odieux.")
    fr2 = ("Selon le rapport mondial sur la traite des enfants, près de la moitié des enfants pris en charge par l’OIM sont victimes de la "
           "traite dans leur propre pays.")
    assert garbled(flags_of([fr, fr2], ["", ""], glossary)) == []


def test_a_lost_accent_in_a_french_term_is_a_warning(glossary) -> None:
    assert flags_of([UN_SG_2024_FR], [UN_SG_2024_EN], glossary) == []
    flags = [flag for flag in flags_of([UN_SG_2024_FR.replace("êtres", "etres")], [UN_SG_2024_EN], glossary) if flag.kind == "term-garbled"]
    assert [(flag.text, flag.severity, flag.suggestion) for flag in flags] == [("etres", "warning", "êtres")]


def test_a_doubled_single_word_term_is_a_doubled_word(glossary) -> None:
    fr = ("On estime que 2,45 millions de personnes, dont 1,2 million d’enfants, sont victimes victimes de la traite des êtres humains chaque "
          "année dans le monde.")
    en = "Globally an estimated number of 2.45 million people, of which 1.2 million children, are trafficked every year."
    assert [(flag.kind, flag.text) for flag in flags_of([fr], [en], glossary)] == [("typography", "victimes victimes")]


def test_another_institution_s_acronym_is_an_acronym_mismatch(glossary) -> None:
    wrong = GLOTIP_EN.replace("(UNODC)", "(ILO)")
    assert [(f.side, f.text, f.suggestion) for f in flags_of([GLOTIP_FR], [wrong], glossary) if f.kind == "acronym-mismatch"] == [("en", "ILO", "UNODC")]
    fr = "Le Groupe d’experts du Conseil de l'Europe (GRETA) publie aujourd'hui son rapport."
    en = "The Council of Europe's Group of Experts (IOM) has published today its report."
    assert [(f.side, f.text) for f in flags_of([fr], [en], glossary) if f.kind == "acronym-mismatch"] == [("en", "IOM")]


def test_an_english_term_left_in_the_french_is_untranslated(glossary) -> None:
    fr = GLOTIP_FR.replace("victimes de la traite des êtres humains", "trafficking victims")
    assert [(f.side, f.text) for f in flags_of([fr], [GLOTIP_EN], glossary) if f.kind == "untranslated"] == [("fr", "trafficking victims")]


def test_footnote_calls_are_not_numbers(glossary) -> None:
    # eu-strategy-thb-2021 and eu-com-thb-followup-2017: the call sits after a word in one version, at a segment's start in the other
    fr = "Le nombre réel de victimes est probablement bien plus élevé, car nombre d’entre elles demeurent inconnues 4 ."
    en = "3 The actual number is likely to be significantly higher as many victims remain undetected."
    assert [flag for flag in flags_of([fr], [en], glossary) if flag.kind == "number-mismatch"] == []
    fr = "Selon l'article 3 du Protocole, les victimes sont protégées."
    en = "Under article 4 of the Protocol, victims are protected."
    assert [flag.text for flag in flags_of([fr], [en], glossary) if flag.kind == "number-mismatch"] == ["4"]


def test_a_link_that_reads_unlike_its_document_is_a_meaning_divergence() -> None:
    # ca-wage-world-day-2020 (DEV), annotated `meaning`: the French garbles who is helped and supported. (Until issue #15's lexicon
    # and post-edits the example was ca-ps-world-day-2023's theme sentence; its better MT now reads close enough to the English.)
    from align.pipeline import RunOptions, run_document
    from bench.checks import load_eval

    document = next(document for row, document in load_eval() if row["id"] == "ca-wage-world-day-2020")
    result = run_document(document, load_glossary(DEFAULT_PATH), RunOptions(mt_engine="apertium"))
    flags = [flag for flag in result.flags if flag.kind == "meaning-divergence"]
    assert [(flag.side, flag.severity, flag.text[:40]) for flag in flags] == [("en", "info", "It is important that we fight this abhor")]


def test_meaning_divergence_is_scored_against_the_annotated_meaning_errors_and_spares_a_short_rephrased_sentence() -> None:
    # DEV pairs: ca-wage-world-day-2020 has an annotated `meaning` error (the French garbles who is helped); ca-ps-progress-report-2015
    # has no annotation at all, and its 11-word "Please contact us to request a format other than those available." (rephrased in the
    # French) read as unlike the English as a change of meaning does until the flag asked for 15 English words.
    from align.pipeline import RunOptions, run_document
    from bench.checks import RealDocument, load_eval, place_annotations, place_flags, score_meaning

    documents = []
    for row, document in load_eval():
        if row["id"] in ("ca-wage-world-day-2020", "ca-ps-progress-report-2015"):
            placed, mt = place_flags(run_document(document, load_glossary(DEFAULT_PATH), RunOptions(mt_engine="apertium")))
            documents.append(RealDocument(document.name, row["kind"], row["split"], place_annotations(document), placed, mt))
    figures = score_meaning(documents, "dev")
    assert [(name, placed.flag.severity) for name, placed in figures.hits] == [("ca-wage-world-day-2020", "info")]
    assert [annotation.quote[:40] for annotation in figures.found] == ["venir en aide aux personnes qui sont en "]
    assert figures.false_flags == [] and figures.misses == []


def test_meaning_divergence_needs_no_sentence_model_without_an_official_english() -> None:
    import subprocess
    import sys

    code = ("import sys; from align.checks import run_checks, CheckContext; from align.terms.glossary import load_glossary, DEFAULT_PATH; "
            "from bench.checks import line_units; "
            "units = line_units(['La traite des personnes est un crime.'] * 6, ['Human trafficking is a crime.'] * 6, "
            "['Trafficking in persons is a crime.'] * 6); "
            "run_checks(units, CheckContext(load_glossary(DEFAULT_PATH), False)); print('torch' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_an_amount_that_says_dollars_twice_is_a_slip(glossary) -> None:
    # ca-ps-national-strategy-2019 (DEV), annotated: « 10,28 $ millions de dollars »
    assert ("typography", "$ millions de dollars") in french_flags("Le gouvernement investit 10,28 $ millions de dollars sur cinq ans.", glossary)
    assert french_flags("Le gouvernement investit 10,28 millions de dollars sur cinq ans, soit 2 $ par habitant.", glossary) == []


# --- issue #14, third round: concept swaps, blends, English left in French, page furniture (development part only) ---

TORONTO_DAY_FR = "Le vendredi 30 juillet est la Journée mondiale de la lutte contre la traite d’êtres humains des Nations Unies."  # ca-ps-toronto-exhibit-2021
TORONTO_DAY_EN = "Friday July 30th is the United Nations’ World Day Against Trafficking in Persons."


def test_another_days_name_in_the_english_is_a_concept_swap_warning(glossary) -> None:
    assert flags_of([TORONTO_DAY_FR], [TORONTO_DAY_EN], glossary) == []
    swapped = TORONTO_DAY_EN.replace("World Day Against Trafficking in Persons", "International Day for the Abolition of Slavery")
    flags = flags_of([TORONTO_DAY_FR], [swapped], glossary)
    assert [(flag.kind, flag.severity, flag.text) for flag in flags] == [("term-missing", "warning", "International Day for the Abolition of Slavery")]


def test_paraphrases_and_house_style_alternates_are_not_concept_swaps(glossary) -> None:
    # eu-com-thb-followup-2017: "trafficking for sexual exploitation" says what the French says (« traite … à des fins d'exploitation sexuelle »)
    fr = ("En effet, la traite des êtres humains à des fins d’exploitation sexuelle, dont les victimes sont principalement des femmes et des filles, "
          "est invariablement présentée comme étant la forme la plus répandue de la traite 2 .")
    en = ("Trafficking for sexual exploitation, involving mainly women and girls as victims, is consistently reported as the prevalent form. 2")
    assert flags_of([fr], [en], glossary) == []
    # on-awareness-day-2024: "survivors" for « victimes » is the glossary's documented alternation (victim ↔ survivor)
    fr = ("Tous ensemble, nous devons continuer à travailler pour sensibiliser le public afin de mieux protéger les personnes à risque et d’aider "
          "les victimes à obtenir le soutien dont elles ont besoin pour guérir.")
    en = ("Collectively, we must continue to take action and work together to raise awareness so that we can better protect people at risk and "
          "help survivors get the supports they need to heal.")
    assert flags_of([fr], [en], glossary) == []


WORLD_DAY_2023_FR = "Nous savons que les incidents de la traite des personnes ne sont toujours pas signalés, aussi bien ici que dans le reste du monde."
WORLD_DAY_2023_EN = "We know incidents of human trafficking continue to go underreported, right here at home and around the world."  # ca-ps-world-day-2023


@pytest.mark.parametrize(("side", "old", "new"), [("fr", "traite des personnes", "traite des êtres"), ("en", "human trafficking", "persons trafficking")])
def test_a_two_word_term_with_its_modifier_from_another_variant_is_a_blend(glossary, side, old, new) -> None:
    assert flags_of([WORLD_DAY_2023_FR], [WORLD_DAY_2023_EN], glossary) == []
    fr, en = (WORLD_DAY_2023_FR.replace(old, new), WORLD_DAY_2023_EN) if side == "fr" else (WORLD_DAY_2023_FR, WORLD_DAY_2023_EN.replace(old, new))
    assert [(flag.side, flag.kind, flag.text) for flag in flags_of([fr], [en], glossary)] == [(side, "term-garbled", new)]


def test_a_slip_at_a_terms_first_letter_is_a_misspelling(glossary) -> None:
    fr = WORLD_DAY_2023_FR.replace("Nous savons que les incidents", "Les trafiquants exercent un contrôle sur leurs ictimes ; les incidents")
    assert ("term-garbled", "ictimes") in french_flags(fr, glossary)


def test_phrases_that_only_look_like_blends_are_left_alone(glossary) -> None:
    # ca-ps-toronto-exhibit-2021 (« coercition » is a term of the concept itself), unodc-glotip-2016 ("sexual slavery" is not a
    # blend of the forbidden "white slavery"), fr-pan-traite-2019 (a footnote call glued to « humains »)
    assert french_flags("Les trafiquants soumettent leurs victimes par diverses formes de coercition et les exploitent à des fins sexuelles "
                        "ou de travail forcé.", glossary) == []
    en = "The report found that while women and girls tend to be trafficked for marriages and sexual slavery, men and boys are typically exploited."
    assert [flag for flag in flags_of([""], [en], glossary) if flag.kind == "term-garbled"] == []
    assert french_flags("2nd plan d’action contre la traite des êtres humains2", glossary) == []


def test_english_words_left_in_french_are_flagged_but_english_names_are_not(glossary) -> None:
    # un-network-migration-world-day-2021 (a heading left in English), iom-libya-slavery-2017 (an English dateline)
    assert french_flags("Statements", glossary) == [("untranslated", "Statements")]
    dateline = ("Geneva — L’OIM, l’organisme des Nations Unies chargé des migrations, salue les remarques du Secrétaire-Général des Nations Unies, "
                "António Guterres, concernant les récentes actualités et vidéos montrant des migrants africains vendus comme esclaves en Libye.")
    assert ("untranslated", "Geneva") in french_flags(dateline, glossary)
    # ca-ps-project-recover-2023, ca-ps-voice-found-2021: names of organisations and a quoted project name
    for text in ("Le ministre de la Sécurité publique, l'honorable Marco Mendicino, a eu un entretien avec Victim Services Toronto et "
                 "Project Recover plus tôt cette semaine.",
                 "Voice Found est une organisation établie à Ottawa et dirigée par des survivants. Depuis 2015, son projet « Hope Found » "
                 "a permis de venir en aide à 236 personnes."):
        assert [flag for flag in french_flags(text, glossary) if flag[0] == "untranslated"] == []


def test_page_furniture_the_english_page_lacks_is_not_a_warning(glossary) -> None:
    # un-sg-world-day-2014: the French page's date line; ch-fedpol-nap-evaluation-2021: a filter label « Tous »
    title_fr = "Le Secrétaire général souligne que le développement est le meilleur moyen de lutter contre la traite des êtres humains"
    title_en = ("Severing Funding Pipelines Vital to Stopping Traffickers, Says Secretary-General in Message for First World Day against "
                "Trafficking in Persons")
    fr_segments = (Segment(title_fr, "heading", 0, len(title_fr)), Segment("24/7/2014", "heading", len(title_fr) + 1, len(title_fr) + 10))
    units = [Unit(0, (0, 1), (0,), f"{title_fr} 24/7/2014", "", title_en, 0.66, "needs-review")]
    flags = run_checks(units, CheckContext(glossary, True, fr_segments=fr_segments))
    assert [flag.severity for flag in flags if flag.kind == "date-mismatch"] == ["info"]
    # a lone function word is a label; a heading noun missing from the English is still an omission
    assert [(flag.kind, flag.text) for flag in flags_of(["Tous", "Déclaration"], ["", ""], glossary)] == [("omission", "Déclaration")]


def test_a_misspelt_word_inside_a_term_matched_through_its_stem_is_garbled(glossary) -> None:
    # ca-just-committee-report-2018; ca-ps-project-recover-2023 (an English name in the French is not a misspelt « victime »)
    sentence = ("La traite des personnes, qui est souvent décrite comme une forme d’esclavage moderne, est un crime odieux et une "
                "violation grave des droits de la personne.")
    assert french_flags(sentence, glossary) == []
    assert french_flags(sentence.replace("des personnes", "des personns"), glossary) == [("term-garbled", "traite des personns")]
    assert [flag for flag in french_flags("Le ministre a eu un entretien avec Victim Services Toronto et Project Recover plus tôt cette semaine.", glossary)
            if flag[0] == "term-garbled"] == []
