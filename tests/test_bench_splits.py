"""The held-out parts of eval/ are read only by a bench run that names them (`--split heldout` or `--split all` for the first,
`--split heldout2` or `--split final` for the second, `--split heldout3` or `--split final` for the third, `--split heldout4` or
`--split final` for the fourth, `--split heldout5` or `--split final` for the fifth, `--split heldout6` or `--split final` for the sixth,
`--split heldout7` or `--split final` for the seventh, `--split heldout8` or `--split final` for the eighth, `--split heldout9` or
`--split final` for the ninth, `--split heldout10` or `--split final` for the tenth, `--split heldout11` or `--split final` for the
eleventh, `--split heldout12` or `--split final` for the twelfth, `--split heldout13` or `--split final` for the thirteenth,
`--split heldout14` or `--split final` for the fourteenth, `--split heldout15` or `--split final` for the fifteenth, `--split heldout16`
or `--split final` for the sixteenth, `--split heldout17` or `--split final` for the seventeenth, `--split heldout18` or `--split final`
for the eighteenth, `--split heldout19` or `--split final` for the nineteenth, `--split heldout20` or `--split final` for the
twentieth, `--split heldout21` or `--split final` for the twenty-first, `--split heldout22` or `--split final` for the
twenty-second, `--split heldout23` or `--split final` for the twenty-third, `--split heldout24` or `--split final` for the
twenty-fourth, `--split heldout25` or `--split final` for the twenty-fifth, `--split heldout26` or `--split final` for the
twenty-sixth; `all` leaves the second to twenty-sixth out)."""

import csv
from pathlib import Path

from bench.__main__ import build_parser
from bench.checks import load_eval
from bench.mt_eval import load_docs
from bench.mutations import pair_ids
from bench.splits import EVAL, SPLIT_CHOICES, heldout_ids

FIELDS = ["id", "kind", "publisher", "title_fr", "title_en", "url_fr", "url_en", "date", "split", "notes"]


def corpus(tmp_path: Path) -> Path:
    rows = [("a-dev", "dev"), ("b-test", "test"), ("c-held", "heldout"), ("d-held2", "heldout2"), ("e-held3", "heldout3"),
            ("f-held4", "heldout4"), ("g-held5", "heldout5"), ("h-held6", "heldout6"), ("i-held7", "heldout7"),
            ("j-held8", "heldout8"), ("k-held9", "heldout9"), ("l-held10", "heldout10"),
            ("m-held11", "heldout11"), ("n-held12", "heldout12"), ("o-held13", "heldout13"),
            ("p-held14", "heldout14"), ("q-held15", "heldout15"), ("r-held16", "heldout16"),
            ("s-held17", "heldout17"), ("t-held18", "heldout18"), ("u-held19", "heldout19"),
            ("v-held20", "heldout20"), ("w-held21", "heldout21"), ("x-held22", "heldout22"), ("y-held23", "heldout23"),
            ("z-held24", "heldout24"), ("za-held25", "heldout25"), ("zb-held26", "heldout26")]
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
                               ("heldout2", ("heldout2",)), ("heldout3", ("heldout3",)), ("heldout4", ("heldout4",)),
                               ("heldout5", ("heldout5",)), ("heldout6", ("heldout6",)), ("heldout7", ("heldout7",)),
                               ("heldout8", ("heldout8",)), ("heldout9", ("heldout9",)), ("heldout10", ("heldout10",)),
                               ("heldout11", ("heldout11",)), ("heldout12", ("heldout12",)), ("heldout13", ("heldout13",)),
                               ("heldout14", ("heldout14",)), ("heldout15", ("heldout15",)), ("heldout16", ("heldout16",)),
                               ("heldout17", ("heldout17",)), ("heldout18", ("heldout18",)), ("heldout19", ("heldout19",)),
                               ("heldout20", ("heldout20",)), ("heldout21", ("heldout21",)), ("heldout22", ("heldout22",)), ("heldout23", ("heldout23",)),
                               ("heldout24", ("heldout24",)), ("heldout25", ("heldout25",)), ("heldout26", ("heldout26",)),
                               ("final", ("dev", "test", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                                          "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                                          "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
                                          "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24",
                                          "heldout25", "heldout26"))]:
            assert SPLIT_CHOICES[parser.parse_args([bench, "--set", "real", "--split", choice]).split] == splits


