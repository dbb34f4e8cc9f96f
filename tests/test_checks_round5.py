"""The fifth round of the checks (issue #14): numbers, names and omissions inside sentences, each rule shown on sentences of
published texts of the eval/ corpus (eval/README.md, "Fifth round") with a case it leaves silent and one it flags."""

from __future__ import annotations

import pytest

from align.mt import apertium
from tests.checking import EVERY_SEVERITY, link_flags, reported


def all_flags(fr: list[str], en: list[str], glossary, mt: list[str] | None = None):
    return [flag for flag in link_flags(fr, en, glossary, mt=mt, has_official=True) if flag.side != "mt"]


def flags_of(fr: list[str], en: list[str], glossary, mt: list[str] | None = None):
    return reported(all_flags(fr, en, glossary, mt))


def test_a_year_range_is_its_two_years_on_the_other_side(glossary) -> None:
    # Swiss Federal Council 2012 (heldout2)
    fr = "La conseillère fédérale Simonetta Sommaruga a présenté le premier plan d’action national contre la traite des personnes pour la période 2012-2014."
    en = "At the conference, Federal Councillor Simonetta Sommaruga presented the first \"National Action Plan Against Human Trafficking\", for 2012 to 2014."
    assert not any(kind == "number-mismatch" for _, kind, _ in flags_of([fr], [en], glossary))
    assert not any(kind == "number-mismatch" for _, kind, _ in flags_of([fr.replace("2012-2014", "de 2012 à 2014")], [en.replace("2012 to 2014", "2012–14")],
                                                                          glossary))
    # another last year is still a mismatch
    assert any(kind == "number-mismatch" for _, kind, _ in flags_of([fr], [en.replace("to 2014", "to 2016")], glossary))


def test_a_round_quantity_matches_its_figure(glossary) -> None:
    # GRETA good practices 2016 (heldout2)
    fr = ("Le recueil de bonnes pratiques diffusé aujourd’hui présente les initiatives positives relevées dans plus d’une cinquantaine de rapports "
          "d’évaluation par pays publiés par le GRETA depuis l’entrée en vigueur de la Convention en 2008.")
    en = ("Today’s compendium of good practices highlights positive initiatives identified in over 50 country-by-country evaluation reports "
          "published by GRETA since the convention came into force in 2008.")
    assert not any(kind == "number-mismatch" for _, kind, _ in flags_of([fr], [en], glossary))
    assert not any(kind == "number-mismatch" for _, kind, _ in flags_of([fr.replace("plus d’une cinquantaine", "des dizaines")], [en], glossary))
    # a figure far from the round quantity is still reported
    assert ("en", "number-mismatch", "500") in flags_of([fr], [en.replace("over 50", "over 500")], glossary)


def test_a_datelines_date_the_english_lacks_is_context(glossary) -> None:
    # GRETA 15 years 2024 (heldout2): the English dateline was cut
    fr = ("Strasbourg, 22.03.2024 – Le Groupe d’experts sur la lutte contre la traite des êtres humains (GRETA) a fait aujourd’hui le bilan de ses "
          "15 années de suivi de la mise en œuvre de la Convention anti-traite du Conseil de l’Europe, à l’occasion de sa 50e réunion plénière.")
    en = ("The Group of Experts on Action against Trafficking in Human Beings (GRETA) has taken stock of its 15 years of monitoring the "
          "implementation of the Council of Europe Anti-Trafficking Convention, on the occasion of its 50th plenary meeting.")
    assert not any(kind == "date-mismatch" for _, kind, _ in flags_of([fr], [en], glossary))
    # a date inside the sentence that the English lacks is still reported
    inside = fr.replace("a fait aujourd’hui", "a fait le 22.03.2024").replace("Strasbourg, 22.03.2024 – ", "")
    assert ("fr", "date-mismatch", "22.03.2024") in flags_of([inside], [en], glossary)


def test_a_days_name_shortened_in_a_headline_is_a_short_form(glossary) -> None:
    # PACE rapporteur 2019 (heldout2): the headline names the European Day without « européenne »
    fr = "Journée contre la traite des êtres humains : 'Mieux protéger les victimes grâce à une action paneuropéenne concertée'"
    en = "Day against Human Trafficking: ‘Better protection for victims through concerted pan-European action’"
    assert not any(kind == "term-garbled" for _, kind, _ in flags_of([fr], [en], glossary))
    # inside a sentence, the shortened name is still garbled
    sentence = "La Journée contre la traite des êtres humains est célébrée chaque année le 18 octobre dans toute l'Europe."
    assert ("fr", "term-garbled", "Journée contre la traite des êtres humains") in flags_of([sentence], ["The Day is marked every year on 18 October."],
                                                                                        glossary)


