"""Persistent translation cache: SQLite, keyed by (engine + model version, normalised source text).

SQLite gives atomic transactions for free: every batch of translations is committed in one
transaction, so a run killed half-way keeps the batches already committed and never leaves a
half-written entry. WAL mode lets a second process (the review app) read while a run writes, and
the workers of a parallel corpus run write to the same file (`align.io.sqlitefile`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from align import settings
from align.io.sqlitefile import is_corrupt, open_cache, quarantine, write_transaction

CACHE_FILE = "translations.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    unknown TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (model, source)
) WITHOUT ROWID
"""


class TranslationCache:
    """Cached raw engine output per (model key, source text); `unknown` holds unknown words, space-separated."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = settings.cache_dir(folder)
        self.path = self.folder / CACHE_FILE
        # one connection shared by the threads of a process (the Streamlit app), serialised by a lock
        self._lock = threading.Lock()
        self._db = open_cache(self.path, [_SCHEMA], timeout=30)

    def _recover(self, error: sqlite3.DatabaseError) -> bool:
        """A file damaged while in use is moved aside and replaced by an empty cache; False for other errors."""
        if not is_corrupt(error):
            return False
        self._db.close()
        quarantine(self.path, error)
        self._db = open_cache(self.path, [_SCHEMA], timeout=30)
        return True

    def get_many(self, model: str, sources: Iterable[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Cached (target, unknown words) for those of `sources` that are cached."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, tuple[str, tuple[str, ...]]] = {}
        with self._lock:
            try:
                for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
                    chunk = wanted[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = self._db.execute(f"SELECT source, target, unknown FROM translations WHERE model = ? AND source IN ({marks})",
                                            [model, *chunk])
                    for source, target, unknown in rows.fetchall():
                        found[source] = (target, tuple(unknown.split()))
            except sqlite3.DatabaseError as error:
                if not self._recover(error):
                    raise
                return {}
        return found

    def put_many(self, model: str, entries: Iterable[tuple[str, str, tuple[str, ...]]]) -> None:
        """Store (source, target, unknown words) entries in one transaction."""
        rows = [(model, source, target, " ".join(unknown)) for source, target, unknown in entries]
        with self._lock:
            for attempt in range(2):
                try:
                    write_transaction(self._db, "INSERT OR REPLACE INTO translations (model, source, target, unknown) VALUES (?, ?, ?, ?)", rows)
                    return
                except sqlite3.DatabaseError as error:
                    if attempt or not self._recover(error):
                        raise

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        self._db.close()
