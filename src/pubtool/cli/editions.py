"""Editions beyond the booklet: translated Markdown, catalogs seeded from it, a web edition."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pubtool.cli import _emit, _finish, _project, app, notice, run_command
from pubtool.cli.options import (
    MissingOption,
    ProjectOption,
    StatementOption,
    TemplatesOption,
    TextOrJson,
    TextOrJsonOption,
    path_value,
)

OneLanguage = Annotated[
    str, typer.Option("--lang", "-l", metavar="LANG", help="The language to write.")
]
CatalogLanguage = Annotated[
    str, typer.Option("--lang", "-l", metavar="LANG", help="The catalog to fill.")
]


def _folder_option(default: str) -> typer.models.OptionInfo:
    option: typer.models.OptionInfo = typer.Option(
        "--output",
        "-o",
        metavar="DIR",
        help=f"Output folder (default: {default} in the project's output folder).",
        parser=path_value,
    )
    return option


MarkdownFolderOption = Annotated[Path | None, _folder_option("markdown/")]
SiteFolderOption = Annotated[Path | None, _folder_option("site/")]


@app.command("build-md")
@run_command
def build_md_command(
    ctx: typer.Context,
    lang: OneLanguage,
    output: MarkdownFolderOption = None,
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
            metavar="DIR",
            parser=path_value,
        ),
    ],
    lang: CatalogLanguage,
    confirmed: Annotated[
        bool,
        typer.Option("--confirmed", help="Trust the translations (default: fuzzy, to review)."),
    ] = False,
    output_format: TextOrJsonOption = TextOrJson.text,
    project: ProjectOption = None,
) -> None:
    """Fill a catalog's empty entries from statements translated already."""
    from pubtool.seed import seed

    report = seed(_project(ctx, project), lang, folder, confirmed=confirmed, notice=notice)
    _emit(report, "lines" if output_format is TextOrJson.text else output_format)
    _finish([], [f"skipped {line}" for line in report.skipped], [])
    raise typer.Exit(report.exit_code)


@app.command("build-site")
@run_command
def build_site_command(
    ctx: typer.Context,
    output: SiteFolderOption = None,
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
