"""Thirty-eighth round (eval/README.md, "Thirty-eighth round"): rules read off heldout50 and heldout51's false alarms and misses, each
test keeping the slip beside the right form, which stays silent."""

from __future__ import annotations

from align.text.french_parser import french_parser
from align.text.quantities import dateline_end, find_numbers
from tests.checking import EVERY_SEVERITY, needs_grammalecte, texts_of_kind


@needs_grammalecte
def test_an_adjective_may_agree_with_the_noun_the_term_completes(glossary) -> None:
    fr = "Elle va nous aider à offrir des conditions de travail décentes à bord des bateaux."
    assert not texts_of_kind(fr, glossary, "term-garbled", en="It will help to ensure decent working conditions on board fishing vessels.")
    assert texts_of_kind("Il faut garantir le travail décentes pour tous.", glossary, "term-garbled") == {"travail décentes"}
    # (where the English renders the term itself, the adjective is the term's: "forms of forced labour")
    assert texts_of_kind("Elle élimine toutes les formes de travail forcées.", glossary, "term-garbled",
                         en="It eliminates all forms of forced labour.") == {"travail forcées"}


def test_a_convention_number_glued_to_its_abbreviation() -> None:
    assert [number.value for number in find_numbers("ILO Work in Fishing Convention No.188 (2007)", "en")] == [(188.0,), (2007.0,)]
    assert [number.value for number in find_numbers("version 2.5 of the tool", "en")] == [(2.5,)]


def test_a_decimal_comma_with_a_stray_space(glossary) -> None:
    assert [number.value for number in find_numbers("59, 6 millions de personnes", "fr")] == [(59_600_000.0,)]
    fr = "En 2016, 59, 6 millions de personnes travaillaient, et 3, 2 milliards en dépendent ; les articles 5, 6 et 7."
    assert texts_of_kind(fr, glossary, "typography") == {"59, 6", "3, 2"}
    assert not texts_of_kind(fr, glossary, "number-mismatch", en="In 2016, 59.6 million people worked, and 3.2 billion depend on it; "
                                                                 "articles 5, 6 and 7.")


def test_a_rate_written_twice(glossary) -> None:
    assert texts_of_kind("Une hausse de 1,7 pour cent.", glossary, "typography", en="A rise of 1.7% per cent.") == {"% per cent"}
    assert not texts_of_kind("Une hausse de 1,7 pour cent.", glossary, "typography", en="A rise of 1.7 per cent, or 2%.")


def test_a_wire_dateline_with_a_double_hyphen(glossary) -> None:
    fr = "OTTAWA, 30 août 2022 (GLOBE NEWSWIRE) -- Oceana Canada demande une fois de plus au gouvernement fédéral d'agir."
    assert fr[dateline_end(fr, "fr"):].startswith("Oceana")
    en = "Ottawa, ON – Oceana Canada is once again calling on the Federal Government to act."
    assert not texts_of_kind(fr, glossary, "omission", en=en)
    assert not texts_of_kind(fr, glossary, "date-mismatch", en=en)


def test_a_currency_code_against_its_sign(glossary) -> None:
    fr = "Le poisson a généré plus de 163 milliards d’USD de recettes d’exportation en 2019."
    assert not texts_of_kind(fr, glossary, "omission", en="Fish generated more than $163 billion in export revenues in 2019.")


def test_a_ministry_s_own_body_named_like_a_listed_one(glossary) -> None:
    fr = "les membres du Groupe de travail sur la lutte contre la traite des personnes du ministère de l'Éducation"
    assert not texts_of_kind(fr, glossary, "term-garbled")
    fr = "Le Groupe de travail sur la lutte contre la traite des personnes se réunit à Vienne."
    assert texts_of_kind(fr, glossary, "term-garbled")


def test_an_english_word_made_with_un_before_a_participle(glossary) -> None:
    en = "we are meeting on the traditional, unceded territory of the Algonquin people"
    assert not texts_of_kind("nous nous réunissons sur le territoire traditionnel non cédé", glossary, "spelling", en=en)
    assert texts_of_kind("le territoire", glossary, "spelling", en="the unceeded territory")


@needs_grammalecte
def test_a_title_for_a_woman_an_adjective_after_laisser_and_nouns_side_by_side(glossary) -> None:
    for fr in ("La grande chef adjointe a proposé que le sujet soit abordé.", "Contentez-vous de les laisser allumés.",
               "- Les documents ressources mis en ligne sur le site."):
        assert not texts_of_kind(fr, glossary, "grammar"), fr
    assert texts_of_kind("Les enfants travailles dans les champs.", glossary, "grammar")