def test_free_renderings_are_not_concept_swaps(glossary) -> None:
    # IOM Niger 2017 (heldout2): the noun of « mendicité forcée » is there, its modifier rewritten
    fr = ("D’après les données et les entretiens de l’OIM au Niger, plus de la moitié des victimes de traite aidées en 2017 au Niger ont déclaré "
          "avoir été sujettes à la mendicité forcée.")
    en = ("According to IOM data and interviews from Niger, more than half of the victims of trafficking in Niger assisted in 2017 stated that "
          "they were subjected to exploitative begging.")
    assert not any(kind == "term-missing" for _, kind, _ in flags_of([fr], [en], glossary))
    # IOM Djibouti 2012 (heldout2): the term's words reordered and hyphenated
    fr = ("La formation, la première du genre, vise à accroître la capacité des responsables gouvernementaux à intervenir face à la criminalité "
          "transnationale organisée, y compris le trafic illicite et la traite des personnes.")
    en = ("The course, the first of its kind, aims to increase the capacity of government officials to respond to organized trans-national "
          "crime, including human smuggling and trafficking in persons.")
    assert not any(kind == "term-missing" for _, kind, _ in flags_of([fr], [en], glossary))
    # with the term's words gone, the other concept of its subject is read as swapped in again
    swapped = en.replace("organized trans-national crime", "sexual exploitation")
    assert ("en", "term-missing", "human smuggling") in flags_of([fr], [swapped], glossary)


@pytest.mark.skipif(apertium.apertium_info() is None, reason="Apertium fr-es/spa-eng not installed")
def test_a_term_the_machine_translation_holds_too_is_not_swapped_in(glossary) -> None:
    from align.mt.translate import translate_segments

    # GRETA 15 years 2024 (heldout2): "shelters" renders « refuges », which the glossary does not list; the MT says "shelters" too
    fr = ("Le travail de suivi du GRETA a également entraîné des changements dans les procédures d’identification des victimes de la traite, "
          "la création de refuges spécialisés pour ces victimes et une augmentation du financement de l’assistance aux victimes.")
    en = ("The monitoring work of GRETA has also triggered changes to the procedures for spotting victims of trafficking, the setting up of "
          "specialised shelters for such victims, and increased funding for victim assistance.")
    assert ("en", "term-missing", "shelters") in flags_of([fr], [en], glossary)  # without the MT, "shelters" stands where identification was
    mt = translate_segments([fr], "apertium", glossary=glossary, cache=False)[0].text
    assert not any(kind == "term-missing" for _, kind, _ in flags_of([fr], [en], glossary, [mt]))


@pytest.mark.skipif(apertium.apertium_info() is None, reason="Apertium fr-es/spa-eng not installed")
def test_an_acronym_dropped_inside_a_sentence(glossary) -> None:
    from align.mt.translate import translate_segments

    # Public Safety 2019 (test): FINTRAC is left out of the French list of partners; the MT renders « GRC » as the English's RCMP
    fr = ("Nous accueillons les recommandations du Comité et nous sommes fiers qu'elles reflètent les travaux déjà en cours à Sécurité publique "
          "Canada, au ministère de la Justice du Canada, à la Gendarmerie royale du Canada (GRC) et aux autres partenaires dans l'ensemble du gouvernement.")
    en = ("We welcome the Committee's recommendations and are pleased they reflect the work already underway at Public Safety Canada, the "
          "Department of Justice Canada, the RCMP, FINTRAC and other partners across the government.")
    mt = translate_segments([fr], "apertium", glossary=glossary, cache=False)[0].text
    assert ("en", "omission", "FINTRAC") in reported(all_flags([fr], [en], glossary, [mt]), EVERY_SEVERITY)  # (information)
    with_it = fr.replace("(GRC)", "(GRC), au CANAFE")
    mt = translate_segments([with_it], "apertium", glossary=glossary, cache=False)[0].text
    assert not any(kind == "omission" for _, kind, _ in flags_of([with_it], [en], glossary, [mt]))


def test_acronyms_spelt_out_reordered_or_paired_are_counterparts(glossary) -> None:
    # PACE rapporteur 2019 (heldout2): « l'APCE » has no counterpart in the English
    fr = ("Vernon Coaker, (Royaume-Uni, SOC), rapporteur sur une action concertée de la lutte contre la traite des êtres humains de la "
          "Commission des migrations, des réfugiés et des personnes déplacées de l'APCE, a fait la déclaration suivante :")
    en = ("On the occasion of the Day against Human Trafficking, Vernon Coaker (United Kingdom, SOC), rapporteur on concerted action on "
          "human trafficking of the Committee on Migration, made the following statement:")
    assert ("fr", "omission", "APCE") in reported(all_flags([fr], [en], glossary), EVERY_SEVERITY)  # (information)
    assert not any(kind == "omission" for _, kind, _ in flags_of([fr], [en.replace("Committee on Migration", "PACE Committee on Migration")], glossary))
    # fedpol 2021 (dev): PAN / NAP; Swiss Federal Council 2012 (heldout2): DFAE / FDFA, two languages' acronyms of one body
    assert not any(kind == "omission" for _, kind, _ in flags_of(
        ["Le PAN a été évalué."], ["The NAP was evaluated."], glossary))
    assert not any(kind == "omission" for _, kind, _ in flags_of(
        ["Cette manifestation, orchestrée par la division Sécurité humaine du Département fédéral des affaires étrangères (DFAE)."],
        ["Organized by the Human Security Division of the Federal Department of Foreign Affairs (FDFA)."], glossary))
    # IOM Haiti 2012 (heldout2): "USA" is the United States the French names
    assert not any(kind == "omission" for _, kind, _ in flags_of(
        ["Haïti, qui devait être leur dernière escale avant d’atteindre les Etats-Unis."],
        ["Haiti – supposedly their last stop before reaching the USA."], glossary, ["Haiti, that had to be their last escale before achieving United States."]))


