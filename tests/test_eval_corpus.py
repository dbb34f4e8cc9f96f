"""eval/ is consistent as the benches read it: every annotation's quote is in its side's file at its occurrence
(checked on the files as written, without running the tool, so the held-out part is not touched by the pipeline)."""

import csv
import json
import unicodedata

from bench.splits import EVAL, SPLIT_CHOICES

KINDS = {"term-garbled", "forbidden-term", "concept-confusion", "term-missing", "term-inconsistent", "name-mismatch", "number-mismatch",
         "date-mismatch", "acronym-mismatch", "omission", "addition", "untranslated", "typography", "meaning"}


def test_rows_files_and_annotations_agree() -> None:
    with (EVAL / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert {row["split"] for row in rows.values()} <= set(SPLIT_CHOICES["all"])
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
