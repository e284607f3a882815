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
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Protocol, TypeVar

import typer
from rich.console import Console

import pubtool
from pubtool.errors import BUG_EXIT_CODE, PubtoolError
from pubtool.project import Project, load_project

app = typer.Typer(
    name="pubtool",
    help="Public statements to translated, checked, printable publications.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


class Report(Protocol):
    def as_dict(self) -> dict[str, object]: ...


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class CheckFormat(StrEnum):
    text = "text"
    table = "table"
    json = "json"


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
            print(f"pubtool: error: {error}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
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


ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-P",
        envvar="PUBTOOL_PROJECT",
        help="Project folder (default: found by walking up from here).",
    ),
]


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


def _emit(report: Any, output_format: str, *, text: bool = False) -> None:
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


LanguagesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lang", "-l", help="Languages, comma-separated or repeated (default: all configured)."
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Catalogs or folders (default: the project's catalogs)."),
]


# --- statements and catalogs ----------------------------------------------------------------


@app.command("statements")
@run_command
def statements_command(
    ctx: typer.Context,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = OutputFormat.table,
    project: ProjectOption = None,
) -> None:
    """List the statements: id, date, title, paragraphs, words."""
    _emit(pubtool.list_statements(_project(ctx, project), notice=notice), output_format)


@app.command("extract")
@run_command
def extract_command(ctx: typer.Context, project: ProjectOption = None) -> None:
    """Write the message template (locales/<domain>.pot) from the statements."""
    _emit(pubtool.extract(_project(ctx, project), notice=notice), "lines")


@app.command("update")
@run_command
def update_command(
    ctx: typer.Context,
    lang: LanguagesOption = None,
    drop_obsolete: Annotated[
        bool, typer.Option("--drop-obsolete", help="Remove obsolete (#~) entries.")
    ] = False,
    project: ProjectOption = None,
) -> None:
    """Create or update each language's catalog from the template, keeping every translation."""
    summary = pubtool.update(_project(ctx, project), lang, drop_obsolete=drop_obsolete)
    _emit(summary, "lines")


@app.command("compile")
@run_command
def compile_command(
    ctx: typer.Context,
    lang: LanguagesOption = None,
    use_fuzzy: Annotated[
        bool, typer.Option("--use-fuzzy", help="Include fuzzy translations.")
    ] = False,
    project: ProjectOption = None,
) -> None:
    """Compile catalogs to .mo files (fuzzy entries left out unless --use-fuzzy)."""
    _emit(pubtool.compile(_project(ctx, project), lang, use_fuzzy=use_fuzzy), "lines")


# --- coverage and checks --------------------------------------------------------------------


@app.command("status")
@run_command
def status_command(
    ctx: typer.Context,
    paths: PathsArgument = None,
    lang: LanguagesOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = OutputFormat.table,
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="Exit 1 below this percent: 95, or LANG=PERCENT,..."),
    ] = None,
    per_statement: Annotated[
        bool, typer.Option("--per-statement", help="Every statement must pass the bar too.")
    ] = False,
    badge: Annotated[
        Path | None, typer.Option("--badge", help="Write one SVG badge per language here.")
    ] = None,
    project: ProjectOption = None,
) -> None:
    """Translation completeness per language and per statement, in messages and words."""
    where = _project_if_any(ctx, project, paths) if paths else _project(ctx, project)
    report = pubtool.status(
        where, paths or (), lang, fail_under=fail_under, per_statement=per_statement
    )
    _emit(report, output_format)
    if badge is not None:
        from pubtool.publish.edition import write_badges

        write_badges(where, report, badge)
    _finish(report.warnings, report.errors, [f"below the bar: {s}" for s in report.shortfalls])
    raise typer.Exit(report.exit_code)


