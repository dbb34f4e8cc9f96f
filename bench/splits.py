"""The parts of the eval/ corpus (the `split` column of eval/documents.csv) and the `--split` choices of the benches.

`heldout` documents (added 2026-12-03) are kept out of every bench run that does not name them: they are measured
once, at the end, with `--split heldout` or `--split all`; nothing is tuned on them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from align.settings import REPO_ROOT

EVAL = REPO_ROOT / "eval"
HELDOUT = "heldout"
SPLIT_CHOICES: dict[str, tuple[str, ...]] = {
    "dev": ("dev",),
    "test": ("test",),
    HELDOUT: (HELDOUT,),
    "both": ("dev", "test"),
    "all": ("dev", "test", HELDOUT),
}
"""`--split` value -> the documents.csv splits it reports, in order (`both` is dev+test, as before the held-out part)."""


def heldout_ids(folder: Path = EVAL) -> set[str]:
    """Ids of the held-out documents (never run by a bench that does not ask for them)."""
    table = folder / "documents.csv"
    if not table.is_file():
        return set()
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle) if row["split"] == HELDOUT}
