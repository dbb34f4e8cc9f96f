"""Meaning divergence: a link whose machine translation reads far less like the official English than the rest of the document.

The MT of the French and the official English are compared with an English sentence model (`ENGLISH_MODEL`, cosine of
their vectors). Within one document most links score alike; a link far below the document's norm (z-score) while the
alignment is confident there and around it is a passage where the two versions may say different things (a clause
rewritten, an institution changed). Measured on the development part of eval/ against the revisers' `meaning`
annotations (README "Checks on real texts"): too imprecise for a warning, so the flag is context (info).
The model (torch) is loaded only for a document with an official English and a machine translation.
"""

from __future__ import annotations

import statistics

from align.checks.base import Check, CheckContext, LinkView
from align.errors import ModelMissingError
from align.model import Flag

DIVERGENCE_Z = -2.0
"""How far below the document's mean similarity (in standard deviations) a link must fall."""
CONFIDENT_LINK = 0.9
"""The link's own alignment score must be at least this: a doubtful alignment explains a low similarity by itself."""
CONFIDENT_NEIGHBOURS = 0.85
MIN_WORDS = 6
"""Headings and page furniture ("Archived Content", "This includes:") are too short to compare."""
MIN_LINKS = 5


SIMILARITIES_KEPT = 50_000
_similarities: dict[tuple[str, str], float] = {}
"""(machine translation, official English) → similarity: a re-check after a correction compares every link of the document again."""


def similarities(pairs: list[tuple[str, str]]) -> list[float]:
    """Cosine similarity of each (machine translation, official English) pair under the English sentence model."""
    missing = list(dict.fromkeys(pair for pair in pairs if pair not in _similarities))
    if missing:
        import numpy as np  # (here, not at the top: `check` on a TMX or XLIFF has no machine translation and never needs numpy)

        from align.aligner.embedding import ENGLISH_MODEL, load_encoder

        encoder = load_encoder(ENGLISH_MODEL)
        vectors = np.asarray(encoder.encode([mt for mt, _ in missing] + [en for _, en in missing]), dtype=float)  # one batch: one model call
        first, second = vectors[:len(missing)], vectors[len(missing):]
        first /= np.maximum(np.linalg.norm(first, axis=1, keepdims=True), 1e-12)
        second /= np.maximum(np.linalg.norm(second, axis=1, keepdims=True), 1e-12)
        if len(_similarities) + len(missing) > SIMILARITIES_KEPT:
            _similarities.clear()
        _similarities.update(zip(missing, (float(value) for value in (first * second).sum(axis=1))))
    return [_similarities[pair] for pair in pairs]


def meaning_divergence(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """Links whose MT↔English similarity is an outlier of the document while the alignment around them is confident (info)."""
    if not context.has_official:
        return []
    compared = [link for link in links if link.texts["mt"] and link.texts["en"]]
    if len(compared) < MIN_LINKS:
        return []
    try:
        scores = similarities([(link.texts["mt"], link.texts["en"]) for link in compared])
    except ModelMissingError:
        return []  # the English sentence model is optional: without it there is no such flag
    mean, spread = statistics.mean(scores), statistics.pstdev(scores)
    if spread == 0:
        return []
    flags = []
    for link, score in zip(compared, scores):
        z = (score - mean) / spread
        if z > DIVERGENCE_Z or link.unit.score < CONFIDENT_LINK or len(link.texts["en"].split()) < MIN_WORDS:
            continue
        if any(other.unit.score < CONFIDENT_NEIGHBOURS for other in link.neighbours):
            continue
        english = link.texts["en"]
        flags.append(Flag(link.number, "en", "meaning-divergence", "info", 0, len(english), english,
                          f"The official English reads unlike the French here (similarity to the machine translation {score:.2f}, "
                          f"{-z:.1f} standard deviations below this document's {mean:.2f}): check that both say the same thing.", ""))
    return flags


MEANING = Check("meaning-divergence", "document", meaning_divergence, ("meaning-divergence",))
