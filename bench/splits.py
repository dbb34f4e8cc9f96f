"""The parts of the eval/ corpus (the `split` column of eval/documents.csv) and the `--split` choices of the benches.

The held-out parts are kept out of every bench run that does not name them; nothing is tuned on them:
- `heldout` (added 2026-12-03) is measured with `--split heldout` or `--split all`;
- `heldout2` (added 2026-12-03 for issue #14, publishers and years the other parts do not have) is measured once, at the
  end, with `--split heldout2` or `--split final`. `all` leaves it out, so that a run with `--split all` while tuning never
  shows it.
- `heldout3` (added 2026-12-03 for issue #14, after `heldout2` had been measured twice and become tuning data) is kept out
  the same way: read only by `--split heldout3` or `--split final`, never by `all`.
- `heldout4` (added 2026-12-03 for issue #14, after `heldout3` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout4` or `--split final`, never by `all`.
- `heldout5` (added 2026-12-03 for issue #14, after `heldout4` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout5` or `--split final`, never by `all`.
- `heldout6` (added 2026-12-03 for issue #14, after `heldout5` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout6` or `--split final`, never by `all`.
- `heldout7` (added 2026-12-04 for issue #14, after `heldout6` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout7` or `--split final`, never by `all`.
- `heldout8` (added 2026-12-04 for issue #14, after `heldout7` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout8` or `--split final`, never by `all`.
- `heldout9` (added 2026-12-04 for issue #14, after `heldout8` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout9` or `--split final`, never by `all`.
- `heldout10` (added 2026-12-04 for issue #14, after `heldout9` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout10` or `--split final`, never by `all`.
- `heldout11` (added 2026-12-04 for issue #14, after `heldout10` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout11` or `--split final`, never by `all`.
- `heldout12` (added 2026-12-04 for issue #14, after `heldout11` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout12` or `--split final`, never by `all`.
- `heldout13` (added 2026-12-04 for issue #14, after `heldout12` had been measured and tuned on) is kept out the same way: read
  only by `--split heldout13` or `--split final`, never by `all`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from align.settings import REPO_ROOT

EVAL = REPO_ROOT / "eval"
HELDOUT = "heldout"
HELDOUT2 = "heldout2"
HELDOUT3 = "heldout3"
HELDOUT4 = "heldout4"
HELDOUT5 = "heldout5"
HELDOUT6 = "heldout6"
HELDOUT7 = "heldout7"
HELDOUT8 = "heldout8"
HELDOUT9 = "heldout9"
HELDOUT10 = "heldout10"
HELDOUT11 = "heldout11"
HELDOUT12 = "heldout12"
HELDOUT13 = "heldout13"
HELD_OUT_SPLITS = (HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7, HELDOUT8, HELDOUT9, HELDOUT10,
                   HELDOUT11, HELDOUT12, HELDOUT13)
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
`all` stays dev+test+heldout; `final` adds heldout2 to heldout13, each reported apart, for the one measurement at the end)."""
CORPUS_SPLITS = SPLIT_CHOICES["final"]
"""Every split a documents.csv row may have."""


def heldout_ids(folder: Path = EVAL) -> set[str]:
    """Ids of the documents of every held-out part (never run by a bench that does not ask for them)."""
    table = folder / "documents.csv"
    if not table.is_file():
        return set()
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle) if row["split"] in HELD_OUT_SPLITS}
