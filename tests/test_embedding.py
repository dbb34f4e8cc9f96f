"""Embedding backends, the disk cache and model resolution, with the real installed models."""

import numpy as np
import pytest

from align.aligner.embedding import DEFAULT_MODEL, ENGLISH_MODEL, CachedEncoder, EmbeddingCache, describe_models, load_encoder, resolve_model
from align.errors import ModelMissingError

SENTENCES = ["La traite des personnes est un crime.", "Trafficking in persons is a crime.", "Il pleut à Ottawa."]


def test_multilingual_model_separates_translations_and_caches_on_disk(tmp_path) -> None:
    encoder = load_encoder(DEFAULT_MODEL, str(tmp_path))
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.6 > vectors[1] @ vectors[2]
    assert encoder.encoded == 3
    # a second encoder over the same cache folder (another process, in effect) encodes nothing
    again = CachedEncoder(DEFAULT_MODEL, lambda: pytest.fail("the model must not load when every sentence is cached"),
                          EmbeddingCache(tmp_path))
    assert np.allclose(again.encode(SENTENCES[::-1]), vectors[::-1])
    assert again.encoded == 0


def test_cache_keys_on_model_and_text(tmp_path) -> None:
    cache = EmbeddingCache(tmp_path)
    cache.put("model-a", ["une phrase"], np.ones((1, 4), np.float32))
    assert set(cache.get("model-a", ["une phrase", "autre"])) == {"une phrase"}
    assert cache.get("model-b", ["une phrase"]) == {}


def test_english_model_from_the_installed_package_runs_offline(tmp_path) -> None:
    encoder = load_encoder(ENGLISH_MODEL, str(tmp_path))
    vectors = encoder.encode(["Victims need protection.", "Victims must be protected.", "The match ended in a draw."])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_local_sentence_transformers_folder_is_accepted_and_missing_model_is_a_clear_error(tmp_path) -> None:
    _, backend, folder = resolve_model(ENGLISH_MODEL)
    assert backend == "sentence-transformers" and (folder / "modules.json").exists()
    assert resolve_model(str(folder))[1] == "sentence-transformers"
    with pytest.raises(ModelMissingError, match="pip install|path of a sentence-transformers model"):
        load_encoder(str(tmp_path / "LaBSE"))


def test_describe_models_lists_what_is_in_use(tmp_path) -> None:
    rows = describe_models(cache_dir=str(tmp_path))
    assert [row["name"] for row in rows[:2]] == [DEFAULT_MODEL, ENGLISH_MODEL]
    assert all(row["status"] == "installed" for row in rows[:2])
    assert rows[2]["location"].startswith(str(tmp_path))
