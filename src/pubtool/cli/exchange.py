"""Exchange with CAT tools: XLIFF, TMX and TBX out, XLIFF, TMX and TBX in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pubtool.cli import _emit, _finish, _project, app, notice, run_command
from pubtool.cli.options import (
    ExchangeFormat,
    ProjectOption,
    StatementOption,
    TextOrJson,
    TextOrJsonOption,
    path_value,
)


@app.command("export")
@run_command
def export_command(
    ctx: typer.Context,
    export_format: Annotated[
        ExchangeFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="[xliff|tmx|tbx]",
            help="xliff (to translate), tmx (memory), tbx (glossary).",
        ),
    ] = ExchangeFormat.xliff,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            metavar="LANG",
            help="Target language (optional for tbx: all by default).",
        ),
    ] = None,
    statement: StatementOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Output file, - for stdout (default: xliff/LANG.xlf, tmx/SOURCE-LANG.tmx or "
            "tbx/glossary.tbx in the project's output folder).",
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
            metavar="FILE",
            parser=path_value,
        ),
    ],
    output_format: TextOrJsonOption = TextOrJson.text,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="In every conflict (changed in the project and in the imported file since "
            "the export), take the imported target or rendering.",
        ),
    ] = False,
    force_unit: Annotated[
        list[str] | None,
        typer.Option(
            "--force-unit",
            metavar="ID",
            help="Take the imported target of this unit (XLIFF) or term entry (TBX), "
            "conflict or not; repeatable.",
        ),
    ] = None,
    project: ProjectOption = None,
) -> None:
    """Merge translations from XLIFF or a TMX memory, or terms from TBX, into the project."""
    from pubtool.exchange import import_files

    report = import_files(
        _project(ctx, project), files, force=True if force else tuple(force_unit or ())
    )
    _emit(report, "lines" if output_format is TextOrJson.text else output_format)
    _finish(
        [f"stale: {stale}" for stale in report.stale]
        + [f"conflict: {conflict}" for conflict in report.conflicts],
        report.stale_summary(),
        [],
    )
    raise typer.Exit(report.exit_code)
