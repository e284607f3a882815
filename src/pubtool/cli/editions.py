"""Editions beyond the booklet: translated Markdown, catalogs seeded from it, a web edition."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pubtool.cli import _emit, _finish, _project, app, notice, run_command
from pubtool.cli.options import (
    MissingOption,
    ProjectOption,
    StatementOption,
    TemplatesOption,
    path_value,
)

OneLanguage = Annotated[str, typer.Option("--lang", "-l", help="The language to write.")]
CatalogLanguage = Annotated[str, typer.Option("--lang", "-l", help="The catalog to fill.")]


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


FolderOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Output folder (default: under build/).", parser=path_value
    ),
]


@app.command("build-md")
@run_command
def build_md_command(
    ctx: typer.Context,
    lang: OneLanguage,
    output: FolderOption = None,
    statement: StatementOption = None,
    missing: MissingOption = "mark",
    project: ProjectOption = None,
) -> None:
    """Write each statement as translated Markdown, for Hugo, Jekyll or MkDocs."""
    from pubtool.publish.markdown import build_markdown

    report = build_markdown(
        _project(ctx, project), lang, output=output, missing=missing,
        statements=statement or (), notice=notice,
    )  # fmt: skip
    _finish(report.notices(), [], [])
    _emit(report, "lines")


@app.command("seed")
@run_command
def seed_command(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            help="Translated statements: the same file names and blocks as statements/.",
            parser=path_value,
        ),
    ],
    lang: CatalogLanguage,
    confirmed: Annotated[
        bool,
        typer.Option("--confirmed", help="Trust the translations (default: fuzzy, to review)."),
    ] = False,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text for people, json for machines.")
    ] = ReportFormat.text,
    project: ProjectOption = None,
) -> None:
    """Fill a catalog's empty entries from statements translated already."""
    from pubtool.seed import seed

    report = seed(_project(ctx, project), lang, folder, confirmed=confirmed, notice=notice)
    _emit(report, "lines" if output_format is ReportFormat.text else output_format)
    _finish([], [f"skipped {line}" for line in report.skipped], [])
    raise typer.Exit(report.exit_code)


@app.command("build-site")
@run_command
def build_site_command(
    ctx: typer.Context,
    output: FolderOption = None,
    missing: MissingOption = "mark",
    templates: TemplatesOption = None,
    project: ProjectOption = None,
) -> None:
    """Build the web edition: a page per statement and language, with a language switcher."""
    from pubtool.publish.site import build_site

    report = build_site(
        _project(ctx, project), output=output, missing=missing, templates=templates, notice=notice
    )
    _finish(report.notices(), [], [])
    _emit(report, "lines")
