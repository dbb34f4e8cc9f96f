"""The domain lexicon (glossary/mt-lexicon.csv) and the glossary-rendering fixes, on real Apertium output."""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.mt import apertium
from align.mt.constraints import NO_FIXES, RenderingOptions, french_plural, pluralise
from align.mt.lexicon import default_lexicon, lexicon_matches, load_lexicon
from align.mt.translate import translate_segments
from align.terms.glossary import load_glossary

needs_apertium = pytest.mark.skipif(apertium.apertium_info() is None, reason="Apertium fr-es/spa-eng not installed")

pytestmark = pytest.mark.usefixtures("no_argos")  # (tests/conftest.py)


@pytest.fixture(scope="module")
def project_glossary():
    return load_glossary()


def forms(text: str) -> list[str]:
    return [match.entry for match, _ in lexicon_matches(text, default_lexicon())]


def test_traite_is_a_lexicon_form_only_as_a_noun() -> None:
    assert forms("Il traite le dossier.") == []
    assert forms("Le service qui traite les demandes.") == ["demandes"]  # « demandes » → "applications", not « traite »
    assert forms("Il la traite bien.") == []
    assert forms("On ne traite pas ces cas.") == []
    assert forms("la lutte contre la traite") == ["traite"]
    assert forms("les victimes de la traite") == ["victimes de la traite"]
    assert forms("afin d'exploiter les enfants") == ["afin d'", "exploiter", "enfants"]


def test_a_bad_lexicon_row_names_the_file_and_line(tmp_path) -> None:
    bad = tmp_path / "mt-lexicon.csv"
    bad.write_text("fr,en,kind,reason\ntraite,trafficking,verb,why\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mt-lexicon.csv: line 2: kind must be one of form, noun, mass"):
        load_lexicon(bad)
    bad.write_text("fr,en\ntraite,trafficking\n", encoding="utf-8")
    with pytest.raises(InputError, match="header must be fr,en,kind,reason"):
        load_lexicon(bad)


@needs_apertium
def test_lexicon_renders_the_fields_words_and_leaves_the_verb_alone() -> None:
    noun, victims, verb, prosecutions = translate_segments(
        ["La traite touche les enfants.", "Les victimes de la traite ont besoin d'aide.", "Il traite le dossier.",
         "Les poursuites ont augmenté."], "apertium", cache=False)
    assert noun.text.startswith("Trafficking") and "children" in noun.text and "treat" not in noun.text
    assert "victims of trafficking" in victims.text
    assert "trafficking" not in verb.text and "treats" in verb.text
    assert "prosecutions" in prosecutions.text and "persecution" not in prosecutions.text
    assert noun.constrained == ()  # lexicon renderings are not glossary constraints
    bare = translate_segments(["La traite touche les enfants."], "apertium", cache=False, lexicon=False, options=RenderingOptions(postedits=()))[0]
    assert "trafficking" not in bare.text.lower()  # what Apertium writes without the lexicon (and without the wrong-sense post-edit)


@needs_apertium
def test_overlapping_terms_keep_the_best_coverage(project_glossary) -> None:
    segment = ["Les victimes de la traite des personnes sont nombreuses."]
    longest_first = translate_segments(segment, "apertium", glossary=project_glossary, cache=False, lexicon=False, options=NO_FIXES)[0]
    assert "of the people" in longest_first.text
    covered = translate_segments(segment, "apertium", glossary=project_glossary, cache=False, lexicon=False,
                                 options=RenderingOptions(coverage=True, plural=False, article=False))[0]
    assert "trafficking in persons" in covered.text and "people" not in covered.text


@needs_apertium
def test_plural_glossary_terms_stay_plural(project_glossary) -> None:
    segment = ["Les trafiquants recrutent des victimes."]
    singular = translate_segments(segment, "apertium", glossary=project_glossary, cache=False, lexicon=False, options=NO_FIXES)[0]
    assert singular.text.startswith("The trafficker ")
    plural = translate_segments(segment, "apertium", glossary=project_glossary, cache=False, lexicon=False,
                                options=RenderingOptions(coverage=False, plural=True, article=False))[0]
    assert plural.text.startswith("The traffickers ") and "victims" in plural.text
    assert french_plural("personnes rescapées") and not french_plural("victime")
    assert pluralise("unaccompanied child") == "unaccompanied children" and pluralise("victim of trafficking") == "victims of trafficking"


@needs_apertium
def test_no_the_before_an_uncountable_term(project_glossary) -> None:
    segment = ["La traite des personnes est un crime grave."]
    with_the = translate_segments(segment, "apertium", glossary=project_glossary, cache=False, lexicon=False, options=NO_FIXES)[0]
    assert with_the.text.startswith("The trafficking in persons")
    without = translate_segments(segment, "apertium", glossary=project_glossary, cache=False, lexicon=False,
                                 options=RenderingOptions(coverage=False, plural=False, article=True))[0]
    assert without.text.startswith("Trafficking in persons is")
    [term] = without.constrained
    assert without.text[term.mt_start:term.mt_end] == "Trafficking in persons"


@needs_apertium
def test_words_left_by_either_apertium_stage_are_reported() -> None:
    # eval/texts/fr/ca-ps-project-recover-2023.txt, shortened; « odieuse » and « ignoble », the former example, are in the lexicon now
    result = translate_segments(["Les survivants cherchent à recouvrer leur indépendance financière, sans archivage."], "apertium", cache=False)[0]
    assert "archivage" in result.unknown_words  # French word stage 1 did not know
    assert "recobrar" in result.unknown_words  # Spanish word stage 2 left in the English
    assert "*" not in result.text and "recobrar" in result.text
    assert translate_segments(["Une action odieuse et ignoble."], "apertium", cache=False)[0].text == "An action heinous and horrific."


@needs_apertium
def test_words_the_pivot_left_untranslated_on_dev_are_rendered(project_glossary) -> None:
    """DEV sentences (ca-ps-toronto-exhibit-2021, osce-cthb-factsheet-2013) where fr→es→en left « s », « pas », « concursantes »."""
    campaign, osce = translate_segments(
        ["Une campagne de sensibilisation du public se déroulera afin de contrer les perceptions erronées et inciter les Canadien(ne)s à "
         "obtenir les faits sur cet enjeu.",
         "Chaque année, des centaines de milliers de femmes, d’enfants et d’hommes sont victimes de la traite à destination ou en provenance "
         "d’États participants de l’OSCE à des fins d’exploitation."], "apertium", glossary=project_glossary, cache=False)
    assert "Canadians" in campaign.text and campaign.unknown_words == ()
    assert "participating States" in osce.text.replace("Participating", "participating") and "concursantes" not in osce.unknown_words
