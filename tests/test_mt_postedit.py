"""English post-edits of the Apertium output (align/mt/postedit.py) and the other Apertium routes, on real eval/ sentences."""

from __future__ import annotations

import pytest

from align.errors import ModelMissingError
from align.mt import apertium
from align.mt.constraints import ALL_FIXES
from align.mt.postedit import postedit
from align.mt.translate import translate_segments
from align.terms.glossary import load_glossary

needs_apertium = pytest.mark.skipif(apertium.apertium_info() is None, reason="Apertium fr-es/spa-eng not installed")

HOTLINE = ("OTTAWA, ON, le 21 mars 2025 /CNW/ - Aujourd'hui, l'honorable David J. McGuinty, ministre de la Sécurité publique et de la "
           "Protection civile, a annoncé l'octroi d'un financement de 12,5 millions de dollars jusqu'en 2028 pour soutenir la poursuite des "
           "activités de la Ligne d'urgence canadienne contre la traite des personnes.")
QUOTE = "« Notre gouvernement continue de lutter contre la traite de personnes au Canada et à l’étranger, » a déclaré le ministre Blaney."


@pytest.fixture(autouse=True)
def no_argos(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty-packages"))


@needs_apertium
def test_dateline_amount_and_title_come_out_in_english() -> None:
    result = translate_segments([HOTLINE], "apertium", glossary=load_glossary(), cache=False)[0]
    assert result.text.startswith("OTTAWA, ON, 21 March 2025 /CNW/ - Today")  # Ontario kept, no "on 21 March", capital after the dash
    assert "$12.5 million" in result.text and "12,5" not in result.text
    assert "Minister of Public Safety and Emergency Preparedness" in result.text
    for term in result.constrained:  # the spans still point at the glossary renderings after the edits
        assert result.text[term.mt_start:term.mt_end] == term.rendering


@needs_apertium
def test_french_quotes_and_passe_compose_become_english() -> None:
    edited, raw = (translate_segments([QUOTE], "apertium", glossary=load_glossary(), cache=False, options=options)[0]
                   for options in (ALL_FIXES, ALL_FIXES.__class__(postedits=())))
    assert raw.text.startswith("« ") and "continues of combat" in raw.text  # what the engine writes
    assert edited.text.startswith("“Our government") and "»" not in edited.text and "Canada and abroad,” said" in edited.text


def test_numbers_are_converted_only_as_written_in_the_french() -> None:
    assert postedit("plus de 1 000 partenaires", "more than 1 000 partners") == "more than 1,000 partners"
    assert postedit("les articles 2, 3 et 4", "articles 2, 3 and 4") == "articles 2, 3 and 4"  # a list, not a decimal
    assert postedit("environ 60 %", "roughly 60 %") == "roughly 60%"
    assert postedit("leurs familles", "his families") == "their families"
    assert postedit("Son mandat", "his mandate") == "Its mandate"  # a sentence starts with a capital when the French does
    assert postedit("« Les victimes de la traite »", "« The victims of trafficking »") == "“The victims of trafficking”"


@pytest.mark.parametrize("pivot", ["ca", "eo"])
def test_other_routes_translate_through_their_pivot(pivot) -> None:
    if apertium.route_info(pivot) is None:
        pytest.skip(f"Apertium fr→{pivot}→en not installed")
    result = translate_segments(["La traite des personnes est un crime odieux."], f"apertium-{pivot}", glossary=load_glossary(), cache=False)[0]
    assert f"fr→{pivot}→en" in result.engine
    assert result.text.startswith("Trafficking in persons")


def test_a_missing_route_names_its_debian_packages(monkeypatch) -> None:
    monkeypatch.setattr(apertium, "installed_modes", lambda: frozenset({"fr-es", "spa-eng"}))
    apertium.route_info.cache_clear()
    try:
        with pytest.raises(ModelMissingError, match="apertium-fra-cat, apertium-eng-cat"):
            apertium.load("ca")
    finally:
        apertium.route_info.cache_clear()
