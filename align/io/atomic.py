"""Atomic file writes that keep the previous version, so nothing the user saved is lost."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept (`NAME.bak`)."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, keep_backup: bool = True) -> Path:
    """Write `data` to `path` through a temporary file and a rename.

    A crash mid-write leaves either the old file or the new one, never half of one. With
    `keep_backup`, the file being replaced is first copied to `NAME.bak`.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.exists():
            shutil.copy2(target, backup_path(target))
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target
