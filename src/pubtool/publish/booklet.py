"""The main job: statements and catalogs of a project to a bilingual booklet (HTML or PDF)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from pubtool.catalogs import build_template, load_catalog, project_messages
from pubtool.checks.style import house_style
from pubtool.coverage import measure_catalog
from pubtool.errors import GateFailed, RenderError
from pubtool.po.entries import language_name
from pubtool.project import Project
from pubtool.publish.documents import (
    Cell,
    Document,
    Missing,
    Translations,
    build_documents,
    fallback_count,
)
from pubtool.publish.facing import LAYOUTS, check_facing_languages, facing_html
from pubtool.publish.render import (
    DEFAULT_FONTS,
    PDF_VARIANTS,
    Edition,
    PdfResult,
    render_html,
    render_pdf,
)
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
    pdf_variant: str | None = None  # one of render.PDF_VARIANTS
    tagged: bool = True  # a structure tree for screen readers; PDF/UA is always tagged
    pad_to: int = 4  # blank pages at the end up to a multiple of this (1: none)
    layout: str = "columns"  # or "facing": one language a page (publish/facing.py)
    numbers: bool = False  # pair numbers in the outer margins

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise RenderError(f"--layout: {self.layout!r} is not one of {', '.join(LAYOUTS)}")
        if self.layout == "facing":
            check_facing_languages(self.languages)
        if self.pdf_variant is not None and self.pdf_variant not in PDF_VARIANTS:
            raise RenderError(
                f"--pdf-variant: {self.pdf_variant!r} is not one of {', '.join(PDF_VARIANTS)}"
            )
        if self.pad_to < 1:
            raise RenderError(f"--pad-to: expected 1 or more, got {self.pad_to}")


@dataclass(frozen=True)
class Booklet:
    """The documents of one edition and the HTML that sets them."""

    documents: tuple[Document, ...]
    html: str
    fallbacks: int
    coverage: dict[str, float]
    source_epoch: int = 0  # the inputs' date as a Unix time: see source_dates


def default_output(
    project: Project, languages: Sequence[str], suffix: str = "pdf", *, variant: Sequence[str] = ()
) -> Path:
    """`booklet-az-en.pdf` in the project's output folder, with `variant` (what sets this
    edition apart from the default A4 columns: `facing`, `a5`) before the suffix, so that an
    A5 or facing build does not replace the A4 one."""
    name = "-".join(["booklet", *languages, *variant])
    return project.output_dir / f"{name}.{suffix}"


def edition_variant(request: BookletRequest) -> tuple[str, ...]:
    """What sets a booklet apart from the default edition, for its default file name:
    `facing`, `numbers`, the paper (`a5`) and the PDF variant (`pdf-a-3b`), in that order."""
    parts = [] if request.layout == "columns" else [request.layout]
    if request.numbers:
        parts.append("numbers")
    if request.paper.upper() != "A4":
        parts.append(request.paper.lower())
    if request.pdf_variant:
        parts.append(request.pdf_variant.replace("/", "-"))
    return tuple(parts)


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
    every_statement = load_statements(project.statements_dir, notice=notice, display=project.root)
    statements = _select(every_statement, request.statement_ids)
    catalogs = {language: _catalog(project, language) for language in request.languages}
    documents = build_documents(
        statements,
        catalogs,
        request.languages,
        source_language=project.source_language,
        missing=request.missing,
    )
    coverage = (
        _coverage(project, every_statement, catalogs) if request.min_coverage is not None else {}
    )
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
    created, modified = source_dates(statements, catalogs.values())
    repairs = editorial_repairs(project.statements_dir / "REPAIRS.md")
    edition = Edition(
        languages=request.languages,
        title=title_cells,
        paper=request.paper,
        fonts=request.fonts,
        author=project.author or project.publisher,
        source_language=project.source_language,
        created=_w3c(created),
        modified=_w3c(modified),
        publisher=project.publisher,
        license=project.license,
        translators=translators(project, catalogs),
        styles=tuple(
            (language, house_style(language, project.style.get(language)))
            for language in dict.fromkeys((*request.languages, project.source_language))
        ),
        repairs=tuple(
            (statement.id, found)
            for statement in statements
            if (found := repairs.get(statement.path.name, ()))
        ),
    )
    folders = template_dirs(project, request)
    if request.layout == "facing":
        html = facing_html(documents, edition, folders, numbers=request.numbers, notice=notice)
    else:
        html = render_html(documents, edition, folders, numbers=request.numbers, notice=notice)
    return Booklet(
        tuple(documents),
        html,
        fallback_count(documents),
        coverage,
        source_epoch=int(modified.timestamp()),
    )


def source_dates(
    statements: Sequence[Statement], catalogs: Iterable[polib.POFile | None]
) -> tuple[dt.datetime, dt.datetime]:
    """When the booklet's content was made and last revised, from the inputs, never the clock.

    Created: the newest statement's date. Modified: that, or the newest `PO-Revision-Date` of
    the edition's catalogs when later. Both are content, the same in every clone and on every
    day (file times are not). `SOURCE_DATE_EPOCH`, when set to a number, overrides both.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        return moment, moment
    created = max(
        (dt.datetime.combine(s.date, dt.time(), dt.UTC) for s in statements),
        default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
    )
    revised = [_revision_date(catalog) for catalog in catalogs if catalog is not None]
    return created, max([created, *(date for date in revised if date is not None)])


