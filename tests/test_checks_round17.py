"""Seventeenth round (read on heldout12 after its one unseen measurement): a wire service's dateline, a place in capitals written in
small letters further on, an acronym that is also a word, one currency for two amounts, and « trafic illicite » for an illicit trade."""

from __future__ import annotations

from tests.checking import link_flags, reported


def _reported(fr: list[str], en: list[str], glossary) -> set[tuple[str, str, str]]:
    return reported(link_flags(fr, en, glossary))


# Women and Gender Equality Canada and Public Safety Canada, 2020 (heldout12's clean pair)
FR = ["OTTAWA, ON, le 29 juill. 2020 /CNW/ - Aujourd'hui, l'honorable Maryam Monsef a lancé deux appels de propositions.",
      "Une somme de 14 millions de dollars sera distribuée par Femmes et Égalité des genres Canada (FEGC) et cinq millions seront "
      "distribués par l'entremise de Sécurité publique Canada.",
      "L'appel de propositions de FEGC appuiera les organismes qui cherchent à prévenir et à contrer la traite des personnes."]
EN = ["The Honourable Maryam Monsef launched two calls for proposals.",
      "$14 million will be distributed by Women and Gender Equality Canada (WAGE) and $5 million through Public Safety Canada.",
      "WAGE’s call for proposals will support organizations that work to prevent and address human trafficking."]


def test_a_wire_services_dateline(glossary) -> None:
    assert not {flag for flag in _reported(FR, EN, glossary) if flag[1] == "date-mismatch"}


def test_an_acronym_that_is_also_a_word_once_introduced_after_its_name(glossary) -> None:
    assert not {flag for flag in _reported(FR, EN, glossary) if flag[1] == "omission" and flag[2] == "FEGC"}


def test_one_currency_said_for_two_amounts(glossary) -> None:
    assert not {flag for flag in _reported(FR, EN, glossary) if flag[1] == "omission" and "million" in flag[2]}
    alone = [FR[0], "Une somme de 14 millions sera distribuée par Femmes et Égalité des genres Canada (FEGC).", FR[2]]
    english = [EN[0], "$14 million will be distributed by Women and Gender Equality Canada (WAGE).", EN[2]]
    assert ("en", "omission", "$14 million") in _reported(alone, english, glossary)


def test_a_place_in_capitals_written_small_further_on(glossary) -> None:
    # INTERPOL 2014 (heldout12): the French dateline in capitals, the English names the place later
    fr = ["SOUBRÉ (Côte d’Ivoire) – Dans le cadre d’une opération contre le trafic et l’exploitation d’enfants, 48 victimes ont été secourues.",
          "Les agents ont ciblé les plantations de cacao dans cinq zones de la région."]
    en = ["Forty-eight victims of child trafficking have been rescued in an operation.",
          "Agents targeted cacao fields in five areas across the Soubré region."]
    assert not {flag for flag in _reported(fr, en, glossary) if flag[1] == "omission" and flag[2] == "SOUBRÉ"}


def test_trafic_illicite_for_an_illicit_trade(glossary) -> None:
    # UNODC 2015 (heldout12)
    fr = ("Du fait de la porosité de ses frontières, la Côte d'Ivoire est particulièrement vulnérable à diverses formes de trafic illicite, "
          "en tant que pays d'origine, de transit et de destination.")
    en = ("Due to the porosity of its borders, Côte d'Ivoire is particularly vulnerable to various forms of illicit trafficking, as a "
          "country of origin, transit and destination.")
    assert not _reported([fr], [en], glossary)
    assert ("fr", "concept-confusion", "trafic") in _reported([fr.replace("trafic illicite", "trafic")],
                                                              [en.replace("illicit trafficking", "human trafficking")], glossary)


def test_an_english_title_before_a_name_in_french(glossary) -> None:
    # UNODC 2015 (heldout12): « Mr. Pierre Lapaque »; « le Dr Natalia Kanem » is French
    assert ("fr", "untranslated", "Mr.") in _reported(["Dans ses remarques liminaires, Mr. Pierre Lapaque a souligné l'enjeu."], [], glossary)
    assert not _reported(["Déclaration du Dr Natalia Kanem, Directrice exécutive de l’UNFPA."], [], glossary)


def test_a_double_prime_typed_as_a_quotation_mark(glossary) -> None:
    # GRETA 2012 (heldout12)
    fr = "Les trafiquants exploitent la vulnérabilité des victimes et leur prétendu ʺ consentement ʺ », a déclaré Nicolas Le Coz."
    assert len([flag for flag in link_flags([fr], [], glossary) if flag.kind == "typography" and "ʺ" in flag.text]) == 2
    assert not {flag for flag in _reported(["La latitude est de 12° 30′ nord."], [], glossary) if flag[1] == "typography"}

