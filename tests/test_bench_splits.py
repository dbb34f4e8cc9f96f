"""The held-out part of eval/ is read only by a bench run that names it (`--split heldout` or `--split all`)."""

import csv
from pathlib import Path

from bench.__main__ import build_parser
from bench.checks import load_eval
from bench.mt_eval import load_docs
from bench.mutations import pair_ids
from bench.splits import SPLIT_CHOICES, heldout_ids

FIELDS = ["id", "kind", "publisher", "title_fr", "title_en", "url_fr", "url_en", "date", "split", "notes"]


def corpus(tmp_path: Path) -> Path:
    rows = [("a-dev", "dev"), ("b-test", "test"), ("c-held", "heldout")]
    for side in ("fr", "en"):
        (tmp_path / "texts" / side).mkdir(parents=True)
    with (tmp_path / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        for name, split in rows:
            writer.writerow({"id": name, "kind": "pair", "split": split})
            (tmp_path / "texts" / "fr" / f"{name}.txt").write_text("La traite des personnes est un crime.\n", encoding="utf-8")
            (tmp_path / "texts" / "en" / f"{name}.txt").write_text("Human trafficking is a crime.\n", encoding="utf-8")
    (tmp_path / "annotations.jsonl").write_text("", encoding="utf-8")
    return tmp_path


def test_split_choices_keep_both_as_dev_and_test_and_add_heldout_and_all() -> None:
    parser = build_parser()
    for bench in ("checks", "translate"):
        for choice, splits in [("both", ("dev", "test")), ("heldout", ("heldout",)), ("all", ("dev", "test", "heldout"))]:
            assert SPLIT_CHOICES[parser.parse_args([bench, "--set", "real", "--split", choice]).split] == splits


def test_heldout_documents_are_read_only_when_asked_for(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    assert heldout_ids(folder) == {"c-held"}
    assert [row["id"] for row, _ in load_eval(folder)] == ["a-dev", "b-test"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout"])] == ["c-held"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["all"])] == ["a-dev", "b-test", "c-held"]
    assert [doc.id for doc in load_docs("heldout", folder)] == ["c-held"]
    assert pair_ids(folder) == ["a-dev", "b-test"]  # the mutation bench assigns dev/test by hash: never the held-out texts


def test_no_heldout_document_of_the_real_corpus_reaches_the_mutation_bench() -> None:
    assert not heldout_ids() & set(pair_ids())


def test_french_only_documents_are_read_only_when_asked_for(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    with (folder / "documents.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, FIELDS).writerow({"id": "d-fr", "kind": "fr-only", "split": "dev"})
    (folder / "texts" / "fr" / "d-fr.txt").write_text("Les enfants sont exploités.\n", encoding="utf-8")
    assert [doc.id for doc in load_docs("dev", folder)] == ["a-dev"]
    only = load_docs("dev", folder, kinds=("fr-only",))
    assert [(doc.id, doc.fr, doc.en) for doc in only] == [("d-fr", ["Les enfants sont exploités."], [])]