def test_a_chunk_with_no_counterpart_is_context(glossary) -> None:
    # Public Safety 2022 (heldout): the French drops the amount's terms; the MT is Apertium's
    fr = "Le projet de l'Armée du salut a déjà reçu 850 000 $ pour ce projet; il aide de deux façons."
    mt = "The project of the Army of the salvation received already 850,000 $ for this project; it helps two ways."
    en = "The Propel Program is supported through almost $850,000 in federal funding over four years and offers support through two specialized streams."
    chunks = [flag for flag in all_flags([fr], [en], glossary, [mt]) if flag.kind == "omission" and flag.side == "en"]
    assert chunks and all(flag.severity == "info" for flag in chunks)
    assert not [flag for flag in all_flags([fr], [en], glossary) if flag.kind == "omission"]  # no MT, no comparison


def test_an_official_name_with_two_words_dropped_or_moved(glossary) -> None:
    # GRETA Switzerland 2019 (heldout): GRETA's name without « Action against »; OHCHR 2013 (heldout): OSCE's words swapped
    dropped = "the Council of Europe’s Group of Experts on Trafficking in Human Beings (GRETA) welcomes the steps taken."
    assert ("en", "term-garbled", "Group of Experts on Trafficking in Human Beings") in flags_of(["Le GRETA salue les mesures prises."], [dropped], glossary)
    swapped = "the Council of Europe and the Organization for Co-operation and Security in Europe call on States to act."
    flags = flags_of(["Le Conseil de l'Europe et l'OSCE appellent les États à agir."], [swapped], glossary)
    assert ("en", "term-garbled", "Organization for Co-operation and Security in Europe") in flags
    # the name itself, and a short form without the listed name it holds, are silent
    right = "the Council of Europe’s Group of Experts on Action against Trafficking in Human Beings (GRETA) welcomes the steps taken."
    assert not any(kind == "term-garbled" for _, kind, _ in flags_of(["Le GRETA salue les mesures prises."], [right], glossary))
    short = "Le Luxembourg a ratifié la Convention sur la lutte contre la traite des êtres humains en 2009."
    assert not any(kind == "term-garbled" for _, kind, _ in flags_of([short], ["Luxembourg ratified the Convention in 2009."], glossary))


def test_the_protocols_title_reworded(glossary) -> None:
    # UNODC Executive Director 2018 (heldout2)
    fr = ("L'Office des Nations Unies contre la drogue et le crime (ONUDC) aide les gouvernements à mettre en œuvre la Convention des Nations Unies "
          "contre la criminalité transnationale organisée et les Protocoles s'y rapportant afin d'empêcher, de réprimer et de punir la traite des "
          "personnes, en particulier envers les femmes et les enfants.")
    en = ("The United Nations Office on Drugs and Crime (UNODC) is helping governments implement the United Nations Convention against "
          "Transnational Organized Crime and its Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children.")
    assert any(side == "fr" and kind == "term-garbled" and text.startswith("Protocoles s'y rapportant") for side, kind, text in flags_of([fr], [en], glossary))
    # IOM 2020 (dev): the title with one adjective inserted is silent here
    fr = ("Cette année marque le vingtième anniversaire de la Convention des Nations Unies contre la criminalité transnationale organisée et de "
          "son Protocole historique visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants.")
    assert not any(side == "fr" and kind == "term-garbled" for side, kind, _ in flags_of([fr], [en], glossary))


def test_two_days_of_one_month_are_two_dates_on_both_sides(glossary) -> None:
    # OSCE Alliance conference report, Order of Malta 2024, and RCMP Northern Spotlight 2018 (heldout3, fixed after its one measurement)
    fr = "La 24ème Conférence de l’Alliance contre la Traite des Personnes, organisée par l’OSCE, s’est tenue les 15 et 16 avril 2024 à Vienne."
    en = "The 24th Conference of the Alliance against Trafficking in Persons, organized by the OSCE, took place on April 15th and 16th, 2024 in Vienna."
    kinds = {kind for _, kind, _ in flags_of([fr], [en], glossary)}
    assert not kinds & {"date-mismatch", "number-mismatch"}
    fr2 = "Du 15 au 21 octobre, des policiers ont arrêté 20 personnes dans le cadre de la septième édition de l'Opération Northern Spotlight."
    en2 = "From October 15 to 21, police arrested 20 persons through the seventh edition of Operation Northern Spotlight."
    assert not {kind for _, kind, _ in flags_of([fr2], [en2], glossary)} & {"date-mismatch", "number-mismatch"}
    # a changed last day is still a date mismatch
    assert ("en", "date-mismatch", "22") in flags_of([fr2], [en2.replace("to 21", "to 22")], glossary)
