"""SQLite files shared by several processes at once (the MT and embedding caches under parallel workers).

Each cache is one SQLite file that every worker of a corpus run opens. What keeps it whole:
- WAL journal: readers never block the writer and a killed writer leaves the last committed state;
- `busy_timeout`: a writer waits for the lock instead of failing at once;
- writes in `BEGIN IMMEDIATE` transactions: the write lock is taken first, so two writers never
  both hold a read snapshot and then fail to upgrade it (SQLITE_BUSY that no timeout waits out);
- switching a new file to WAL, which needs a moment alone with it, is retried when several
  processes create the file at the same time.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

BUSY_TIMEOUT_SECONDS = 60.0
_T = TypeVar("_T")


def is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def retry_busy(action: Callable[[], _T], seconds: float = BUSY_TIMEOUT_SECONDS) -> _T:
    """Run `action`, again after a short wait while SQLite says the file is locked, for up to `seconds`."""
    deadline = time.monotonic() + seconds
    wait = 0.01
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(wait)
            wait = min(wait * 2, 0.5)


def connect_shared(path: str | Path, schema: str) -> sqlite3.Connection:
    """A connection in WAL mode with a busy timeout, `schema` created; usable from the threads of one process (lock it)."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    retry_busy(lambda: connection.execute("PRAGMA journal_mode=WAL"))
    connection.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: a power cut may lose the last commits, never corrupt the file
    retry_busy(lambda: connection.execute(schema))
    return connection


def write_transaction(connection: sqlite3.Connection, statement: str, rows: list[tuple]) -> None:
    """`executemany(statement, rows)` in one IMMEDIATE transaction, retried while another process holds the lock."""
    def write() -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(statement, rows)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    if rows:
        retry_busy(write)
