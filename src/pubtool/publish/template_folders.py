"""Where a booklet's templates come from: `--templates DIR`, the project's `templates/`, and the
defaults shipped inside the package, searched in that order, file by file."""

from __future__ import annotations

import atexit
import contextlib
import importlib.resources
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pubtool.errors import RenderError

#: The files the default booklet and web edition are made of; `pubtool templates` copies these.
DEFAULT_TEMPLATE_FILES = (
    "booklet.html.j2", "title-page.html.j2", "imprint.html.j2", "booklet.css", "labels.yaml",
    "badge.svg.j2", "site-base.html.j2", "site-index.html.j2", "site-contents.html.j2",
    "site-statement.html.j2", "site.css",
)  # fmt: skip


@cache
def default_templates() -> Path:
    """The package's own templates folder as a real path (Jinja and WeasyPrint need one).

    Installed from a wheel it is a folder already; from a zip it is extracted once, for the run.
    """
    resource = importlib.resources.files("pubtool.publish") / "templates"
    if isinstance(resource, Path):
        return resource
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(importlib.resources.as_file(resource)))


def template_folders(templates_dir: Path | None, extra: Path | None = None) -> list[Path]:
    """The folders to search, first match wins: `extra` (`--templates`), the project's folder
    when it exists, then the package defaults; `labels.yaml` is merged across all of them."""
    folders = []
    if extra is not None:
        if not extra.is_dir():
            raise RenderError("--templates: no such folder", file=extra)
        folders.append(extra)
    if templates_dir is not None and templates_dir.is_dir():
        folders.append(templates_dir)
    folders.append(default_templates())
    return list(dict.fromkeys(folders))


def copy_default_templates(
    target: Path, names: Sequence[str] = DEFAULT_TEMPLATE_FILES
) -> tuple[list[Path], list[Path]]:
    """Copy the default templates into `target` for restyling; a file already there is kept.

    Returns (written, kept): nothing a user has changed is ever overwritten.
    """
    from pubtool.files import write_bytes_atomically

    source = default_templates()
    written, kept = [], []
    for name in names:
        destination = target / name
        if destination.exists():
            kept.append(destination)
            continue
        try:
            write_bytes_atomically(destination, (source / name).read_bytes())
        except OSError as error:
            raise RenderError(f"cannot write: {error.strerror}", file=destination) from None
        written.append(destination)
    return written, kept
