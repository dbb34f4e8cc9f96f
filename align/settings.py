"""Every setting that comes from the environment or a default folder, resolved in one place.

| variable | what | default |
|---|---|---|
| `ALIGN_TEXTS_DIR` | the corpus folder (`fr/NAME.txt`, `en/NAME.txt`) | `texts/` in the repository |
| `ALIGN_GLOSSARY` | the glossary CSV | `glossary/glossary.csv` in the repository |
| `ALIGN_REVIEW_DIR` | review files saved by the app | `reviews/` in the repository |
| `ALIGN_CACHE_DIR` | caches: `translations.sqlite`, `embeddings.sqlite` | the user cache folder (`~/.cache/align`) |
| `ALIGN_MODEL_DIR` | where `models install` looks for an argos package | `models/` in the repository |
| `ALIGN_THREADS` | threads one process gives the MT engine and the embedding model (a corpus run's workers share the cores) | all cores |
| `ALIGN_GRAMMAR` | `off` turns off the grammar and spelling check (`align/checks/grammar.py`; what `--no-grammar` sets) | on |

A value given on the command line (or by the app) always wins over the variable.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

TEXTS_DIR_ENV = "ALIGN_TEXTS_DIR"
GLOSSARY_ENV = "ALIGN_GLOSSARY"
REVIEW_DIR_ENV = "ALIGN_REVIEW_DIR"
CACHE_DIR_ENV = "ALIGN_CACHE_DIR"
MODEL_DIR_ENV = "ALIGN_MODEL_DIR"
THREADS_ENV = "ALIGN_THREADS"
GRAMMAR_ENV = "ALIGN_GRAMMAR"

DEFAULT_TEXTS_DIR = REPO_ROOT / "texts"
DEFAULT_GLOSSARY = REPO_ROOT / "glossary" / "glossary.csv"
DEFAULT_REVIEW_DIR = REPO_ROOT / "reviews"
PROJECT_MODEL_DIR = REPO_ROOT / "models"


def _chosen(given: str | os.PathLike[str] | None, variable: str, default: Path) -> Path:
    if given is not None and str(given) != "":
        return Path(given)
    value = os.environ.get(variable)
    return Path(value) if value else default


def texts_dir(given: str | os.PathLike[str] | None = None) -> Path:
    return _chosen(given, TEXTS_DIR_ENV, DEFAULT_TEXTS_DIR)


def glossary_path(given: str | os.PathLike[str] | None = None) -> Path:
    return _chosen(given, GLOSSARY_ENV, DEFAULT_GLOSSARY)


def review_dir(given: str | os.PathLike[str] | None = None) -> Path:
    return _chosen(given, REVIEW_DIR_ENV, DEFAULT_REVIEW_DIR)


def cache_dir(given: str | os.PathLike[str] | None = None) -> Path:
    """The folder of both caches (machine translations and sentence embeddings)."""
    if given is None and not os.environ.get(CACHE_DIR_ENV):
        import platformdirs

        return Path(platformdirs.user_cache_dir("align"))
    return _chosen(given, CACHE_DIR_ENV, REPO_ROOT / ".cache")


def model_dirs() -> list[Path]:
    """Folders searched for an argos package file: `$ALIGN_MODEL_DIR` (when set), then the project's `models/`."""
    return ([Path(os.environ[MODEL_DIR_ENV])] if os.environ.get(MODEL_DIR_ENV) else []) + [PROJECT_MODEL_DIR]


def threads() -> int:
    """Threads this process may use for MT and embeddings: `$ALIGN_THREADS`, else the cores it may run on."""
    value = os.environ.get(THREADS_ENV, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


CHECK_WORKERS_CAP = 4
"""`check`'s default processes at most: each holds its own models and caches (0.5–0.75 GB)."""


def check_workers() -> int:
    """Processes `python -m align check` uses by default: the cores this process may use (`threads`), at most `CHECK_WORKERS_CAP`."""
    return max(1, min(threads(), CHECK_WORKERS_CAP))


def grammar_enabled() -> bool:
    """Whether the grammar and spelling check runs: `$ALIGN_GRAMMAR` set to off, 0, no or false turns it off."""
    return os.environ.get(GRAMMAR_ENV, "").strip().lower() not in ("off", "0", "no", "false")
