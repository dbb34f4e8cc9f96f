import os
import tempfile
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# Translation (and embedding) caches of test runs go to a temporary folder, never the user's cache.
os.environ.setdefault("ALIGN_CACHE_DIR", tempfile.mkdtemp(prefix="align-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"


@pytest.fixture(scope="session")
def texts_dir() -> Path:
    return TEXTS
