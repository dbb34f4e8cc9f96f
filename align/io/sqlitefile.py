"""The SQLite caches (translations, embeddings), shared by the threads and worker processes of a run.

A damaged cache is moved aside and started afresh, never a reason to stop.

A cache only saves work (translations and vectors can be computed again), so a damaged file —
truncated, overwritten, not a database — is renamed `NAME.corrupt-TIMESTAMP` (kept for a
post-mortem, never deleted), a notice goes to stderr, and an empty cache takes its place.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from align.errors import InputError

_CORRUPT_NAMES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether an SQLite error says the file itself is damaged (not locked, read-only or full)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    message = str(error).lower()
    return name.startswith(_CORRUPT_NAMES) or "not a database" in message or "malformed" in message


def open_cache(path: Path, statements: Iterable[str], *, timeout: float = 30) -> sqlite3.Connection:
    """Connect to the cache at `path` (WAL mode) and run the schema `statements`; recover from a damaged file.

    Raises InputError naming the path when the cache folder cannot be used (a file, no permission).
    """
    statements = list(statements)
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "the cache folder is a file, not a folder (check ALIGN_CACHE_DIR or --cache)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(folder, f"cannot create the cache folder: {error.strerror or error}") from None
    try:
        return _connect(path, statements, timeout)
    except sqlite3.DatabaseError as error:
        if not is_corrupt(error):
            raise InputError(path, f"cannot open the cache: {error}") from None
        quarantine(path, error)
    try:
        return _connect(path, statements, timeout)
    except sqlite3.Error as error:
        raise InputError(path, f"cannot open the cache: {error}") from None


def quarantine(path: Path, error: Exception) -> Path:
    """Move a damaged cache (and its WAL files) aside as `NAME.corrupt-TIMESTAMP`; say so on stderr."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 2
    while aside.exists():
        aside, number = path.with_name(f"{path.name}.corrupt-{stamp}-{number}"), number + 1
    try:
        path.rename(aside)
    except FileNotFoundError:
        pass
    except OSError as rename_error:
        raise InputError(path, f"the cache is damaged ({error}) and cannot be moved aside: {rename_error.strerror or rename_error}") from None
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            try:
                companion.rename(aside.with_name(aside.name + suffix))
            except OSError:
                companion.unlink(missing_ok=True)
    print(f"notice: {path}: the cache was damaged ({error}); moved aside to {aside.name}, starting an empty cache", file=sys.stderr)
    return aside


def _connect(path: Path, statements: list[str], timeout: float) -> sqlite3.Connection:
    """WAL journal (readers never block the writer; a killed writer leaves the last commit), a busy timeout (a writer
    waits for another process's lock), autocommit with explicit `BEGIN IMMEDIATE` writes (`write_transaction`)."""
    connection = sqlite3.connect(path, timeout=max(timeout, BUSY_TIMEOUT_SECONDS), check_same_thread=False, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(max(timeout, BUSY_TIMEOUT_SECONDS) * 1000)}")
        retry_busy(lambda: connection.execute("PRAGMA journal_mode=WAL"))  # needs a moment alone with a new file
        connection.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: a power cut may lose the last commits, never corrupt the file
        for statement in statements:
            retry_busy(lambda statement=statement: connection.execute(statement))
    except BaseException:
        connection.close()
        raise
    return connection


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


WRITE_SECONDS = [0.0]
"""Seconds this process spent in `write_transaction`, waiting for the lock included (the corpus runner reports it per document)."""


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
        start = time.perf_counter()
        try:
            retry_busy(write)
        finally:
            WRITE_SECONDS[0] += time.perf_counter() - start
