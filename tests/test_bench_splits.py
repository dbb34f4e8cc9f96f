"""The held-out parts of eval/ are read only by a bench run that names them (`--split heldout` or `--split all` for the first,
`--split heldoutN` or `--split final` for the N-th, from the second to the last); `all` leaves the second to the last out."""

import csv
from pathlib import Path

from bench.__main__ import build_parser
from bench.checks import load_eval
from bench.mt_eval import load_docs
from bench.mutations import pair_ids
from bench.splits import EVAL, SPLIT_CHOICES, heldout_ids

LAST_PART = 90
"""Written here, not read from bench.splits, so that a part added to the corpus without its split (or the reverse) fails a test."""
LATER_PARTS = [f"heldout{number}" for number in range(2, LAST_PART + 1)]
TOY_IDS = {"heldout": "c-held", **{part: f"held{number}-doc" for number, part in enumerate(LATER_PARTS, start=2)}}
"""The toy corpus's one document per held-out part."""

FIELDS = ["id", "kind", "publisher", "title_fr", "title_en", "url_fr", "url_en", "date", "split", "notes"]


def corpus(tmp_path: Path) -> Path:
    rows = [("a-dev", "dev"), ("b-test", "test"), *((name, part) for part, name in TOY_IDS.items())]
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


def test_split_choices_keep_both_as_dev_and_test_and_add_heldout_all_heldout2_and_final() -> None:
    parser = build_parser()
    for bench in ("checks", "translate"):
        for choice, splits in [("both", ("dev", "test")), ("heldout", ("heldout",)), ("all", ("dev", "test", "heldout")),
                               *((part, (part,)) for part in LATER_PARTS),
                               ("final", ("dev", "test", "heldout", *LATER_PARTS))]:
            assert SPLIT_CHOICES[parser.parse_args([bench, "--set", "real", "--split", choice]).split] == splits


def test_heldout_documents_are_read_only_when_asked_for(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    assert heldout_ids(folder) == set(TOY_IDS.values())
    assert [row["id"] for row, _ in load_eval(folder)] == ["a-dev", "b-test"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["all"])] == ["a-dev", "b-test", "c-held"]  # never a later part
    for part, name in TOY_IDS.items():
        assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES[part])] == [name]
        assert [doc.id for doc in load_docs(part, folder)] == [name]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["final"])] == ["a-dev", "b-test", *TOY_IDS.values()]
    assert pair_ids(folder) == ["a-dev", "b-test"]  # the mutation bench assigns dev/test by hash: never the held-out texts


def test_no_heldout_document_of_the_real_corpus_reaches_the_mutation_bench() -> None:
    assert not heldout_ids() & set(pair_ids())


def test_the_later_held_out_parts_are_outside_every_split_choice_but_their_own_and_final() -> None:
    for part in LATER_PARTS:
        with (EVAL / "documents.csv").open(encoding="utf-8", newline="") as handle:
            held = {row["id"] for row in csv.DictReader(handle) if row["split"] == part}
        assert held and held <= heldout_ids()  # so the corpus and check-speed benches skip them too
        # (decided from documents.csv alone: these texts are not even decoded by the tool before the final measurement)
        assert [choice for choice, splits in SPLIT_CHOICES.items() if part in splits] == [part, "final"]


def test_french_only_documents_are_read_only_when_asked_for(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    with (folder / "documents.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, FIELDS).writerow({"id": "d-fr", "kind": "fr-only", "split": "dev"})
    (folder / "texts" / "fr" / "d-fr.txt").write_text("Les enfants sont exploités.\n", encoding="utf-8")
    assert [doc.id for doc in load_docs("dev", folder)] == ["a-dev"]
    only = load_docs("dev", folder, kinds=("fr-only",))
    assert [(doc.id, doc.fr, doc.en) for doc in only] == [("d-fr", ["Les enfants sont exploités."], [])]
