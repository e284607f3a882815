"""What `build-md` and `build-site` wrote into their output folder, so that a file whose
statement is gone can be removed, and only such a file.

The manifest (`.pubtool-manifest.json` in the output folder) lists each file written, by
its path in the folder, with the SHA-256 of its bytes. A file is removed only when the
manifest lists it, no build writes it any more and it still holds exactly those bytes:
what a person put in the folder, or edited there since, is never touched.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from pubtool.files import write_text_atomically

MANIFEST = ".pubtool-manifest.json"

Notice = Callable[[str], None]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: Path) -> dict[str, str]:
    """The files pubtool wrote into `folder` (path -> SHA-256); nothing when the manifest is
    missing or is not one pubtool wrote (then nothing can be proved, so nothing is removed)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {
        name: digest
        for name, digest in files.items()
        if isinstance(name, str) and isinstance(digest, str) and _inside(name)
    }


def _inside(name: str) -> bool:
    """A relative path that stays in the folder: a manifest never names a file elsewhere."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def sweep(
    folder: Path,
    current: Mapping[str, str],
    *,
    suffix: str,
    partial: bool = False,
    notice: Notice | None = None,
    shown: Callable[[Path], str] = str,
) -> list[str]:
    """Record `current` (path in `folder` -> text written) as what pubtool wrote, and remove
    the `suffix` files an earlier build wrote that no longer correspond to anything. With
    `partial` (a build of some statements only), nothing is removed. Returns the removed
    files, as `shown` names them."""
    before = read_manifest(folder)
    after = {name: _digest(text.encode("utf-8")) for name, text in current.items()}
    removed: list[str] = []
    if partial:
        after = {**before, **after}
    else:
        for name, digest in sorted(before.items()):
            if name in after or not name.endswith(suffix):
                continue
            path = folder / name
            if not path.is_file():
                continue
            if _digest(path.read_bytes()) != digest:
                if notice is not None:
                    notice(
                        f"{shown(path)}: its statement is gone, but the file changed since "
                        "pubtool wrote it; left in place"
                    )
                continue
            path.unlink()
            removed.append(shown(path))
            _remove_empty_parents(path.parent, folder)
    text = json.dumps({"files": dict(sorted(after.items()))}, indent=1, sort_keys=True) + "\n"
    target = folder / MANIFEST
    if after and (not target.is_file() or target.read_bytes() != text.encode("utf-8")):
        write_text_atomically(target, text)
    elif not after and target.is_file():
        target.unlink()
    return removed


def _remove_empty_parents(folder: Path, top: Path) -> None:
    """Subfolders the removed file leaves empty go too, up to (not including) `top`."""
    top = top.resolve()
    while folder.resolve() != top and folder.resolve().is_relative_to(top):
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent
