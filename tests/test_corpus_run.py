"""Whole-corpus runs (align/runner): the same outputs on every engine, re-runs that skip what is unchanged, failures reported."""

import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from align.export import EXPORTERS, ExportOptions
from align.pipeline import RunOptions
from align.runner import document_sources, run_corpus
from tests.conftest import ROOT, TEXTS

GLOSSARY = ROOT / "glossary" / "glossary.csv"
CREATED = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a run wrote per document (the summary's timings left out), by relative path."""
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and path.parent != out and path.parent.name != ".glossaries" and not path.name.endswith(".bak")}


def corpus(out: Path, engine: str = "local", workers: int = 1, texts: Path = TEXTS, glossary: Path = GLOSSARY, cache=None):
    options = RunOptions(cache=str(cache) if cache else None)
    return run_corpus(document_sources([texts]), out, glossary, options, ExportOptions(tmx_created=CREATED), engine=engine, workers=workers)


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("local1")
    return corpus(out), out


def test_local_run_writes_outputs_manifest_and_summary(local_run) -> None:
    report, out = local_run
    assert [o.status for o in report.outcomes] == ["ok", "ok", "ok"], [o.message for o in report.outcomes]
    summary = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert summary[0] == "document,status,links,needs_review,errors,warnings,info,seconds,attempts,message"
    assert summary[1].startswith("trilateral-working-group-2023,ok,")
    for outcome in report.outcomes:
        folder = out / outcome.name
        assert {"alignment.csv", "flags.csv", "aligned.tmx", ".inputs.json"} <= {path.name for path in folder.iterdir()}
        manifest = json.loads((folder / ".inputs.json").read_text())
        assert manifest["inputs"]["fr_sha256"] and manifest["outcome"]["links"] == outcome.links > 5


def test_two_local_workers_write_the_same_bytes(local_run, tmp_path) -> None:
    _, local_out = local_run
    pool = corpus(tmp_path / "pool", "local", 2)
    assert [o.status for o in pool.outcomes] == ["ok", "ok", "ok"], [o.message for o in pool.outcomes]
    # which worker takes which document depends on which finishes loading its models first (one may take all three):
    # the outputs must be the same bytes either way
    assert all(o.worker for o in pool.outcomes)
    assert outputs(tmp_path / "pool") == outputs(local_out)


def test_ray_writes_the_same_bytes_as_local(local_run, tmp_path) -> None:
    """The TMX creation date is fixed for the comparison (one date per run; SOURCE_DATE_EPOCH fixes it from the CLI)."""
    pytest.importorskip("ray")
    os.environ.pop("RAY_ADDRESS", None)  # a local Ray instance (2 CPUs, no dashboard, small object store), never a cluster
    _, local_out = local_run
    expected = outputs(local_out)
    assert len(expected) == 3 * (len([e for e in EXPORTERS if e.wanted(ExportOptions())]) + 1)  # every output and the manifest
    distributed = corpus(tmp_path / "ray", "ray", 2)
    assert [o.status for o in distributed.outcomes] == ["ok", "ok", "ok"], [o.message for o in distributed.outcomes]
    assert outputs(tmp_path / "ray") == expected


def test_rerun_skips_unchanged_documents_and_reruns_changed_inputs(tmp_path) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(TEXTS, texts)
    glossary = shutil.copy(GLOSSARY, tmp_path / "glossary.csv")
    out = tmp_path / "out"
    assert {o.status for o in corpus(out, texts=texts, glossary=glossary).outcomes} == {"ok"}
    tmx = out / "un-sg-world-day-2023" / "aligned.tmx"
    written = tmx.stat().st_mtime_ns

    again = corpus(out, texts=texts, glossary=glossary)
    assert [o.status for o in again.outcomes] == ["unchanged"] * 3
    assert again.outcomes[1].links > 5 and tmx.stat().st_mtime_ns == written
    assert "unchanged" in (out / "summary.csv").read_text()

    french = texts / "fr" / "un-sg-world-day-2023.txt"
    french.write_text(french.read_text(encoding="utf-8") + "\nLa traite des personnes est un crime.\n", encoding="utf-8")
    assert [o.status for o in corpus(out, texts=texts, glossary=glossary).outcomes] == ["unchanged", "ok", "unchanged"]

    with open(glossary, "a", encoding="utf-8") as handle:  # a change to « traite des personnes », in every document, re-runs them all
        handle.write("trafficking-in-persons,crime,fr,traite des gens,forbidden,term,,,\n")
    assert [o.status for o in corpus(out, texts=texts, glossary=glossary).outcomes] == ["ok"] * 3

    settings_changed = run_corpus(document_sources([texts]), out, glossary, RunOptions(mt_engine="none"), ExportOptions(tmx_created=CREATED))
    assert [o.status for o in settings_changed.outcomes] == ["ok"] * 3


