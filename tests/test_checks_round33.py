"""Thirty-third round (eval/README.md, "Thirty-third round"): general rules read on heldout27 and heldout28 after their unseen
measurement; each test keeps the slip beside the right form, which stays silent."""

from __future__ import annotations

from tests.checking import link_flags, needs_grammalecte, reported_on_lines, texts_of_kind


def test_an_english_word_after_a_possessive_is_left_in_the_french(glossary) -> None:
    fr = "Il appelle à adhérer à la Convention, y compris son Protocol sur la traite des personnes."
    assert "Protocol" in texts_of_kind(fr, glossary, "untranslated")
    assert not texts_of_kind("Il appelle à adhérer à la Convention, y compris son Protocole additionnel.", glossary, "untranslated")


@needs_grammalecte
def test_a_participle_before_the_noun_it_qualifies_after_de_is_an_adjective(glossary) -> None:
    assert not texts_of_kind("Elle a été libérée de l’emprise de présumés proxénètes par des policiers.", glossary, "grammar")
    assert texts_of_kind("Il faut cesser de protégé victimes.", glossary, "grammar") == {"protégé"}


def test_an_identifier_written_with_other_separators_is_the_same_number(glossary) -> None:
    fr = "La commission a été créée en vertu de la loi n° 27-14 relative à la lutte contre la traite des êtres humains."
    en = "The commission was established pursuant to Law 27.14 on Combating Trafficking in Human Beings."
    assert not texts_of_kind(fr, glossary, "number-mismatch", en=en)
    assert "27.15" in texts_of_kind(fr, glossary, "number-mismatch", en=en.replace("27.14", "27.15"))


def test_english_thousands_grouped_with_points_are_notation_not_another_number(glossary) -> None:
    fr, en = "Ils ont contrôlé plus de 240 000 personnes.", "They checked more than 240.000 persons."
    flags = [flag for flag in link_flags([fr], [en], glossary) if flag.kind == "number-mismatch"]
    assert [(flag.severity, flag.text, flag.suggestion) for flag in flags] == [("warning", "240.000", "240,000")]
    assert "groups its thousands with points" in flags[0].message
    assert "240.001" in texts_of_kind(fr, glossary, "number-mismatch", en=en.replace("240.000", "240.001"))


def test_a_document_reference_is_not_grouped_by_thousands(glossary) -> None:
    assert not texts_of_kind("Rapport | Doc. 13152 | 27 mars 2013", glossary, "typography", en="Report | Doc. 13152 | 27 March 2013")
    assert texts_of_kind("La police estime à 70000 le nombre de victimes.", glossary, "typography") == {"70000"}


def test_de_plus_en_plus_before_en_is_no_pair_written_twice(glossary) -> None:
    assert not texts_of_kind("Elles s’en prennent de plus en plus en particulier aux femmes.", glossary, "typography")
    assert texts_of_kind("Elles s’en prennent de plus en plus en plus aux femmes.", glossary, "typography") == {"plus en plus en"}


@needs_grammalecte
def test_a_web_address_is_not_read_as_french_words(glossary) -> None:
    fr = "Découvrez la campagne sur le site : https://home-affairs.ec.europa.eu/EUvsHumanTraffickingCampaign"
    assert not texts_of_kind(fr, glossary, "grammar")


def test_a_name_whose_accents_the_english_drops_is_not_misspelt_in_the_french(glossary) -> None:
    fr = ["La ministre Pauline Irène Nguene a lancé la campagne.", "Pauline Irène Nguene a remercié l’OIM."]
    en = ["Minister Pauline Irene Nguene launched the campaign.", "Pauline Irene Nguene thanked IOM."]
    assert not {text for _, kind, text in reported_on_lines(fr, glossary, en) if kind == "name-mismatch"}
    # a letter changed is still a name written two ways
    fr = ["La ministre Pauline Irèna Nguene a lancé la campagne.", "Pauline Irèna Nguene a remercié l’OIM."]
    assert {text for _, kind, text in reported_on_lines(fr, glossary, en) if kind == "name-mismatch"} == {"Irèna"}


def test_a_listed_name_followed_by_the_words_of_another_is_that_name(glossary) -> None:
    fr = "La première campagne de la Commission européenne contre la traite des êtres humains a été présentée."
    assert not texts_of_kind(fr, glossary, "term-garbled")
    assert texts_of_kind("La Semaine européenne contre la traite des êtres humains a eu lieu.", glossary, "term-garbled")


