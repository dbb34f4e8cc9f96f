"""Thirty-fourth round (eval/README.md, "Thirty-fourth round"): the glossary's core bodies and instruments, and the general rules their
first measurement on every readable part called for; each test keeps the slip beside the right form, which stays silent."""

from __future__ import annotations

from tests.checking import link_flags, needs_grammalecte, reported, reported_on_lines, texts_of_kind


def test_a_canadian_department_is_named_as_listed(glossary) -> None:
    assert "Global Affaires Canada" in texts_of_kind("Le projet est financé par Global Affaires Canada.", glossary, "untranslated")
    assert not reported_on_lines("Le projet est financé par Affaires mondiales Canada.", glossary)
    assert reported_on_lines("Une enquête de la Gendarmerie Royal du Canada a permis l’arrestation.", glossary)
    assert not reported_on_lines("Une enquête de la Gendarmerie royale du Canada a permis l’arrestation.", glossary)


def test_an_english_acronym_in_french_is_not_a_word_of_a_heading_in_capitals(glossary) -> None:
    assert texts_of_kind("L’AU a adopté une stratégie contre la traite.", glossary, "untranslated") == {"AU"}
    fr = "COMMUNICATION DE LA COMMISSION AU PARLEMENT EUROPÉEN ET AU CONSEIL Rapport sur le suivi de la stratégie"
    assert not texts_of_kind(fr, glossary, "untranslated")
    assert not texts_of_kind("La campagne (AU.COMMIT) de lutte contre la traite a été lancée.", glossary, "untranslated")


def test_another_bodys_acronym_for_a_name_word_is_that_bodys_name(glossary) -> None:
    fr = "Le plan d’action de la CEDEAO contre la traite des personnes a été renouvelé."
    en = "The ECOWAS Plan of Action to Combat Trafficking in Persons was renewed."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    assert texts_of_kind(fr, glossary, "term-garbled", en=en.replace("ECOWAS", "Global").replace("Persons", "Prisons"))


def test_a_year_a_clause_or_a_possessive_inside_a_name_is_no_misquoted_name(glossary) -> None:
    assert not texts_of_kind("Le Tchad a ratifié la Convention de 1999 sur les pires formes de travail des enfants.", glossary, "term-garbled")
    fr = "Dans son rapport, le Rapporteur spécial recense les principales causes des formes contemporaines d’esclavage."
    en = "In the report, the Special Rapporteur identifies the main causes of contemporary forms of slavery."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    fr, en = "Le mandat du Rapporteur spécial a été renouvelé.", "The Special Rapporteur's mandate on contemporary forms of slavery was renewed."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    # two words in small letters inside a name are still the name misquoted
    fr = "Il remercie l’Office des Nations Unies de lutte contre la drogue et le crime pour son appui."
    assert texts_of_kind(fr, glossary, "term-garbled")


def test_small_letters_are_a_names_only_where_the_text_goes_on_as_the_name(glossary) -> None:
    fr = ["Le Centre soutient la Ligne d’urgence canadienne contre la traite des personnes.",
          "Grâce à la ligne d’urgence, plus de 1 000 partenaires sont joints."]
    assert not {text for _, kind, text in reported_on_lines(fr, glossary) if kind == "typography"}
    fr = ["Le 30 juillet est la Journée mondiale de la lutte contre la traite d’êtres humains.",
          "Ils ont célébré la journée mondiale de la lutte contre la traite d’êtres humains."]
    assert {text for _, kind, text in reported(link_flags(fr, [], glossary), ("info",)) if kind == "typography"}  # (information)
    fr = ["L’USAID appuie le lancement du Plan d’Action National contre la traite.",
          "Le lancement du plan d’action national a eu lieu hier."]
    assert not {text for _, kind, text in reported_on_lines(fr, glossary) if kind == "typography"}


def test_a_debates_time_stamp_alone_on_its_line_is_no_omission(glossary) -> None:
    fr = ["Honorables sénateurs, je prends la parole aujourd’hui.", "(1500)", "Ce projet de loi protège les victimes."]
    en = ["Honourable senators, I rise today.", "", "This bill protects victims."]
    assert not {text for _, kind, text in reported_on_lines(fr, glossary, en) if kind == "omission"}
    fr[1] = "Le Sénat a adopté la motion."
    assert {text for _, kind, text in reported_on_lines(fr, glossary, en) if kind == "omission"} == {fr[1]}


