"""Sentence alignment of French against English by dynamic programming over embeddings.

Links may be 1–1, 1–2, 2–1, 1–0 or 0–1; each carries a confidence score in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from align.embedding import Encoder

LINK_STATUSES = ("auto", "confirmed", "needs-review")
REVIEW_THRESHOLD = 0.5
_NULL_COST = 0.45
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


@dataclass(frozen=True)
class Link:
    """French sentence indices linked to English sentence indices (either side may be empty)."""

    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    score: float
    status: str = "auto"


def align_sentences(fr: list[str], en: list[str], encoder: Encoder) -> list[Link]:
    """Align two sentence lists; return links in document order."""
    if not en:
        return [Link((i,), (), 0.0, "needs-review") for i in range(len(fr))]
    fr_vectors = _span_vectors(fr, encoder)
    en_vectors = _span_vectors(en, encoder)
    n, m = len(fr), len(en)
    cost = np.full((n + 1, m + 1), np.inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            for di, dj in _MOVES:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or not np.isfinite(cost[pi, pj]):
                    continue
                step = _NULL_COST if di == 0 or dj == 0 else 1.0 - _similarity(fr_vectors, en_vectors, pi, di, pj, dj)
                if di + dj > 2:
                    step += 0.05
                if cost[pi, pj] + step < cost[i, j]:
                    cost[i, j] = cost[pi, pj] + step
                    back[(i, j)] = (pi, pj)
    links: list[Link] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[(i, j)]
        fr_ids, en_ids = tuple(range(pi, i)), tuple(range(pj, j))
        if fr_ids and en_ids:
            score = float(np.clip(_similarity(fr_vectors, en_vectors, pi, i - pi, pj, j - pj), 0.0, 1.0))
            status = "auto" if score >= REVIEW_THRESHOLD else "needs-review"
        else:
            score, status = 0.0, "needs-review"
        links.append(Link(fr_ids, en_ids, round(score, 4), status))
        i, j = pi, pj
    return links[::-1]


def _span_vectors(sentences: list[str], encoder: Encoder) -> dict[tuple[int, int], np.ndarray]:
    """Vectors for single sentences and for pairs of neighbours (merged as one span)."""
    texts = list(sentences) + [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]
    vectors = encoder.encode(texts)
    spans = {(i, 1): vectors[i] for i in range(len(sentences))}
    spans.update({(i, 2): vectors[len(sentences) + i] for i in range(len(sentences) - 1)})
    return spans


def _similarity(fr_vectors: dict, en_vectors: dict, i: int, di: int, j: int, dj: int) -> float:
    return float(fr_vectors[(i, di)] @ en_vectors[(j, dj)])