def test_a_full_stop_written_twice(glossary) -> None:
    assert texts_of_kind("La présence des rebelles à l’Est. . Outre la pauvreté, il y a...", glossary, "typography") == {". ."}
    assert texts_of_kind("Les causes fondamentales des migrations..", glossary, "typography") == {".."}
    assert not texts_of_kind("Les causes fondamentales des migrations... Et la pauvreté. . .", glossary, "typography")


def test_a_term_word_left_singular_after_aux(glossary) -> None:
    assert texts_of_kind("Ils recrutent des personnes aux fin d'exploitation.", glossary, "term-garbled") == {"aux fin d'exploitation"}
    assert not texts_of_kind("Ils recrutent des personnes aux fins d'exploitation.", glossary, "term-garbled")


@needs_grammalecte
def test_a_name_written_in_small_letters(glossary) -> None:
    fr = "La Commission économique des Nations Unies pour l'afrique a publié son rapport."
    assert texts_of_kind(fr, glossary, "typography") == {"afrique"}
    assert not texts_of_kind(fr.replace("l'afrique", "l'Afrique"), glossary, "typography")


def test_calques_for_sex_trafficking_and_organ_removal(glossary) -> None:
    assert texts_of_kind("Les victimes de la traite du sexe sont jeunes.", glossary, "forbidden-term") == {"traite du sexe"}
    fr = "La résolution vise le travail forcé et l’enlèvement des organes corporels."
    assert texts_of_kind(fr, glossary, "forbidden-term") == {"enlèvement des organes"}
    assert not texts_of_kind("La résolution vise le travail forcé et le prélèvement d'organes.", glossary, "forbidden-term")


def test_the_unodc_name_is_no_trade_beside_a_bare_trafic(glossary) -> None:
    fr = ["La traite des êtres humains est-elle une menace croissante ?",
          "Ce trafic touche, selon l’Office des Nations Unies contre la drogue et le crime, près de 25 millions de victimes."]
    assert texts_of_kind(fr, glossary, "concept-confusion") == {"trafic"}
    fr[1] = "Ce trafic, comme celui des drogues, touche près de 25 millions de personnes."
    assert not texts_of_kind(fr, glossary, "concept-confusion")


def test_a_name_word_that_begins_another_name_only_as_far_as_one_word_is_a_garble(glossary) -> None:
    fr = "Le Groupe d'experts sur la lutte contre la traite des êtres humains (GRETA) publie son rapport."
    en = "The Global of Experts on Action against Trafficking in Human Beings (GRETA) publishes its report."
    assert texts_of_kind(fr, glossary, "term-garbled", en=en) == {"Global of Experts on Action against Trafficking in Human Beings"}
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en.replace("Global", "Group"))


def test_a_dotted_initialism_is_one_word_of_its_sentence() -> None:
    from align.text.segmentation import split_sentences

    assert split_sentences("Il faut qu’on J.A.S.E. avec nos jeunes.", "fr") == [("Il faut qu’on J.A.S.E. avec nos jeunes.", 0)]
    assert len(split_sentences("Le rapport est signé par John F. Kennedy. Puis il parle.", "fr")) == 2


def test_a_word_in_inclusive_writing_agrees_with_both_genders(glossary) -> None:
    assert not texts_of_kind("Les travailleurs et travailleuses migrant·e·s temporaires sont exploités.", glossary, "term-garbled")
    assert texts_of_kind("Les travailleuses migrant temporaires sont exploitées.", glossary, "term-garbled") == {"travailleuses migrant"}


@needs_grammalecte
def test_a_list_items_verb_has_its_subject_in_the_lead_in(glossary) -> None:
    fr = ["La personne :", "- n’obtient que peu ou pas de salaire, mais travaille beaucoup;",
          "- réagit d’une manière qui semble répétée à l’avance ou peu naturelle;"]
    assert not texts_of_kind(fr, glossary, "grammar")
    # a bullet's text as the segmenter gives it, without its marker
    assert not texts_of_kind("réagit d’une manière qui semble répétée à l’avance ou peu naturelle;", glossary, "grammar")
    assert texts_of_kind("Tu réagit trop vite.", glossary, "grammar") == {"réagit"}