def test_amounts_as_each_language_writes_them_and_file_sizes_are_not_compared(glossary) -> None:
    fr = "Le projet de 24 mois, doté de 2,3 millions d’euros, vise 20 à 30 millions de victimes [PDF 118 Ko]."
    en = "The 24-month EUR 2.3M project targets 20 million to 30 million victims [PDF 101 kB]."
    assert not texts_of_kind(fr, glossary, "number-mismatch", en=en)
    assert "2.4M" in texts_of_kind(fr, glossary, "number-mismatch", en=en.replace("2.3M", "2.4M"))
    assert texts_of_kind(fr, glossary, "number-mismatch", en=en.replace("20 million", "25 million"))


def test_sri_lanka_takes_its_article(glossary) -> None:
    assert not texts_of_kind("Des migrants venus de pays comme l’Inde, le Sri Lanka et les Philippines.", glossary, "typography")
    assert texts_of_kind("Des migrants sont partis vers l’Israël l’an dernier.", glossary, "typography")


def test_a_compound_without_its_second_half_is_another_word_not_a_garbled_term(glossary) -> None:
    fr = "Ces pratiques esclavagistes persistent."
    assert not texts_of_kind(fr, glossary, "term-garbled", en="Slavery practices persist in the region.")
    # a word of its own dropped from the term is still a garbled term
    assert texts_of_kind(fr, glossary, "term-garbled", en="Practices to slavery persist in the region.") == {"Practices to slavery"}


def test_a_superscript_footnote_call_is_not_part_of_the_word(glossary) -> None:
    fr = "Le Luxembourg a ratifié la Convention sur la lutte contre la traite des êtres humains¹ en 2009."
    assert not texts_of_kind(fr, glossary, "term-garbled")
    assert texts_of_kind(fr.replace("êtres humains¹", "êtres¹"), glossary, "term-garbled")


@needs_grammalecte
def test_a_court_and_a_locution_are_not_grammalecte_confusions(glossary) -> None:
    assert not texts_of_kind("Le premier cas devrait être entendu en Cour, plus tard ce mois-ci.", glossary, "grammar")
    assert not texts_of_kind("Elle a terminé l’école et travaille en tant que membre du personnel.", glossary, "grammar")
    assert texts_of_kind("Il faut agir en cour de route.", glossary, "grammar")


def test_a_british_doubled_consonant_is_a_spelling_not_a_slip(glossary) -> None:
    fr = "Le fonds a aidé de nombreuses victimes."
    assert not texts_of_kind(fr, glossary, "spelling", en="The fund benefitted many victims.")
    assert texts_of_kind(fr, glossary, "spelling", en="The fund beneffited many victims.")


def test_the_palermo_protocols_full_treaty_title_is_its_name(glossary) -> None:
    fr = ("Le Luxembourg a ratifié le Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée "
          "visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants.")
    assert not texts_of_kind(fr, glossary, "term-garbled")
    # read as the Protocol, its English short name renders it (not the Convention its title names)
    assert not texts_of_kind(fr, glossary, "term-missing", en="Luxembourg ratified the Palermo Protocol.")


def test_trafiquee_said_of_a_person_named_in_apposition(glossary) -> None:
    fr = "Ces survivants incluent des filles comme Skye, trafiquée en Inde quand elle avait 13 ans."
    assert texts_of_kind(fr, glossary, "concept-confusion") == {"trafiquée"}
    assert not texts_of_kind("Des enfants dont les documents, trafiqués par le réseau, ont été saisis.", glossary, "concept-confusion")


def test_prostitution_enfantine_is_forbidden(glossary) -> None:
    assert texts_of_kind("Le symposium a porté sur la prostitution enfantine.", glossary, "forbidden-term") == {"prostitution enfantine"}
    assert not texts_of_kind("Le symposium a porté sur l’exploitation sexuelle des enfants.", glossary, "forbidden-term")


