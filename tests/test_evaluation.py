"""The Bleualign/Vecalign metric on small hand-made cases (counts checked by hand)."""

import pytest

from align.errors import InputError
from bench.scoring import Counts, format_link, parse_links, score_document, score_set


def test_parse_links_reads_gold_format_including_null_links() -> None:
    assert parse_links("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n\n") == [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), ())]
    assert format_link((1, 2), (3,)) == "[1, 2]:[3]" and format_link((), (4,)) == "[]:[4]"


def test_parse_links_names_the_bad_line() -> None:
    with pytest.raises(InputError, match="line 2"):
        parse_links("[0]:[0]\n0 -> 1\n", "gold.txt")


def test_perfect_prediction_scores_one() -> None:
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    scores = score_document(gold, gold).scores()
    assert scores["strict_f1"] == 1.0 and scores["lax_f1"] == 1.0


def test_split_prediction_of_a_merge_is_lax_but_not_strict() -> None:
    gold = [((0,), (0,)), ((1, 2), (1,))]
    predicted = [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    counts = score_document(gold, predicted)
    # precision: 3 predicted links; [0]:[0] strict; [1]:[1] lax only; [2]:[] neither (a null link has no pair)
    assert (counts.precision_total, counts.precision_strict, counts.precision_lax) == (3, 1, 2)
    # recall: 2 gold links against the non-null predictions; [1,2]:[1] is lax-hit through the pair (1, 1)
    assert (counts.recall_total, counts.recall_strict, counts.recall_lax) == (2, 1, 2)
    scores = counts.scores()
    assert scores["strict_precision"] == pytest.approx(1 / 3)
    assert scores["strict_recall"] == pytest.approx(1 / 2)
    assert scores["strict_f1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert scores["lax_precision"] == pytest.approx(2 / 3) and scores["lax_recall"] == 1.0


def test_null_links_count_for_precision_but_not_recall() -> None:
    gold = [((0,), (0,)), ((1,), ()), ((), (1,))]
    predicted = [((0,), (0,)), ((1,), ()), ((), (1,))]
    counts = score_document(gold, predicted)
    assert (counts.precision_total, counts.precision_strict) == (3, 3)
    assert (counts.recall_total, counts.recall_strict) == (1, 1)
    wrong_nulls = score_document(gold, [((0,), (0,)), ((1,), (1,))])
    assert (wrong_nulls.precision_total, wrong_nulls.precision_strict, wrong_nulls.precision_lax) == (2, 1, 1)
    assert (wrong_nulls.recall_total, wrong_nulls.recall_strict) == (1, 1)


def test_links_empty_on_both_sides_are_ignored_and_order_inside_a_link_does_not_matter() -> None:
    gold = [((1, 0), (0,))]
    counts = score_document(gold, [((), ()), ((0, 1), (0,))])
    assert (counts.precision_total, counts.precision_strict) == (1, 1)


def test_counts_are_summed_over_documents_before_f1() -> None:
    doc_a = ([((0,), (0,))], [((0,), (0,))])
    doc_b = ([((0,), (0,)), ((1,), (1,)), ((2,), (2,))], [((0, 1, 2), (0, 1, 2))])
    scores = score_set([doc_a, doc_b])
    # precision: 2 predicted links, 1 strict hit; recall: 4 gold links, 1 strict hit
    assert scores["strict_precision"] == pytest.approx(1 / 2)
    assert scores["strict_recall"] == pytest.approx(1 / 4)
    assert scores["lax_precision"] == 1.0 and scores["lax_recall"] == 1.0
    assert (Counts(1, 1, 1, 1, 1, 1) + Counts(2, 0, 1, 3, 0, 2)).astuple() == (3, 1, 2, 4, 1, 3)


def test_bench_align_says_clearly_when_the_benchmark_folder_is_missing(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "align", "bench", "align", "--bench-dir", str(tmp_path / "nowhere")],
                            capture_output=True, text=True, cwd=root, timeout=120)
    assert result.returncode == 2
    assert "benchmark folder not found" in result.stderr and str(tmp_path / "nowhere") in result.stderr