def test_a_gospel_reference_is_the_same_with_a_comma_or_a_colon(glossary) -> None:
    fr = "« Jeune fille, je te le dis, lève-toi. » (Marc 5, 41)"
    assert not texts_of_kind(fr, glossary, "number-mismatch", en="\"Little girl, I say to you, rise up.\" (Mark 5:41)")
    assert "5:42" in texts_of_kind(fr, glossary, "number-mismatch", en="\"Little girl, I say to you, rise up.\" (Mark 5:42)")


def test_a_variant_begun_then_another_noun_is_no_blend(glossary) -> None:
    fr = "Le trafic de corps humains et l’exploitation sexuelle des enfants."
    en = "Trafficking in human bodies and the sexual exploitation of children."
    assert not texts_of_kind(fr, glossary, "term-garbled", en=en)
    assert texts_of_kind(fr, glossary, "term-garbled", en="The fight against trafficking in human is long.") == {"trafficking in human"}
    assert texts_of_kind(fr, glossary, "term-garbled", en="Trafficking in human – defined by the UN – is a crime.") == {"Trafficking in human"}
    # French puts the modifier after its noun: a variant cut short before the next word is a blend
    assert texts_of_kind("La lutte contre la traite des êtres nécessite un effort collectif.", glossary, "term-garbled") == {"traite des êtres"}


def test_a_locution_repeating_its_word_around_a_preposition_is_no_doubled_pair(glossary) -> None:
    assert not texts_of_kind("Le réseau s'est construit petit à petit à travers le Maroc.", glossary, "typography")
    assert texts_of_kind("Il veut contribuer à contribuer à la lutte.", glossary, "typography") == {"contribuer à contribuer à"}


def test_a_character_lost_in_the_encoding(glossary) -> None:
    flags = [flag for flag in link_flags(["Ce n?est pas un groupe d?experts."], [], glossary) if flag.kind == "typography"]
    assert [(flag.text, flag.suggestion) for flag in flags] == [("?", "’"), ("?", "’")]
    assert not texts_of_kind("Est-ce un groupe d’experts ? Oui.", glossary, "typography")


def test_labour_trafficking_calqued_on_the_workforce(glossary) -> None:
    fr = "Il s'agit de la traite à des fins de main-d’œuvre, où des personnes sont exploitées."
    assert texts_of_kind(fr, glossary, "forbidden-term") == {"traite à des fins de main-d’œuvre"}
    assert not texts_of_kind(fr.replace("de main-d’œuvre", "d'exploitation par le travail"), glossary, "forbidden-term")


def test_a_reference_number_alone_on_its_line_or_in_brackets_is_not_grouped(glossary) -> None:
    assert not texts_of_kind(["Sommaire", "35958", "Francis Appulonappa c. Sa Majesté la Reine"], glossary, "typography",
                             en=["Summary", "35958", "Francis Appulonappa v. Her Majesty the Queen"])
    assert not texts_of_kind("OIM - Organisation internationale pour les migrations (47066)", glossary, "typography")
    assert texts_of_kind("Le projet a aidé 47066 personnes.", glossary, "typography") == {"47066"}


def test_a_number_inside_the_english_code_of_a_registry(glossary) -> None:
    fr, en = "OIM - Organisation internationale pour les migrations (47066)", "IOM – International Organization for Migration (XM-DAC-47066)"
    assert not {kind for _, kind, _ in reported_on_lines(fr, glossary, en)} & {"number-mismatch", "omission"}
    assert "47067" in texts_of_kind(fr.replace("47066", "47067"), glossary, "number-mismatch", en=en)


def test_the_verb_of_the_crimes_noun_is_no_garbled_term(glossary) -> None:
    fr = "On ne peut pas traiter un être humain comme une marchandise."
    assert not texts_of_kind(fr, glossary, "term-garbled")


def test_the_english_clock_and_a_glued_currency_sign_in_the_french(glossary) -> None:
    fr = "La cérémonie a lieu de 9:00 AM à 1:00 PM et coûte entre 30 000$ et 40 000$."
    assert texts_of_kind(fr, glossary, "untranslated") == {"9:00 AM", "1:00 PM"}
    assert texts_of_kind(fr, glossary, "typography") == {"30 000$", "40 000$"}
    assert not texts_of_kind("La cérémonie a lieu de 9 h à 13 h et coûte 30 000 $.", glossary, "untranslated") | texts_of_kind(
        "La cérémonie a lieu de 9 h à 13 h et coûte 30 000 $.", glossary, "typography")
