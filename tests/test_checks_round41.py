"""Forty-first round (eval/README.md, "Forty-first round"): rules read off heldout67's false alarms and misses and the new parts', each
test keeping the slip beside the right form, which stays silent."""

from __future__ import annotations

from align.text.quantities import find_dates, find_numbers
from tests.checking import link_flags, needs_grammalecte, reported, reported_on_lines, texts_of_kind


def test_a_name_made_of_two_small_words_is_not_a_term_run_together(glossary) -> None:
    fr = "Les groupes sont Amel Association International, Insan et le Conseil danois pour les réfugiés."
    en = "The groups are Amel Association International, Insan and the Danish Refugee Council."
    assert not reported_on_lines(fr, glossary, en)
    assert "Victimsof" in texts_of_kind("Les victimes.", glossary, "term-garbled", "Victimsof trafficking need help.")


def test_a_name_in_english_word_order_is_no_french_agreement(glossary) -> None:
    assert not texts_of_kind("Parmi eux, Amel Association International aide les travailleuses.", glossary, "grammar")
    assert "Nationale" in texts_of_kind("Le Comité Nationale de lutte s'est réuni.", glossary, "grammar")


def test_a_term_inside_the_name_an_acronym_spells(glossary) -> None:
    en = "The Green Party applauds the group PACT (Persons Against the Crime of Trafficking in Humans) for rallying."
    fr = "Le Parti vert salue le groupe PACT (Persons Against the Crime of Trafficking in Humans) pour sa mobilisation."
    assert not texts_of_kind(fr, glossary, "term-garbled", en)
    assert "Trafficking in Humans" in texts_of_kind(fr, glossary, "term-garbled", en.replace("PACT", "the"))
    # a word doubled inside such a name is still a slip
    en = "It is funded by the Contribution Program to Combat Serious and Organized organized Crime (CPCSOC)."
    fr = "Il est financé par le Programme de contribution pour lutter contre les crimes graves et le crime organisé (PCLCGCO)."
    assert texts_of_kind(fr, glossary, "term-garbled", en) | texts_of_kind(fr, glossary, "typography", en)


def test_an_acronym_with_the_noun_of_the_name_the_other_side_gives(glossary) -> None:
    fr = "Les socialistes demandent à la Commission européenne d'interdire ces produits."
    assert not texts_of_kind(fr, glossary, "acronym-mismatch", "The Socialists call on the EU Commission to ban these products.")
    assert "EU" in texts_of_kind(fr, glossary, "acronym-mismatch", "The Socialists call on the EU to ban these products.")


def test_belgian_smuggling_named_beside_trafficking(glossary) -> None:
    fr = "Le dernier rapport de Myria relatif à la traite et au trafic des êtres humains a été publié."
    assert not texts_of_kind(fr, glossary, "forbidden-term")
    assert texts_of_kind("Le Conseil a appelé à renforcer la réponse à la traite et au trafic illicite d'êtres humains.", glossary,
                         "forbidden-term")
    assert texts_of_kind("Question au ministre concernant la lutte contre le trafic des êtres humains.", glossary, "forbidden-term")


def test_the_english_acronym_of_the_crime_in_french(glossary) -> None:
    slips = ["La traite des personnes (TiP) est un problème complexe.", "Ils jugent les cas de TiP conformément à la loi.",
             "Elle met en place un dispositif de coordination contre la TIP."]
    assert texts_of_kind(slips, glossary, "untranslated") == {"TiP", "TIP"}
    names = ["Le rapport TIP évalue les efforts des gouvernements.", "Le Luxembourg figure dans le TIER 1 du rapport international TIP.",
             "La publication du «Trafficking in Persons Report» (TIP), rapport édité le 1er juillet.", "Le Bureau TIP travaille avec eux.",
             "Le secrétaire présente le rapport annuel sur la traite des personnes ou TIP."]
    assert not texts_of_kind(names, glossary, "untranslated")


def test_a_clock_range_shares_its_half_of_the_day(glossary) -> None:
    assert [number.value for number in find_numbers("When: 10 June, 2:00 - 3:30 p.m. EST", "en")] == [("time", 840), ("time", 930)]
    assert [number.value for number in find_numbers("From 10:00 - 1:00 p.m.", "en")] == [("time", 600), ("time", 780)]
    assert not texts_of_kind("Quand : 10 juin, 14 h 00 - 15 h 30 heure de l’Est", glossary, "number-mismatch",
                             "When: 10 June, 2:00 - 3:30 p.m. EST")


