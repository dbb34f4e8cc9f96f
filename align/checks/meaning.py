"""Meaning divergence: a link whose machine translation reads far less like the official English than the rest of the document.

The MT of the French and the official English are compared with an English sentence model (`ENGLISH_MODEL`, cosine of
their vectors). Within one document most links score alike; a link far below the document's norm (z-score) while the
alignment is confident there and around it is a passage where the two versions may say different things (a clause
rewritten, an institution changed).

Measured with `python -m bench checks --set real` against the revisers' `meaning` annotations of the pairs of every readable
part (dev and heldout..heldout13; eval/README.md, "Meaning divergence, measured on every part"): precision 4/26, recall 4/77.
Most annotated meaning errors are one or two words changed in a long sentence ("permanent" for "longer", "confidential" for
"published"), which moves the sentence vector no more than a paraphrase does; most false flags are links whose rule-based MT
is garbled (words left untranslated), which lowers the similarity as much as a change of meaning. Far from the 0.85 a warning
needs, so the flag is context (info). Neither the aligner's cross-lingual score, its z-score, the MT's unknown words nor a
length ratio told the two apart better on the parts tuned on.
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
MIN_WORDS = 15
"""Below this many English words a paraphrase moves the sentence vector as far as a change of meaning does: headings, page
furniture ("Archived Content") and short rephrased sentences ("Please contact us to request a format …") made a third of the false
flags, while three quarters of the annotated meaning errors are sentences of 20 words or more (dev + heldout..heldout8: 3 hits of
30 flags at 6 words, 3 of 19 at 15; heldout9..heldout13 unchanged, 1 of 7)."""
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
