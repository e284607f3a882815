"""The web edition: a static site with one page per statement and language.

    DIR/index.html                the collection and its languages
    DIR/<lang>/index.html         the contents in one language
    DIR/<lang>/<statement>.html   one statement in one language, with a language switcher

The same documents, fallback policy, labels and autoescaping templates as the booklet (the
templates are package data a project's `templates/` overrides file by file); the pages need
no JavaScript and load nothing (their style is inline, the fonts are the reader's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
import polib
from markupsafe import Markup

from pubtool import __version__
from pubtool.errors import RenderError
from pubtool.files import write_text_atomically
from pubtool.project import Project
from pubtool.publish.booklet import _catalog, _title_cell
from pubtool.publish.documents import (
    Cell,
    Document,
    Missing,
    Translations,
    build_documents,
    fallback_count,
    missing_translations,
)
from pubtool.publish.labels import (
    _own_name,
    fill_label,
    labels_for,
    load_labels,
    text_direction,
)
from pubtool.publish.manifest import sweep
from pubtool.publish.render import template_environment
from pubtool.publish.template_folders import template_folders
from pubtool.statements import Block, Statement, load_statements

Notice = Callable[[str], None]


@dataclass(frozen=True)
class SiteReport:
    """What `pubtool build-site` wrote."""

    folder: str
    languages: tuple[str, ...]
    pages: int
    written: int
    fallbacks: int
    missing: str
    skipped_languages: tuple[str, ...] = ()
    #: Pages an earlier build-site wrote that correspond to nothing now (publish/manifest.py).
    removed: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "folder": self.folder,
            "languages": list(self.languages),
            "pages": self.pages,
            "written": self.written,
            "fallbacks": self.fallbacks,
            "missing": self.missing,
            "skipped_languages": list(self.skipped_languages),
            "removed": list(self.removed),
        }

    def notices(self) -> list[str]:
        lines = [
            f"{language}: no catalog yet, left out (run `pubtool update --lang {language}`)"
            for language in self.skipped_languages
        ]
        if self.fallbacks:
            blocks = "block" if self.fallbacks == 1 else "blocks"
            lines.append(
                f"{self.fallbacks} {blocks} without a finished translation "
                f"(--missing {self.missing})"
            )
        return lines

    def lines(self) -> list[str]:
        return [
            f"{self.folder}/index.html: {self.pages} pages in {', '.join(self.languages)}, "
            f"{self.written} written, {self.pages - self.written} unchanged"
            + (
                f", removed {len(self.removed)} stale file{'' if len(self.removed) == 1 else 's'}"
                if self.removed
                else ""
            )
        ]


def default_site_folder(project: Project) -> Path:
    return project.output_dir / "site"


def build_site(
    project: Project,
    *,
    output: Path | None = None,
    missing: str | Missing = Missing.mark,
    templates: Path | None = None,
    notice: Notice | None = None,
) -> SiteReport:
    """Write the web edition (`pubtool build-site`): the source language and every language
    with a catalog; nothing is written when `--missing fail` finds a gap."""
    try:
        policy = Missing(missing)
    except ValueError:
        choices = ", ".join(m.value for m in Missing)
        raise RenderError(f"--missing: {missing!r} is not one of {choices}") from None
    folder = output or default_site_folder(project)
    if folder.exists() and not folder.is_dir():
        raise RenderError("the output path is a file, not a folder", file=folder)
    statements = load_statements(project.statements_dir, notice=notice, display=project.root)
    languages = [project.source_language]
    skipped = []
    for language in project.languages:
        if language == project.source_language:
            continue
        if project.catalog_path(language).exists():
            languages.append(language)
        else:
            skipped.append(language)
    catalogs = {language: _catalog(project, language) for language in languages}
    if policy is Missing.fail:  # one error over every language, before anything is written
        gaps = _gaps(statements, catalogs, languages, project.source_language)
        if gaps:
            raise missing_translations(gaps)
    editions = {
        language: build_documents(
            statements, catalogs, (language,), source_language=project.source_language,
            missing=policy,
        )
        for language in languages
    }  # fmt: skip
    if policy is Missing.omit:  # a page and its link need a title: the source's stands in
        editions = {
            language: [
                _titled(document, statement)
                for document, statement in zip(documents, statements, strict=True)
            ]
            for language, documents in editions.items()
        }
    folders = template_folders(project.templates_dir, templates)
    pages = render_site(project, languages, catalogs, editions, folders, notice=notice)
    written = 0
    for relative, html in pages.items():
        target = folder / relative
        if target.is_file() and target.read_bytes() == html.encode("utf-8"):
            continue
        write_text_atomically(target, html)  # a WriteError names the file
        written += 1
    removed = sweep(folder, pages, suffix=".html", notice=notice, shown=project.relative)
    return SiteReport(
        project.relative(folder),
        tuple(languages),
        len(pages),
        written,
        sum(fallback_count(documents) for documents in editions.values()),
        policy.value,
        tuple(skipped),
        tuple(removed),
    )


def _titled(document: Document, statement: Statement) -> Document:
    """The document with an omitted title in the source language (`--missing omit`)."""
    cell = document.title.cells[0]
    if cell.text:
        return document
    shown = replace(cell, text=statement.title.text)
    return replace(document, title=replace(document.title, cells=(shown,)))


def _gaps(
    statements: Sequence[Statement],
    catalogs: dict[str, polib.POFile | None],
    languages: Sequence[str],
    source_language: str,
) -> list[tuple[Statement, Block, str]]:
    """Every block of every language without a finished translation (`--missing fail`)."""
    found = []
    for language in languages:
        lookup = Translations(language, catalogs[language], is_source=language == source_language)
        for statement in statements:
            for block in statement.blocks():
                if lookup.cell(block.text, Missing.fail) is None:
                    found.append((statement, block, language))
    return found


def render_site(
    project: Project,
    languages: Sequence[str],
    catalogs: dict[str, polib.POFile | None],
    editions: dict[str, list[Document]],
    folders: Sequence[Path],
    *,
    notice: Notice | None = None,
) -> dict[str, str]:
    """Every page of the site as HTML, by its path relative to the site's folder."""
    labels = labels_for(
        languages, load_labels(folders), source_language=project.source_language, notice=notice
    )
    environment = template_environment(folders)
    directions = {language: text_direction(language) for language in languages}
    directions.setdefault(project.source_language, text_direction(project.source_language))
    collection = {
        language: _title_cell(project.title, catalogs[language], language, project.source_language)
        for language in languages
    }
    documents = editions[project.source_language]
    years = sorted({document.date.year for document in documents})

    def label(language: str, key: str, /, **values: str) -> str:
        text = labels.get(language, {}).get(key)
        if text is None:
            raise RenderError(f"the site needs a {key!r} label for {language}")
        return fill_label(text, language, **values)

    def text_lang(cell: Cell) -> Markup:
        """`lang` and `dir` of a cell's text: the source language's where it stands in."""
        shown = (
            project.source_language
            if cell.state in ("fuzzy", "untranslated") and cell.text
            else cell.language
        )
        return Markup('lang="{}" dir="{}"').format(shown, directions[shown])

    common = {
        "languages": tuple(languages),
        "labels": labels,
        "label": label,
        "directions": directions,
        "language_names": {language: _own_name(language) for language in languages},
        "collection": collection,
        "source_language": project.source_language,
        "text_lang": text_lang,
        "years": (years[0], years[-1]) if years else None,
        "statement_count": len(documents),
        "version": __version__,
    }

    def render(name: str, **values: Any) -> str:
        try:
            return environment.get_template(name).render(**common, **values)
        except jinja2.TemplateNotFound as error:
            raise RenderError(
                f"template {error.name!r} not found in {', '.join(map(str, folders))}"
            ) from None
        except jinja2.UndefinedError as error:
            raise RenderError(f"template error in {name}: {error.message}") from None

    pages = {"index.html": render("site-index.html.j2", language=project.source_language, root="")}
    for language in languages:
        pages[f"{language}/index.html"] = render(
            "site-contents.html.j2",
            language=language,
            root="../",
            documents=editions[language],
        )
        for document in editions[language]:
            pages[f"{language}/{document.id}.html"] = render(
                "site-statement.html.j2", language=language, root="../", document=document
            )
    return pages
