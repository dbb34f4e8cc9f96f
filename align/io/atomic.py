"""Atomic file writes that keep the previous version, and locks for read–modify–write, so nothing the user saved is lost."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path

STALE_TEMP_SECONDS = 3600
"""Temporary files of a write older than this were left by a killed process (a live write takes seconds)."""

_held_locks: dict[str, tuple[int, int]] = {}  # lock file -> (descriptor, depth): a process may re-enter its own lock
_held_guard = threading.RLock()


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept (`NAME.bak`)."""
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    """The lock file of `path` (`.NAME.lock`, next to it)."""
    return path.with_name(f".{path.name}.lock")


def fingerprint(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes ('' when it does not exist): tells whether it changed since it was read."""
    file = Path(path)
    return hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else ""


@contextmanager
def file_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock on `path` (through `.NAME.lock`) for a read–modify–write; other processes wait.

    Re-entrant within a process, so a function holding the lock may call one that takes it too.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    key = str(lock_path(target).resolve())
    with _held_guard:
        held = _held_locks.get(key)
        if held is not None:
            _held_locks[key] = (held[0], held[1] + 1)
    if held is None:
        descriptor = os.open(key, os.O_RDWR | os.O_CREAT, 0o666)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        with _held_guard:
            _held_locks[key] = (descriptor, 1)
    try:
        yield
    finally:
        with _held_guard:
            descriptor, depth = _held_locks[key]
            if depth > 1:
                _held_locks[key] = (descriptor, depth - 1)
            else:
                del _held_locks[key]
                fcntl.flock(descriptor, fcntl.LOCK_UN)
                os.close(descriptor)


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, keep_backup: bool = True) -> Path:
    """Write `data` to `path` through a temporary file and a rename.

    A crash mid-write leaves either the old file or the new one, never half of one. With
    `keep_backup`, the file being replaced is first kept as `NAME.bak` — itself replaced
    atomically (a hard link, or a copy through a temporary file), so a kill never leaves a
    truncated backup. The file keeps its permission bits; a new file gets 0666 less the umask.
    Temporary files left by killed writes are removed.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        tmp_name = _write_temporary(target, payload, mode)
    except OSError as error:  # a full disk reports no file name: name the file being written
        if error.filename is None:
            raise OSError(error.errno, error.strerror, str(target)) from None
        raise
    try:
        if keep_backup and target.is_file():
            _replace_backup(target)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


def remove_stale_temporaries(target: Path) -> None:
    """Delete `.NAME.PID.*.tmp` files next to `target` that a killed write left behind (its process is gone, or older than `STALE_TEMP_SECONDS`)."""
    now = time.time()
    prefix = f".{target.name}."
    try:
        leftovers = list(target.parent.glob(f"{glob_escape(prefix)}*.tmp"))
    except OSError:
        return
    for leftover in leftovers:
        writer = leftover.name[len(prefix):].split(".", 1)[0]
        try:
            if (writer.isdigit() and not _alive(int(writer))) or now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _write_temporary(target: Path, payload: bytes, mode: int) -> str:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return tmp_name


def _replace_backup(target: Path) -> None:
    """Make `NAME.bak` the current content of `target`, atomically: the old backup stays whole until the new one is complete."""
    backup = backup_path(target)
    tmp_name = str(target.parent / f".{target.name}.{os.getpid()}.bak{threading.get_ident()}.tmp")
    Path(tmp_name).unlink(missing_ok=True)
    try:
        try:
            os.link(target, tmp_name)  # the bytes are already on disk: a second name costs nothing and cannot be half-written
        except OSError:  # a file system without hard links
            _write_temporary_at(tmp_name, target.read_bytes(), target.stat().st_mode & 0o7777)
        os.replace(tmp_name, backup)
        # a write killed between its two renames leaves NAME.bak and NAME as one file; renaming a name onto another
        # name of the same file does nothing (POSIX), so the temporary name would stay: drop it
        Path(tmp_name).unlink(missing_ok=True)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _write_temporary_at(name: str, payload: bytes, mode: int) -> None:
    descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (a power cut after it keeps the new name)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _umask() -> int:
    with _held_guard:  # os.umask can only be read by setting it; keep threads from seeing the temporary value
        mask = os.umask(0o022)
        os.umask(mask)
    return mask
