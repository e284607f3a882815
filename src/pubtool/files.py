"""Atomic writes: a reader never sees half a file, and a failed write leaves the old one.

A writer that read the file first passes what it read (`FileState`): just before the
rename, the file on disk is compared with it, and a file another program saved in the
meantime is never replaced (`ChangedOnDiskError`, nothing written).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from pubtool.errors import CatalogError, ChangedOnDiskError, WriteError

try:
    import fcntl
except ImportError:  # Windows: no flock; the check before each rename still holds
    fcntl = None  # type: ignore[assignment]

#: What the user is told for the errors a full disk or a locked-down folder give.
_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "the folder vanished while writing",
}


@dataclass(frozen=True)
class FileState:
    """A file as a writer read it: the digest of its bytes, None when there was no file."""

    path: Path
    digest: str | None

    @classmethod
    def of(cls, path: Path) -> FileState:
        """The file as it is now; read before the content it guards, so that a save made
        between the two reads is taken for a change (refused, never lost)."""
        try:
            return cls(path, _digest(path.read_bytes()))
        except FileNotFoundError:
            return cls(path, None)
        except OSError as error:
            raise WriteError(f"cannot read: {_reason(error)}", file=_shown(path)) from None

    def still_on_disk(self) -> bool:
        """The file holds what was read (the same bytes, or still no file).

        The content is compared, not size and mtime: a save within the file system's
        timestamp tick, of the same size, is still seen; a `touch` is not a change."""
        try:
            return _digest(self.path.read_bytes()) == self.digest
        except FileNotFoundError:
            return self.digest is None


@dataclass(frozen=True)
class PlannedWrite:
    """New bytes for `path`; `read` is what the writer based them on (None: write anyway)."""

    path: Path
    data: bytes
    read: FileState | None = None


def write_bytes_atomically(path: Path, data: bytes, *, read: FileState | None = None) -> None:
    """Write to a temporary file in the same folder, then rename it into place.

    Any OS error (no space, permission, read-only file system, a folder that vanished)
    is a WriteError naming `path`; the old file is left as it was and no temporary
    file stays behind. With `read`, a file that changed since is left alone
    (ChangedOnDiskError). A symbolic link stays a link: its target is replaced. The
    file's mode (and, where allowed, its owner) is kept.
    """
    write_files_atomically([PlannedWrite(path, data, read)])


def write_text_atomically(path: Path, text: str, *, read: FileState | None = None) -> None:
    write_bytes_atomically(path, text.encode("utf-8"), read=read)


def write_files_atomically(writes: Sequence[PlannedWrite]) -> None:
    """Write several files all or nothing, as far as a file system allows: every temporary
    file is written and synced, then every file is checked against what was read, and
    only then are they renamed into place, one after another.

    The check and the rename are not one step: a save landing in the microseconds between
    the last `stat` and the rename is still replaced. No file system offers more to
    programs that do not share a lock; the window is as small as it can be made.
    """
    temporaries: list[tuple[PlannedWrite, Path, str]] = []
    current: Path | None = None
    try:
        for write in writes:
            current = write.path
            target = _link_target(write.path)
            temporaries.append((write, target, _temporary_copy(target, write.data)))
        identities = []
        for write, _target, _temporary in temporaries:
            if write.read is None:
                continue
            identity = _identity(write.path)
            if not write.read.still_on_disk():
                _refuse(write.path)
            identities.append((write.path, identity))
        # Comparing the content takes milliseconds on a large catalog; a save made meanwhile
        # shows in the file's identity, which a last stat compares just before the renames.
        for path, identity in identities:
            if _identity(path) != identity:
                _refuse(path)
        while temporaries:
            write, target, temporary = temporaries[0]
            current = write.path
            os.replace(temporary, target)
            temporaries.pop(0)
            _sync_folder(target.parent)
    except OSError as error:
        shown = _shown(current) if current is not None else None
        raise WriteError(f"cannot write: {_reason(error)}", file=shown) from None
    finally:
        for _write, _target, temporary in temporaries:  # also on KeyboardInterrupt
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """Which file is at `path` and when it last changed (inode, size, mtime, ctime)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _refuse(path: Path) -> NoReturn:
    raise ChangedOnDiskError(
        "changed on disk while updating; nothing written; run again", file=_shown(path)
    )


def catalog_folder(path: Path) -> Path:
    """The folder whose lock guards a catalog: `locales/` for `locales/<lang>/LC_MESSAGES/
    <domain>.po` (so every catalog and the template of a project share one lock), else the
    catalog's own folder."""
    if path.parent.name == "LC_MESSAGES":
        return path.parent.parent.parent
    return path.parent


