"""The eighth round of the checks (issue #14): the fifth held-out part's false alarms and the misses that generalise, each rule shown
on sentences of published texts of the eval/ corpus (eval/README.md, "Eighth round") with a case it flags and one it leaves silent."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, check_text, run_checks
from align.model import Segment
from align.terms.glossary import DEFAULT_PATH, load_glossary
from bench.checks import line_units
from tests.checking import EVERY_SEVERITY


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(DEFAULT_PATH)


def flags_of(fr: list[str], en: list[str], glossary, mt: list[str] | None = None, severities=("warning", "error")):
    """(side, kind, text) of the flags of `severities` on the French and the English."""
    segments = tuple(Segment(text, "sentence", 0, len(text)) for text in fr)
    context = CheckContext(glossary, bool(en), fr_segments=segments)
    return {(flag.side, flag.kind, flag.text) for flag in run_checks(line_units(fr, en or [""] * len(fr), mt), context)
            if flag.side != "mt" and flag.severity in severities}


def kinds(fr: list[str], en: list[str], glossary, kind: str, mt: list[str] | None = None) -> set[tuple[str, str]]:
    return {(side, text) for side, found, text in flags_of(fr, en, glossary, mt) if found == kind}


OHCHR_FR = ("Le HCDH est fermement résolu à contribuer à évaluer les progrès réalisés par les États dans la lutte contre la traite – y compris "
            "grâce à notre action avec les mécanismes des droits de l’homme des Nations Unies.")
OHCHR_MT = ("The OHCHR is fermement resolved to contribute to evaluate the progresses made by the States in the fight against trafficking – "
            "including thanks to ours action with the mechanisms of the human rights of the United Nations.")
OHCHR_EN = ("My Office is strongly committed to helping to assess the progress that is made by States in combating trafficking – including "
            "through our work with the UN human rights mechanisms.")


def test_a_body_speaking_of_itself_by_the_head_noun_of_its_name(glossary) -> None:
    # UN High Commissioner for Human Rights 2017 (heldout5): "My Office" is the Office of the High Commissioner (HCDH)
    assert not kinds([OHCHR_FR], [OHCHR_EN], glossary, "omission", [OHCHR_MT])
    assert ("fr", "omission", "HCDH") in flags_of([OHCHR_FR], [OHCHR_EN.replace("My Office", "The team")], glossary, [OHCHR_MT],
                                                  EVERY_SEVERITY)  # (information)


def test_a_generic_acronym_the_french_spells_out_is_not_another_bodys(glossary) -> None:
    # the same statement: "UN" where the French says « des Nations Unies » (the MT: "United Nations")
    assert not kinds([OHCHR_FR], [OHCHR_EN], glossary, "acronym-mismatch", [OHCHR_MT])
    unspelt_fr = OHCHR_FR.replace(" des Nations Unies", "")
    unspelt_mt = OHCHR_MT.replace(" of the United Nations", "")
    assert ("en", "UN") in kinds([unspelt_fr], [OHCHR_EN.replace("My Office", "The Office")], glossary, "acronym-mismatch", [unspelt_mt])


def test_an_acronym_the_machine_translation_renders_as_one_the_english_writes_elsewhere(glossary) -> None:
    # RCMP Gazette 2021 (heldout5): the sentence is cut elsewhere in the English, which writes RCMP in the next link
    fr = ["À ses débuts comme policière à la GRC, la gend. Kristin Appleton n'était pas au courant de l'ampleur du problème.",
          "Elle donne maintenant des présentations."]
    en = ["Cst. Kristin Appleton admits she was not aware of the extent of the problem.",
          "When she started as an RCMP officer, she now gives presentations."]
    mt = ["To its beginnings as police to the RCMP, the gend. Kristin Appleton was not aware of the extent of the problem.",
          "She now gives presentations."]
    assert not kinds(fr, en, glossary, "omission", mt)
    assert ("fr", "omission", "GRC") in flags_of(fr, [en[0], "She now gives presentations."], glossary, mt, EVERY_SEVERITY)  # (information)


def test_an_acronym_of_a_names_last_words_split_at_their_hyphens(glossary) -> None:
    # IOM 2006 (heldout5): "non-governmental organization (NGO)" after an adjective of nationality
    en = ("The children, rescued in collaboration with the Ghanaian non-governmental organization (NGO) Friends for Human Development (FHD), "
          "were taken to a rehabilitation centre.")
    assert not check_text(en, "en", glossary)
    assert any(flag.kind == "acronym-mismatch" for flag in check_text("the Ontario Provincial Police (POP) said", "en", glossary))


def test_an_english_title_given_in_brackets_or_marked_in_english(glossary) -> None:
    # OHCHR 2017 and the ILO library's guide (heldout5)
    icat = ("Il conviendra d’utiliser largement la Boîte à outils de l’ICAT pour la conception et l’évaluation de la lutte contre la traite "
            "(ICAT Toolkit for Guidance in Designing and Evaluating Counter-Trafficking) afin de constituer la base de connaissances.")
    assert not kinds([icat], [], glossary, "untranslated")
    assert kinds([icat.replace("(ICAT Toolkit", "(voir le Toolkit").replace("Counter-Trafficking)", "Counter-Trafficking de l'ICAT)")],
                 [], glossary, "untranslated")
    line = "Stopping forced labour and slavery-like practices - The ILO strategy, 2012 (pdf 850 KB) (en anglais)"
    assert not kinds([line], [], glossary, "untranslated")
    assert kinds([line.replace(" (en anglais)", "")], [], glossary, "untranslated")
    # a source cited by author and year is a name to give in French (Alberta RCMP 2021, heldout)
    cited = "Les auteurs ont souvent recours aux menaces pour contrôler leurs victimes (Canadian Centre to End Human Trafficking, 2020)."
    assert kinds([cited], [], glossary, "untranslated")


def test_a_short_title_with_another_variant_of_the_term_it_holds(glossary) -> None:
    # UN Secretary-General 2015 (heldout5)
    fr = ("J’exhorte tous les pays à lutter contre le blanchiment d’argent et à signer et ratifier la Convention des Nations Unies contre la "
          "corruption, la Convention des Nations Unies contre la criminalité transnationale organisée et le Protocole relatif à la traite "
          "d’êtres humains se rapportant à cette dernière.")
    en = ("I call on all countries to fight money laundering and sign and ratify the UN Conventions against corruption and transnational "
          "organized crime, including the latter’s human trafficking protocol.")
    assert not kinds([fr], [], glossary, "term-garbled")
    assert kinds([fr.replace("traite d’êtres humains", "traite, qui")], [], glossary, "term-garbled")
    # "UN Conventions against … and transnational organized crime" renders the Convention, the acronym standing for "United Nations"
    assert not kinds([fr], [en], glossary, "term-missing")


def test_prevention_contre_la_traite(glossary) -> None:
    # IOM 2006 (heldout5): « contre » as in the glossary's « lutte contre la traite »; another preposition is still a slip
    assert not check_text("Prévention contre la traite des personnes", "fr", glossary)
    assert check_text("Prévention à la traite des personnes", "fr", glossary)
    assert check_text("les migrants représentent plus de la moitié des victimes contre la traite identifiées", "fr", glossary)


def test_trafic_of_people_is_trafficking(glossary) -> None:
    # UNICEF 2003 (heldout5): « le trafic d'enfants » where the English says "trafficking of children"
    fr = ["A l’occasion de la Journée mondiale contre le travail des enfants, l’UNICEF insiste sur le lien avec le trafic d’enfants"]
    en = ["On World Day Against Child Labour, UNICEF Highlights Link With Child Trafficking"]
    assert ("fr", "trafic") in kinds(fr, en, glossary, "concept-confusion")
    # the trade in things keeps its word (« trafic d'organes », « trafic de drogues »)
    assert not kinds([fr[0].replace("trafic d’enfants", "trafic de drogues")], en, glossary, "concept-confusion")


def test_a_misspelt_word_read_as_the_gap_of_a_shorter_variant(glossary) -> None:
    # UNODC 2015 (heldout5): « trafic illicte des migrants » is not « trafic de migrants » with a word inside
    headline = "L'ONUDC lance sa stratégie contre la traite des personnes et le trafic illicte des migrants en Afrique occidentale et centrale"
    assert ("fr", "trafic illicte des migrants") in kinds([headline], [], glossary, "term-garbled")
    assert not kinds([headline.replace("illicte", "illicite")], [], glossary, "term-garbled")


def test_english_slips_spaced_hyphen_and_a_terms_number(glossary) -> None:
    # OHCHR 2017, IOM 2007, UNODC 2017, UNICEF 2003 (heldout5)
    def typography(en: str) -> set[tuple[str, str]]:
        return kinds(["La traite des êtres humains."], [en], glossary, "typography")

    assert ("en", "High- Level") in typography("High- Level Plenary Meeting to review the Global Plan of Action")
    assert ("en", "three-and-a- half") in typography("They spent three-and-a- half years on Lake Volta.")
    assert not typography("Short- and long-term measures, and a High-Level Meeting.")
    assert ("en", "person") in typography("UNODC trains instructors on trafficking in person and smuggling of migrants")
    assert ("en", "humans") in typography("Trafficking in humans beings is beginning to rival the illegal trade in drugs and arms.")
    assert not typography("UNODC trains instructors on trafficking in persons and victims of trafficking in human beings.")


def test_french_capitals_of_places_pronouns_and_the_numero(glossary) -> None:
    # IOM Ghana 2008, UNODC 2015, European Parliament 2010, Federal Council 2016 (heldout5)
    def typography(fr: str) -> set[tuple[str, str]]:
        return kinds([fr], [], glossary, "typography")

    # a place's generic word capitalised is information since the forty-second round (revisers marked 3 of 7)
    places = ["Les enfants pêchent sur le lac Volta et sur l'Océan Atlantique.", "Ils ont été retrouvés sur les rives du Lac Volta, sains et saufs."]
    assert {("fr", "typography", "Océan"), ("fr", "typography", "Lac")} <= flags_of(places, [], glossary, severities=("info",))
    assert not typography(places[0]) | typography(places[1])
    assert not typography("Ils ont été retrouvés sur les rives du lac Volta, près de l'océan Atlantique. Lac Volta : 20 enfants.")
    assert ("fr", "de l'ouest") in typography("La stratégie régionale vise les pays de l'Afrique de l'ouest et centrale.")
    assert not typography("La stratégie vise les pays de l'Afrique de l'Ouest et les villages à l'est du pays.")
    assert ("fr", "Je") in typography("Madame la Présidente, Je souhaiterais remercier la rapporteure.")
    assert not typography("Madame la Présidente, je souhaiterais remercier M. Bauer, Anna Záborská et la rapporteure.")
    assert ("fr", "n o") in typography("La convention n o 29 de l'OIT date de 1930.")
    assert not typography("La convention no 29 de l'OIT date de 1930.")


def test_french_number_agreement_of_victime_and_of_an_article(glossary) -> None:
    # IOM Ghana 2008 and the ILO library's guide (heldout5); Manitoba 2011 (heldout) stays silent
    def typography(fr: str) -> set[tuple[str, str]]:
        return kinds([fr], [], glossary, "typography")

    assert ("fr", "enfants ghanéens victime") in typography("la réinsertion à long terme d'enfants ghanéens victime de la traite")
    assert not typography("la réinsertion à long terme d'enfants ghanéens victimes de la traite")
    assert not typography("à la mémoire de Tracia Owen, une jeune fille de 14 ans victime de violence sexuelle")
    assert ("fr", "le peuples autochtones") in typography("Les femmes, les enfants, le peuples autochtones et d'autres groupes sont touchés.")
    assert not typography("Les femmes, les enfants, les peuples autochtones sont touchés, à la fois vastes et divers, au cours des années.")


def test_a_word_of_an_english_name_with_a_letter_dropped(glossary) -> None:
    # UNODC 2017 (heldout5); a surname that is no English word stays silent (Manitoba 2011, heldout)
    def typography(en: str) -> set[tuple[str, str]]:
        return kinds(["La traite des êtres humains."], [en], glossary, "typography")

    assert ("en", "Sates") in typography("The training brought together instructors from the Sahelian Sates and partners.")
    assert not typography("The training brought together instructors from the Sahelian States, and Minister Gord Mackintosh spoke.")


def test_english_verbs_and_their_complements(glossary) -> None:
    # WAGE 2021 (heldout3), UNODC 2017 (heldout5)
    def typography(en: str) -> set[tuple[str, str]]:
        return kinds(["La traite des êtres humains."], [en], glossary, "typography")

    assert ("en", "committed to end") in typography("Organizations committed to end human trafficking receive funding.")
    assert not typography("Organizations committed to ending human trafficking, committed to justice and to the cause, receive funding.")
    assert ("en", "emphasized on") in typography("The session emphasized on sharing experiences between countries.")
    assert not typography("The session emphasized sharing experiences, with an emphasis on cooperation.")


def test_pour_before_a_verb_not_in_the_infinitive(glossary) -> None:
    # Public Safety Canada 2022 (heldout)
    def typography(fr: str) -> set[tuple[str, str]]:
        return kinds([fr], [], glossary, "typography")

    assert ("fr", "Pour marque") in typography("Pour marque la Journée nationale de sensibilisation à la traite des personnes, le ministre a parlé.")
    assert not typography("Pour marquer la Journée, et pour combattre la traite, le ministre a choisi pour thème la protection.")


def test_of_several_terms_swapped_in_the_one_the_french_does_not_say(glossary) -> None:
    # EU Commission 2017 and UN Secretary-General 2024 (dev sentences, one English term swapped for another concept's, as the mutation
    # benchmark does): « criminalité grave et organisée » says organised crime with a word between, « formes contemporaines d'esclavage »
    # says slavery, so the other English term is the one put in place of the French's
    fr = ("La traite des êtres humains demeure une forme particulièrement lucrative de criminalité grave et organisée, expressément interdite "
          "par la Charte des droits fondamentaux de l’UE 1 .")
    en = ("Trafficking in human beings remains a highly profitable form of serious and organised crime, explicitly prohibited in the EU "
          "Charter of Fundamental Rights.")
    assert not kinds([fr], [en], glossary, "term-missing")
    assert ("en", "Money laundering") in kinds([fr], [en.replace("Trafficking in human beings", "Money laundering")], glossary, "term-missing")
    fr = ("Le Pacte pour l’avenir, récemment adopté, vise à éradiquer le travail forcé, à mettre fin aux formes contemporaines d’esclavage et "
          "à la traite des personnes, et à éliminer toutes les formes de travail des enfants.")
    en = ("The recently adopted Pact for the Future calls for the eradication of forced labour, an end to modern slavery and trafficking in "
          "persons, and the elimination of all forms of child labour.")
    assert not kinds([fr], [en], glossary, "term-missing")
    swapped = en.replace("forced labour", "exploitation of the prostitution of others")
    assert ("en", "exploitation of the prostitution of others") in kinds([fr], [swapped], glossary, "term-missing")


def test_one_word_in_two_spellings_and_quelque_que(glossary) -> None:
    # IOM 2015 (heldout2), IRCC 2024 (dev)
    fr = ["Les filles ont été accueillies au centre de transit.", "Elles ont ensuite rejoint leurs familles."]
    en = ["The girls were received at the IOM transit centre.", "They later went home from the center to their families."]
    assert ("en", "center") in kinds(fr, en, glossary, "typography")
    assert not kinds(fr, [en[0], en[1].replace("center", "centre")], glossary, "typography")
    assert not kinds(fr, [en[0].replace("centre", "center"), "Enter the labour market."], glossary, "typography")
    assert ("fr", "quelque que") in kinds(["Si vous, ou quelque que vous connaissez, êtes victime de la traite de personnes, appelez."], [],
                                          glossary, "typography")
    assert not kinds(["Si vous, ou quelqu'un que vous connaissez, êtes victime de la traite de personnes, quel que soit votre statut."], [],
                     glossary, "typography")