def without_manifests(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.endswith(".inputs.json")}


def test_glossary_change_reruns_exactly_the_documents_it_touches(tmp_path) -> None:
    """Removing the concept « Groupe de travail trilatéral » re-runs only the document that names it; the others are skipped and their
    outputs are byte for byte those of a full run with the new glossary. A new concept no document holds re-runs nothing."""
    glossary = shutil.copy(GLOSSARY, tmp_path / "glossary.csv")
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = corpus(out, glossary=glossary, cache=cache)
    assert [o.status for o in first.outcomes] == ["ok"] * 3
    before = outputs(out)

    rows = Path(glossary).read_text(encoding="utf-8").splitlines(keepends=True)
    Path(glossary).write_text("".join(row for row in rows if not row.startswith("trilateral-working-group,")), encoding="utf-8")
    rerun = corpus(out, glossary=glossary, cache=cache)
    assert {o.name: o.status for o in rerun.outcomes} == {
        "trilateral-working-group-2023": "ok", "un-sg-world-day-2023": "unchanged", "us-state-dept-tip-prevention-month-2024": "unchanged"}
    fresh = tmp_path / "fresh"
    assert {o.status for o in corpus(fresh, glossary=glossary, cache=cache).outcomes} == {"ok"}
    assert without_manifests(outputs(out)) == without_manifests(outputs(fresh))
    assert outputs(out)["trilateral-working-group-2023/flags.csv"] != before["trilateral-working-group-2023/flags.csv"]  # the change mattered

    with open(glossary, "a", encoding="utf-8") as handle:
        handle.write("quantum-xylophone,event,fr,xylophone quantique,preferred,term,,,\nquantum-xylophone,event,en,quantum xylophone,preferred,term,,,\n")
    assert [o.status for o in corpus(out, glossary=glossary, cache=cache).outcomes] == ["unchanged"] * 3

    rows = Path(glossary).read_text(encoding="utf-8").splitlines(keepends=True)  # unchanged concepts in another order: everything re-runs
    Path(glossary).write_text(rows[0] + "".join(reversed(rows[1:])), encoding="utf-8")
    assert [o.status for o in corpus(out, glossary=glossary, cache=cache).outcomes] == ["ok"] * 3


def test_a_misspelt_single_term_counts_as_touching_the_concept() -> None:
    """« trafiqants » shares no word form with « trafiquant », yet the near-miss matcher flags it: a change to that concept re-runs the document."""
    from align.model import Document, DocumentResult
    from align.runner.glossary_changes import concept_forms, document_vocabulary, touches
    from align.terms.glossary import load_glossary
    from align.terms.nearmiss import find_garbled
    from align.text.segmentation import segment_text

    glossary = load_glossary(GLOSSARY)
    text = "Les trafiqants ont été arrêtés hier."
    concept = next(entry.concept for entry in glossary.entries("fr") if entry.term == "trafiquant")
    assert [garble.suggestions for garble in find_garbled(text, "fr", glossary)] == [("trafiquant",)]
    vocabulary = document_vocabulary(DocumentResult(Document("d", text), segment_text(text, "fr"), [], [], [], [], []))
    forms = concept_forms(glossary, {concept})
    assert not any(all(word & set(vocabulary["keys"].split()) for word in entry) for entry in forms.entries)
    assert touches(forms, vocabulary)
    other = next(entry.concept for entry in glossary.entries("en") if entry.term == "T visa")
    assert not touches(concept_forms(glossary, {other}), vocabulary)


