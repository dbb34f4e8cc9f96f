"""Opening the SQLite caches: a damaged cache is moved aside and started afresh, never a reason to stop.

A cache only saves work (translations and vectors can be computed again), so a damaged file —
truncated, overwritten, not a database — is renamed `NAME.corrupt-TIMESTAMP` (kept for a
post-mortem, never deleted), a notice goes to stderr, and an empty cache takes its place.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

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
    connection = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    except BaseException:
        connection.close()
        raise
    return connection
