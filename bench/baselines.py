"""Baselines the aligner is measured against, run in the same process by `bench align`."""

from __future__ import annotations

import math

import numpy as np
from scipy.special import erfc

from align.aligner.alignment import banded_dp


def gale_church(source: list[str], target: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Plain length-based Gale–Church (1993) alignment, the benchmark baseline (full DP, no band).

    Costs are −log of the published link-type priors times the two-sided probability of the
    character-length difference (c = 1, s² = 6.8), as in the original paper.
    """
    priors = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}
    n, m = len(source), len(target)
    src_prefix = np.concatenate([[0.0], np.cumsum([len(s) for s in source])])
    tgt_prefix = np.concatenate([[0.0], np.cumsum([len(t) for t in target])])

    def log_p(a: int, b: int, s: int, ts: np.ndarray) -> np.ndarray:
        source_chars = src_prefix[s + a] - src_prefix[s]
        target_chars = tgt_prefix[ts + b] - tgt_prefix[ts]
        mean = np.maximum((source_chars + target_chars) / 2.0, 1.0)
        delta = (target_chars - source_chars) / np.sqrt(6.8 * mean)
        return math.log(priors[(a, b)]) + np.log(np.maximum(erfc(np.abs(delta) / math.sqrt(2.0)), 1e-300))

    lo = np.zeros(n + 1, dtype=np.int64)
    hi = np.full(n + 1, m, dtype=np.int64)
    moves = [(1, 0), (1, 1), (2, 1), (1, 2), (2, 2)]
    path = banded_dp(n, m, lo, hi, moves, log_p, lambda i, js: _gc_skip(tgt_prefix, js, priors))
    return [(tuple(range(s, s + a)), tuple(range(t, t + b))) for s, a, t, b in path]


def _gc_skip(tgt_prefix: np.ndarray, js: np.ndarray, priors: dict) -> np.ndarray:
    chars = tgt_prefix[js] - tgt_prefix[js - 1]
    delta = chars / np.sqrt(6.8 * np.maximum(chars / 2.0, 1.0))
    return math.log(priors[(0, 1)]) + np.log(np.maximum(erfc(np.abs(delta) / math.sqrt(2.0)), 1e-300))
