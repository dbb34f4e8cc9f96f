"""How far to trust a rule-based MT segment when there is no official English: the estimated chance a reader finds it usable.

`mt_quality(fr, translation)` is a probability, fitted on reader labels (`eval/mt-quality-labels.jsonl`: French segments
whose Apertium MT a reviser marked *bad* — "a reader would misunderstand it or cannot recover a key part" — or not).
What separates bad from merely rough rule-based MT in those labels is the French sentence's length and its number of
clauses: long sentences with several commas are where the pivot's word-for-word syntax breaks. Leftover words, failed
constraints (the first round found no lost placeholder on DEV, so nothing to score) and the MT/French length ratio were measured too and do not separate
them on DEV (AUC 0.51, —, 0.44), so they are not in the score; leftovers are flagged `untranslated` instead.

On the DEV labels (150 segments, 62 bad) the score's AUC is 0.73 (0.72 in 10-fold cross-validation); below
`align.aligner.alignment.REVIEW_THRESHOLD` (0.7) it sends 96 of 150 segments to review, 53 % of them bad (base rate 41 %),
and finds 82 % of the bad ones. TEST (40 labels, run once): AUC 0.77, 31 of 40 sent to review, 48 % bad (base rate 42 %),
88 % of the bad found (`python -m bench translate --set real --quality`). Fitted for Apertium only:
for a neural engine the pipeline keeps `translation_confidence`, which catches an empty or unrelated MT.
"""

from __future__ import annotations

import math
import re

from align.model import Translation

QUALITY_FEATURES = ("bias", "french_words", "french_commas")
QUALITY_COEFFICIENTS = (2.0615, -0.05203, -0.17892)
"""Logistic regression on the 150 DEV labels (scikit-learn, C=1), as log-odds of *usable* (minus those of *bad*)."""

_WORD = re.compile(r"\w+")


def quality_features(fr: str) -> dict[str, float]:
    return {"bias": 1.0, "french_words": float(len(_WORD.findall(fr))), "french_commas": float(fr.count(","))}


def applies_to(translation: Translation) -> bool:
    """The estimate was fitted on Apertium output; it says nothing about a neural engine's."""
    return translation.engine.startswith("apertium")


def mt_quality(fr: str, translation: Translation) -> float:
    """Estimated probability that a reader finds the MT of `fr` usable (0 for an empty MT)."""
    if not translation.text.strip():
        return 0.0
    features = quality_features(fr)
    z = sum(weight * features[name] for name, weight in zip(QUALITY_FEATURES, QUALITY_COEFFICIENTS))
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 4)
