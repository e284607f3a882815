"""One answer to "is this entry translated?", one way to copy an entry, one header builder.

Coverage, checks, updates and booklets all ask these questions; they ask them here, so that a
fuzzy plural or an obsolete header means the same thing to every command.
"""

from __future__ import annotations

from enum import StrEnum

import polib
from babel.core import Locale, UnknownLocaleError

from pubtool.po.plurals import plural_forms


class EntryState(StrEnum):
    """What an entry is, as `msgfmt --statistics` counts it."""

    HEADER = "header"
    TRANSLATED = "translated"
    FUZZY = "fuzzy"
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"


def is_header(entry: polib.POEntry) -> bool:
    """gettext's header: an empty msgid without a context (with one, it is a message)."""
    return not entry.msgid and entry.msgctxt is None and not entry.obsolete


def first_translation(entry: polib.POEntry) -> str:
    """msgstr, or msgstr[0] of a plural entry: what msgfmt looks at."""
    return str(entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr)


def has_translation(entry: polib.POEntry) -> bool:
    """Anything a translator wrote, in any form: what an update must never lose."""
    if entry.msgid_plural:
        return any(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def state(entry: polib.POEntry, *, source_language: bool = False) -> EntryState:
    """The entry's state; in the source language's catalog an empty msgstr means "as is"."""
    if entry.obsolete:
        return EntryState.OBSOLETE
    if is_header(entry):
        return EntryState.HEADER
    translated = bool(first_translation(entry))
    if entry.fuzzy:
        return EntryState.FUZZY if translated else EntryState.UNTRANSLATED
    if translated or source_language:
        return EntryState.TRANSLATED
    return EntryState.UNTRANSLATED


def finished_translation(entry: polib.POEntry | None) -> str | None:
    """The msgstr to publish: translated and not fuzzy, else None."""
    if entry is None or state(entry) is not EntryState.TRANSLATED or not entry.msgstr:
        return None
    return str(entry.msgstr)


def translation_pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) for every non-empty form: msgstr, or each msgstr[n].

    Form 0 of a plural entry translates msgid; every other form translates msgid_plural.
    """
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)] if entry.msgstr else []
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr_plural.items())
        if text
    ]


_ENTRY_FIELDS = frozenset(
    (
        "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete", "encoding",
        "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
        "previous_msgid_plural", "linenum",
    )
)
"""Every attribute `polib.POEntry.__init__` sets."""


def copy_entry(entry: polib.POEntry, **changes: object) -> polib.POEntry:
    """A new entry with the same content (lists and dicts copied), fields in `changes` replaced.

    The copy gets exactly the attributes `polib.POEntry(**fields)` would give it, set one
    by one: `update` copies every message of a catalog, and polib's keyword defaults cost
    more than the copy itself.
    """
    if not changes.keys() <= _ENTRY_FIELDS:
        unknown = ", ".join(sorted(changes.keys() - _ENTRY_FIELDS))
        raise TypeError(f"not a field of a catalog entry: {unknown}")
    copy = polib.POEntry.__new__(polib.POEntry)
    copy.msgid = entry.msgid
    copy.msgstr = entry.msgstr
    copy.msgid_plural = entry.msgid_plural
    copy.msgstr_plural = dict(entry.msgstr_plural)
    copy.msgctxt = entry.msgctxt
    copy.obsolete = entry.obsolete
    copy.encoding = polib.default_encoding
    copy.comment = entry.comment
    copy.tcomment = entry.tcomment
    copy.occurrences = list(entry.occurrences)
    copy.flags = list(entry.flags)
    copy.previous_msgctxt = entry.previous_msgctxt
    copy.previous_msgid = entry.previous_msgid
    copy.previous_msgid_plural = entry.previous_msgid_plural
    copy.linenum = None
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


def header_fields(
    *, project: str, creation_date: str, language: str | None = None
) -> dict[str, str]:
    """The header gettext's tools write: a template's without `language`, a new catalog's with."""
    fields = [
        ("Project-Id-Version", project),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", creation_date),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", language_name(language) if language else "LANGUAGE <LL@li.org>"),
        *([("Language", language)] if language else []),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        *([("Plural-Forms", plural_forms(language))] if language else []),
    ]
    return dict(fields)


def language_name(language: str, in_language: str | Locale = "en") -> str:
    """What `in_language` calls `language`, from CLDR (`Russian`, `русский`), or the code if
    CLDR lacks either."""
    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(in_language)
    except (ValueError, TypeError, UnknownLocaleError):
        return language
    return name or language
