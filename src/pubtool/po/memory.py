"""A translation memory from outside (TMX, a compendium PO) filling a catalog's gaps.

As msgmerge's compendium: a message the memory holds word for word takes its translation; a
message it holds only something like gets the closest one as a fuzzy suggestion, found and
annotated as `update` finds and annotates its own (memory texts that are not messages of
the catalog searched first, rare-word candidates scored by rapidfuzz, the old source as
`#| msgid`, numbers carried, notes where numbers, dates or negation changed). An entry that
has a translation, fuzzy or not, is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import polib

from pubtool.po.entries import has_translation
from pubtool.po.merge import (
    _add_risk_notes,
    _carry_changes,
    _carry_translation,
    _suggestions,
)


@dataclass
class MemoryReport:
    """What a memory did to one catalog."""

    exact: int = 0
    suggested: int = 0
    risky: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def add(self, other: MemoryReport) -> None:
        self.exact += other.exact
        self.suggested += other.suggested
        self.risky += other.risky


def memory_by_source(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One translation per source text; where a memory holds several, the first in sorted
    order, so the result does not depend on the order of the memory's units."""
    chosen: dict[str, str] = {}
    for source, translation in sorted(pairs):
        if source and translation:
            chosen.setdefault(source, translation)
    return chosen


def fill_from_memory(
    catalog: polib.POFile,
    memory: dict[str, str],
    *,
    language: str | None = None,
    source_language: str = "en",
) -> MemoryReport:
    """Fill `catalog`'s untranslated messages from `memory` (source text -> translation),
    in place: exact matches as translations, close ones as fuzzy suggestions. `language`
    (default: the catalog's `Language` header) is the one changed numbers are carried into
    the suggestions in, as `update` does."""
    language = language or catalog.metadata.get("Language", "") or source_language
    report = MemoryReport()
    waiting = [
        entry
        for entry in catalog
        if entry.msgid and not entry.obsolete and not entry.msgid_plural
        and not has_translation(entry)
    ]  # fmt: skip
    if not waiting or not memory:
        return report
    inexact = []
    for entry in waiting:
        translation = memory.get(entry.msgid)
        if translation is None:
            inexact.append(entry)
            continue
        entry.msgstr = translation
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        report.exact += 1
    sources = sorted(memory)
    items: list[tuple[str, polib.POEntry, list[polib.POEntry]]] = [
        (source, polib.POEntry(msgid=source, msgstr=memory[source]), []) for source in sources
    ]
    messages = {entry.msgid for entry in catalog if entry.msgid and not entry.obsolete}
    # update's own search: memory texts that are not messages of the catalog first (where
    # an edited message most likely came from), then the whole memory for poor matches
    for new_index, memory_index in _suggestions(
        [entry.msgid for entry in inexact], items, messages
    ).items():
        entry = inexact[new_index]
        source = sources[memory_index]
        comment = entry.tcomment
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]  # added once, below
        _carry_translation(polib.POEntry(msgid=source, msgstr=memory[source]), entry, fuzzy=True)
        entry.tcomment = comment  # the memory has no translator comments to give
        entry.previous_msgid = source
        _carry_changes(entry, language, source_language)
        if _add_risk_notes(entry, language, source_language):
            report.risky += 1
        report.suggested += 1
    return report
