"""`pubtool fmt`: rewrite catalogs exactly as GNU `msgcat` would, or say which would change.

What translation teams run `msgcat` or `powrap` for, without gettext installed: every
catalog is read as gettext reads it (any declared charset) and written back byte for byte
as `msgcat --width=W` writes it, in place and atomically.  A file that cannot be read is
reported and left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pubtool.errors import CatalogError, ChangedOnDiskError, PubtoolError
from pubtool.files import PathLike, catalog_folder, guarded_writes, path_list
from pubtool.po.read import load_po
from pubtool.po.write import DEFAULT_WIDTH, encode_po, format_po

__all__ = ["FmtReport", "FormattedFile", "fmt", "formatted_bytes"]

UNCHANGED = "unchanged"
REFORMATTED = "reformatted"
WOULD_REFORMAT = "would reformat"
UNREADABLE = "error"
CHANGED_ON_DISK = "changed on disk"


@dataclass(frozen=True)
class FormattedFile:
    """One catalog: what `fmt` did (or would do) to it, and why not when it could not."""

    path: str
    status: str  # unchanged, reformatted, would reformat, error
    error: str = ""


@dataclass(frozen=True)
class FmtReport:
    """The catalogs `fmt` looked at; `exit_code` 2 if any could not be read, 1 if `--check`
    found one that would change or one was saved by another program while `fmt` worked on
    it (left as that program saved it), else 0."""

    files: tuple[FormattedFile, ...]
    check: bool

    @property
    def changed(self) -> list[str]:
        return [f.path for f in self.files if f.status in (REFORMATTED, WOULD_REFORMAT)]

    @property
    def exit_code(self) -> int:
        if any(f.status == UNREADABLE for f in self.files):
            return 2
        if any(f.status == CHANGED_ON_DISK for f in self.files):
            return 1
        return 1 if self.check and self.changed else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "check": self.check,
            "files": [
                {"path": f.path, "status": f.status, **({"error": f.error} if f.error else {})}
                for f in self.files
            ],
            "changed": self.changed,
            "exit_code": self.exit_code,
        }

    def lines(self) -> list[str]:
        """What was done, for stdout; what went wrong is in `problems` (stderr)."""
        lines = [
            f"{f.path}: {f.status}"
            for f in self.files
            if f.status not in (UNCHANGED, UNREADABLE, CHANGED_ON_DISK)
        ]
        unchanged = sum(f.status == UNCHANGED for f in self.files)
        unreadable = sum(f.status == UNREADABLE for f in self.files)
        refused = sum(f.status == CHANGED_ON_DISK for f in self.files)
        verb = "would be reformatted" if self.check else "reformatted"
        summary = f"{len(self.changed)} {verb}, {unchanged} unchanged"
        if refused:
            summary += f", {refused} changed on disk meanwhile (not written)"
        lines.append(summary + (f", {unreadable} unreadable" if unreadable else ""))
        return lines

    def problems(self) -> list[str]:
        """One line per file that could not be read, or was saved by another program while
        it was being formatted (and so was left as that program wrote it)."""
        return [f.error for f in self.files if f.status in (UNREADABLE, CHANGED_ON_DISK)]


def formatted_bytes(path: Path, width: int = DEFAULT_WIDTH) -> bytes:
    """The catalog at `path` as `msgcat --width=WIDTH` writes it, in its own charset."""
    po = load_po(path, foreign=True)
    return encode_po(po, format_po(po, width))


def fmt(
    paths: PathLike | Iterable[PathLike],
    *,
    check: bool = False,
    width: int | None = None,
    lock_timeout: float = 30.0,
) -> FmtReport:
    """Rewrite the catalogs (`.po`/`.pot` files, or folders searched for them) as msgcat would.

    With `check`, nothing is written: the report lists the files that would change. A file
    that cannot be read is reported and never written; the others are still done. Each
    file is rewritten under the lock of its catalog folder (the one `update` takes) and
    only if it still holds what was read: a save by another program meanwhile is kept.
    """
    if width is not None and width < 0:
        raise PubtoolError(f"--width {width}: a page width is 0 (no limit) or more")
    page = DEFAULT_WIDTH if width is None else width
    files = _catalog_files(path_list(paths))
    return FmtReport(
        tuple(
            _format_one(path, check=check, width=page, lock_timeout=lock_timeout)
            for path in files
        ),
        check,
    )


def _format_one(path: Path, *, check: bool, width: int, lock_timeout: float) -> FormattedFile:
    if check:
        try:
            wanted = formatted_bytes(path, width)
            current = path.read_bytes()
        except CatalogError as error:
            return FormattedFile(str(path), UNREADABLE, str(error))
        except OSError as error:
            return FormattedFile(str(path), UNREADABLE, f"{path}: {error.strerror}")
        return FormattedFile(str(path), UNCHANGED if wanted == current else WOULD_REFORMAT)
    try:
        with guarded_writes(catalog_folder(path), lock_timeout) as writes:
            writes.remember(path)
            written = writes.stage(path, formatted_bytes(path, width))
    except ChangedOnDiskError as error:
        return FormattedFile(str(path), CHANGED_ON_DISK, str(error))
    except PubtoolError as error:  # cannot be read, cannot be written, the lock
        return FormattedFile(str(path), UNREADABLE, str(error))
    return FormattedFile(str(path), REFORMATTED if written else UNCHANGED)


def _catalog_files(paths: Sequence[Path]) -> list[Path]:
    """The catalogs named, and those found in folders (sorted); anything else is an error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix in (".po", ".pot") and p.is_file())
            files += sorted(found)
        elif path.is_file():
            files.append(path)
        else:
            raise PubtoolError(f"{path}: no such file or folder")
    return list(dict.fromkeys(files))
