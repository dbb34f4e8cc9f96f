"""The same documents give the same files in every process: a corpus run's workers each have their own hash seed, so any order
taken from a set or a dict of strings (suggestions, matches, flags) would make 2-worker outputs differ from 1-worker ones.
Two plain runs of three synthetic documents of the corpus bench, under two hash seeds, must write identical files."""

from __future__ import annotations

import os
import subprocess
import sys

from bench.corpus import make_corpus
from tests.conftest import ROOT


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, documents=3)  # one official pair, two French-only texts recombined from real sentences
    # A published sentence whose Grammalecte suggestions come from a set of lemmas (« pris | prisé »).
    with (corpus / "fr" / "doc-00001.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nAujourd'hui, l'honorable Dominic LeBlanc, ministre de la Sécurité publique, le gouvernement a prises à cet égard.\n")
    outputs = []
    for seed in ("0", "1"):
        out = tmp_path / f"out-{seed}"
        env = os.environ | {"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
        result = subprocess.run([sys.executable, "-m", "align", "run", str(corpus), "--out", str(out), "--mt-engine", "apertium"],
                                capture_output=True, text=True, cwd=ROOT, env=env, timeout=900)
        assert result.returncode == 0, result.stderr
        outputs.append({path.relative_to(out): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()})
    first, second = outputs
    assert len(first) >= 9 and set(first) == set(second)
    assert [name for name in first if first[name] != second[name]] == []
    flags = first[next(name for name in first if name.parts[0] == "doc-00001" and name.name == "flags.csv")].decode("utf-8")
    assert "pris | prisé" in flags  # the case that differed between workers is in the comparison
