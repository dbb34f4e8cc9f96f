"""The CLI contract: files written per document, and clean exit-2 errors for bad input."""

import os
import subprocess
import sys

import polars as pl
import pytest
from lxml import etree

from tests.conftest import ROOT


def run_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run_cli("run", "texts", "--out", str(out))
    return result, out


def test_run_writes_three_files_per_document(corpus_run) -> None:
    result, out = corpus_run
    assert result.returncode == 0, result.stderr
    for name in ("trilateral-working-group-2023", "us-state-dept-tip-prevention-month-2024", "un-sg-world-day-2023"):
        alignment = pl.read_csv(out / name / "alignment.csv", infer_schema=False)
        assert alignment.columns[:8] == ["link", "fr_ids", "en_ids", "fr", "mt", "en", "score", "status"]
        assert alignment.height > 5
        assert set(alignment["status"].unique()) <= {"auto", "confirmed", "needs-review"}
        scores = alignment["score"].cast(pl.Float64)
        assert scores.min() >= 0 and scores.max() <= 1
        flags = pl.read_csv(out / name / "flags.csv", infer_schema=False)
        assert flags.columns[:9] == ["link", "side", "kind", "severity", "start", "end", "text", "message", "suggestion"]  # review columns follow
        assert (out / name / "qa-report.html").read_text(encoding="utf-8").count('<div class="issue ') == flags.height
        tmx = "aligned.tmx" if alignment["en"].fill_null("").str.len_chars().max() else "aligned-mt.tmx"  # MT has its own TMX
        tree = etree.parse(str(out / name / tmx), etree.XMLParser(resolve_entities=False, no_network=True))
        assert tree.getroot().get("version") == "1.4"
        assert len(tree.findall(".//tu")) > 5
        assert any(line.startswith(name + ":") for line in result.stdout.splitlines())


def test_document_without_official_english_still_gets_machine_translation(corpus_run) -> None:
    _, out = corpus_run
    alignment = pl.read_csv(out / "us-state-dept-tip-prevention-month-2024" / "alignment.csv", infer_schema=False)
    assert alignment["en"].fill_null("").str.len_chars().max() == 0
    assert alignment["mt"].fill_null("").str.len_chars().min() > 0


def test_boilerplate_is_reported_not_aligned(corpus_run) -> None:
    _, out = corpus_run
    alignment = pl.read_csv(out / "trilateral-working-group-2023" / "alignment.csv", infer_schema=False)
    assert not alignment["fr"].str.contains("Détails de la page").any()
    flags = pl.read_csv(out / "trilateral-working-group-2023" / "flags.csv", infer_schema=False)
    assert "Détails de la page" in flags.filter(pl.col("kind") == "boilerplate")["text"].to_list()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty"), (b"\x00\x01\x02\x03binary\x00\xff", "binary")],
)
def test_bad_input_exits_2_with_one_line(tmp_path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run_cli("run", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert problem in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_file_exits_2(tmp_path) -> None:
    result = run_cli("run", str(tmp_path / "absent.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_cp1252_file_is_read_correctly(tmp_path) -> None:
    path = tmp_path / "communique.txt"
    path.write_bytes("La lutte contre la traite des personnes nécessite une coalition solide.\n".encode("cp1252"))
    result = run_cli("run", str(path), "--out", str(tmp_path / "out"), "--mt-engine", "none")
    assert result.returncode == 0, result.stderr
    alignment = pl.read_csv(tmp_path / "out" / "communique" / "alignment.csv", infer_schema=False)
    assert alignment["fr"][0] == "La lutte contre la traite des personnes nécessite une coalition solide."


def test_source_date_epoch_fixes_the_tmx_date_of_a_plain_run(tmp_path) -> None:
    """Two runs of the same file give the same TMX when SOURCE_DATE_EPOCH is set, as a corpus run's do (reproducible outputs)."""
    path = tmp_path / "communique.txt"
    path.write_text("La lutte contre la traite des personnes nécessite une coalition solide.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "align", "run", str(path), "--out", str(tmp_path / "out"), "--mt-engine", "none"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600, env=os.environ | {"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    header = etree.parse(str(tmp_path / "out" / "communique" / "aligned-mt.tmx")).find("header")
    assert header.get("creationdate") == "20231114T221320Z"


def test_align_command_prints_gold_format_links(tmp_path) -> None:
    source = tmp_path / "src.fr"
    target = tmp_path / "tgt.en"
    source.write_text("La traite des personnes est un crime.\nLes victimes ont besoin de protection.\n", encoding="utf-8")
    target.write_text("Trafficking in persons is a crime.\nVictims need protection.\n", encoding="utf-8")
    result = run_cli("align", str(source), str(target), "--src-lang", "fr", "--tgt-lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[0]:[0]", "[1]:[1]"]
    assert "notice" not in result.stderr


def test_align_with_another_embedding_model_says_its_scores_are_not_calibrated(tmp_path) -> None:
    from align.aligner.embedding import ENGLISH_MODEL, resolve_model

    folder = str(resolve_model(ENGLISH_MODEL)[2])  # any local sentence-transformers folder stands for a user's LaBSE
    source = tmp_path / "src.fr"
    target = tmp_path / "tgt.en"
    source.write_text("La traite des personnes est un crime.\nLes victimes ont besoin de protection.\n", encoding="utf-8")
    target.write_text("Trafficking in persons is a crime.\nVictims need protection.\n", encoding="utf-8")
    result = run_cli("align", str(source), str(target), "--src-lang", "fr", "--tgt-lang", "en", "--embedding-model", folder, "--scores")
    assert result.returncode == 0, result.stderr
    assert "notice: link scores are calibrated for use-multilingual" in result.stderr
    assert folder in result.stderr
    assert len(result.stdout.splitlines()) >= 2


def test_wrongly_paired_english_is_warned_about_on_stderr(tmp_path) -> None:
    result = run_cli("run", "texts/fr/trilateral-working-group-2023.txt", "--en", "texts/en/un-sg-world-day-2023.txt",
                     "--out", str(tmp_path / "out"), "--mt-engine", "none")
    assert result.returncode == 0, result.stderr
    assert "warning: trilateral-working-group-2023: the English text does not look like a translation" in result.stderr
