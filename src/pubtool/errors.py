"""One exception family: library code raises these, only the CLI turns them into exit codes."""

from __future__ import annotations

import re
from pathlib import Path

#: The exit code of bad input on the command line itself (an unknown option, a bad value).
USAGE_EXIT_CODE = 2
#: The exit code of an internal error: a bug in pubtool, never the user's input.
BUG_EXIT_CODE = 3
#: The shell's code for a command stopped by Ctrl-C (128 + SIGINT).
INTERRUPTED_EXIT_CODE = 130

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """Text for a one-line report: line breaks and other control characters escaped
    (a path or value from the user may hold them), so an error stays one line."""
    return _CONTROL.sub(lambda match: repr(match[0])[1:-1], text)


class PubtoolError(Exception):
    """Bad input or configuration: reported as one line, never as a traceback."""

    exit_code = 2

    def __init__(
        self, message: str, file: str | Path | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return one_line(f"{where}{self.message}")


class ConfigError(PubtoolError):
    """`[tool.pubtool]` is missing or malformed, or names something that is not there."""


class StatementError(PubtoolError):
    """A statement file under `statements/` cannot be loaded as it is."""


class CatalogError(PubtoolError):
    """A `.po`/`.pot` file cannot be parsed, or cannot be written safely."""


class WriteError(PubtoolError):
    """A file cannot be written (no space, permission, read-only file system, a folder that
    vanished): the file named is left as it was."""


class ChangedOnDiskError(PubtoolError):
    """A file was saved by another program while pubtool worked on it: pubtool wrote
    nothing, so that save is kept; running the command again starts from it. Exit 1."""

    exit_code = 1


class RenderError(PubtoolError):
    """A booklet or HTML page cannot be built from the documents given."""


class GateFailed(PubtoolError):
    """The work ran but its result is below the bar (coverage, checks): exit code 1."""

    exit_code = 1


class ExchangeError(PubtoolError):
    """An XLIFF, TMX or TBX file cannot be exported, or cannot be imported as it is."""
