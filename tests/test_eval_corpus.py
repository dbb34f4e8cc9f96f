"""eval/ is consistent as the benches read it: every annotation's quote is in its side's file at its occurrence
(checked on the files as written, without running the tool, so the held-out part is not touched by the pipeline)."""

import csv
import json
import unicodedata

from bench.splits import CORPUS_SPLITS, EVAL, HELD_OUT_SPLITS, SPLIT_CHOICES

KINDS = {"term-garbled", "forbidden-term", "concept-confusion", "term-missing", "term-inconsistent", "name-mismatch", "number-mismatch",
         "date-mismatch", "acronym-mismatch", "omission", "addition", "untranslated", "typography", "meaning"}


def test_rows_files_and_annotations_agree() -> None:
    with (EVAL / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert {row["split"] for row in rows.values()} <= set(CORPUS_SPLITS)
    for name, row in rows.items():
        assert (EVAL / "texts" / "fr" / f"{name}.txt").is_file(), name
        assert (EVAL / "texts" / "en" / f"{name}.txt").is_file() == (row["kind"] == "pair"), name
    records = [json.loads(line) for line in (EVAL / "annotations.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    keys = [(record["doc"], record["side"]) for record in records]
    assert keys == sorted(keys), "annotations.jsonl is sorted by document then side"
    for record in records:
        assert record["doc"] in rows and record["kind"] in KINDS and (record["kind"] != "meaning" or not record["checkable"]), record
        text = unicodedata.normalize("NFC", (EVAL / "texts" / record["side"] / f"{record['doc']}.txt").read_text(encoding="utf-8"))
        start = -1
        for _ in range(record["occurrence"]):
            start = text.find(unicodedata.normalize("NFC", record["quote"]), start + 1)
            assert start >= 0, f"{record['doc']} {record['side']}: {record['quote']!r} occurrence {record['occurrence']}"


def _fresh(part: str, min_pairs: int, min_french_only: int) -> None:
    """A held-out part built from publishers and pages the other parts do not have: no page, id or title is shared, its
    texts are whole lines (one paragraph or heading per line, nothing empty) and both sides of a pair exist. Read from
    documents.csv and the files as written: the tool never decodes these texts before the final measurement."""
    with (EVAL / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    held = [row for row in rows if row["split"] == part]
    earlier = [row for row in rows if row["split"] != part]
    assert sum(row["kind"] == "pair" for row in held) >= min_pairs and sum(row["kind"] == "fr-only" for row in held) >= min_french_only
    seen = {value for row in earlier for value in (row["url_fr"], row["url_en"], row["title_fr"], row["title_en"]) if value}
    assert not {row["id"] for row in held} & {row["id"] for row in earlier}
    for row in held:
        assert not {row["url_fr"], row["url_en"], row["title_fr"], row["title_en"]} & seen, row["id"]
        for side in ("fr", "en") if row["kind"] == "pair" else ("fr",):
            text = (EVAL / "texts" / side / f"{row['id']}.txt").read_text(encoding="utf-8")
            assert text.endswith("\n") and all(line.strip() == line and line for line in text[:-1].split("\n")), (row["id"], side)
        if row["kind"] == "fr-only":
            assert not (EVAL / "texts" / "en" / f"{row['id']}.txt").exists(), row["id"]


def test_the_second_held_out_part_is_fresh() -> None:
    _fresh("heldout2", min_pairs=10, min_french_only=1)


def test_the_third_held_out_part_is_fresh() -> None:
    """heldout3 (issue #14): at least 20 pairs and 5 French-only texts, none sharing a page or title with dev, test,
    heldout or heldout2; it is one of the held-out splits, so no bench reads it unless asked for it by name."""
    _fresh("heldout3", min_pairs=20, min_french_only=5)
    assert {"heldout", "heldout2", "heldout3"} <= set(HELD_OUT_SPLITS)


def test_the_fourth_held_out_part_is_fresh() -> None:
    """heldout4 (issue #14, after heldout3 was measured and tuned on): at least 20 pairs and 5 French-only texts, none sharing
    an id, page or title with dev, test, heldout, heldout2 or heldout3; held out like the others, so no bench reads it unless
    asked for it by name."""
    _fresh("heldout4", min_pairs=20, min_french_only=5)
    assert {"heldout", "heldout2", "heldout3", "heldout4"} <= set(HELD_OUT_SPLITS)


def test_the_fifth_held_out_part_is_fresh() -> None:
    """heldout5 (issue #14, after heldout4 was measured and tuned on): at least 20 pairs and 5 French-only texts, none sharing
    an id, page or title with dev, test, heldout, heldout2, heldout3 or heldout4; held out like the others, so no bench reads it
    unless asked for it by name, and `all` never does."""
    _fresh("heldout5", min_pairs=20, min_french_only=5)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5"} <= set(HELD_OUT_SPLITS)
    assert "heldout5" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout5"] == ("heldout5",)


def test_the_sixth_held_out_part_is_fresh() -> None:
    """heldout6 (issue #14, after heldout5 was measured and tuned on): at least 20 pairs and 5 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout5; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout6", min_pairs=20, min_french_only=5)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"} <= set(HELD_OUT_SPLITS)
    assert "heldout6" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout6"] == ("heldout6",)


def test_the_seventh_held_out_part_is_fresh() -> None:
    """heldout7 (issue #14, after heldout6 was measured and tuned on): at least 15 pairs and 5 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout6; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout7", min_pairs=15, min_french_only=5)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"} <= set(HELD_OUT_SPLITS)
    assert "heldout7" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout7"] == ("heldout7",)


def test_the_eighth_held_out_part_is_fresh() -> None:
    """heldout8 (issue #14, after heldout7 was measured and tuned on): at least 15 pairs and 5 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout7; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout8", min_pairs=15, min_french_only=5)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"} <= set(HELD_OUT_SPLITS)
    assert "heldout8" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout8"] == ("heldout8",)


def test_the_ninth_held_out_part_is_fresh() -> None:
    """heldout9 (issue #14, after heldout8 was measured and tuned on): 16 pairs and 8 French-only texts, none sharing an id, page
    or title with dev, test or heldout to heldout8; held out like the others, so no bench reads it unless asked for it by
    name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout9", min_pairs=16, min_french_only=8)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
            "heldout9"} <= set(HELD_OUT_SPLITS)
    assert "heldout9" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout9"] == ("heldout9",)


def test_the_tenth_held_out_part_is_fresh() -> None:
    """heldout10 (issue #14, after heldout9 was measured and tuned on): 15 pairs and 9 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout9; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout10", min_pairs=15, min_french_only=9)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
            "heldout10"} <= set(HELD_OUT_SPLITS)
    assert "heldout10" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout10"] == ("heldout10",)


def test_the_eleventh_held_out_part_is_fresh() -> None:
    """heldout11 (issue #14, after heldout10 was measured and tuned on): 12 pairs and 8 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout10; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout11", min_pairs=12, min_french_only=8)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
            "heldout10", "heldout11"} <= set(HELD_OUT_SPLITS)
    assert "heldout11" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout11"] == ("heldout11",)


def test_the_twelfth_held_out_part_is_fresh() -> None:
    """heldout12 (issue #14, after heldout11 was measured and tuned on): 9 pairs and 8 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout11; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout12", min_pairs=9, min_french_only=8)
    assert {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
            "heldout10", "heldout11", "heldout12"} <= set(HELD_OUT_SPLITS)
    assert "heldout12" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout12"] == ("heldout12",)


def test_the_thirteenth_held_out_part_is_fresh() -> None:
    """heldout13 (issue #14, after heldout12 was measured and tuned on): 9 pairs and 7 French-only texts, none sharing
    an id, page or title with dev, test or heldout to heldout12; held out like the others, so no bench reads it unless asked for it
    by name, `all` never does, and `final` reports it last, apart."""
    _fresh("heldout13", min_pairs=9, min_french_only=7)
    assert set(HELD_OUT_SPLITS) == {"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
                                    "heldout9", "heldout10", "heldout11", "heldout12", "heldout13"}
    assert "heldout13" not in SPLIT_CHOICES["all"] and SPLIT_CHOICES["heldout13"] == ("heldout13",)
    assert SPLIT_CHOICES["final"][-1] == "heldout13"