@app.command("check")
@run_command
def check_command(
    ctx: typer.Context,
    paths: PathsArgument = None,
    lang: LanguagesOption = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text (file:line: lines), table or json.")
    ] = CheckFormat.text,
    project: ProjectOption = None,
) -> None:
    """Check translations for what breaks a publication: numbers, dates, markup, whitespace."""
    where = _project_if_any(ctx, project, paths) if paths else _project(ctx, project)
    report = pubtool.check(where, paths or (), lang)
    _emit(report, "lines" if output_format is CheckFormat.text else output_format)
    _finish([], report.errors, [report.summary()])
    raise typer.Exit(report.exit_code)


def _finish(warnings: list[str], errors: list[str], summary: list[str]) -> None:
    for line in warnings:
        notice(line)
    for line in errors:
        print(f"pubtool: error: {line}", file=sys.stderr)
    for line in summary:
        notice(line)


# --- booklets -------------------------------------------------------------------------------

EditionLanguages = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        "-l",
        help="Languages side by side, the first leading: az,en; one language alone "
        "(default: the first target language beside the source language).",
    ),
]
StatementOption = Annotated[
    list[str] | None,
    typer.Option("--statement", "-s", help="Only this statement id (repeat for more)."),
]
MissingOption = Annotated[
    str,
    typer.Option(
        "--missing",
        help="Untranslated or fuzzy text: mark (source, marked), source, omit or fail.",
    ),
]
MinCoverageOption = Annotated[
    float | None,
    typer.Option("--min-coverage", help="Refuse to build below this percent translated."),
]
PaperOption = Annotated[str, typer.Option("--paper", help="A4 or A5.")]
FontOption = Annotated[
    list[str] | None,
    typer.Option("--font", help="Font family, in order of preference (repeat for a stack)."),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder whose templates override the project's."),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Output file.")]


@app.command("build-pdf")
@run_command
def build_pdf_command(
    ctx: typer.Context,
    lang: EditionLanguages = None,
    statement: StatementOption = None,
    output: OutputOption = None,
    missing: MissingOption = "mark",
    min_coverage: MinCoverageOption = None,
    paper: PaperOption = "A4",
    font: FontOption = None,
    templates: TemplatesOption = None,
    project: ProjectOption = None,
) -> None:
    """Build a bilingual PDF booklet: each paragraph beside its translation."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal) as bar:
        task = bar.add_task("starting", total=None)
        result = pubtool.build_pdf(
            _project(ctx, project), lang, output=output, notice=notice,
            progress=lambda step: bar.update(task, description=step),
            statements=statement or (), missing=missing, min_coverage=min_coverage,
            paper=paper, fonts=font or (), templates=templates,
        )  # fmt: skip
    _finish(result.notices(), [], [])
    _emit(result, "lines")


@app.command("build-html")
@run_command
def build_html_command(
    ctx: typer.Context,
    lang: EditionLanguages = None,
    statement: StatementOption = None,
    output: OutputOption = None,
    missing: MissingOption = "mark",
    min_coverage: MinCoverageOption = None,
    templates: TemplatesOption = None,
    project: ProjectOption = None,
) -> None:
    """Build the same booklet as one HTML page, for proofreading in a browser."""
    result = pubtool.build_html(
        _project(ctx, project), lang, output=output, notice=notice,
        statements=statement or (), missing=missing, min_coverage=min_coverage,
        templates=templates,
    )  # fmt: skip
    _finish(result.notices(), [], [])
    _emit(result, "lines")


# --- catalogs of any project ----------------------------------------------------------------


@app.command("fmt")
@run_command
def fmt_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Catalogs (.po, .pot) or folders.")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
    width: Annotated[
        int | None, typer.Option("--width", "-w", help="Page width, as msgcat's (default 79).")
    ] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text or json.")
    ] = CheckFormat.text,
) -> None:
    """Rewrite catalogs exactly as GNU msgcat would (no project needed; any charset)."""
    report = pubtool.fmt(paths, check=check, width=width)
    _emit(report, "json" if output_format == "json" else "lines")
    raise typer.Exit(report.exit_code)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
