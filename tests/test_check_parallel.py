"""`check --workers N`: a large TMX checked on several processes gives the flags.csv one process gives, byte for byte."""

from pathlib import Path

import pytest

from align.checks import parallel
from align.cli import main
from bench.check_speed import build_tmx, corpus_pairs


@pytest.fixture(scope="module")
def tmx(tmp_path_factory) -> Path:
    """600 units of real corpus sentence pairs (French and English of the same documents, paired by position)."""
    path = tmp_path_factory.mktemp("tmx") / "corpus.tmx"
    path.write_bytes(build_tmx(corpus_pairs(), 600))
    return path


def test_three_processes_give_the_flags_of_one(tmx, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(parallel, "MIN_UNITS_PER_PROCESS", 150)  # (parts of 200 units: the real threshold would keep 600 in one process)
    assert main(["check", str(tmx), "--out", str(tmp_path / "one"), "--workers", "1"]) == 0
    assert main(["check", str(tmx), "--out", str(tmp_path / "three"), "--workers", "3"]) == 0
    one, three = (tmp_path / "one" / "flags.csv").read_bytes(), (tmp_path / "three" / "flags.csv").read_bytes()
    assert one.count(b"\n") > 100  # real sentences misaligned by position: numbers, terms, lengths flagged all through
    assert three == one
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(" -> ")[0] == lines[1].split(" -> ")[0]  # the same counts printed


def test_a_file_too_small_for_two_parts_is_checked_in_this_process() -> None:
    assert parallel._parts(600, 2) == [(0, 600)]
    assert parallel._parts(4_000, 2) == [(0, 2_000), (2_000, 4_000)]
    assert parallel._parts(5_000, 8) == [(0, 2_500), (2_500, 5_000)]


def test_a_file_of_repeated_sentences_counts_its_repeats_as_less_work() -> None:
    """A repeated text is checked once per process: 15,000 units of 439 distinct pairs are not worth a second process's start-up."""
    assert parallel._parts(15_000, 2, distinct=439) == [(0, 15_000)]
    assert parallel._parts(15_000, 2, distinct=15_000) == [(0, 7_500), (7_500, 15_000)]
    assert len(parallel._parts(100_000, 2, distinct=439)) == 2


def test_check_uses_the_cores_by_default(tmx, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(parallel, "MIN_UNITS_PER_PROCESS", 150)
    monkeypatch.setenv("ALIGN_THREADS", "2")  # (the cores this process may use, whatever the machine running the test)
    used = []
    monkeypatch.setattr(parallel, "_parts", lambda count, processes, *more, parts=parallel._parts: used.append(processes) or parts(count, processes, *more))
    assert main(["check", str(tmx), "--out", str(tmp_path / "default")]) == 0
    assert used == [2]
    assert main(["check", str(tmx), "--out", str(tmp_path / "one"), "--workers", "1"]) == 0
    assert (tmp_path / "default" / "flags.csv").read_bytes() == (tmp_path / "one" / "flags.csv").read_bytes()


def test_a_file_kept_in_one_process_has_its_grammar_check_done_in_a_second(tmx, tmp_path, monkeypatch) -> None:
    """Too little work for two parts: the grammar check's work (Grammalecte, the English dictionaries) runs in a second process beside
    the other checks, and its flags land where one process puts them."""
    monkeypatch.setattr(parallel, "MIN_UNITS_GRAMMAR_APART", 100)
    apart = []
    monkeypatch.setattr(parallel, "_check_run_grammar_apart", lambda *args, run=parallel._check_run_grammar_apart: apart.append(args) or run(*args))
    assert main(["check", str(tmx), "--out", str(tmp_path / "one"), "--workers", "1"]) == 0
    assert main(["check", str(tmx), "--out", str(tmp_path / "two"), "--workers", "2"]) == 0
    assert len(apart) == 1
    one, two = (tmp_path / "one" / "flags.csv").read_bytes(), (tmp_path / "two" / "flags.csv").read_bytes()
    assert b",grammar," in one and b",spelling," in one  # (Grammalecte and Hunspell found something in these real sentences)
    assert two == one
