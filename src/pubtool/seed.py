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
    line where the structure first differs: the first run of blocks of one kind whose kind
    or count is not the source's (a block missing, added, joined or of another kind)."""
    pairs: list[tuple[Block, Block]] = []
    for part, ours, theirs in (
        ("title", (source.title,), (translated.title,)),
        ("short-title", _optional(source.short_title), _optional(translated.short_title)),
        ("issuer", (source.issuer,), (translated.issuer,)),
        ("body", source.body, translated.body),
        ("signature", source.signature, translated.signature),
        ("notes", source.notes, translated.notes),
    ):
        if [block.kind for block in ours] != [block.kind for block in theirs]:
            raise _misaligned(part, ours, theirs, translated)
        pairs.extend(zip(ours, theirs, strict=True))
    return pairs


def _runs(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """(first index, count) of each run of consecutive blocks of one kind."""
    runs: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        if runs and blocks[runs[-1][0]].kind == block.kind:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs


def _misaligned(
    part: str, ours: Sequence[Block], theirs: Sequence[Block], translated: Statement
) -> Misaligned:
    """Where and how the first run of `theirs` differs from the source's."""
    file = translated.path.as_posix()
    counted = f"{part}: {len(theirs)} blocks where the source has {len(ours)}"
    for (our_start, our_count), (their_start, their_count) in zip(
        _runs(ours), _runs(theirs), strict=False
    ):
        mine, yours = ours[our_start], theirs[their_start]
        if mine.kind != yours.kind:
            return Misaligned(
                f"a {yours.kind} where the source has a {mine.kind} (source line {mine.line})",
                file=file, line=yours.line,
            )
        if their_count > our_count:  # the block after the source's run is one too many
            extra = theirs[their_start + our_count]
            after = our_start + our_count
            if after < len(ours):
                return Misaligned(
                    f"a {extra.kind} where the source has a {ours[after].kind} "
                    f"(source line {ours[after].line})",
                    file=file, line=extra.line,
                )
            return Misaligned(
                f"{counted} (this {extra.kind} has no counterpart)", file=file, line=extra.line
            )
        if their_count < our_count:
            last = ours[our_start + our_count - 1]
            return Misaligned(
                f"{counted}: {their_count} {_plural(yours.kind)} from here where the source "
                f"has {our_count} (source lines {mine.line}-{last.line}); one is missing or "
                "two are joined",
                file=file, line=yours.line,
            )
    if len(theirs) > len(ours):  # every run of the source matched: the rest is added
        extra = theirs[len(ours)]
        return Misaligned(
            f"{counted} (this {extra.kind} has no counterpart)", file=file, line=extra.line
        )
    missing = ours[len(theirs)]  # the translation ends early
    return Misaligned(
        f"{counted} (source line {missing.line}: {missing.kind} missing here)",
        file=file, line=theirs[-1].line if theirs else translated.title.line,
    )


def _plural(kind: str) -> str:
    return {"list-item": "list items"}.get(kind, f"{kind}s")


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
    #: Statements with no translated file at their path, and translated files that are
    #: no statement's (both shown relative to the project).
    without_file: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
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
            "without_file": list(self.without_file),
            "unknown": list(self.unknown),
            "written": self.written,
        }

    def lines(self) -> list[str]:
        state = "confirmed" if self.confirmed else "fuzzy"
        return [
            f"{self.catalog}: {self.filled} filled ({state}) from {_count(self.files, 'file')}, "
            f"{self.already_translated} already translated, {self.same_as_source} same as the "
            f"source (left empty), {self.conflicting} with another translation elsewhere, "
            f"{_count(len(self.skipped), 'file')} skipped; "
            f"{'written' if self.written else 'unchanged'}"
        ] + (
            [
                f"{_count(len(self.without_file), 'statement')} without a translated file: "
                + ", ".join(self.without_file)
            ]
            if self.without_file
            else []
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


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
    pairs = _translated_pairs(project, sources, folder, report, notice)
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


#: Files a site generator keeps beside translated pages, skipped without a word: Hugo's
#: section pages.
SITE_FILES = frozenset({"_index.md"})


def _translated_pairs(
    project: Project,
    sources: Sequence[Statement],
    folder: Path,
    report: SeedReport,
    notice: Notice | None = None,
) -> list[tuple[str, str]]:
    """(source text, translation) of every block of every file that aligns, in reading order.

    A translated file stands at its statement's path relative to `statements/` (subfolders
    included); a statement without one, and a Markdown file that is no statement's, are
    reported (the latter with a notice), never passed over in silence."""
    pairs: list[tuple[str, str]] = []
    statements_dir = project.statements_dir.resolve()
    expected: dict[Path, Statement] = {}
    for source in sources:
        expected[(project.root / source.path).resolve().relative_to(statements_dir)] = source
    for relative, source in expected.items():
        target = folder / relative
        if not target.is_file():
            report.without_file.append(source.path.as_posix())
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
    by_name = {relative.name: source for relative, source in expected.items()}
    for path in sorted(folder.rglob("*.md")):
        relative = path.relative_to(folder)
        if relative in expected or path.name in SITE_FILES or not path.is_file():
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue  # .git and other hidden folders
        name = project.relative(path)
        report.unknown.append(name)
        if notice is not None:
            namesake = by_name.get(path.name)
            hint = (
                f"; {namesake.path.as_posix()} has this name, put its translation at the same "
                "path under the folder"
                if namesake is not None
                else ""
            )
            statements = project.relative(project.statements_dir)
            notice(f"{name}: skipped, no statement of {statements}/ at this path{hint}")
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
