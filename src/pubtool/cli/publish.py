"""Booklets: PDF and HTML."""

from __future__ import annotations

import typer

import pubtool
from pubtool.cli import _emit, _finish, _project, app, notice, run_command, stderr
from pubtool.cli.options import (
    EditionLanguages,
    FontOption,
    MinCoverageOption,
    MissingOption,
    OutputOption,
    PaperOption,
    PdfVariantOption,
    ProjectOption,
    StatementOption,
    TemplatesOption,
)


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
    pdf_variant: PdfVariantOption = None,
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
            paper=paper, fonts=font or (), templates=templates, pdf_variant=pdf_variant,
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
