"""The gates: translation coverage and checks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

import pubtool
from pubtool.cli import _emit, _finish, _project, _project_if_any, app, run_command
from pubtool.cli.options import (
    CheckFormat,
    LanguagesOption,
    OutputFormat,
    OutputFormatOption,
    PathsArgument,
    ProjectOption,
    path_value,
)


@app.command("status")
@run_command
def status_command(
    ctx: typer.Context,
    paths: PathsArgument = None,
    lang: LanguagesOption = None,
    output_format: OutputFormatOption = OutputFormat.table,
    fail_under: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-under",
            metavar="BAR",
            help="Exit 1 below this percent: 95, or LANG=PERCENT,...",
        ),
    ] = None,
    per_statement: Annotated[
        bool, typer.Option("--per-statement", help="Every statement must pass the bar too.")
    ] = False,
    badge: Annotated[
        Path | None,
        typer.Option(
            "--badge",
            metavar="DIR",
            help="Write one SVG badge per language here.",
            parser=path_value,
        ),
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
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="[text|table|json]",
            help="text (file:line: lines), table or json.",
        ),
    ] = CheckFormat.text,
    fix: Annotated[
        bool, typer.Option("--fix", help="First rewrite mechanical house-style departures.")
    ] = False,
    project: ProjectOption = None,
) -> None:
    """Check translations for what breaks a publication: numbers, dates, markup, whitespace."""
    where = _project_if_any(ctx, project, paths) if paths else _project(ctx, project)
    if fix:
        _finish(pubtool.fix_style(where, paths or (), lang).lines(), [], [])
    report = pubtool.check(where, paths or (), lang)
    _emit(report, "lines" if output_format is CheckFormat.text else output_format)
    _finish([], report.errors, [report.summary()])
    raise typer.Exit(report.exit_code)
