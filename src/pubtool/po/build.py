"""Reading, second stage: each finished message checked and built into a `Catalog`.

The parser (`po/read.py`) hands over every message as soon as it ends; `CatalogBuilder`
makes its polib entry at once, so a large catalog never holds a draft per message besides
its entries.  What needs the whole file (duplicates, the header's charset and `nplurals`)
is noted as messages arrive and judged in `finish`, which raises the first error of the
first kind in a fixed order: the same error for the same file, whatever the messages' order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from pubtool.po.catalog import Catalog
from pubtool.po.flags import Flags, parse_flags
from pubtool.po.syntax import PoSyntaxError, has_splice
from pubtool.po.write import excerpt

__all__ = ["CatalogBuilder", "Draft"]


@dataclass(slots=True)
class Draft:
    """One message as read, with the line of each part for error messages."""

    first_line: int
    obsolete: bool | None = None
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    flag_words: list[str] = field(default_factory=list)
    flag_line: int = 0
    fields: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)
    string_lines: list[tuple[int, str]] = field(default_factory=list)
    plural_forms: list[str] = field(default_factory=list)
    plural_lines: list[int] = field(default_factory=list)
    last_keyword: str | None = None

    @property
    def complete(self) -> bool:
        return self.last_keyword in ("msgstr", "msgstr[]")

    @property
    def started(self) -> bool:
        return self.last_keyword is not None

    @property
    def is_header(self) -> bool:
        return self.fields.get("msgid") == "" and "msgctxt" not in self.fields

    def key(self) -> tuple[str | None, str]:
        return self.fields.get("msgctxt"), self.fields["msgid"]


class CatalogBuilder:
    """Finished messages in, one `Catalog` out, or the file's first error.

    `foreign` catalogs (read in their own charset, as `pubtool fmt` reads them) skip the
    checks of what pubtool itself cannot use: a charset other than UTF-8, escaped bytes
    that are not UTF-8, plural forms that do not match `nplurals`.
    """

    def __init__(self, path: str | Path, encoding: str, text: str, *, foreign: bool) -> None:
        self.catalog = Catalog(fpath=str(path), file_encoding=encoding, has_header=False)
        self._text = text
        self._foreign = foreign
        self._header: Draft | None = None
        self._first_lines: dict[tuple[str | None, str], int] = {}
        self._duplicate: PoSyntaxError | None = None
        # no `\\x..` or octal escape, not even one spliced over two lines: nothing to look for
        self._look_for_escaped_bytes = not foreign and (
            _BYTE_ESCAPE.search(text) is not None or has_splice(text)
        )
        self._escaped_bytes: PoSyntaxError | None = None
        self._plural_lines: list[list[int]] = []
        self._build_error: PoSyntaxError | None = None
        self._known_flags: dict[tuple[str, ...], list[str]] = {}

    def add(self, draft: Draft) -> None:
        """Note what the file-wide checks need, and build the message's entry."""
        line = draft.field_lines["msgid"]
        first = self._first_lines.setdefault(draft.key(), line)
        if first != line and self._duplicate is None:
            msgid = excerpt(draft.fields["msgid"])
            self._duplicate = PoSyntaxError(
                f"duplicate message {msgid}, first defined on line {first}", line
            )
        if self._look_for_escaped_bytes and self._escaped_bytes is None:
            self._escaped_bytes = _escaped_bytes_error(draft)
        if draft.plural_forms and not draft.obsolete:
            self._plural_lines.append(draft.plural_lines)
        try:
            if draft.is_header and not draft.obsolete:
                if self._header is None:
                    self._header = draft
                    _set_header(self.catalog, draft)
            else:
                self.catalog.append(_build_entry(draft, self._known_flags))
        except PoSyntaxError as error:
            self._build_error = self._build_error or error

    def finish(self, *, valid_text: bool) -> Catalog:
        """The catalog, or the first error: charset and bytes, duplicates, plurals, the rest.

        `valid_text` says whether the file decoded without error; when it did not, its
        first undecodable byte is the error (a foreign catalog's reader says so itself).
        """
        if not self._foreign:
            _check_charset(self._header, self._text)
            if not valid_text:
                invalid = _INVALID_BYTE.search(self._text)
                if invalid is not None:
                    number = self._text.count("\n", 0, invalid.start()) + 1
                    raise PoSyntaxError("bytes that are not valid UTF-8", number)
            if self._escaped_bytes is not None:
                raise self._escaped_bytes
        if self._duplicate is not None:
            raise self._duplicate
        if not self._foreign:
            self._check_plural_counts()
        if self._build_error is not None:
            raise self._build_error
        return self.catalog

    def _check_plural_counts(self) -> None:
        """Each live plural message has as many forms as the header's `nplurals` says."""
        msgstr = self._header.fields["msgstr"] if self._header is not None else ""
        match = re.search(r"nplurals\s*=\s*([0-9]+)", msgstr)
        if match is None:
            return
        nplurals = int(match[1])
        for lines in self._plural_lines:
            count = len(lines)
            if count != nplurals:
                raise PoSyntaxError(
                    f"{count} plural forms, but the header says nplurals={nplurals}",
                    lines[min(count, nplurals + 1) - 1],
                )