@needs_grammalecte
def test_commas_around_a_name_in_apposition_and_a_list_of_places(glossary) -> None:
    if french_parser() is None:
        return
    for fr in ("La grande chef adjointe de la Nation Nishnawbe Aski, Anna Betty Achneepineskum, a proposé que le sujet soit abordé.",
               "« J’ai travaillé dans des bars de danseuses, des salons de massage, des parcs et des motels. »"):
        assert not texts_of_kind(fr, glossary, "typography"), fr
    assert texts_of_kind("Le rapport annuel de la Cellule, a été présenté hier au Premier ministre.", glossary, "typography")


def test_a_concept_the_french_says_with_a_word_between_is_no_swap(glossary) -> None:
    fr = "Elle englobe la traite à des fins de travail forcé, le travail des enfants et le mariage précoce et forcé."
    assert not texts_of_kind(fr, glossary, "term-missing", en="It includes trafficking for labour, child labour and early and forced marriage.")


def test_duty_of_care_is_no_blend_of_due_diligence(glossary) -> None:
    fr = "la valeur égale de chaque personne et le devoir de diligence envers autrui"
    assert not texts_of_kind(fr, glossary, "term-garbled", en="the equal value of all persons and the duty to care for one’s neighbour")


def test_the_subject_after_etre_is_no_blended_term(glossary) -> None:
    assert not texts_of_kind("Cette traite, dont sont victimes des personnes dans leur pays d'origine.", glossary, "term-garbled")
    assert texts_of_kind("Les victimes des personnes sont nombreuses.", glossary, "term-garbled")


def test_an_acronym_whose_letters_are_mixed_up_in_a_french_only_text(glossary) -> None:
    fr = "L’Office des Nations Unies contre la drogue et le crime (ONDUC) publie un rapport."
    assert texts_of_kind(fr, glossary, "acronym-mismatch") == {"ONDUC"}
    fr = "L’Office des Nations Unies contre la drogue et le crime (ONUDC) publie un rapport."
    assert not texts_of_kind(fr, glossary, "acronym-mismatch")


def test_a_century_without_its_ordinal_and_a_closing_quote_that_opens(glossary) -> None:
    assert texts_of_kind("L'esclavage du XIX siècle.", glossary, "typography") == {"XIX"}
    assert not texts_of_kind("L'esclavage du XIXe siècle.", glossary, "typography")
    assert texts_of_kind("Prends soin de toi.", glossary, "typography", en="She said ”take care” to me.") == {"”"}
    assert not texts_of_kind("Prends soin de toi.", glossary, "typography", en="She said “take care” to me.")


def test_a_country_misspelt(glossary) -> None:
    assert texts_of_kind("Elle est partie en Lybie puis au Camerun.", glossary, "spelling") == {"Lybie", "Camerun"}
    assert not texts_of_kind("Elle est partie en Libye puis au Cameroun, à Oman, chez Omar.", glossary, "spelling")
    assert texts_of_kind("Elle est partie.", glossary, "spelling", en="She went to Lybia.") == {"Lybia"}


def test_first_nations_capitalise_both_words(glossary) -> None:
    assert texts_of_kind("Les Premières nations du pays.", glossary, "typography") == {"Premières nations"}
    assert not texts_of_kind("Les Premières Nations du pays et la Première Nation de Wendake.", glossary, "typography")


def test_a_comma_inside_the_closing_guillemet(glossary) -> None:
    assert texts_of_kind("« Nous luttons contre la traite, » a dit l’inspecteur.", glossary, "typography") == {", »"}
    assert not texts_of_kind("« Nous luttons contre la traite », a dit l’inspecteur.", glossary, "typography")
    # (twice and never the other way: the text's house style)
    assert not texts_of_kind(["« Nous luttons contre la traite, » a dit l’inspecteur.", "« Nous luttons, » a-t-il ajouté."], glossary, "typography")


@needs_grammalecte
def test_non_before_a_noun_and_a_space_before_a_compound_s_hyphen(glossary) -> None:
    assert texts_of_kind("Le non versement des salaires.", glossary, "typography") == {"non versement"}
    assert not texts_of_kind("Les mineurs non accompagnés, non seulement ici, et le non-versement des salaires.", glossary, "typography")
    assert texts_of_kind("Le bien \u2011être des États \u2011Unis.", glossary, "typography") == {"bien \u2011être", "États \u2011Unis"}
    assert not texts_of_kind("Le bien-être des États-Unis, une liste -les enfants.", glossary, "typography")


@needs_grammalecte
def test_an_english_spelling_without_the_french_final_e(glossary) -> None:
    assert texts_of_kind("Il y a un protocol pour cela.", glossary, "spelling") == {"protocol"}
    assert not texts_of_kind("Il y a un protocole pour cela.", glossary, "spelling")


def test_the_crime_named_after_one_person(glossary) -> None:
    assert texts_of_kind("Un plan de lutte contre la traite de la personne.", glossary, "forbidden-term") == {"traite de la personne"}
    assert not texts_of_kind("Le respect des droits de la personne et la lutte contre la traite des personnes.", glossary, "forbidden-term")


