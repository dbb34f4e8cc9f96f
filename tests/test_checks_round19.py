"""Nineteenth round (every readable part read for the rules whose flags revisers did not want): a body's name in its own capitals beside
the same words as a common phrase; acronyms given once in one version and another language's initials as context."""

from __future__ import annotations

from tests.checking import link_flags, reported

# Niger's anti-trafficking agency 2024 (heldout13): the agency's name in its own capitals, the fight against trafficking in small letters
NIGER = ["Communiqué de l’ANLTP/TIM relatif à la lutte contre la traite des personnes et le trafic illicite de migrants",
         "L’Agence Nationale de Lutte contre la Traite des Personnes et le Trafic Illicite de Migrants (ANLTP/TIM) est la structure "
         "opérationnelle d’exécution des politiques nationales, en matière de lutte contre la traite des personnes et le trafic illicite "
         "de migrants.",
         "Le projet renforce la lutte contre la traite des personnes et le trafic illicite de migrants dans la région d’Agadez."]


def _capitals(fr: list[str], glossary) -> set[tuple[str, str, str]]:
    return {flag for flag in reported(link_flags(fr, [], glossary)) if "capitals" in flag[1] or flag[1] == "typography"}


def test_a_bodys_name_in_capitals_beside_the_common_phrase(glossary) -> None:
    assert not _capitals(NIGER, glossary)


def test_a_name_written_with_two_capitals_schemes_is_still_flagged(glossary) -> None:
    # Malta 2024 (heldout3): the Alliance's name written both ways in one text
    fr = ["L’Alliance contre la traite des personnes réunit les États membres de l’OSCE.",
          "L’Alliance contre la traite des personnes a tenu sa conférence à Vienne.",
          "Les travaux de l’Alliance contre la Traite des Personnes se poursuivent cette année."]
    # (information since the forty-first round: revisers mark one in two of these)
    def noted(lines: list[str]) -> set[tuple[str, str, str]]:
        return {flag for flag in reported(link_flags(lines, [], glossary), ("info",)) if "other capitals" in flag[2] or flag[1] == "typography"}

    assert any(text.startswith("Alliance contre la Traite") or "Traite des Personnes" in text for _, _, text in noted(fr))
    assert not _capitals(fr, glossary)
    # and a phrase capitalised on one word only is no name in its own style: « la Traite des personnes »
    mixed = NIGER[:2] + ["Le projet renforce la lutte contre la Traite des personnes et le trafic illicite de migrants dans la région."]
    assert noted(mixed)


def test_an_acronym_given_once_in_one_version_is_context(glossary) -> None:
    # Public Safety Canada 2024 (heldout13): "non-governmental organizations (NGOs)", the French without an acronym
    fr = "Le financement appuie les organisations non gouvernementales qui viennent en aide aux victimes."
    en = "The funding supports non-governmental organizations (NGOs) that help victims."
    flags = link_flags([fr], [en], glossary)
    assert ("en", "acronym-mismatch", "(NGOs)") in reported(flags, ("info",))
    assert not {flag for flag in reported(flags) if flag[1] == "acronym-mismatch"}


def test_a_name_written_two_ways_once_each_flags_the_later_form(glossary) -> None:
    # Haiti's Prime Minister's office 2022 (heldout13): « Ariel Henry » in one paragraph, « Ariel Henri » in the next
    fr = ["Le Premier ministre Ariel Henry, qui a lancé ce projet, a exprimé les préoccupations de son gouvernement.",
          "Ariel Henri recommande aussi au CNLTP d’être vigilant."]
    flags = reported(link_flags(fr, [], glossary))
    assert ("fr", "name-mismatch", "Henri") in flags and ("fr", "name-mismatch", "Henry") not in flags
    assert not {flag for flag in reported(link_flags([fr[0], fr[1].replace("Henri", "Henry")], [], glossary)) if flag[1] == "name-mismatch"}


def test_a_slip_that_makes_a_rare_word_inside_a_term(glossary) -> None:
    # US Embassy Haiti 2021 (dev), one letter dropped: « traie » is a form of traire, a word, but a hundred times rarer than « traite »
    fr = ("Le gouvernement n’a pas affecté suffisamment de financements à ses efforts de lutte contre la traie des personnes ou à la "
          "prestation de services aux victimes.")
    assert ("fr", "term-garbled", "traie des personnes") in reported(link_flags([fr], [], glossary))
    # a frequent word a letter away is that word: « il a traité des personnes » (treated people) is no garbled « traite des personnes »
    assert not {flag for flag in reported(link_flags(["Le médecin a traité des personnes blessées à Port-au-Prince."], [], glossary))
                if flag[1] == "term-garbled"}


def test_trafic_beside_the_trades_in_drugs_and_arms_is_the_trade_in_general(glossary) -> None:
    # Geneva's Grand Conseil 2011 (heldout13), a French-only debate about trafficking in persons
    fr = ["La traite des êtres humains est - le savez-vous, Mesdames et Messieurs les députés ? - le deuxième ou troisième trafic au monde "
          "qui rapporte le plus, avec le trafic de drogue et le trafic d'armes.",
          "Ce trafic touche d'abord les femmes."]
    links = [flag.link for flag in link_flags(fr, [], glossary) if flag.kind == "concept-confusion" and flag.severity != "info"]
    assert links == [1], "only the next sentence's « ce trafic », trafficking in persons"


