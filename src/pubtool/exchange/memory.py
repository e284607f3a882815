"""Translation memories in: TMX from a CAT tool, or a PO file used as a compendium.

    read_memory(project, path) -> {language: [(source, translation), ...]}
    import_memory(project, paths) -> ImportReport     (`pubtool import memory.tmx`)

A segment's text is the message as written: the inline codes pubtool's own TMX export puts
around emphasis and links hold the Markdown itself, so their text is kept in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from pubtool.catalogs import (
    catalog_writes,
    language_from,
    load_catalog,
    read_catalog,
    stage_catalog,
)
from pubtool.errors import CatalogError, ExchangeError
from pubtool.exchange.report import ImportReport
from pubtool.exchange.units import XmlFile, local_name, parse_xml, project_language, xml_lang
from pubtool.files import GuardedWrites
from pubtool.po import load_po
from pubtool.po.entries import EntryState
from pubtool.po.entries import state as entry_state
from pubtool.po.memory import MemoryReport, fill_from_memory, memory_by_source
from pubtool.project import Project

Memory = dict[str, list[tuple[str, str]]]


def is_tmx(xml: XmlFile) -> bool:
    return local_name(xml.root) == "tmx"


def read_tmx(project: Project, xml: XmlFile) -> Memory:
    """Every unit's (source, target) pair per project language; units without the source
    language, and languages the project does not have, are passed over."""
    body = next((child for child in xml.root if local_name(child) == "body"), None)
    if body is None:
        raise ExchangeError("not a TMX memory: no <body>", file=xml.shown)
    memory: Memory = {}
    for unit in body:
        if local_name(unit) != "tu":
            continue
        texts: dict[str, str] = {}
        for variant in unit:
            if local_name(variant) != "tuv":
                continue
            language = project_language(project, xml_lang(variant) or variant.get("lang"))
            seg = next((child for child in variant if local_name(child) == "seg"), None)
            if language is None or seg is None or language in texts:
                continue
            texts[language] = _segment_text(seg)
        source = texts.pop(project.source_language, None)
        if not source:
            continue
        for language, target in texts.items():
            if target:
                memory.setdefault(language, []).append((source, target))
    return memory


def _segment_text(seg: etree._Element) -> str:
    """The segment as text: inline codes (`<bpt>`, `<ept>`, `<ph>`, `<it>`) hold the
    Markdown they stand for, so all text in document order is the message as written."""
    return "".join(str(text) for text in seg.itertext())


def read_po_memory(project: Project, path: Path, languages: Sequence[str]) -> Memory:
    """A compendium's finished translations, for the catalog's `Language` (or, when the
    file does not say, the one language being updated)."""
    catalog = load_po(path)
    language = project_language(project, language_from(catalog, path))
    if language is None:
        if len(languages) != 1:
            raise CatalogError(
                "cannot tell the memory's language: give it a Language header, "
                "or update one language (--lang)",
                file=str(path),
            )
        language = languages[0]
    pairs = [
        (entry.msgid, entry.msgstr)
        for entry in catalog
        if entry.msgid and not entry.msgid_plural and entry_state(entry) is EntryState.TRANSLATED
    ]
    return {language: pairs}


def read_memory(project: Project, path: Path, languages: Sequence[str] = ()) -> Memory:
    """A TMX file or a PO compendium, told apart by their content."""
    if path.suffix.lower() in (".po", ".pot", ".compendium"):
        return read_po_memory(project, path, languages)
    xml = parse_xml(path)
    if not is_tmx(xml):
        raise ExchangeError(
            f"not a translation memory (TMX or PO): the file is <{local_name(xml.root)}>",
            file=xml.shown,
        )
    return read_tmx(project, xml)


def merged(memories: Sequence[Memory]) -> dict[str, dict[str, str]]:
    """Several memories as one, per language: source text -> translation."""
    pairs: Memory = {}
    for memory in memories:
        for language, found in memory.items():
            pairs.setdefault(language, []).extend(found)
    return {language: memory_by_source(found) for language, found in pairs.items()}


def load_memories(
    project: Project, paths: Sequence[Path], languages: Sequence[str] = ()
) -> dict[str, dict[str, str]]:
    """The memories in `paths` (TMX or PO), per language: what `update --memory` fills
    from (`pubtool.update(project, memory=load_memories(project, paths))`)."""
    return merged([read_memory(project, Path(path), languages) for path in paths])


def check_memory_catalogs(project: Project, memories: Sequence[Memory]) -> None:
    """Every catalog the memories would fill exists and parses: checked before an import
    writes anything, so that it is never half applied."""
    for language in sorted(merged(memories)):
        if language == project.source_language:
            continue
        path = project.catalog_path(language)
        if not path.exists():
            raise ExchangeError(
                f"no {language} catalog to fill: run `pubtool update --lang {language}` first",
                file=project.relative(path),
            )
        load_catalog(project, path)


def apply_memories(
    project: Project,
    memories: Sequence[Memory],
    report: ImportReport,
    writes: GuardedWrites,
    planned: Mapping[str, tuple[Any, Any]] | None = None,
) -> None:
    """Fill each language's catalog from the memories, inside the caller's `catalog_writes`.
    A catalog an XLIFF of the same import changes (`planned`) is filled as changed, so the
    memory only takes what is still empty after it."""
    check_memory_catalogs(project, memories)
    for language, memory in sorted(merged(memories).items()):
        if language == project.source_language:
            continue
        path = project.catalog_path(language)
        shown = project.relative(path)
        if planned and language in planned:
            catalog = planned[language][0]
        else:
            catalog = read_catalog(writes, project, path)
        if catalog is None:  # checked above; a file removed since is a plain error
            raise ExchangeError(f"no {language} catalog to fill", file=shown)
        filled = fill_from_memory(
            catalog, memory, language=language, source_language=project.source_language
        )
        report.translated += filled.exact
        report.fuzzy += filled.suggested
        if filled.exact or filled.suggested:
            written = stage_catalog(writes, catalog, path, project.width)
            report.catalogs[shown] = report.catalogs.get(shown, False) or written
        else:
            report.catalogs.setdefault(shown, False)


def import_memory(
    project: Project, paths: Sequence[Path], *, lock_timeout: float = 30.0
) -> ImportReport:
    """`pubtool import memory.tmx`: untranslated messages filled from the memory, exact
    matches as translations and close ones as fuzzy suggestions; no translation replaced."""
    memories = [read_memory(project, Path(path)) for path in paths]
    report = ImportReport(files=[str(path) for path in paths])
    with catalog_writes(project, lock_timeout) as writes:
        apply_memories(project, memories, report, writes)
    return report


__all__ = [
    "MemoryReport",
    "apply_memories",
    "check_memory_catalogs",
    "import_memory",
    "load_memories",
    "read_memory",
]
