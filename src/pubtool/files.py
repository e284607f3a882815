"""Atomic writes: a reader never sees half a file, and a failed write leaves the old one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pubtool.errors import WriteError

#: What the user is told for the errors a full disk or a locked-down folder give.
_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "the folder vanished while writing",
}


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place.

    Any OS error (no space, permission, read-only file system, a folder that vanished)
    is a WriteError naming `path`; the old file is left as it was and no temporary
    file stays behind.
    """
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        temporary = None
        _sync_folder(path.parent)
    except OSError as error:
        raise WriteError(f"cannot write: {_reason(error)}", file=_shown(path)) from None
    finally:
        if temporary is not None:  # also on KeyboardInterrupt
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot sync a folder: no matter."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _shown(path: Path) -> str:
    """The path as the user typed it: relative to the working folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def _reason(error: OSError) -> str:
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error)).lower()


#: A path as an API caller may hold it: text or any os.PathLike (pathlib, py.path).
PathLike = str | os.PathLike[str]


def path_list(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    """One path or several, however the caller holds them: `"a.po"` is one path, not four
    one-letter ones."""
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(path) for path in paths]
