"""What the layout promises a user: one list of checks everywhere, one error contract, settings honoured by every entry point."""

import os
import stat
import subprocess
import sys

import pytest

from align.checks import CHECKS, KINDS
from align.io import corpus
from align.pipeline import RunOptions, run_document
from align.review.state import Review
from align.terms.glossary import load_glossary
from tests.conftest import ROOT, TEXTS, write_glossary

UN = "un-sg-world-day-2023"  # its English runs two sentences together ("abuse.Yet")


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return load_glossary(write_glossary(tmp_path_factory.mktemp("glossary") / "glossary.csv",
                                        [("trafficking in persons", "fr", "traite des personnes", "preferred"),
                                         ("trafficking in persons", "en", "trafficking in persons", "preferred")]))


def test_every_flag_kind_of_the_contract_has_a_registered_check() -> None:
    assert set(KINDS) >= {"term-garbled", "forbidden-term", "term-missing", "term-inconsistent", "number-mismatch", "date-mismatch",
                          "acronym-mismatch", "omission", "addition", "untranslated", "typography", "boilerplate"}
    assert len({check.name for check in CHECKS}) == len(CHECKS)


def test_a_recheck_in_the_review_keeps_the_pipelines_document_level_flags(glossary, tmp_path) -> None:
    result = run_document(corpus.open_document(UN, TEXTS), glossary, RunOptions(mt_engine="none"))
    typography = [flag for flag in result.flags if flag.kind == "typography"]
    assert [flag.text for flag in typography] == ["abuse."]
    review = Review(result, glossary, folder=tmp_path)
    review.recheck(glossary)
    assert [flag.text for flag in review.flag_list() if flag.kind == "typography"] == ["abuse."]


def test_an_engine_failure_is_one_line_and_exit_1_not_a_traceback(tmp_path) -> None:
    broken = tmp_path / "bin" / "apertium"
    broken.parent.mkdir()
    broken.write_text("#!/bin/sh\n[ \"$1\" = -l ] && { echo fr-es; echo spa-eng; exit 0; }\necho 'apertium: mode file is corrupt' >&2\nexit 3\n")
    broken.chmod(broken.stat().st_mode | stat.S_IEXEC)
    result = run_cli("run", "texts/fr/un-sg-world-day-2023.txt", "--out", str(tmp_path / "out"), "--mt-engine", "apertium",
                     "--cache", str(tmp_path / "cache"), env={"PATH": f"{broken.parent}{os.pathsep}{os.environ['PATH']}"})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == ["error: apertium fr-es failed: apertium: mode file is corrupt"]


def test_the_cli_honours_the_glossary_variable(tmp_path) -> None:
    result = run_cli("glossary", "validate", env={"ALIGN_GLOSSARY": str(tmp_path / "missing.csv")})
    assert result.returncode == 2 and "missing.csv" in result.stderr


def test_align_warns_when_a_file_is_not_in_the_language_given(tmp_path) -> None:
    english = (TEXTS / "en" / f"{UN}.txt").read_text(encoding="utf-8")
    source, target = tmp_path / "src.txt", tmp_path / "tgt.txt"
    source.write_text(english, encoding="utf-8")
    target.write_text(english, encoding="utf-8")
    result = run_cli("align", str(source), str(target), "--src-lang", "fr", "--tgt-lang", "en", "--cache", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert "src.txt reads as 'en', not 'fr'" in result.stderr and "tgt.txt" not in result.stderr