def test_an_accent_typed_for_an_english_apostrophe(glossary) -> None:
    fr = "Le Congrès mondial pour les enfants du monde."
    assert texts_of_kind(fr, glossary, "typography", en="The world´s children deserve better.") == {"world´s"}
    assert not texts_of_kind(fr, glossary, "typography", en="The world’s children deserve better.")


def test_two_determiners_in_a_row(glossary) -> None:
    assert texts_of_kind("Elle travaille dans le ce domaine depuis dix ans.", glossary, "typography") == {"le ce"}
    assert not texts_of_kind("Elle travaille dans ce domaine depuis dix ans.", glossary, "typography")
    assert not texts_of_kind("Elle est organisée avec la CSI, le CRPE et la CES.", glossary, "typography")  # an acronym, not « ces »


def test_the_eus_english_acronym_in_french_and_eu_countries_for_member_states(glossary) -> None:
    assert texts_of_kind("Les organisations (ONU, EU, OSCE) le recommandent.", glossary, "untranslated") == {"EU"}
    fr = "Les États membres ont signalé 15 846 victimes."
    assert not texts_of_kind(fr, glossary, "acronym-mismatch", en="EU countries reported 15,846 victims.")


def test_a_space_between_a_closing_guillemet_and_its_comma(glossary) -> None:
    assert texts_of_kind("« Il faut agir ensemble » , a-t-il dit.", glossary, "typography") == {" ,"}
    assert not texts_of_kind("« Il faut agir ensemble », a-t-il dit.", glossary, "typography")


@needs_grammalecte
def test_an_adverb_a_dispute_and_a_compass_point_are_no_agreement_slips(glossary) -> None:
    assert not texts_of_kind("Une fois en Suisse, ces jeunes femmes vivent une tout autre réalité.", glossary, "grammar")
    assert not texts_of_kind("L’OCRE est un mécanisme de règlement des différends relatifs aux entreprises.", glossary, "grammar")
    assert not texts_of_kind("Elle réunit les réseaux francophones ouest africains.", glossary, "grammar")
    assert texts_of_kind("Ces solutions sont différends des nôtres.", glossary, "grammar")


def test_a_name_inside_a_longer_one_and_a_file_number(glossary) -> None:
    fr = "Il figure dans le rapport publié par le Département d’État des États-Unis."
    assert not texts_of_kind(fr, glossary, "term-garbled", en="It appears in the report released by the United States Department of State.")
    assert texts_of_kind("L’OIM a participé.", glossary, "term-garbled", en="The International Organization for Migrations took part.")
    assert not texts_of_kind("Numéro de dossier : 220850", glossary, "typography", en="File number: 220850")


def test_an_official_name_keeps_its_number_in_french_too(glossary) -> None:
    fr = "Le Parlement appelle à appliquer la Convention sur l’élimination de toutes les formes de discriminations à l’égard des femmes."
    assert texts_of_kind(fr, glossary, "term-garbled")
    assert not texts_of_kind(fr.replace("discriminations", "discrimination"), glossary, "term-garbled")
    # one member state, the protocols in small letters: no name misquoted
    assert not texts_of_kind("Chaque État membre doit appliquer les protocoles contre la traite des personnes.", glossary, "term-garbled")
    en = "The operation involved the Federal Bureau of Investigations."
    assert texts_of_kind("L’opération a mobilisé le FBI.", glossary, "term-garbled", en=en) == {"Federal Bureau of Investigations"}


def test_an_acronym_after_the_body_a_name_completes(glossary) -> None:
    fr = "Le Groupe d’experts sur la lutte contre la traite des êtres humains du Conseil de l’Europe (APCE) salue les progrès de la Suisse."
    assert texts_of_kind(fr, glossary, "acronym-mismatch") == {"APCE"}
    assert not texts_of_kind(fr.replace("(APCE)", "(GRETA)"), glossary, "acronym-mismatch")
    assert not texts_of_kind("L’Assemblée parlementaire du Conseil de l’Europe (APCE) a adopté une résolution.", glossary, "acronym-mismatch")