def _check_charset(header: Draft | None, text: str) -> None:
    """Only UTF-8 is read; without a declared charset gettext reads ASCII, so only ASCII."""
    msgstr = header.fields.get("msgstr", "") if header is not None else ""
    match = re.search(r"charset=([^ \t\n]*)", msgstr)
    if match is None:
        if not text.isascii():
            line = next(n for n, line in enumerate(text.split("\n"), 1) if not line.isascii())
            raise PoSyntaxError("non-ASCII text, but no charset=UTF-8 in the header", line)
        return
    if match[1].upper() != "UTF-8":
        assert header is not None
        line = next(
            (n for n, string in header.string_lines if "charset=" in string),
            header.field_lines["msgstr"],
        )
        raise PoSyntaxError(f"the header declares charset {match[1]}; only UTF-8 is read", line)


_INVALID_BYTE = re.compile("[\udc80-\udcff]")
_BYTE_ESCAPE = re.compile(r"\\[x0-7]")


def _escaped_bytes_error(draft: Draft) -> PoSyntaxError | None:
    """Bytes written as escapes that are not UTF-8 (decoded to lone surrogates)."""
    for keyword, value in draft.fields.items():
        if _INVALID_BYTE.search(value) is not None:
            return PoSyntaxError(
                f"{keyword} has escaped bytes that are not valid UTF-8",
                draft.field_lines[keyword],
            )
    for number, value in zip(draft.plural_lines, draft.plural_forms, strict=True):
        if _INVALID_BYTE.search(value) is not None:
            return PoSyntaxError("escaped bytes that are not valid UTF-8", number)
    return None


# --- polib objects ---------------------------------------------------------------------


def _set_header(po: Catalog, draft: Draft) -> None:
    """The header entry as polib keeps it: comments, metadata and a fuzzy flag."""
    flags = _flags_of(draft)
    previous = any(key.startswith("#|") for key in draft.fields)
    other_flags = bool(flags.formats) or flags.range is not None or flags.no_wrap
    if draft.extracted_comments or draft.references or previous or other_flags:
        raise PoSyntaxError(
            "the header may have translator comments and a fuzzy flag, nothing else",
            draft.first_line,
        )
    po.has_header = True
    po.header_text = draft.fields["msgstr"]
    po.header = "\n".join(draft.translator_comments)
    # one empty `#` line joins to "", like no comment at all: keep the lines as read
    po.header_comment_lines = list(draft.translator_comments)
    po.metadata_is_fuzzy = flags.fuzzy
    name = None
    for line in draft.fields["msgstr"].splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            if name in po.metadata:
                where = [n for n, string in draft.string_lines if string.startswith(f"{name}:")]
                line_number = where[1] if len(where) > 1 else draft.field_lines["msgstr"]
                raise PoSyntaxError(f"header field {name} appears twice", line_number)
            po.metadata[name] = value.strip()
        elif name is not None:
            po.metadata[name] += "\n" + line.strip()
    po.header_fields_read = dict(po.metadata)


def _flags_of(draft: Draft) -> Flags:
    try:
        return parse_flags(draft.flag_words)
    except ValueError as error:
        raise PoSyntaxError(str(error), draft.flag_line) from None


def _entry_flags(draft: Draft, known: dict[tuple[str, ...], list[str]]) -> list[str]:
    """The message's flags in msgcat's order.

    A catalog repeats a few distinct `#,` lines thousands of times: each is parsed once
    (`known`, per catalog), and every entry gets its own list.
    """
    if not draft.flag_words:
        return []
    key = tuple(draft.flag_words)
    words = known.get(key)
    if words is None:
        words = known[key] = _flags_of(draft).words(translated=True)
    return list(words)


def _build_entry(draft: Draft, known_flags: dict[tuple[str, ...], list[str]]) -> polib.POEntry:
    """The message as a polib entry, with exactly the attributes `polib.POEntry(...)` sets.

    They are set one by one rather than passed as keywords: polib's keyword defaults cost
    a fifth of reading a large catalog. (Not through `vars(entry)`, which would give each
    entry a dictionary of its own for the garbage collector to walk.)
    """
    fields = draft.fields
    entry = polib.POEntry.__new__(polib.POEntry)
    entry.msgid = fields["msgid"]
    entry.msgstr = fields.get("msgstr", "")
    entry.msgid_plural = fields.get("msgid_plural", "")
    entry.msgstr_plural = dict(enumerate(draft.plural_forms))
    entry.msgctxt = fields.get("msgctxt")  # type: ignore[assignment]  # polib's "none" is None
    entry.obsolete = bool(draft.obsolete)
    entry.encoding = "utf-8"
    entry.comment = "\n".join(draft.extracted_comments)
    entry.tcomment = "\n".join(draft.translator_comments)
    entry.occurrences = draft.references
    entry.flags = _entry_flags(draft, known_flags)
    entry.previous_msgctxt = fields.get("#|msgctxt")
    entry.previous_msgid = fields.get("#|msgid")
    entry.previous_msgid_plural = fields.get("#|msgid_plural")
    entry.linenum = draft.first_line
    return entry