def test_heldout_documents_are_read_only_when_asked_for(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    assert heldout_ids(folder) == {"c-held", "d-held2", "e-held3", "f-held4", "g-held5", "h-held6", "i-held7", "j-held8", "k-held9",
                                  "l-held10", "m-held11", "n-held12", "o-held13", "p-held14",
                                  "q-held15", "r-held16", "s-held17", "t-held18", "u-held19", "v-held20", "w-held21",
                                  "x-held22", "y-held23", "z-held24", "za-held25", "zb-held26"}
    assert [row["id"] for row, _ in load_eval(folder)] == ["a-dev", "b-test"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout"])] == ["c-held"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["all"])] == ["a-dev", "b-test", "c-held"]  # never the second, third or fourth part
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout2"])] == ["d-held2"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout3"])] == ["e-held3"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout4"])] == ["f-held4"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout5"])] == ["g-held5"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout6"])] == ["h-held6"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout7"])] == ["i-held7"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout8"])] == ["j-held8"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout9"])] == ["k-held9"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout10"])] == ["l-held10"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout11"])] == ["m-held11"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout12"])] == ["n-held12"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout13"])] == ["o-held13"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout14"])] == ["p-held14"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout15"])] == ["q-held15"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout16"])] == ["r-held16"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout17"])] == ["s-held17"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout18"])] == ["t-held18"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout19"])] == ["u-held19"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout20"])] == ["v-held20"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout21"])] == ["w-held21"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout22"])] == ["x-held22"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout23"])] == ["y-held23"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout24"])] == ["z-held24"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout25"])] == ["za-held25"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["heldout26"])] == ["zb-held26"]
    assert [row["id"] for row, _ in load_eval(folder, SPLIT_CHOICES["final"])] == ["a-dev", "b-test", "c-held", "d-held2", "e-held3", "f-held4",
                                                                              "g-held5", "h-held6", "i-held7", "j-held8", "k-held9", "l-held10",
                                                                              "m-held11", "n-held12", "o-held13", "p-held14", "q-held15",
                                                                              "r-held16", "s-held17", "t-held18", "u-held19", "v-held20", "w-held21",
                                                                              "x-held22", "y-held23", "z-held24", "za-held25", "zb-held26"]
    assert [doc.id for doc in load_docs("heldout", folder)] == ["c-held"]
    assert [doc.id for doc in load_docs("heldout2", folder)] == ["d-held2"]
    assert [doc.id for doc in load_docs("heldout3", folder)] == ["e-held3"]
    assert [doc.id for doc in load_docs("heldout4", folder)] == ["f-held4"]
    assert [doc.id for doc in load_docs("heldout5", folder)] == ["g-held5"]
    assert [doc.id for doc in load_docs("heldout6", folder)] == ["h-held6"]
    assert [doc.id for doc in load_docs("heldout7", folder)] == ["i-held7"]
    assert [doc.id for doc in load_docs("heldout8", folder)] == ["j-held8"]
    assert [doc.id for doc in load_docs("heldout9", folder)] == ["k-held9"]
    assert [doc.id for doc in load_docs("heldout10", folder)] == ["l-held10"]
    assert [doc.id for doc in load_docs("heldout11", folder)] == ["m-held11"]
    assert [doc.id for doc in load_docs("heldout12", folder)] == ["n-held12"]
    assert [doc.id for doc in load_docs("heldout13", folder)] == ["o-held13"]
    assert [doc.id for doc in load_docs("heldout14", folder)] == ["p-held14"]
    assert [doc.id for doc in load_docs("heldout15", folder)] == ["q-held15"]
    assert [doc.id for doc in load_docs("heldout16", folder)] == ["r-held16"]
    assert [doc.id for doc in load_docs("heldout17", folder)] == ["s-held17"]
    assert [doc.id for doc in load_docs("heldout18", folder)] == ["t-held18"]
    assert [doc.id for doc in load_docs("heldout19", folder)] == ["u-held19"]
    assert [doc.id for doc in load_docs("heldout20", folder)] == ["v-held20"]
    assert [doc.id for doc in load_docs("heldout21", folder)] == ["w-held21"]
    assert [doc.id for doc in load_docs("heldout22", folder)] == ["x-held22"]
    assert [doc.id for doc in load_docs("heldout23", folder)] == ["y-held23"]
    assert [doc.id for doc in load_docs("heldout24", folder)] == ["z-held24"]
    assert [doc.id for doc in load_docs("heldout25", folder)] == ["za-held25"]
    assert [doc.id for doc in load_docs("heldout26", folder)] == ["zb-held26"]
    assert pair_ids(folder) == ["a-dev", "b-test"]  # the mutation bench assigns dev/test by hash: never the held-out texts


def test_no_heldout_document_of_the_real_corpus_reaches_the_mutation_bench() -> None:
    assert not heldout_ids() & set(pair_ids())


def test_the_second_to_twenty_sixth_held_out_parts_are_outside_every_split_choice_but_their_own_and_final() -> None:
    for part in ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10",
                 "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
                 "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26"):
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
