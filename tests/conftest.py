import os
import sys
import tempfile
import types
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# Translation (and embedding) caches of test runs go to a temporary folder, never the user's cache.
os.environ.setdefault("ALIGN_CACHE_DIR", tempfile.mkdtemp(prefix="align-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"

# argostranslate's wheel installs a top-level `tests` package into site-packages, which shadows this
# folder (it has no __init__.py): make `tests` and `tests.conftest` name the project's own.
_tests = types.ModuleType("tests")
_tests.__path__ = [str(ROOT / "tests")]
sys.modules["tests"] = _tests
sys.modules.setdefault("tests.conftest", sys.modules[__name__])


@pytest.fixture(scope="session")
def texts_dir() -> Path:
    return TEXTS


def write_glossary(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """Write a glossary CSV from (concept, lang, term, status) rows, other columns empty."""
    import polars as pl

    from align.glossary import COLUMNS, glossary_csv

    frame = pl.DataFrame([dict.fromkeys(COLUMNS, "") | {"concept": c, "lang": lang, "term": t, "status": s} for c, lang, t, s in rows],
                         schema=dict.fromkeys(COLUMNS, pl.Utf8))
    path.write_text(glossary_csv(frame), encoding="utf-8")
    return path
