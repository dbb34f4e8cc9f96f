"""Twenty-third round: read on heldout19 after its one unseen measurement (eval/README.md, "Twenty-third round")."""

from __future__ import annotations

from tests.checking import needs_grammalecte, texts_of_kind


def test_a_name_set_off_in_apposition_after_its_title(glossary) -> None:
    # ILO 2013 (heldout19): the title, then the name between two commas, then the verb: both commas are right
    fr = "BRASILIA (OIT Info) – Le Directeur général de l’OIT, Guy Ryder, a appelé les délégués à redoubler d’efforts."
    assert not {text for text in texts_of_kind(fr, glossary, "typography") if "," in text}
    # a comma between a subject and its verb, with no apposition, is still a slip (Letard brochure, heldout14)
    assert "civil, illustre" in texts_of_kind("L'article 146 du code civil, illustre bien ce problème.", glossary, "typography")


@needs_grammalecte
def test_a_plural_verb_after_a_list_of_subjects(glossary) -> None:
    # allAfrica, Madagascar 2025 (heldout19): Grammalecte agrees the verb with the list's last item, after « ainsi que »
    fr = ("L'exploitation du travail domestique, le travail forcé et les pratiques analogues à l'esclavage ainsi que le mariage forcé "
          "représentent 78% des cas déclarés.")
    assert "représentent" not in texts_of_kind(fr, glossary, "grammar")
    # one subject and a plural verb is still a slip, a complement put first included
    assert "représentent" in texts_of_kind("Le mariage forcé représentent 78% des cas.", glossary, "grammar")
    assert "représentent" in texts_of_kind("En 2024, le mariage forcé représentent 78% des cas.", glossary, "grammar")


@needs_grammalecte
def test_an_adjective_right_after_a_noun_that_heads_its_phrase(glossary) -> None:
    # Lyon Capitale 2024 and the IOE 2017 (heldout19): Grammalecte's agreement across words, kept as info because in « N1 de N2 adj »
    # the adjective may agree with N1, is a slip when nothing but the noun stands before it
    assert "exploités" in texts_of_kind("250 personnes exploités pour mener des arnaques ont été libérées.", glossary, "grammar")
    assert "jours" in texts_of_kind("La Déclaration a été adoptée le dernier jours de cette Conférence.", glossary, "grammar")
    # after a preposition the adjective may agree with the noun before it (« une aide au revenu provinciale », BC)
    assert "provinciale" not in texts_of_kind("Les victimes peuvent recevoir une aide au revenu provinciale.", glossary, "grammar")


def test_an_english_title_quoted_in_the_french(glossary) -> None:
    # Paperjam 2021 (heldout19): the US report cited by its English title in guillemets
    fr = "Il a présenté l’évaluation du Luxembourg suite à la publication du «Trafficking in Persons Report» (TIP), rapport édité le 1er juillet."
    assert not texts_of_kind(fr, glossary, "untranslated")
    # an English term in the running French text is still untranslated
    fr = "Il a présenté l’évaluation du Luxembourg suite à la publication du Trafficking in Persons Report, rapport édité le 1er juillet."
    assert "Trafficking in Persons Report" in texts_of_kind(fr, glossary, "untranslated")


def test_one_in_three_with_a_noun_of_two_words(glossary) -> None:
    # FRA 2017 (heldout19): « un demandeur d'asile sur trois » is "one in three"
    fr = "En 2016, près d'un demandeur d'asile sur trois, dans l’Union européenne, était un enfant."
    en = "In 2016, around one in three asylum seekers in the EU was a child."
    assert not texts_of_kind(fr, glossary, "number-mismatch", en)
    assert texts_of_kind(fr.replace("sur trois", "sur quatre"), glossary, "number-mismatch", en)


def test_a_space_before_a_comma_after_a_figure(glossary) -> None:
    # FRA 2019 (heldout19): « 24 heures sur 24 , 7 jours sur 7 »
    assert " ," in texts_of_kind("Ils travaillent 24 heures sur 24 , 7 jours sur 7.", glossary, "typography")
    # a decimal comma and a list of figures stay silent
    assert not texts_of_kind("Le taux est de 3,5 % et les années 2019, 2020 et 2021 sont comptées.", glossary, "typography")


def test_roman_ordinals(glossary) -> None:
    # ILO 2013 and the IOE 2017 (heldout19): « la III Conférence mondiale », « la IVème Conférence »
    assert "III" in texts_of_kind("La III Conférence mondiale sur le travail des enfants s'est ouverte à Brasilia.", glossary, "typography")
    assert "IVème" in texts_of_kind("La IVème Conférence mondiale s'est ouverte à Buenos Aires.", glossary, "typography")
    # the ordinal written right, and a numeral after its noun, stay silent
    for fr in ("La IIIe Conférence mondiale s'est ouverte à Brasilia.", "Le titre III du code pénal et Louis XIV sont cités au XXIe siècle."):
        assert not texts_of_kind(fr, glossary, "typography")
