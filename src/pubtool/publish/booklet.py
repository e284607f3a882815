"""The main job: statements and catalogs of a project to a bilingual booklet (HTML or PDF)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from pubtool.catalogs import build_template, load_catalog, project_messages
from pubtool.coverage import measure_catalog
from pubtool.errors import GateFailed, RenderError
from pubtool.project import Project
from pubtool.publish.documents import (
    Cell,
    Document,
    Missing,
    Translations,
    build_documents,
    fallback_count,
)
from pubtool.publish.render import DEFAULT_FONTS, Edition, PdfResult, render_html, render_pdf
from pubtool.publish.template_folders import template_folders
from pubtool.statements import Statement, load_statements


@dataclass(frozen=True)
class BookletRequest:
    """Everything `pubtool build-pdf` was asked for."""

    languages: tuple[str, ...]
    statement_ids: tuple[str, ...] = ()
    missing: Missing = Missing.mark
    min_coverage: float | None = None
    paper: str = "A4"
    fonts: tuple[str, ...] = DEFAULT_FONTS
    templates: Path | None = None


@dataclass(frozen=True)
class Booklet:
    """The documents of one edition and the HTML that sets them."""

    documents: tuple[Document, ...]
    html: str
    fallbacks: int
    coverage: dict[str, float]


def default_output(project: Project, languages: Sequence[str], suffix: str = "pdf") -> Path:
    return project.output_dir / f"booklet-{'-'.join(languages)}.{suffix}"


def template_dirs(project: Project, request: BookletRequest) -> list[Path]:
    """`--templates`, the project's `templates/` if it has one, then the package defaults."""
    return template_folders(project.templates_dir, request.templates)


def prepare_booklet(
    project: Project,
    request: BookletRequest,
    *,
    notice: Callable[[str], None] | None = None,
) -> Booklet:
    """Load, join and set the edition as HTML; refuse early what cannot be printed."""
    statements = _select(
        load_statements(project.statements_dir, notice=notice, display=project.root),
        request.statement_ids,
    )
    catalogs = {language: _catalog(project, language) for language in request.languages}
    documents = build_documents(
        statements,
        catalogs,
        request.languages,
        source_language=project.source_language,
        missing=request.missing,
    )
    coverage = _coverage(project, catalogs) if request.min_coverage is not None else {}
    if request.min_coverage is not None:
        short = {lang: value for lang, value in coverage.items() if value < request.min_coverage}
        if short:
            detail = ", ".join(f"{lang} {value:.1f}%" for lang, value in sorted(short.items()))
            raise GateFailed(
                f"translation coverage below --min-coverage {request.min_coverage:g}%: {detail}"
            )
    title_cells = tuple(
        _title_cell(project.title, catalogs[language], language, project.source_language)
        for language in request.languages
    )
    edition = Edition(
        languages=request.languages,
        title=title_cells,
        paper=request.paper,
        fonts=request.fonts,
        author=project.author or project.title,
        source_language=project.source_language,
    )
    html = render_html(documents, edition, template_dirs(project, request), notice=notice)
    return Booklet(tuple(documents), html, fallback_count(documents), coverage)


def build_pdf(
    project: Project,
    request: BookletRequest,
    output: Path,
    *,
    notice: Callable[[str], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Booklet, PdfResult]:
    """Prepare the booklet and render it; a failed build leaves no half-written PDF."""
    _check_output(output)
    if progress:
        progress("reading statements and catalogs")
    booklet = prepare_booklet(project, request, notice=notice)
    folders = template_dirs(project, request)
    result = render_pdf(
        booklet.html,
        output,
        base_dir=folders[0],
        allowed_dirs=folders,
        progress=progress,
    )
    return booklet, result


def check_html_output(output: Path) -> None:
    """`build-html --output` must name an .html file: `-o pyproject.toml` or `-o az` (a
    slip for `--lang az`) would otherwise overwrite or make a file of that name."""
    if output.suffix.lower() not in (".html", ".htm"):
        raise RenderError("the output file must end in .html", file=output)
    _check_output(output)


def _check_output(output: Path) -> None:
    if output.suffix.lower() not in (".pdf", ".html"):
        raise RenderError("the output file must end in .pdf or .html", file=output)
    if output.is_dir():
        raise RenderError("the output path is a folder", file=output)
    parent = output.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise RenderError("the output folder is not writable", file=output)


def _select(statements: list[Statement], ids: Sequence[str]) -> list[Statement]:
    if not ids:
        return statements
    by_id = {statement.id: statement for statement in statements}
    unknown = [statement_id for statement_id in ids if statement_id not in by_id]
    if unknown:
        raise RenderError(f"unknown statement id {unknown[0]!r} (see `pubtool statements`)")
    return [by_id[statement_id] for statement_id in ids]


def _catalog(project: Project, language: str) -> polib.POFile | None:
    path = project.catalog_path(language)
    if path.exists():
        return load_catalog(project, path)
    if language == project.source_language:
        return None  # the source language needs no catalog: the statements are its text
    raise RenderError(
        f"no {language} catalog: run `pubtool update --lang {language}`",
        file=project.relative(path),
    )


def _title_cell(
    title: str, catalog: polib.POFile | None, language: str, source_language: str
) -> Cell:
    """The collection title in one language; untranslated, it stays in the source language."""
    lookup = Translations(language, catalog, is_source=language == source_language)
    return lookup.cell(title, Missing.source) or Cell(language, title, state="untranslated")


def _coverage(project: Project, catalogs: dict[str, polib.POFile | None]) -> dict[str, float]:
    """Per target language, the figure `pubtool status` prints: messages translated, measured
    against the template the statements make now (so a stale .pot cannot flatter it)."""
    template = build_template(project_messages(project), project_name=project.domain)
    return {
        language: measure_catalog(
            catalog or polib.POFile(), path="", language=language, template=template
        ).counts.percent
        for language, catalog in catalogs.items()
        if language != project.source_language
    }
