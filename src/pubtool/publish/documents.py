"""Documents: a statement joined with its translations, cell by cell, under a fallback policy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import polib
from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list

from pubtool.errors import GateFailed
from pubtool.po.entries import EntryState, finished_translation, language_name
from pubtool.po.entries import state as state_of
from pubtool.statements import Block, Statement


class Missing(StrEnum):
    """What a booklet shows where a translation is missing or fuzzy."""

    mark = "mark"  # the source text, visibly marked
    source = "source"  # the source text, unmarked
    omit = "omit"  # an empty cell
    fail = "fail"  # refuse to build


@dataclass(frozen=True)
class Cell:
    """One language's text of one block; `marked` says it stands in for a missing translation."""

    language: str
    text: str
    marked: bool = False
    state: str = "translated"  # translated | fuzzy | untranslated | source | corrected


@dataclass(frozen=True)
class Row:
    """A source block and its text in each language of the edition, to be set side by side."""

    kind: str
    line: int
    cells: tuple[Cell, ...]
    #: A list item's number in an ordered list, and whether a new list starts with it.
    number: int | None = None
    first_item: bool = False


@dataclass(frozen=True)
class Origin:
    """The line under a column's issuer: `key` is the label (`original` or
    `translated_from`), `language` the original language(s) named in the column's language."""

    key: str
    language: str


@dataclass(frozen=True)
class Document:
    """A statement as one edition prints it."""

    id: str
    date: dt.date
    dates: tuple[Cell, ...]
    source: str | None
    title: Row
    issuer: Row
    body: tuple[Row, ...]
    signature: tuple[Row, ...]
    notes: tuple[Row, ...]
    #: Per column (in the edition's language order): where its text comes from, or None
    #: when the statement's front matter does not say (`original-language:`).
    origins: tuple[Origin | None, ...] = ()
    #: The running head of right pages (`short-title:`), when the statement has one.
    short_title: Row | None = None

    def rows(self) -> tuple[Row, ...]:
        return (self.title, self.issuer, *self.body, *self.signature, *self.notes)

    def marked(self) -> int:
        return sum(cell.marked for row in self.rows() for cell in row.cells)


class Translations:
    """Look-ups in one language's catalog, knowing whether it is the source language."""

    def __init__(self, language: str, catalog: polib.POFile | None, *, is_source: bool) -> None:
        self.language = language
        self.is_source = is_source
        self.entries = {
            entry.msgid: entry for entry in (catalog or []) if not entry.obsolete and entry.msgid
        }

    def cell(self, text: str, missing: Missing) -> Cell | None:
        entry = self.entries.get(text)
        finished = finished_translation(entry)
        if self.is_source:
            if finished is not None:
                return Cell(self.language, finished, state="corrected")
            return Cell(self.language, text, state="source")
        if finished is not None:
            return Cell(self.language, finished)
        fuzzy = entry is not None and state_of(entry) is EntryState.FUZZY
        state = "fuzzy" if fuzzy else "untranslated"
        if missing is Missing.mark:
            return Cell(self.language, text, marked=True, state=state)
        if missing is Missing.source:
            return Cell(self.language, text, state=state)
        if missing is Missing.omit:
            return Cell(self.language, "", state=state)
        return None


def build_documents(
    statements: Sequence[Statement],
    catalogs: Mapping[str, polib.POFile | None],
    languages: Sequence[str],
    *,
    source_language: str,
    missing: Missing = Missing.mark,
) -> list[Document]:
    """Join statements and catalogs into documents; `missing=fail` is a gate: after looking
    at every block it raises GateFailed naming how many lack a translation, and where."""
    lookups = [
        Translations(language, catalogs.get(language), is_source=language == source_language)
        for language in languages
    ]
    documents = []
    gaps: list[tuple[Statement, Block, str]] = []
    for statement in statements:

        def row(block: Block, statement: Statement = statement) -> Row:
            cells = []
            for lookup in lookups:
                cell = lookup.cell(block.text, missing)
                if cell is None:
                    gaps.append((statement, block, lookup.language))
                    cell = Cell(lookup.language, "", state="untranslated")
                cells.append(cell)
            return Row(block.kind, block.line, tuple(cells), block.number, block.first_item)

        documents.append(
            Document(
                id=statement.id,
                date=statement.date,
                dates=tuple(
                    Cell(language, format_date(statement.date, "long", locale=language))
                    for language in languages
                ),
                source=statement.source,
                title=row(statement.title),
                issuer=row(statement.issuer),
                body=tuple(row(block) for block in statement.body),
                signature=tuple(row(block) for block in statement.signature),
                notes=tuple(row(block) for block in statement.notes),
                origins=tuple(origin(statement, language) for language in languages),
                short_title=row(statement.short_title) if statement.short_title else None,
            )
        )
    if gaps:
        raise missing_translations(gaps)
    return documents


def missing_translations(
    gaps: Sequence[tuple[Statement, Block, str]], shown: int = 5
) -> GateFailed:
    """One line for `--missing fail`: how many blocks per language, and the first few."""
    per_language: dict[str, int] = {}
    for _, _, language in gaps:
        per_language[language] = per_language.get(language, 0) + 1
    counts = ", ".join(f"{language} {count}" for language, count in per_language.items())
    first = "; ".join(
        f"{statement.path.as_posix()}:{block.line} {language} {block.kind} {block.text[:40]!r}"
        for statement, block, language in gaps[:shown]
    )
    more = f"; and {len(gaps) - shown} more" if len(gaps) > shown else ""
    blocks = "block" if len(gaps) == 1 else "blocks"
    return GateFailed(
        f"--missing fail: {len(gaps)} {blocks} with no finished translation ({counts}): "
        f"{first}{more}"
    )


def origin(statement: Statement, column: str) -> Origin | None:
    """What the column's text is, with the original language(s) named in `column`'s
    language: "Russian and Azerbaijani", "rus və azərbaycan", "русский и азербайджанский"."""
    said = statement.origin(column)
    if said is None:
        return None
    key, languages = said
    try:
        locale = Locale.parse(column)
    except (ValueError, TypeError, UnknownLocaleError):
        return Origin(key, ", ".join(languages))
    names = [language_name(code, locale) for code in languages]
    return Origin(key, format_list(names, locale=locale))


def fallback_count(documents: Sequence[Document]) -> int:
    """Cells that show something other than a finished translation (marked or not)."""
    return sum(
        cell.state in ("fuzzy", "untranslated")
        for document in documents
        for row in document.rows()
        for cell in row.cells
    )
