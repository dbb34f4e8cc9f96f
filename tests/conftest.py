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


@pytest.fixture()
def no_argos(monkeypatch, tmp_path) -> None:
    """No argos package visible (an empty ARGOS_PACKAGES_DIR, never the user's): `auto` means Apertium."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty-packages"))


@pytest.fixture(scope="session")
def glossary():
    """The bundled glossary (glossary/glossary.csv), loaded once for the whole run: no test may change it."""
    from align.terms.glossary import DEFAULT_PATH, load_glossary

    return load_glossary(DEFAULT_PATH)


def write_glossary(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """Write a glossary CSV from (concept, lang, term, status) rows, other columns empty."""
    import polars as pl

    from align.terms.glossary import COLUMNS, glossary_csv

    frame = pl.DataFrame([dict.fromkeys(COLUMNS, "") | {"concept": c, "lang": lang, "term": t, "status": s} for c, lang, t, s in rows],
                         schema=dict.fromkeys(COLUMNS, pl.Utf8))
    path.write_text(glossary_csv(frame), encoding="utf-8")
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on its test (item.rep_call…): a browser test that builds on an earlier one's saved review asks
    whether that one passed (tests/test_browser.py, `after`)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
