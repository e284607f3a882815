"""Seeding a catalog from translations that already exist (as po4a-gettextize does).

A translated statement has the same file name as its source and the same blocks in the same
order; block by block, its text becomes the translation of the source's message. Only empty
entries are filled, fuzzy unless the caller trusts the files; a file whose blocks do not line
up with its source is named and skipped whole, never half applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from pubtool.catalogs import catalog_writes, read_catalog, stage_catalog
from pubtool.errors import CatalogError, PubtoolError, StatementError
from pubtool.po.entries import has_translation
from pubtool.project import Project
from pubtool.statements import Block, Statement, load_statement, load_statements

Notice = Callable[[str], None]
_LETTER = re.compile(r"[^\W\d_]")


class Misaligned(StatementError):
    """A translated statement whose blocks do not pair with its source's, one for one."""


def align(source: Statement, translated: Statement) -> list[tuple[Block, Block]]:
    """The (source block, translated block) pairs, or Misaligned naming the translated file's
    line where the structure first differs (a block missing, added, or of another kind)."""
    pairs: list[tuple[Block, Block]] = []
    for part, ours, theirs in (
        ("title", (source.title,), (translated.title,)),
        ("short-title", _optional(source.short_title), _optional(translated.short_title)),
        ("issuer", (source.issuer,), (translated.issuer,)),
        ("body", source.body, translated.body),
        ("signature", source.signature, translated.signature),
        ("notes", source.notes, translated.notes),
    ):
        for index in range(max(len(ours), len(theirs))):
            if index >= len(theirs):
                line = theirs[-1].line if theirs else translated.title.line
                raise Misaligned(
                    f"{part}: {len(theirs)} blocks where the source has {len(ours)} "
                    f"(source line {ours[index].line}: {ours[index].kind} missing here)",
                    file=translated.path.as_posix(),
                    line=line,
                )
            if index >= len(ours):
                raise Misaligned(
                    f"{part}: {len(theirs)} blocks where the source has {len(ours)} "
                    f"(this {theirs[index].kind} has no counterpart)",
                    file=translated.path.as_posix(),
                    line=theirs[index].line,
                )
            if ours[index].kind != theirs[index].kind:
                raise Misaligned(
                    f"a {theirs[index].kind} where the source has a {ours[index].kind} "
                    f"(source line {ours[index].line})",
                    file=translated.path.as_posix(),
                    line=theirs[index].line,
                )
            pairs.append((ours[index], theirs[index]))
    return pairs


def _optional(block: Block | None) -> tuple[Block, ...]:
    return () if block is None else (block,)


def is_copy_of_source(source: str, translation: str) -> bool:
    """The same text as the source, with letters in it: a block left untranslated (as
    `build-md --missing source` writes one), not a translation. `19.01.2011` is its own."""
    return source == translation and bool(_LETTER.search(source))


@dataclass
class SeedReport:
    """What `pubtool seed` did: per file and per entry, counted."""

    language: str
    catalog: str
    confirmed: bool
    files: int = 0
    filled: int = 0
    already_translated: int = 0
    same_as_source: int = 0
    conflicting: int = 0
    not_in_catalog: int = 0
    without_translation: int = 0
    skipped: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "catalog": self.catalog,
            "confirmed": self.confirmed,
            "files": self.files,
            "filled": self.filled,
            "already_translated": self.already_translated,
            "same_as_source": self.same_as_source,
            "conflicting": self.conflicting,
            "not_in_catalog": self.not_in_catalog,
            "without_translation": self.without_translation,
            "skipped": list(self.skipped),
            "written": self.written,
        }

    def lines(self) -> list[str]:
        state = "confirmed" if self.confirmed else "fuzzy"
        return [
            f"{self.catalog}: {self.filled} filled ({state}) from {self.files} files, "
            f"{self.already_translated} already translated, {self.same_as_source} same as the "
            f"source (left empty), {self.conflicting} with another translation elsewhere, "
            f"{len(self.skipped)} files skipped; {'written' if self.written else 'unchanged'}"
        ]


def seed(
    project: Project,
    language: str,
    folder: Path,
    *,
    confirmed: bool = False,
    notice: Notice | None = None,
    lock_timeout: float = 30.0,
) -> SeedReport:
    """Fill `language`'s empty catalog entries from translated statements in `folder`
    (`pubtool seed`): same file names as under `statements/`, same block structure."""
    languages = project.parse_languages(language)
    if len(languages) != 1:
        raise PubtoolError("--lang: one language to seed")
    (chosen,) = languages
    if chosen == project.source_language:
        raise PubtoolError(
            f"--lang: {chosen} is the source language; its text is the statements themselves"
        )
    if not folder.is_dir():
        raise PubtoolError("no such folder", file=folder)
    path = project.catalog_path(chosen)
    report = SeedReport(chosen, project.relative(path), confirmed)
    sources = load_statements(project.statements_dir, notice=notice, display=project.root)
    pairs = _translated_pairs(project, sources, folder, report)
    with catalog_writes(project, lock_timeout) as writes:  # nothing a translator saved is lost
        catalog = read_catalog(writes, project, path)
        if catalog is None:
            raise CatalogError(
                f"no catalog: run `pubtool update --lang {chosen}` first",
                file=project.relative(path),
            )
        if fill_catalog(catalog, pairs, report, confirmed=confirmed):
            report.written = stage_catalog(writes, catalog, path, project.width)
    return report


def _translated_pairs(
    project: Project, sources: Sequence[Statement], folder: Path, report: SeedReport
) -> list[tuple[str, str]]:
    """(source text, translation) of every block of every file that aligns, in reading order."""
    pairs: list[tuple[str, str]] = []
    for source in sources:
        source_path = (project.root / source.path).resolve()
        relative = source_path.relative_to(project.statements_dir.resolve())
        target = folder / relative
        if not target.is_file():
            continue
        shown = Path(project.relative(target))
        try:
            translated = load_statement(target, shown=shown)
            aligned = align(source, translated)
        except StatementError as error:
            report.skipped.append(str(error))
            continue
        report.files += 1
        pairs.extend((ours.text, theirs.text) for ours, theirs in aligned)
    return pairs


def fill_catalog(
    catalog: polib.POFile,
    pairs: Sequence[tuple[str, str]],
    report: SeedReport,
    *,
    confirmed: bool,
) -> bool:
    """Put each translation into its message's entry when that entry is empty; the first
    translation of a text wins. Pure: the caller writes. True when an entry changed."""
    entries = {entry.msgid: entry for entry in catalog if not entry.obsolete and entry.msgid}
    seeded: dict[str, str] = {}
    for source, translation in pairs:
        entry = entries.get(source)
        if entry is None:
            report.not_in_catalog += 1
            continue
        if source in seeded:
            if seeded[source] != translation:
                report.conflicting += 1
            continue
        if has_translation(entry) or entry.msgid_plural:
            report.already_translated += 1
            continue
        if is_copy_of_source(source, translation):
            report.same_as_source += 1
            continue
        entry.msgstr = translation
        if not confirmed and "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        seeded[source] = translation
        report.filled += 1
    report.without_translation = sum(1 for entry in entries.values() if not has_translation(entry))
    return bool(seeded)
