"""Booklets: PDF and HTML."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

import pubtool
from pubtool.cli import _emit, _finish, _project, app, notice, run_command, stderr
from pubtool.cli.options import (
    CreepOption,
    EditionLanguages,
    FontOption,
    ImposeOption,
    LayoutOption,
    MinCoverageOption,
    MissingOption,
    NumbersOption,
    OutputOption,
    PadToOption,
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
    pad_to: PadToOption = 4,
    impose: ImposeOption = None,
    creep: CreepOption = 0.0,
    layout: LayoutOption = "columns",
    numbers: NumbersOption = False,
    project: ProjectOption = None,
) -> None:
    """Build a bilingual PDF booklet: each paragraph beside its translation."""
    with _progress() as step:
        result = pubtool.build_pdf(
            _project(ctx, project), lang, output=output, notice=notice, progress=step,
            statements=statement or (), missing=missing, min_coverage=min_coverage,
            paper=paper, fonts=font or (), templates=templates, pdf_variant=pdf_variant,
            pad_to=pad_to, impose=impose, creep=creep, layout=layout, numbers=numbers,
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
    layout: LayoutOption = "columns",
    numbers: NumbersOption = False,
    project: ProjectOption = None,
) -> None:
    """Build the same booklet as one HTML page, for proofreading in a browser."""
    result = pubtool.build_html(
        _project(ctx, project), lang, output=output, notice=notice,
        statements=statement or (), missing=missing, min_coverage=min_coverage,
        templates=templates, layout=layout, numbers=numbers,
    )  # fmt: skip
    _finish(result.notices(), [], [])
    _emit(result, "lines")


@contextmanager
def _progress() -> Iterator[Callable[[str], None]]:
    """A spinner naming the current step, on a terminal only: elsewhere (CI logs, pipes)
    nothing is drawn, not even the blank line some rich releases leave behind."""
    if not stderr.is_terminal:
        yield lambda step: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda step: bar.update(task, description=step)