def test_failed_document_is_retried_once_then_reported_while_the_rest_go_on(tmp_path) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(TEXTS, texts)
    (texts / "fr" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    out.mkdir()
    (out / "un-sg-world-day-2023").write_text("a file where the document's output folder goes")
    report = corpus(out, texts=texts)
    by_name = {o.name: o for o in report.outcomes}
    assert by_name["un-sg-world-day-2023"].status == "failed" and by_name["un-sg-world-day-2023"].attempts == 2
    assert "un-sg-world-day-2023" in by_name["un-sg-world-day-2023"].message
    assert by_name["empty"].status == "skipped" and "empty" in by_name["empty"].message
    assert by_name["trilateral-working-group-2023"].status == by_name["us-state-dept-tip-prevention-month-2024"].status == "ok"
    rows = (out / "summary.csv").read_text().splitlines()
    assert any(row.startswith("un-sg-world-day-2023,failed,") for row in rows)


def test_run_killed_with_sigkill_resumes_where_it_stopped(tmp_path) -> None:
    texts = tmp_path / "texts"
    for side in ("fr", "en"):
        (texts / side).mkdir(parents=True)
    for copy in range(2):  # six documents, so the kill lands in the middle of the run
        for source in (TEXTS / "fr").iterdir():
            shutil.copy(source, texts / "fr" / f"{copy}-{source.name}")
        for source in (TEXTS / "en").iterdir():
            shutil.copy(source, texts / "en" / f"{copy}-{source.name}")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "align", "run", str(texts), "--out", str(out), "--engine", "local", "--mt-engine", "none"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while len(list(out.glob("*/.inputs.json"))) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = {path.parent.name for path in out.glob("*/.inputs.json")}
    assert 2 <= len(finished) < 6, "the kill did not land in the middle of the run"
    # the summary is rewritten as documents finish: it lists what finished (all but at most the one whose row was being written)
    rows = [line.split(",") for line in (out / "summary.csv").read_text().splitlines()]
    assert rows[0][:2] == ["document", "status"]
    assert {row[0] for row in rows[1:]} <= finished and len(rows) - 1 >= len(finished) - 1
    for row in rows[1:]:
        recorded = json.loads((out / row[0] / ".inputs.json").read_text())["outcome"]
        assert row[1] == "ok" and int(row[2]) == recorded["links"] > 5 and int(row[4]) == recorded["errors"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    summary = {line.split(",")[0]: line.split(",")[1] for line in (out / "summary.csv").read_text().splitlines()[1:]}
    assert len(summary) == 6
    assert {name for name, status in summary.items() if status == "unchanged"} == finished
    assert set(summary.values()) <= {"ok", "unchanged"}


def _write_cache_entries(folder: str, worker: int, rounds: int) -> None:
    from align.aligner.embedding import EmbeddingCache
    from align.mt.cache import TranslationCache

    translations, vectors = TranslationCache(folder), EmbeddingCache(folder)
    for round_ in range(rounds):
        texts = [f"phrase {worker}-{round_}-{i}" for i in range(20)]
        translations.put_many("engine", [(text, text.upper(), ()) for text in texts])
        vectors.put("model", texts, np.full((20, 8), worker, dtype=np.float32))


def test_two_processes_write_the_same_caches_without_loss(tmp_path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_cache_entries, args=(str(tmp_path), worker, 150)) for worker in range(2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
    assert [process.exitcode for process in workers] == [0, 0]
    for name, table, expected in (("translations.sqlite", "translations", 6000), ("embeddings.sqlite", "vectors", 6000)):
        with sqlite3.connect(tmp_path / name) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == expected


def test_a_first_letter_slip_of_a_changed_term_touches_the_document() -> None:
    # the near-miss matcher reports « ictimes » and « usrvivants » as garbled terms, so a document holding them must be
    # re-run when « victimes » or « survivants » changes in the glossary
    from align.runner.glossary_changes import ConceptForms, touches

    forms = ConceptForms((), ("victimes", "survivants"))
    assert touches(forms, {"keys": "", "words": "les ictimes"})
    assert touches(forms, {"keys": "", "words": "des usrvivants"})
    assert not touches(forms, {"keys": "", "words": "maison travail"})