def test_drugs_in_the_sentence_before_say_nothing_of_trafic(glossary) -> None:
    # Manitoba 2019 (heldout): one link holds two sentences of a quotation; the drugs are what the children are paid with
    fr = ("« C’est horrible de lire que des enfants au Manitoba sont entraînés dans le commerce du sexe pour de l’argent, de la nourriture, "
          "un abri ou de la drogue, a déclaré Mme Stefanson. Notre unité de lutte contre l’exploitation sexuelle prend connaissance de "
          "centaines de cas de trafic et d’exploitation par année. »")
    en = ("“It is horrifying to read that children in Manitoba are lured into the sex trade for money, food, shelter or drugs,” said "
          "Stefanson. “Our sexual exploitation unit learns of hundreds of trafficking and exploitation cases each year.”")
    assert ("fr", "concept-confusion", "trafic") in reported(link_flags([fr], [en], glossary))


# Read on heldout14 after its one unseen measurement: UNIC Dakar 2014, ILO 2002, UNICEF 2010
def test_a_million_below_two_is_singular(glossary) -> None:
    fr = "Au Sénégal : le phénomène génère 1,6 milliards de dollars US par an."
    assert ("fr", "typography", "1,6 milliards") in reported(link_flags([fr], [], glossary))
    assert not {flag for flag in reported(link_flags([fr.replace("1,6", "2,6")], [], glossary)) if flag[1] == "typography"}


def test_etc_with_an_ellipsis(glossary) -> None:
    fr = "Des activités ont été organisées : marches, débats, équipes de discussion mixtes (enfants-adultes), etc..."
    assert ("fr", "typography", "etc...") in reported(link_flags([fr], [], glossary))
    assert not {flag for flag in reported(link_flags([fr.replace("etc...", "etc.")], [], glossary)) if flag[1] == "typography"}


def test_a_continents_adjective_in_capitals(glossary) -> None:
    fr = "Le travail des enfants a reculé dans le monde, mais en Afrique Subsaharienne les acquis précédents sont menacés."
    assert ("fr", "typography", "Afrique Subsaharienne") in reported(link_flags([fr], [], glossary))
    # IOM 2007 (heldout9), after an elision
    assert ("fr", "typography", "Afrique Australe") in reported(link_flags(
        ["Un groupe de religieuses venues de pays d'Afrique Australe suivront une formation de deux semaines."], [], glossary))
    assert not {flag for flag in reported(link_flags(["Les États de la région Asie Pacifique se sont réunis à Bangkok."], [], glossary))
                if flag[1] == "typography"}


def test_a_number_without_its_thousands_separator(glossary) -> None:
    # French Secretary of State for Solidarity 2009 (heldout14)
    fr = "Le Haut Conseil à l'Intégration, représenté dans cet auditoire, estime à 70000 le nombre d'adolescentes menacées."
    assert ("fr", "typography", "70000") in reported(link_flags([fr], [], glossary))
    for written in ("70 000", "le code 75007 Paris", "le document 52017DC0728", "l'année 2009"):
        assert not {flag for flag in reported(link_flags([fr.replace("70000", written)], [], glossary)) if flag[1] == "typography"}



def test_a_terms_noun_and_adjective_out_of_agreement_outside_the_term(glossary) -> None:
    # IOM 2007 (heldout9) and US Embassy Madagascar 2020 (heldout10): « trafiquants d’êtres humaine », « à des fins sexuelle »; from the glossary’s
    # terms (« traite des êtres humains », « … à des fins sexuelles »)
    flags = reported(link_flags(["Il s'agit de démanteler les réseaux de trafiquants d’êtres humaine qui opèrent dans la région.",
                                 "La traite des enfants à des fins sexuelle reste sous-estimée."], [], glossary))
    assert {("fr", "typography", "êtres humaine"), ("fr", "typography", "fins sexuelle")} <= flags
    assert not {flag for flag in reported(link_flags(["Les êtres humains naissent libres et des êtres vulnérables sont exploités."], [], glossary))
                if flag[1] == "typography"}


def test_a_tokenised_text_spaces_its_marks_by_convention(glossary) -> None:
    # TransRead's literary books (the app bench's document) are tokenised: every comma and stop has a space before it
    tokenised = ["Il regarda la mer , puis il partit .", "Elle ne dit rien , et la porte se ferma .", "Le soir tomba , calme ."]
    assert not {flag for flag in reported(link_flags(tokenised, [], glossary)) if flag[1] == "typography" and flag[2].strip() in ",."}
    # one space before a stop in a text that writes its marks as usual is a slip (Senate of Canada 2020, heldout8)
    usual = ["Il regarda la mer, puis il partit.", "Elle ne dit rien , et la porte se ferma.", "Le soir tomba, calme."]
    assert ("fr", "typography", " ,") in reported(link_flags(usual, [], glossary))
