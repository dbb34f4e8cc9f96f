"""Machine translation: the real argostranslate/CTranslate2 path on the STAND-IN package (random weights,
so only the plumbing is asserted), the real Apertium output, the glossary constraint, the cache."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from align.errors import ModelMissingError
from align.mt import apertium
from align.mt.argos import ArgosEngine
from align.mt.cache import TranslationCache
from align.mt.constraints import NO_FIXES
from align.mt.engines import resolve_engine
from align.mt.packages import install_package_file
from align.mt.translate import translate_segments
from align.terms.glossary import COLUMNS, load_glossary
from bench.standin import build_standin_package

ROOT = Path(__file__).resolve().parent.parent
SEED = "La lutte contre la traite des personnes nécessite une coalition solide de partenaires locaux et mondiaux."
SEGMENTS = [
    SEED,
    "• Protéger les victimes et poursuivre les trafiquants.",
    "1. Renforcer la coopération internationale.",
    "« Il faut que cela change. »",
    "Le travail forcé touche des millions de personnes.",
    "Mexico, 24 octobre 2023",
    "Cet effort renouvelé symbolise une alliance régionale.",
]
needs_apertium = pytest.mark.skipif(apertium.apertium_info() is None, reason="Apertium fr-es/spa-eng not installed")


@pytest.fixture(scope="session")
def standin_file(tmp_path_factory) -> Path:
    return build_standin_package(tmp_path_factory.mktemp("standin"))


@pytest.fixture(scope="session")
def standin_packages(tmp_path_factory, standin_file) -> Path:
    folder = tmp_path_factory.mktemp("argos-packages")
    install_package_file(standin_file, folder)
    return folder


@pytest.fixture()
def argos(monkeypatch, standin_packages) -> Path:
    """The stand-in installed in a temporary ARGOS_PACKAGES_DIR (never the user's)."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(standin_packages))
    return standin_packages


@pytest.fixture()
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"network access attempted during translation: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert attempts == []


@pytest.fixture(scope="session")
def glossary_path(tmp_path_factory) -> Path:
    rows = [
        ("tip", "fr", "traite des personnes", "preferred"),
        ("tip", "fr", "traite des êtres humains", "admitted"),
        ("tip", "fr", "trafic d'êtres humains", "forbidden"),
        ("tip", "en", "trafficking in persons", "preferred"),
        ("tip", "en", "human trafficking", "admitted"),
        ("forced-labour", "fr", "travail forcé", "preferred"),
        ("forced-labour", "en", "forced labour", "preferred"),
    ]
    frame = pl.DataFrame([{"concept": c, "subject": "trafficking", "lang": lang, "term": term, "status": status, "type": "term",
                           "note": "", "definition": "", "source": "test"} for c, lang, term, status in rows]).select(COLUMNS)
    path = tmp_path_factory.mktemp("glossary") / "glossary.csv"
    frame.write_csv(path)
    return path


@pytest.fixture(scope="session")
def glossary(glossary_path):
    return load_glossary(glossary_path)


class CallCounter:
    """Counts calls to an engine's translate() and the texts it was given, then calls the real method."""

    def __init__(self, monkeypatch, cls) -> None:
        self.calls: list[list[str]] = []
        original = cls.translate

        def counting(engine, texts):
            self.calls.append(list(texts))
            return original(engine, texts)

        monkeypatch.setattr(cls, "translate", counting)

    @property
    def texts(self) -> int:
        return sum(map(len, self.calls))


# --- argos on the stand-in package --------------------------------------------------------------


def test_auto_picks_argos_when_a_package_is_installed(argos) -> None:
    assert resolve_engine("auto") == "argos"


def test_argos_translates_every_segment_in_order_offline(argos, no_network, tmp_path) -> None:
    results = translate_segments(SEGMENTS, "argos", cache=False)
    assert len(results) == len(SEGMENTS)
    assert all(result.text for result in results)
    assert all("argos translate-fr_en-standin" in result.engine and "STAND-IN" in result.engine for result in results)
    # order: translating the segments in reverse order gives the same translation for each segment
    reverse = translate_segments(SEGMENTS[::-1], "argos", cache=False)
    assert [result.text for result in reverse[::-1]] == [result.text for result in results]


def test_argos_batches_segments_through_one_translator(argos, monkeypatch) -> None:
    counter = CallCounter(monkeypatch, ArgosEngine)
    batch_sizes = []
    original = ArgosEngine.translate_tokens

    def spy(engine, tokens):
        batch_sizes.append(len(tokens))
        return original(engine, tokens)

    monkeypatch.setattr(ArgosEngine, "translate_tokens", spy)
    translate_segments(SEGMENTS, "argos", cache=False)
    assert len(counter.calls) == 1 and batch_sizes == [len(SEGMENTS)]


def test_argos_is_not_split_into_sentences(argos) -> None:
    two_sentences = "Il faut que cela change. Nous devons investir bien davantage."
    results = translate_segments([two_sentences, "Il faut que cela change."], "argos", cache=False)
    assert len(results) == 2 and results[0].text != results[1].text


def test_argos_keeps_bullets_numbers_and_quotes(argos) -> None:
    results = translate_segments(SEGMENTS, "argos", cache=False)
    assert results[1].text.startswith("• ")
    assert results[2].text.startswith("1. ")
    assert results[3].text.startswith("« ") and results[3].text.endswith(" »")


def test_argos_renders_glossary_terms_from_the_glossary(argos, no_network, glossary) -> None:
    result = translate_segments([SEED], "argos", glossary=glossary, cache=False)[0]
    assert "trafficking in persons" in result.text
    [term] = result.constrained
    assert (term.concept, term.rendering) == ("tip", "trafficking in persons")
    assert SEED[term.start:term.end] == "traite des personnes"
    assert result.text[term.mt_start:term.mt_end] == "trafficking in persons"


def test_argos_constrained_spans_point_at_the_renderings(argos, glossary) -> None:
    segment = "• Le travail forcé et la traite des personnes sont des crimes, dit-il."
    result = translate_segments([segment], "argos", glossary=glossary, cache=False)[0]
    assert result.text.startswith("• ")
    assert [(segment[t.start:t.end], result.text[t.mt_start:t.mt_end]) for t in result.constrained] == [
        ("travail forcé", "forced labour"), ("traite des personnes", "trafficking in persons")]


def test_argos_cache_rerun_translates_nothing(argos, monkeypatch, tmp_path, glossary) -> None:
    counter = CallCounter(monkeypatch, ArgosEngine)
    first = translate_segments(SEGMENTS, "argos", glossary=glossary, cache=tmp_path / "cache")
    assert counter.texts > 0
    counter.calls.clear()
    again = translate_segments(SEGMENTS, "argos", glossary=glossary, cache=TranslationCache(tmp_path / "cache"))
    assert counter.calls == []
    assert again == first


def test_cache_keeps_committed_batches_when_a_run_dies(argos, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(ArgosEngine, "chunk_size", 2)
    original = ArgosEngine.translate
    calls = []

    def dies_on_third_batch(engine, texts):
        calls.append(texts)
        if len(calls) == 3:
            raise KeyboardInterrupt  # what a Ctrl-C mid-run raises
        return original(engine, texts)

    monkeypatch.setattr(ArgosEngine, "translate", dies_on_third_batch)
    with pytest.raises(KeyboardInterrupt):
        translate_segments(SEGMENTS, "argos", cache=tmp_path)
    with sqlite3.connect(tmp_path / "translations.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM translations").fetchone() == (4,)
    monkeypatch.setattr(ArgosEngine, "translate", original)
    counter = CallCounter(monkeypatch, ArgosEngine)
    results = translate_segments(SEGMENTS, "argos", cache=tmp_path)
    assert len(results) == len(SEGMENTS) and counter.texts == len(SEGMENTS) - 4


KILLED_CHILD = """
import sys, time
from align.mt import argos
from align.mt.translate import translate_segments
original = argos.ArgosEngine.translate
calls = []
def translate(engine, texts):
    calls.append(texts)
    if len(calls) == 3:
        print("third batch", flush=True)
        time.sleep(600)
    return original(engine, texts)
argos.ArgosEngine.translate = translate
argos.ArgosEngine.chunk_size = 2
translate_segments(sys.argv[2:], "argos", cache=sys.argv[1])
"""


def test_cache_survives_a_killed_process(argos, monkeypatch, tmp_path) -> None:
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(tmp_path), *SEGMENTS], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline() == "third batch\n"
    finally:
        child.kill()
        child.wait(timeout=60)
    with sqlite3.connect(tmp_path / "translations.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM translations").fetchone() == (4,)
    counter = CallCounter(monkeypatch, ArgosEngine)
    assert len(translate_segments(SEGMENTS, "argos", cache=tmp_path)) == len(SEGMENTS)
    assert counter.texts == len(SEGMENTS) - 4


def test_explicit_argos_without_package_is_a_clear_error(no_argos) -> None:
    with pytest.raises(ModelMissingError, match="models install"):
        translate_segments(["Bonjour."], "argos", cache=False)


# --- Apertium --------------------------------------------------------------------------------


@needs_apertium
def test_auto_falls_back_to_apertium_without_argos(no_argos) -> None:
    assert resolve_engine("auto") == "apertium"


@needs_apertium
def test_apertium_renders_glossary_terms(no_argos, glossary) -> None:
    unconstrained = translate_segments([SEED], "apertium", cache=False, lexicon=False, options=NO_FIXES)[0]
    assert "treats it people" in unconstrained.text  # what Apertium alone makes of the term (without the wrong-sense post-edit too)
    result = translate_segments([SEED], "apertium", glossary=glossary, cache=False)[0]
    assert "trafficking in persons" in result.text and "treats" not in result.text
    assert result.text.startswith("The fight against")
    [term] = result.constrained
    assert result.text[term.mt_start:term.mt_end] == "trafficking in persons"
    assert "rule-based, rough" in result.engine


@needs_apertium
def test_apertium_admitted_terms_are_constrained_forbidden_are_not(no_argos, glossary) -> None:
    admitted, forbidden = translate_segments(
        ["La traite des êtres humains et le travail forcé sont des crimes.", "Le trafic d'êtres humains est un crime."],
        "apertium", glossary=glossary, cache=False,
    )
    assert [term.rendering for term in admitted.constrained] == ["trafficking in persons", "forced labour"]
    assert "trafficking in persons" in admitted.text and "forced labour" in admitted.text
    assert forbidden.constrained == ()


@needs_apertium
def test_acronyms_and_short_forms_keep_their_form_in_english(no_argos) -> None:
    project_glossary = load_glossary()
    [result] = translate_segments(
        ["La relance de ce Groupe de travail trilatéral fait suite aux Sommets des leaders nord-américains (SLNA)."],
        "apertium", glossary=project_glossary, cache=False,
    )
    assert [term.rendering for term in result.constrained] == ["Trilateral Working Group", "North American Leaders' Summit", "NALS"]
    assert "(NALS)" in result.text and "Trilateral Working Group on" not in result.text


@needs_apertium
def test_apertium_unknown_words_are_removed_from_text_and_recorded(no_argos) -> None:
    [result] = translate_segments(["Le Zorglubbe protège les victimes."], "apertium", cache=False)
    assert "Zorglubbe" in result.unknown_words
    assert "*" not in result.text and "#" not in result.text and "@" not in result.text
    assert "Zorglubbe" in result.text


@needs_apertium
def test_apertium_runs_one_process_per_stage_for_the_whole_batch(no_argos, monkeypatch) -> None:
    commands = []
    original = subprocess.run

    def spy(command, *args, **kwargs):
        commands.append(command)
        return original(command, *args, **kwargs)

    monkeypatch.setattr(apertium.subprocess, "run", spy)
    results = translate_segments(SEGMENTS * 3, "apertium", cache=False)
    assert len(results) == len(SEGMENTS) * 3
    assert [command[1:] for command in commands if "apertium" in command[0]] == [["fr-es"], ["spa-eng"]]
    assert results[1].text.startswith("• ") and results[2].text.startswith("1. ") and results[3].text.startswith("« ")


@needs_apertium
def test_cache_key_includes_the_engine(argos, tmp_path, monkeypatch) -> None:
    cache = TranslationCache(tmp_path)
    neural = translate_segments([SEED], "argos", cache=cache)[0]
    rule_based = translate_segments([SEED], "apertium", cache=cache)[0]
    assert neural.text != rule_based.text and "apertium" in rule_based.engine
    assert len(cache) == 2


def test_none_engine_gives_empty_translations() -> None:
    results = translate_segments(SEGMENTS, "none")
    assert [result.text for result in results] == [""] * len(SEGMENTS)
    assert {result.engine for result in results} == {"none"}


# --- CLI ---------------------------------------------------------------------------------------


def _run_cli(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "ALIGN_CACHE_DIR": str(tmp_path / "cache"), **env})