#: Folders each thread holds the lock of, and how many times: a writer called inside
#: another (flock is per descriptor, so a second descriptor would wait for the first).
#: Another thread opens its own descriptor, and so waits like another process.
_HELD: dict[tuple[str, int], int] = {}


@contextmanager
def folder_lock(folder: Path, timeout: float, *, shown: str | None = None) -> Iterator[None]:
    """Only one writer of the catalogs under `folder` at a time, in any process.

    The lock is `flock` on the folder's own descriptor: nothing is created, in the folder
    or in the temporary folder, so every process that can read the folder sees the same
    lock whatever its TMPDIR or user, and the kernel drops it when its holder exits or is
    killed. A second writer waits up to `timeout` seconds, then gives up (exit 2)."""
    where = shown if shown is not None else _shown(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = (os.path.realpath(folder), threading.get_ident())
    except OSError as error:
        raise WriteError(f"cannot take the lock: {_reason(error)}", file=where) from None
    if key in _HELD or fcntl is None:
        _HELD[key] = _HELD.get(key, 0) + 1
        try:
            yield
        finally:
            _release_count(key)
        return
    descriptor = _locked_descriptor(folder, timeout, where)
    _HELD[key] = 1
    try:
        yield
    finally:
        _release_count(key)
        os.close(descriptor)  # closing the last descriptor releases the flock


def _locked_descriptor(folder: Path, timeout: float, where: str) -> int:
    assert fcntl is not None
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise WriteError(f"cannot take the lock: {_reason(error)}", file=where) from None
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return descriptor
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise CatalogError(
                        f"another process has held the lock on these catalogs for "
                        f"{timeout:g} s; try again",
                        file=where,
                    ) from None
                time.sleep(min(0.05, max(deadline - time.monotonic(), 0.001)))
            except OSError as error:  # a file system without flock
                raise WriteError(f"cannot take the lock: {_reason(error)}", file=where) from None
    except BaseException:
        os.close(descriptor)
        raise


def _release_count(key: tuple[str, int]) -> None:
    _HELD[key] -= 1
    if not _HELD[key]:
        del _HELD[key]


@dataclass
class GuardedWrites:
    """The files one command reads and then rewrites: each is remembered as it was read,
    and `commit` writes them all only if none changed on disk since (`guarded_writes`)."""

    _read: dict[Path, FileState] = field(default_factory=dict)
    _planned: dict[Path, PlannedWrite] = field(default_factory=dict)

    def remember(self, path: Path) -> FileState:
        """Call before reading `path`: what it holds now is what the new content is based on."""
        state = FileState.of(path)
        self._read[path] = state
        return state

    def stage(self, path: Path, data: bytes) -> bool:
        """Plan to write `data` to `path`; False (and nothing planned) when it is what was
        read. A file not remembered is remembered now: written only if it stays so."""
        state = self._read.get(path) or self.remember(path)
        if state.digest == _digest(data):
            self._planned.pop(path, None)
            return False
        self._planned[path] = PlannedWrite(path, data, state)
        return True

    def commit(self) -> None:
        write_files_atomically(list(self._planned.values()))
        self._planned.clear()


@contextmanager
def guarded_writes(
    folder: Path, timeout: float, *, shown: str | None = None
) -> Iterator[GuardedWrites]:
    """The one way catalogs are rewritten: under the folder's lock, each file read through
    `remember`, all staged files written at the end, none if any changed on disk."""
    with folder_lock(folder, timeout, shown=shown):
        writes = GuardedWrites()
        yield writes
        writes.commit()


def _link_target(path: Path) -> Path:
    """Where the bytes go: the file a symbolic link points to, so the link stays one."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _temporary_copy(path: Path, data: bytes) -> str:
    """`data` in a synced temporary file beside `path`, with `path`'s mode and owner."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        status: os.stat_result | None = path.stat()
    except FileNotFoundError:
        status = None
    # created no more open than the file it replaces, so its text is never readable by
    # more people than before, even for the moment before the chmod below
    descriptor, temporary = _new_temporary(path, status.st_mode & 0o777 if status else 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if status is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(temporary, status.st_uid, status.st_gid)
        if status is not None:  # a new file keeps the mode the umask gave it
            os.chmod(temporary, stat.S_IMODE(status.st_mode))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _new_temporary(path: Path, mode: int) -> tuple[int, str]:
    """A new file beside `path`, opened for writing, created as `open()` creates a file:
    `mode` less the umask (`tempfile.mkstemp` makes 0o600, which a new catalog would keep;
    reading the umask to undo that means setting it, for every thread at once)."""
    for _ in range(100):
        temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), str(temporary)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