def test_a_range_of_days_with_their_weekdays_or_articles() -> None:
    assert [date.value for date in find_dates("Rencontres d'hiver, vendredi, 22 au samedi, 23 février 2013, Toronto", "fr")] == [
        (2013, 2, 22), (2013, 2, 23)]
    assert [date.value for date in find_dates("From Monday 24 through Thursday 27 August 2015, staff met.", "en")] == [
        (2015, 8, 24), (2015, 8, 27)]
    assert [date.value for date in find_dates("It runs from the 25th to the 26th April, 2023.", "en")] == [(2023, 4, 25), (2023, 4, 26)]


def test_a_title_after_a_notice_of_its_language(glossary) -> None:
    fr = "Webinaire – en français seulement : Les intersections de l’exploitation au travail : la traite et les travailleurs migrants"
    en = "Webinar – French only: Les intersections de l’exploitation au travail : la traite et les travailleurs migrants"
    assert not texts_of_kind(fr, glossary, "untranslated", en)
    assert texts_of_kind(fr, glossary, "untranslated", en.replace("French only: ", ""))


def test_a_short_line_moved_in_a_list_is_not_lost(glossary) -> None:
    fr = ["Cliquer ici pour lire la présentation.", "Cliquer ici pour accéder à la fiche d'information.", ""]
    mt = ["Presionar Here to read the presentation.", "Presionar Here to access to the chip of information.", ""]  # (Apertium's)
    en = ["", "Click here to access the backgrounder.", "Click here to access the webinar presentation."]
    flags = reported(link_flags(fr, en, glossary, mt=mt))
    assert not {kind for _, kind, _ in flags} & {"omission", "addition"}
    assert ("fr", "omission", fr[0]) in reported(link_flags(fr, en[:2] + ["Click here for the recording."], glossary, mt=mt))


@needs_grammalecte
def test_an_ending_after_a_slash_and_a_province_opening_a_name(glossary) -> None:
    assert not texts_of_kind("Des défenseurs/euses des droits et des travailleurs migrants témoigneront.", glossary, "spelling")
    fr = "Les programmes seront fournis par Kenora Chiefs Advisory, Ontario Native Women’s Association et Sudbury."
    assert not texts_of_kind(fr, glossary, "typography")
    assert texts_of_kind("Il vit à Calgary, Alberta, depuis 2010.", glossary, "typography") == {"Calgary, Alberta"}


@needs_grammalecte
def test_a_prefix_written_apart_from_its_noun(glossary) -> None:
    fr = "Les acteurs de la sous région sont mobilisés, et le sous comité se réunit sous réserve de l'accord."
    assert texts_of_kind(fr, glossary, "typography") == {"sous région", "sous comité"}
    assert not texts_of_kind(fr, glossary, "grammar")
    assert not texts_of_kind("Les acteurs de la sous-région sont mobilisés sous réserve de l'accord.", glossary, "typography")


def test_an_acronym_whose_name_the_french_garbles(glossary) -> None:
    fr = "Le soutien de l’UE à l’Organisation Internationale des Migrations a permis d’aider 10 000 migrants."
    en = "The EU’s support to the IOM has also helped more than 10,000 migrants."
    assert not texts_of_kind(fr, glossary, "acronym-mismatch", en)
    assert "Organisation Internationale des Migrations" in texts_of_kind(fr, glossary, "forbidden-term", en)


def test_the_british_spelling_of_the_ilo(glossary) -> None:
    fr = "Tous les États membres doivent ratifier le protocole de l’Organisation internationale du Travail (OIT)."
    en = "All EU Member States must ratify the Protocol of the International Labour Organisation (ILO)."
    assert not texts_of_kind(fr, glossary, "acronym-mismatch", en)


@needs_grammalecte
def test_bien_que_after_a_verb_of_knowing_and_an_english_phrase_quoted(glossary) -> None:
    fr = "Un diplomate le confirme : « on le sait bien que les têtes de réseaux ne sont pas à bord des pneumatiques »."
    assert not texts_of_kind(fr, glossary, "grammar")
    assert texts_of_kind("Bien que les passeurs sont nombreux, peu sont arrêtés.", glossary, "grammar") == {"sont"}
    assert not texts_of_kind("Les victimes sont recrutées avec la méthode dite du « lover boy », ou du petit ami.", glossary, "grammar")


