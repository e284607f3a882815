"""The `pubtool` command: options in, one library call, the report out, errors to exit codes.

Every command is a thin wrapper over a function of the public API (`pubtool.extract`,
`pubtool.status`, ...). Exit codes: 0 done, 1 a gate failed, 2 bad input, 3 a bug (one line;
`--debug` shows the traceback). Only `run_command` turns exceptions into exit codes.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

import pubtool
from pubtool.cli.help import PubtoolGroup, PubtoolTyper
from pubtool.cli.options import ProjectOption
from pubtool.errors import BUG_EXIT_CODE, INTERRUPTED_EXIT_CODE, PubtoolError
from pubtool.project import Project, load_project

app = PubtoolTyper(
    name="pubtool",
    cls=PubtoolGroup,
    help="Public statements to translated, checked, printable publications.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """What the root options said: the project folder and whether to show tracebacks."""

    def __init__(self, project: Path | None = None, debug: bool = False) -> None:
        self.project = project
        self.debug = debug


def notice(message: str) -> None:
    print(f"pubtool: {message}", file=sys.stderr)


def run_command(command: F) -> F:
    """The one place exceptions become exit codes: PubtoolError by its own code, a bug 3."""

    @functools.wraps(command)
    def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        try:
            return command(ctx, *args, **kwargs)
        except PubtoolError as error:
            if _settings(ctx).debug and error.__cause__ is not None:  # a check that crashed
                traceback.print_exception(error.__cause__)
            print(f"pubtool: error: {error}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:  # Ctrl-C: every write is atomic, so nothing is half done
            print("pubtool: interrupted", file=sys.stderr)
            raise typer.Exit(INTERRUPTED_EXIT_CODE) from None
        except BrokenPipeError:  # the reader stopped early (`| head`): nothing went wrong
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
            raise typer.Exit(0) from None
        except Exception as error:  # a bug, not bad input: say so, briefly
            if _settings(ctx).debug:
                traceback.print_exc()
            where = " ".join(str(error).split())[:200]
            print(
                f"pubtool: internal error: {type(error).__name__}: {where}; "
                "rerun with --debug for the traceback",
                file=sys.stderr,
            )
            raise typer.Exit(BUG_EXIT_CODE) from None

    return wrapper  # type: ignore[return-value]


def _settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, Settings) else Settings()


def _version(value: bool) -> None:
    if value:
        print(f"pubtool {pubtool.__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    project: ProjectOption = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Public statements to translated, checked, printable publications."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that is not UTF-8 shows \\u escapes
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    ctx.obj = Settings(project, debug)


def _project(ctx: typer.Context, folder: Path | None = None) -> Project:
    folder = folder or _settings(ctx).project
    if folder is not None and not Path(folder).is_dir():
        raise PubtoolError(f"--project {folder}: no such folder")
    return load_project(folder)


def _project_if_any(ctx: typer.Context, folder: Path | None, paths: list[Path]) -> Project | None:
    """The project the catalogs named on the command line belong to (found from the first
    of them, so `en` is known as the source language), or none: they are measured alone."""
    if folder or _settings(ctx).project:
        return _project(ctx, folder)
    try:
        return load_project(search_from=paths[0] if paths[0].is_dir() else paths[0].parent)
    except PubtoolError:
        return None


def _emit(report: Any, output_format: str) -> None:
    """Print a report in the format asked for; JSON is exactly `report.as_dict()`."""
    if output_format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        print(report.as_markdown(), end="")
    elif output_format == "table":
        for renderable in report.as_table():
            stdout.print(renderable)
    else:
        for line in report.lines():
            print(line)


def _finish(warnings: list[str], errors: list[str], summary: list[str]) -> None:
    for line in warnings:
        notice(line)
    for line in errors:
        print(f"pubtool: error: {line}", file=sys.stderr)
    for line in summary:
        notice(line)


# The commands, by subject; importing a module registers its commands on `app`, and the
# order of these imports is the order `pubtool --help` lists them in: the workflow's.
from pubtool.cli import catalogs  # noqa: E402, F401, I001
from pubtool.cli import reports  # noqa: E402, F401, I001
from pubtool.cli import publish  # noqa: E402, F401, I001
from pubtool.cli import exchange  # noqa: E402, F401, I001
from pubtool.cli import editions  # noqa: E402, F401, I001


def main() -> None:
    app()


if __name__ == "__main__":
    main()