@needs_grammalecte
def test_a_participle_opening_the_sentence_agrees_with_the_subject_after_the_comma(glossary) -> None:
    assert texts_of_kind("Reconnu par le Saint-Siège en 1922, l'association est active.", glossary, "grammar") == {"Reconnu"}
    for fr in ("Reconnue par le Saint-Siège en 1922, l'association est active.", "Eu égard aux flux migratoires, les Ambassadrices parlent."):
        assert not texts_of_kind(fr, glossary, "grammar"), fr


def test_a_footnote_call_counts_nothing() -> None:
    assert [number.value for number in find_numbers("including forced marriage,[1] which is not addressed, and 25 million", "en")] == [
        (25_000_000.0,)]


def test_a_canadian_press_dateline_in_brackets(glossary) -> None:
    assert not texts_of_kind("(Ottawa) Des indices transactionnels aident la police.", glossary, "typography")
    assert texts_of_kind("Les indices aident la police Des enquêteurs le disent.", glossary, "typography")


@needs_grammalecte
def test_the_second_participle_of_a_compound_tense(glossary) -> None:
    fr = "Les autorités ont secouru 80 victimes de la traite d’êtres humains et identifié quelque 3 400 migrants en situation irrégulière."
    assert not texts_of_kind(fr, glossary, "grammar")


def test_sextortion_is_a_word(glossary) -> None:
    assert not texts_of_kind("Les cas de sextorsion augmentent.", glossary, "spelling", en="Sextortion cases are rising.")


def test_common_english_abbreviations_and_a_dateline_in_capitals(glossary) -> None:
    fr = ["SINGAPOUR – Depuis plusieurs années, INTERPOL observe un phénomène criminel.", "Les messages d'intérêt public sont disponibles.",
          "La GRC de Terre-Neuve-et-Labrador a arrêté deux personnes."]
    en = ["INTERPOL HQ SINGAPORE: For the past several years, INTERPOL has been observing a crime phenomenon.",
          "The PSAs are available for public use.", "NL RCMP arrested two people."]
    assert not texts_of_kind(fr, glossary, "omission", en=en)
    assert texts_of_kind(["Les messages sont disponibles."], glossary, "omission", en=["The PSAs are available."],
                         severities=EVERY_SEVERITY) == {"PSAs"}


@needs_grammalecte
def test_official_names_added_to_the_glossary_are_checked_word_for_word(glossary) -> None:
    fr = "Selon l'Observatoire nationale de la délinquance et des réponses pénales (ONDRP), les victimes sont jeunes."
    assert texts_of_kind(fr, glossary, "term-garbled")
    fr = "Selon l'Observatoire national de la délinquance et des réponses pénales (ONDRP), les victimes sont jeunes."
    assert not texts_of_kind(fr, glossary, "term-garbled")
    assert texts_of_kind("La Commission tunisienne des affaires financières a participé.", glossary, "term-garbled")
    assert texts_of_kind("Voir les Lignes directrices de l'OCDE à l'intention des entreprises multinationales.", glossary, "forbidden-term")
    assert not texts_of_kind("Voir les Principes directeurs de l'OCDE à l'intention des entreprises multinationales.", glossary, "forbidden-term")


def test_a_word_coordinated_with_itself(glossary) -> None:
    assert texts_of_kind("Des activités de sensibilisation et de sensibilisation sont prévues.", glossary, "typography") == {
        "de sensibilisation et de sensibilisation"}
    assert not texts_of_kind("Des activités de sensibilisation et de prévention, encore et encore.", glossary, "typography")


def test_between_with_to_a_year_glued_to_a_word_and_a_stop_lost_after_a_bracket(glossary) -> None:
    assert texts_of_kind("De 2015 à 2022.", glossary, "typography", en="There were 40 victims between 2015 to 2022.") == {"to"}
    assert not texts_of_kind("De 2015 à 2022.", glossary, "typography", en="There were 40 victims between 2015 and 2022.")
    assert texts_of_kind("Entre 2015 à 2022, le nombre a doublé.", glossary, "typography") == {"à"}
    assert texts_of_kind("La loi signée en 2016sur le sujet.", glossary, "typography") == {"2016sur"}
    assert not texts_of_kind("Entre 2015 et 2022, de 2015 à 2022, la loi signée en 2016 sur le sujet.", glossary, "typography")
    assert texts_of_kind("Le nombre a doublé (soit +60 %) Le nombre de victimes augmente.", glossary, "typography") == {"%) Le"}


@needs_grammalecte
def test_an_adjective_out_of_agreement_beside_its_noun(glossary) -> None:
    assert texts_of_kind("Ils reçoivent de bon salaires.", glossary, "grammar") == {"bon"}
    assert texts_of_kind("Les huit prévenus âgé de 24 à 40 ans comparaissent.", glossary, "grammar") == {"âgé"}
    assert not texts_of_kind("Ils reçoivent de bons salaires ; les huit prévenus âgés de 24 à 40 ans comparaissent.", glossary, "grammar")
