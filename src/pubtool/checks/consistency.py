"""Consistency across a catalog: one source, one translation; one term, one spelling.

A check of one entry cannot see that statement 2012 writes "Ümummilli Lider" and statement
2021 "Ümummilli lider": each is fine alone. This is a catalog-level check, as Weblate's
"consistency": it reads the whole catalog and reports each inconsistency once, with every
place it occurs.

- The same source text (whitespace aside; different `msgctxt`s) translated differently.
- A glossary term whose rendering is written with different letter case in different
  entries (found by the glossary's inflection-tolerant matcher, so `Ümummilli Liderin` and
  `Ümummilli lideri` are the same term). A capital where a sentence starts is not a variant;
  a term marked `case: free` in the glossary is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import polib

from pubtool.checks.context import IGNORE_ALL, CatalogProblem, CheckContext, catalog_check
from pubtool.checks.context import suppressed_checks as _suppressed
from pubtool.checks.glossary import (
    CASE_FREE,
    Term,
    _sentence_start,
    case_departure,
    rendering_occurrences,
)
from pubtool.checks.language import base_language
from pubtool.po.entries import translation_pairs

CONSISTENCY = "consistency"


@dataclass(frozen=True)
class _Place:
    line: int
    msgid: str
    written: str
    #: The letter case of each word of the occurrence, letter by letter (True = capital);
    #: the first letter is None where a sentence starts, since a capital there is no variant.
    case: tuple[tuple[bool | None, ...], ...]
    #: Whether the occurrence has the glossary rendering's own letter case.
    as_written: bool


@catalog_check
def check_consistency(po: polib.POFile, context: CheckContext) -> Iterator[CatalogProblem]:
    """Every inconsistency of the catalog, with the line of each entry involved."""
    if base_language(context.language) == base_language(context.source_language):
        return
    entries = [
        entry
        for entry in po
        if not entry.obsolete
        and not entry.fuzzy
        and translation_pairs(entry)
        and not {CONSISTENCY, IGNORE_ALL} & _suppressed(entry)
    ]
    yield from _same_source(entries)
    yield from _term_spellings(entries, context)


def _same_source(entries: list[polib.POEntry]) -> Iterator[CatalogProblem]:
    groups: dict[tuple[str, str], list[polib.POEntry]] = {}
    for entry in entries:
        key = (_normal(entry.msgid), _normal(entry.msgid_plural or ""))
        groups.setdefault(key, []).append(entry)
    for group in groups.values():
        renderings: dict[str, list[int]] = {}
        for entry in group:
            text = _normal(entry.msgstr or " | ".join(entry.msgstr_plural.values()))
            renderings.setdefault(text, []).append(entry.linenum or 0)
        if len(renderings) > 1:
            shown = "; ".join(f"{_short(text)!r}" for text in renderings)
            yield CatalogProblem(
                lines=tuple(sorted(entry.linenum or 0 for entry in group)),
                msgid=group[0].msgid,
                message=f"the same source is translated {len(renderings)} ways: {shown}",
            )


def _term_spellings(
    entries: list[polib.POEntry], context: CheckContext
) -> Iterator[CatalogProblem]:
    language = context.language
    places: dict[str, tuple[Term, list[_Place]]] = {}
    for entry in entries:
        for source, translation in translation_pairs(entry):
            for term, rendering in context.glossary.expected_in(source, language):
                found = places.setdefault(rendering, (term, []))[1]
                for occurrence in rendering_occurrences(translation, rendering, language):
                    found.append(_place(entry, translation, occurrence, rendering, language))
    for rendering, (term, found) in places.items():
        if term.case == CASE_FREE:
            continue
        # The usual spelling: the glossary's own, else the most frequent.
        variants = sorted(
            _case_variants(found).items(),
            key=lambda item: (
                not any(place.as_written for place in item[1]),
                -len(item[1]),
                item[1][0].line,
            ),
        )
        if len(variants) < 2:
            continue
        (usual, usual_places), others = variants[0], variants[1:]
        shown = "; ".join(
            f"{written!r} {_times(len(group))} (line {', '.join(_lines(group))})"
            for written, group in others
        )
        # The finding stands at the first departure from the usual spelling.
        first = [line for _, group in others for line in _lines_of(group)]
        rest = [line for line in _lines_of(usual_places) if line not in first]
        yield CatalogProblem(
            lines=tuple(sorted(set(first)) + sorted(set(rest))),
            msgid=min(
                (place for _, group in others for place in group), key=lambda p: p.line
            ).msgid,
            message=(
                f"{term.source!r} ({rendering!r}) is written {len(variants)} ways: "
                f"{usual!r} {_times(len(usual_places))}; {shown}"
            ),
        )


def _lines_of(places: list[_Place]) -> list[int]:
    return sorted({place.line for place in places})


def _lines(places: list[_Place]) -> list[str]:
    return [str(line) for line in _lines_of(places)]


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _place(
    entry: polib.POEntry,
    text: str,
    occurrence: tuple[re.Match[str], ...],
    rendering: str,
    language: str,
) -> _Place:
    words: list[tuple[bool | None, ...]] = []
    for index, match in enumerate(occurrence):
        initial = index == 0 and _sentence_start(text, match.start())
        words.append(
            tuple(
                None if initial and position == 0 else letter.isupper()
                for position, letter in enumerate(match.group())
            )
        )
    written = text[occurrence[0].start() : occurrence[-1].end()]
    as_written = case_departure(text, occurrence, rendering, language) is None
    return _Place(entry.linenum or 0, entry.msgid, written, tuple(words), as_written)


def _case_variants(places: list[_Place]) -> dict[str, list[_Place]]:
    """Occurrences grouped by letter case (compared over the letters they share, so that
    inflected endings do not count); a sentence-initial capital matches either case."""
    groups: list[list[_Place]] = []
    for place in sorted(places, key=lambda p: (p.case[0][:1] == (None,), p.line)):
        for group in groups:
            if _same_case(group[0].case, place.case):
                group.append(place)
                break
        else:
            groups.append([place])
    return {group[0].written: group for group in groups}


def _same_case(
    a: tuple[tuple[bool | None, ...], ...], b: tuple[tuple[bool | None, ...], ...]
) -> bool:
    for word_a, word_b in zip(a, b, strict=True):
        for p, q in zip(word_a, word_b, strict=False):
            if p is not None and q is not None and p != q:
                return False
    return True


def _normal(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
