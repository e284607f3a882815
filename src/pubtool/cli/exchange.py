"""Exchange with CAT tools: XLIFF, TMX and TBX out, XLIFF, TMX and TBX in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pubtool.cli import _emit, _finish, _project, app, notice, run_command
from pubtool.cli.options import (
    CheckFormat,
    ExchangeFormat,
    ProjectOption,
    StatementOption,
    path_value,
)


@app.command("export")
@run_command
def export_command(
    ctx: typer.Context,
    export_format: Annotated[
        ExchangeFormat,
        typer.Option("--format", "-f", help="xliff (to translate), tmx (memory), tbx (glossary)."),
    ] = ExchangeFormat.xliff,
    lang: Annotated[
        str | None,
        typer.Option("--lang", "-l", help="Target language (optional for tbx: all by default)."),
    ] = None,
    statement: StatementOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file, - for stdout (default: under build/).",
            parser=path_value,
        ),
    ] = None,
    project: ProjectOption = None,
) -> None:
    """Write an XLIFF, TMX or TBX file for translators working in CAT tools."""
    from pubtool.exchange import export

    to_stdout = output is not None and str(output) == "-"
    report = export(
        _project(ctx, project),
        export_format.value,
        lang,
        statement or (),
        output=None if to_stdout else output,
        to_stdout=to_stdout,
        notice=notice,
    )
    if to_stdout:
        sys.stdout.buffer.write(report.data)
    _emit(report, "lines")


@app.command("import")
@run_command
def import_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="XLIFF files (into the catalogs), TMX memories (into untranslated entries) "
            "or TBX files (into the glossary).",
            parser=path_value,
        ),
    ],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text for people, json for machines.")
    ] = CheckFormat.text,
    project: ProjectOption = None,
) -> None:
    """Merge translations from XLIFF or a TMX memory, or terms from TBX, into the project."""
    from pubtool.exchange import import_files

    report = import_files(_project(ctx, project), files)
    _emit(report, "lines" if output_format is CheckFormat.text else output_format)
    _finish([f"stale: {stale}" for stale in report.stale], report.stale_summary(), [])
    raise typer.Exit(report.exit_code)