def translators(
    project: Project, catalogs: Mapping[str, polib.POFile | None]
) -> tuple[tuple[str, str], ...]:
    """Who translated each target language: `translators` in the configuration, else the
    catalog's Last-Translator (and its Language-Team when that says something more)."""
    named = []
    for language, catalog in catalogs.items():
        if language == project.source_language:
            continue
        who = project.translators.get(language, "")
        if not who and catalog is not None:
            people = [
                _without_address(catalog.metadata.get(key, ""))
                for key in ("Last-Translator", "Language-Team")
            ]
            # the team `update` writes is only the language's name: it says nothing more
            placeholder = {"", language_name(language), "LANGUAGE"}
            who = ", ".join(
                dict.fromkeys(p for p in people if p not in placeholder and "FULL NAME" not in p)
            )
        if who:
            named.append((language, who))
    return tuple(named)


def _without_address(person: str) -> str:
    return re.sub(r"\s*<[^>]*>", "", person).strip()


_REPAIR_ROW = re.compile(r"^\|\s*`([^`]+\.md)`\s*\|(.*)\|(.*)\|\s*$")


def editorial_repairs(path: Path) -> dict[str, tuple[str, ...]]:
    """`statements/REPAIRS.md`'s table rows, file name -> repairs (Markdown), in order.

    A project without the file has none to show; the file is the editors' record, read only.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if match := _REPAIR_ROW.match(line):
            found.setdefault(match.group(1), []).append(match.group(2).strip())
    return {name: tuple(items) for name, items in found.items()}


def _revision_date(catalog: polib.POFile) -> dt.datetime | None:
    """A catalog's `PO-Revision-Date`, or None for the template's placeholder or a typo."""
    value = catalog.metadata.get("PO-Revision-Date", "")
    try:
        return dt.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M%z").astimezone(dt.UTC)
    except ValueError:
        return None


def _w3c(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


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
        variant=request.pdf_variant,
        tagged=request.tagged or request.pdf_variant == "pdf/ua-1",
        source_epoch=booklet.source_epoch,
        pad_to=request.pad_to,
    )
    return booklet, result


def check_html_output(output: Path) -> None:
    """`build-html --output` must name an .html file: `-o pyproject.toml` or `-o az` (a
    slip for `--lang az`) would otherwise overwrite or make a file of that name."""
    if output.suffix.lower() not in (".html", ".htm"):
        raise RenderError("the output file must end in .html", file=output)
    _check_output(output)


def check_pdf_output(output: Path) -> None:
    """An output that must be a PDF: `-o` given with `--impose` names the imposed copy."""
    if output.suffix.lower() != ".pdf":
        raise RenderError("the output file must end in .pdf", file=output)
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


def _coverage(
    project: Project, statements: Sequence[Statement], catalogs: dict[str, polib.POFile | None]
) -> dict[str, float]:
    """Per target language, the figure `pubtool status` prints: messages translated, measured
    against the template the statements make now (so a stale .pot cannot flatter it)."""
    template = build_template(project_messages(project, statements), project_name=project.domain)
    return {
        language: measure_catalog(
            catalog or polib.POFile(), path="", language=language, template=template
        ).counts.percent
        for language, catalog in catalogs.items()
        if language != project.source_language
    }
