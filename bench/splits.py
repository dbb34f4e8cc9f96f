"""The parts of the eval/ corpus (the `split` column of eval/documents.csv) and the `--split` choices of the benches.

The held-out parts are kept out of every bench run that does not name them; nothing is tuned on them before they are measured:
- `heldout` (added 2026-12-03) is measured with `--split heldout` or `--split all`;
- `heldout2` … `heldoutN`, N = `HELD_OUT_PARTS` (added from 2026-12-03 for issue #14, each after the one before had been measured and tuned on;
  publishers, pages and years the other parts do not have) are read only by `--split heldoutN` or `--split final`, never by `all`, so
  that a run with `--split all` while tuning never shows them. A new part is one more number in `HELD_OUT_PARTS`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from align.settings import REPO_ROOT

EVAL = REPO_ROOT / "eval"
HELDOUT = "heldout"
HELD_OUT_PARTS = 90
HELD_OUT_SPLITS = (HELDOUT, *(f"heldout{number}" for number in range(2, HELD_OUT_PARTS + 1)))
"""The splits no bench reads unless asked for them by name (their `split` is set in documents.csv, not by the hash rule)."""
SPLIT_CHOICES: dict[str, tuple[str, ...]] = {
    "dev": ("dev",),
    "test": ("test",),
    **{split: (split,) for split in HELD_OUT_SPLITS},
    "both": ("dev", "test"),
    "all": ("dev", "test", HELDOUT),
    "final": ("dev", "test", *HELD_OUT_SPLITS),
}
"""`--split` value -> the documents.csv splits it reports, in order (`both` is dev+test, as before the held-out parts;
`all` stays dev+test+heldout; `final` adds heldout2 to the last held-out part, each reported apart, for the one measurement at the end)."""
CORPUS_SPLITS = SPLIT_CHOICES["final"]
"""Every split a documents.csv row may have."""


def heldout_ids(folder: Path = EVAL) -> set[str]:
    """Ids of the documents of every held-out part (never run by a bench that does not ask for them)."""
    table = folder / "documents.csv"
    if not table.is_file():
        return set()
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle) if row["split"] in HELD_OUT_SPLITS}