@pytest.mark.parametrize("engine", ["argos", "apertium"])
def test_run_writes_mt_engine_column_with_glossary_rendering(tmp_path, standin_packages, glossary_path, engine) -> None:
    if engine == "apertium" and apertium.apertium_info() is None:
        pytest.skip("Apertium not installed")
    french = tmp_path / "communique.txt"
    french.write_text(SEED + "\n• Protéger les victimes.\n", encoding="utf-8")
    packages = standin_packages if engine == "argos" else tmp_path / "no-packages"
    result = _run_cli(tmp_path, {"ARGOS_PACKAGES_DIR": str(packages)}, "run", str(french), "--out", str(tmp_path / "out"),
                      "--glossary", str(glossary_path), "--cache", str(tmp_path / "mt-cache"))
    assert result.returncode == 0, result.stderr
    alignment = pl.read_csv(tmp_path / "out" / "communique" / "alignment.csv", infer_schema=False)
    assert alignment.columns[8] == "mt_engine"  # columns added later (the reviewer's comment) follow it
    label = "STAND-IN" if engine == "argos" else "rule-based, rough"
    assert all(label in value for value in alignment["mt_engine"].to_list())
    assert "trafficking in persons" in alignment["mt"][0]
    assert alignment["mt"][1].startswith("• ")
    assert (tmp_path / "mt-cache" / "translations.sqlite").exists()


@needs_apertium
def test_a_segment_is_translated_the_same_whatever_segment_came_before_it_in_the_batch(tmp_path) -> None:
    # a heading without a final full stop used to make Apertium read the next segment as the middle of its sentence
    # (« Dévoilement du rapport » → "Dévoilement of …" after it, "Dévoilement Of …" alone); with the cache that made a
    # document's MT depend on which document had first sent the segment (a 2-worker corpus run differed from a 1-worker one)
    segment = "Dévoilement du rapport 2014 sur le progrès du Plan d’action national de lutte contre la traite de personnes"
    alone = translate_segments([segment], "apertium", cache=False)[0].text
    after_heading = translate_segments(["Un titre sans point final", segment], "apertium", cache=False)[1].text
    after_sentence = translate_segments(["Une phrase.", segment], "apertium", cache=False)[1].text
    assert alone == after_heading == after_sentence
    first_run = translate_segments(["Un titre sans point final", segment], "apertium", cache=tmp_path)[1].text
    assert translate_segments([segment], "apertium", cache=tmp_path)[0].text == first_run == alone
