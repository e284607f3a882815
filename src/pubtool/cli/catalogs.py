"""Commands for statements and catalogs, and for starting a project."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

import pubtool
from pubtool.cli import _emit, _finish, _project, app, notice, run_command
from pubtool.cli.options import (
    LanguagesOption,
    OutputFormat,
    OutputFormatOption,
    PathsArgument,
    ProjectOption,
    TextOrJson,
    TextOrJsonOption,
    path_value,
)


@app.command("statements")
@run_command
def statements_command(
    ctx: typer.Context,
    output_format: OutputFormatOption = OutputFormat.table,
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
    memory: Annotated[
        list[Path] | None,
        typer.Option(
            "--memory",
            metavar="FILE",
            help="A TMX or PO memory filling untranslated messages (repeat for more).",
            parser=path_value,
        ),
    ] = None,
    project: ProjectOption = None,
) -> None:
    """Create or update each language's catalog from the template, keeping every translation."""
    chosen = _project(ctx, project)
    filling = None
    if memory:
        from pubtool.exchange.memory import load_memories

        filling = load_memories(chosen, memory, chosen.parse_languages(lang))
    summary = pubtool.update(chosen, lang, drop_obsolete=drop_obsolete, memory=filling)
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


@app.command("init")
@run_command
def init_command(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(help="Project folder (made if missing).", metavar="DIR", parser=path_value),
    ] = Path("."),
    languages: Annotated[
        list[str] | None,
        typer.Option(
            "--languages", metavar="LANGS", help="Languages to publish, comma-separated: de,fr."
        ),
    ] = None,
    source_language: Annotated[
        str,
        typer.Option(
            "--source-language", metavar="LANG", help="Language the statements are written in."
        ),
    ] = "en",
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The collection's title.")
    ] = None,
    templates: Annotated[
        bool, typer.Option("--templates", help="Also copy the default templates to restyle.")
    ] = False,
) -> None:
    """Start a project: [tool.pubtool] in pyproject.toml, statements/ with an example, locales/."""
    report = pubtool.init(
        folder, languages or (), source_language=source_language, title=title, templates=templates
    )
    _emit(report, "lines")
    _finish(list(report.warnings), [], [])


@app.command("templates")
@run_command
def templates_command(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="Where to copy (default: the project's templates/).",
            metavar="DIR",
            parser=path_value,
        ),
    ] = None,
    project: ProjectOption = None,
) -> None:
    """Copy the default booklet templates into the project, to restyle them."""
    _emit(pubtool.copy_templates(folder or _project(ctx, project).templates_dir), "lines")


@app.command("fmt")
@run_command
def fmt_command(
    ctx: typer.Context,
    paths: PathsArgument = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            "-w",
            metavar="N",
            help="Page width, as msgcat's (default: the project's, else 79).",
        ),
    ] = None,
    output_format: TextOrJsonOption = TextOrJson.text,
    project: ProjectOption = None,
) -> None:
    """Rewrite catalogs exactly as GNU msgcat would (any project's, in any charset)."""
    if not paths:  # the project's own catalogs, at the project's width
        where = _project(ctx, project)
        paths = [Path(os.path.relpath(where.locales_dir))]  # shown from where the user is
        width = where.width if width is None else width
    report = pubtool.fmt(paths, check=check, width=width)
    _emit(report, "lines" if output_format is TextOrJson.text else output_format)
    _finish([], report.problems() if output_format is TextOrJson.text else [], [])
    raise typer.Exit(report.exit_code)
