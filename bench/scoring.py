"""Gold-format links and the Bleualign/Vecalign alignment metric (see ../shared/bench/README.md).

A link ("bead") is a pair of index tuples: `[i, j]:[k]` means source sentences i and j together
translate target sentence k; `[]:[k]` and `[i]:[]` are sentences without a counterpart.

Metric, as the benchmark README defines it:
- precision: every predicted link (null links included, links empty on both sides ignored) is a
  strict hit if the gold has a link with exactly the same source and target sets, a lax hit if any
  (source, target) sentence pair inside it also lies inside one gold link (a strict hit is also a
  lax hit; a null link has no pairs, so it is a lax hit only when it is a strict one);
- recall: the same with gold and prediction swapped, after dropping null links on both sides;
- counts are summed over the documents of a set before P, R and F1 = 2PR/(P+R) are computed.
Written here (not imported) because no maintained package implements this exact definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from align.aligner.alignment import format_link  # noqa: F401 (the gold format's writer, used by the benches)
from align.errors import InputError

Bead = tuple[tuple[int, ...], tuple[int, ...]]
_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def parse_links(text: str, path: object = "<gold>") -> list[Bead]:
    """Parse gold-format lines (`[i, j]:[k]`), skipping blank lines; bad lines raise InputError."""
    beads = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise InputError(path, f"line {number}: not a link of the form [i, j]:[k]: {line.strip()[:60]!r}")
        beads.append((_indices(match.group(1)), _indices(match.group(2))))
    return beads


def read_links(path: str | Path) -> list[Bead]:
    """Read a gold-format file."""
    file = Path(path)
    if not file.exists():
        raise InputError(file, "no such file")
    return parse_links(file.read_text(encoding="utf-8"), file)


@dataclass
class Counts:
    """Hit counts behind precision and recall, strict and lax; add them up across documents."""

    precision_total: int = 0
    precision_strict: int = 0
    precision_lax: int = 0
    recall_total: int = 0
    recall_strict: int = 0
    recall_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.precision_total, self.precision_strict, self.precision_lax, self.recall_total, self.recall_strict, self.recall_lax)

    def scores(self) -> dict[str, float]:
        """Strict and lax precision, recall and F1."""
        result = {}
        for kind, p_hits, r_hits in (("strict", self.precision_strict, self.recall_strict), ("lax", self.precision_lax, self.recall_lax)):
            precision = p_hits / self.precision_total if self.precision_total else 0.0
            recall = r_hits / self.recall_total if self.recall_total else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result.update({f"{kind}_precision": precision, f"{kind}_recall": recall, f"{kind}_f1": f1})
        return result


def link_hits(gold: list[Bead], predicted: list[Bead]) -> list[tuple[bool, bool]]:
    """(strict hit, lax hit) for each predicted link, in order (links empty on both sides count as neither)."""
    gold_set = {_canonical(bead) for bead in gold}
    pair_to_gold: dict[tuple[int, int], int] = {}
    for number, (source, target) in enumerate(gold):
        for s in source:
            for t in target:
                pair_to_gold[(s, t)] = number
    hits = []
    for bead in predicted:
        source, target = _canonical(bead)
        if not source and not target:
            hits.append((False, False))
            continue
        strict = (source, target) in gold_set
        lax = strict or any((s, t) in pair_to_gold for s in source for t in target)
        hits.append((strict, lax))
    return hits


def score_document(gold: list[Bead], predicted: list[Bead]) -> Counts:
    """Counts for one document (sum them with `+` over a set, then call `.scores()`)."""
    counts = Counts()
    for bead, (strict, lax) in zip(predicted, link_hits(gold, predicted)):
        if bead[0] or bead[1]:
            counts.precision_total += 1
            counts.precision_strict += strict
            counts.precision_lax += lax
    gold_full = [bead for bead in gold if bead[0] and bead[1]]
    predicted_full = [bead for bead in predicted if bead[0] and bead[1]]
    for strict, lax in link_hits(predicted_full, gold_full):
        counts.recall_total += 1
        counts.recall_strict += strict
        counts.recall_lax += lax
    return counts


def score_set(pairs: Iterable[tuple[list[Bead], list[Bead]]]) -> dict[str, float]:
    """Strict/lax P, R, F1 over (gold, predicted) document pairs, counts summed first."""
    total = Counts()
    for gold, predicted in pairs:
        total = total + score_document(gold, predicted)
    return total.scores()


def _indices(group: str) -> tuple[int, ...]:
    return tuple(int(piece) for piece in group.replace(",", " ").split())


def _canonical(bead: Bead) -> Bead:
    return tuple(sorted(bead[0])), tuple(sorted(bead[1]))
