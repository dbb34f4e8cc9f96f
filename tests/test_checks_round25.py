"""Twenty-fifth round: read on heldout21 after its three unseen measurements (eval/README.md, "Twenty-fifth round")."""

from __future__ import annotations

from tests.checking import needs_grammalecte, texts_of_kind


def test_the_un_spelling_beside_the_usual_one(glossary) -> None:
    # APS 2022, SFR 2016, France's mission in Vienna (heldout21): « Nations Unies » and « Nations unies » in one text: the UN's own
    # spelling, as the glossary lists its names, beside the usual French one
    lines = ["Elle représente aux Nations Unies les victimes.", "Les Nations unies ont publié un rapport.", "Les Nations unies ont aussi parlé."]
    assert not texts_of_kind(lines, glossary, "term-inconsistent")
    # a name capitalised two ways that no listed name writes so is still flagged (OSCE 2005, dev)
    lines = ["Le Conseil Permanent s'est réuni.", "Le Conseil permanent a parlé.", "Le Conseil permanent a voté."]
    assert "Conseil Permanent" in texts_of_kind(lines, glossary, "term-inconsistent")


def test_the_year_a_resolution_is_cited_with(glossary) -> None:
    # France at the UN 2016 and 2017 (heldout21): "resolution 2331 (2016)" where the French says « la résolution 2331 »
    fr, en = ["Elle a permis l’adoption de la résolution 2331."], ["It led to the adoption of resolution 2331 (2016)."]
    assert not texts_of_kind(fr, glossary, "number-mismatch", en)
    assert "2332" in texts_of_kind(fr, glossary, "number-mismatch", ["It led to the adoption of resolution 2332 (2016)."])


@needs_grammalecte
def test_an_agreement_the_parse_does_not_confirm(glossary) -> None:
    # SFR 2016 (heldout21): « nommée ce week-end ambassadrice »: « ambassadrice » is the participle's complement, not an adjective of
    # « week-end »; the twenty-third round's warning wants the parse to link the two words
    fr = ["Cette jeune femme a été nommée ce week-end ambassadrice de l'ONU pour la dignité des victimes."]
    assert "ambassadrice" not in texts_of_kind(fr, glossary, "grammar")
    assert "exploités" in texts_of_kind(["250 personnes exploités pour mener des arnaques ont été libérées."], glossary, "grammar")


def test_a_singular_in_a_term_chained_to_another(glossary) -> None:
    # PressAfrik 2024 (heldout21): « victimes de la traite de personne »: « victimes de la traite » hid « traite de personne »
    fr = ["Et 64% de victimes de la traite de personne en général font la mendicité."]
    assert "traite de personne" in texts_of_kind(fr, glossary, "term-garbled")
    assert not texts_of_kind(["Les victimes de la traite des personnes sont protégées."], glossary, "term-garbled")
