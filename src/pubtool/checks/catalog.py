"""The header and plural forms `msgfmt -c` would reject; newlines msgfmt compares."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import polib
from babel.core import Locale, UnknownLocaleError

from pubtool.checks.context import CheckContext
from pubtool.checks.language import base_language
from pubtool.po.plurals import plural_count

CATALOG = "catalog"
_HEADER_LINE = 1


def check_newlines(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """msgid and msgstr agree on starting and ending with a newline.

    `msgfmt -c` rejects the catalog otherwise; reporting it here gives the line at once.
    """
    if source.startswith("\n") != translation.startswith("\n"):
        yield "msgid and msgstr differ in beginning with a newline (msgfmt -c rejects this)"
    if source.endswith("\n") != translation.endswith("\n"):
        yield "msgid and msgstr differ in ending with a newline (msgfmt -c rejects this)"


def expected_plural_count(language: str) -> int | None:
    """The number of gettext plural forms of `language` by the convention new catalogs get.

    Not CLDR's `Locale.plural_form`: CLDR gives Russian a fourth category (`other`, for
    fractions) that gettext catalogs do not have. None for a code Babel does not know.
    """
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return plural_count(language)


def catalog_problems(po: polib.POFile, context: CheckContext) -> Iterator[tuple[int, str]]:
    """(line, message) for header and plural-form problems `msgfmt -c` would reject."""
    if not po.metadata:
        yield _HEADER_LINE, 'no header entry (msgid "") with Content-Type, Language, Plural-Forms'
        return
    yield from _content_type_problems(po.metadata)
    yield from _language_problems(po.metadata, context.language)
    yield from _plural_forms_problems(po.metadata, context.language)
    plurals = _declared_plural_count(po.metadata) or expected_plural_count(context.language)
    if plurals is None:
        return
    for entry in po:
        forms = sorted(entry.msgstr_plural)
        if entry.msgid_plural and not entry.obsolete and forms != list(range(plurals)):
            yield entry.linenum or 0, f"plural entry has {len(forms)} forms, nplurals is {plurals}"


def _declared_plural_count(metadata: Mapping[str, str]) -> int | None:
    declared = re.search(r"nplurals\s*=\s*(\d+)", metadata.get("Plural-Forms", ""))
    return int(declared.group(1)) if declared else None


def _content_type_problems(metadata: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    content_type = metadata.get("Content-Type")
    if content_type is None:
        yield _HEADER_LINE, "header has no Content-Type (text/plain; charset=UTF-8)"
        return
    charset = re.search(r"charset\s*=\s*([\w.:-]+)", content_type, re.IGNORECASE)
    if charset is None or charset.group(1).lower() not in {"utf-8", "utf8"}:
        yield _HEADER_LINE, f"header Content-Type is {content_type!r}, expected charset=UTF-8"


def _language_problems(metadata: Mapping[str, str], language: str) -> Iterator[tuple[int, str]]:
    declared = metadata.get("Language", "").strip()
    if not declared:
        yield _HEADER_LINE, f"header has no Language (expected {language!r})"
    elif base_language(declared) != base_language(language):
        yield _HEADER_LINE, f"header Language is {declared!r}, the catalog is for {language!r}"


def _plural_forms_problems(metadata: Mapping[str, str], language: str) -> Iterator[tuple[int, str]]:
    expected = expected_plural_count(language)
    plural_forms = metadata.get("Plural-Forms")
    declared = _declared_plural_count(metadata)
    if plural_forms is None:
        wanted = f" (nplurals={expected} for {language})" if expected else ""
        yield _HEADER_LINE, f"header has no Plural-Forms{wanted}"
    elif declared is None:
        yield _HEADER_LINE, f"header Plural-Forms {plural_forms!r} has no nplurals"
    elif expected is not None and declared != expected:
        yield (
            _HEADER_LINE,
            f"header Plural-Forms says nplurals={declared}, {language} has {expected} plural forms",
        )