def test_english_slips_of_a_translation_from_french(glossary) -> None:
    fr = ["Le 10 octobre 2016, la Commission a rendu compte.", "Le soutien a permis d'aider les migrants.",
          "L'outil permettra de poursuivre les auteurs."]
    en = ["On the 10th october 2016, the Commission reported.", "The support has also allowed to assist the migrants.",
          "The tool will enable to bring the perpetrators to justice."]
    assert texts_of_kind(fr, glossary, "typography", en) >= {"october", "allowed", "enable"}
    assert not texts_of_kind(fr, glossary, "date-mismatch", en)
    right = ["On 10 October 2016, the Commission reported.", "The support has also allowed them to assist the migrants.",
             "The tool will enable the police to bring the perpetrators to justice."]
    assert not texts_of_kind(fr, glossary, "typography", right)
    assert not texts_of_kind(["Les victimes ne peuvent pas utiliser leur téléphone."], glossary, "typography",
                             ["The victims are not allowed to use their phones."])


def test_the_us_report_called_by_its_acronym(glossary) -> None:
    report = ["Le Luxembourg conserve sa place au TIER 1 du rapport international TIP (Trafficking in Persons).",
              "L'objectif du TIP est d'inciter des actions dans le monde entier."]
    assert not texts_of_kind(report, glossary, "untranslated")
    assert texts_of_kind(["L'objectif du TIP est d'inciter des actions dans le monde entier."], glossary, "untranslated") == {"TIP"}


def test_a_label_shown_twice_on_a_page_is_no_doubled_word(glossary) -> None:
    assert not texts_of_kind(["Respect Respect", "Dialogue et participation Dialogue et participation"], glossary, "typography")
    assert texts_of_kind("La la traite des personnes est un crime.", glossary, "typography") == {"La la"}


@needs_grammalecte
def test_court_bien_and_names_after_apres(glossary) -> None:
    assert not texts_of_kind("Une femme de 18 ans était en cour provinciale à Moncton vendredi.", glossary, "grammar")
    assert not texts_of_kind("Les enfants deviennent un bien que l’on veut vendre.", glossary, "grammar")
    fr = "Après Toronto, Ottawa est la deuxième ville au Canada pour ces infractions."
    assert not texts_of_kind(fr, glossary, "typography")
    assert texts_of_kind("M. Pierre Lapaque, Représentant du bureau régional a décliné l'offre.", glossary, "typography") == {"régional a"}


def test_page_furniture_numbers_credits_and_footnotes(glossary) -> None:
    assert not texts_of_kind("Ce document est aussi disponible en PDF (235 Ko).", glossary, "number-mismatch",
                             "This document is also available in PDF (227 Kb).")
    lines = ["«Trafic»: jeunes filles à vendre", "Photo: iStock Le portrait livré par la réalisatrice est glaçant."]
    assert "iStock Le" not in texts_of_kind(lines, glossary, "typography")
    assert "glaçant Le" in texts_of_kind(["Le portrait est glaçant Le film sort demain."], glossary, "typography")


def test_a_bill_named_before_it_passed(glossary) -> None:
    fr = "Le comité a étudié la Loi sur la lutte contre le travail forcé et le travail des enfants dans les chaînes d'approvisionnement."
    en = "The committee studied the Fighting Against Forced Labour and Child Labour in Supply Chains Bill."
    assert not texts_of_kind(fr, glossary, "term-garbled", en)
    assert "Fighting Against Forced Labour and Child Labour in Supply Chains Law" in texts_of_kind(fr, glossary, "term-garbled",
                                                                                                  en.replace("Bill", "Law"))


def test_shared_adjectives_doublets_and_people_of_a_country(glossary) -> None:
    assert not texts_of_kind("Les secteurs privé et public sont engagés dans la lutte.", glossary, "term-garbled")
    assert not texts_of_kind("La loi protège les travailleuses et travailleurs domestiques.", glossary, "term-garbled",
                             "The law protects domestic workers.")
    assert texts_of_kind("Le gouvernement a rapatrié 150 Rwandais trafiqués.", glossary, "concept-confusion") == {"trafiqués"}
    assert not texts_of_kind("Les documents trafiqués ont été saisis.", glossary, "concept-confusion")
