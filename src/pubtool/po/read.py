"""Reading catalogs strictly: what gettext refuses is refused, with a `file:line` error.

polib's `POFile` and `POEntry` are the data model; the text is parsed here, so what is
checked is exactly what is loaded.
"""

from __future__ import annotations

import codecs
import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import polib

from pubtool.errors import CatalogError
from pubtool.po.catalog import Catalog
from pubtool.po.flags import Flags, parse_flags
from pubtool.po.write import TRAILING_BACKSLASH, excerpt

__all__ = ["load_po", "paused_garbage_collector"]


_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[[0-9]+\]|msgstr)(?![\w\[])\s*")
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
}
_START_KEYWORDS = ("#|msgctxt", "#|msgid", "msgctxt", "msgid")
_NEXT_KEYWORDS = {
    None: _START_KEYWORDS,
    "#|msgctxt": ("#|msgid",),
    "#|msgid": ("#|msgid_plural", "msgctxt", "msgid"),
    "#|msgid_plural": ("msgctxt", "msgid"),
    "msgctxt": ("msgid",),
    "msgid": ("msgid_plural", "msgstr"),
    "msgid_plural": ("msgstr[]",),
    "msgstr": (),
    "msgstr[]": ("msgstr[]",),
}


def load_po(path: str | Path, *, foreign: bool = False) -> Catalog:
    """Read a catalog strictly into polib objects, or raise CatalogError naming file and line.

    The file is parsed here, line by line, rather than validated and then handed to polib:
    one parser means what is checked is exactly what is loaded (polib reads some lines
    differently from gettext, e.g. `##` comments or a backslash at the end of a line, and
    silently drops others, e.g. comments after the last message), and every error knows
    its line.  Everything gettext refuses is refused: unterminated strings, unknown
    escapes, lines that are not PO syntax, a file that ends inside a message, duplicate
    messages, a byte order mark.  So is what would not survive being written back: flags
    gettext does not know, comments ending in a backslash, a header field given twice or
    header comments polib cannot hold.  And what pubtool cannot use: a charset other than
    UTF-8, bytes that are not UTF-8, plural messages whose forms do not match `nplurals`.

    With `foreign` (how `pubtool fmt` reads other people's catalogs), the file is read as
    gettext's msgcat reads it: decoded in the charset its header declares (remembered in
    the catalog's `file_encoding`, so that it is written back in it), and plural messages with more
    or fewer forms than `nplurals` are kept as they are (msgfmt --check's business).

    The catalog is a `Catalog`, which remembers what a faithful rewrite needs beyond
    polib's model: whether the file has a header entry, the header's msgstr and comment
    lines as read, and its fields as read (so a writer can tell whether they changed).
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read the catalog: {error.strerror}", file=path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise CatalogError("a byte order mark, which gettext refuses", file=path, line=1)
    encoding = _declared_encoding(data) if foreign else "utf-8"
    if encoding is None:
        raise CatalogError("the header declares a charset Python cannot read", file=path)
    try:
        text, valid_text = data.decode(encoding), True
    except UnicodeDecodeError:  # bytes that are not UTF-8 become lone surrogates
        text, valid_text = data.decode(encoding, errors="surrogateescape"), False
    with paused_garbage_collector():
        try:
            drafts = _parse(text, valid_text=valid_text)
            if foreign:
                if not valid_text:
                    raise _PoSyntaxError(
                        f"bytes that are not valid {encoding}", _first_bad_line(data, encoding)
                    )
            else:
                _check_charset(drafts, text)
                _check_encoding(drafts, text, valid_utf8=valid_text)
            _check_duplicates(drafts)
            if not foreign:
                _check_plural_counts(drafts)
            po = _build_catalog(drafts, path, encoding)
        except _PoSyntaxError as error:
            raise CatalogError(error.message, file=path, line=error.line) from None
    return po


_DECLARED_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:+-]+)")


def _declared_encoding(data: bytes) -> str | None:
    """The Python codec of the charset the header declares; UTF-8 when none is declared.

    The header is the first message, so the first `charset=` of the file's opening
    lines is its.  gettext's placeholder `CHARSET` (a template not yet filled in) is read
    as UTF-8, as msgcat reads it.
    """
    start = data.find(b'msgid ""')
    match = _DECLARED_CHARSET.search(data, start, start + 4000) if start >= 0 else None
    if match is None or match[1].upper() == b"CHARSET":
        return "utf-8"
    name = match[1].decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _first_bad_line(data: bytes, encoding: str) -> int:
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            return number
    return 1


@contextmanager
def paused_garbage_collector() -> Iterator[None]:
    """Building a catalog makes millions of objects and frees none: the cyclic garbage
    collector would walk them all again and again, for nothing. Restored as it was."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _parse(text: str, *, valid_text: bool) -> list[_Draft]:
    """The messages of a file; plain ones in whole blocks when nothing can make them unusual.

    Block reading needs lines as they stand (no backslash-newline to join) and no bytes
    that are not UTF-8 (which could join up across strings): otherwise line by line.
    """
    if valid_text and not _has_splice(text):
        return _Parser().parse_text(text)
    return _Parser().parse(_logical_lines(text))


_SPLICE = re.compile(r"\\\n")


def _has_splice(text: str) -> bool:
    """Whether some line ends in a backslash.

    The regex engine finds that about twice as fast as `in` in a long text: `in` keys on
    the newline, which is common.
    """
    return _SPLICE.search(text) is not None


def _logical_lines(text: str) -> Iterable[tuple[int, str]]:
    """Lines as gettext's lexer sees them, each with the number of its first physical line.

    Like C, gettext joins a line that ends in a backslash to the next one, anywhere.
    """
    if not _has_splice(text):  # nothing to join, the common case: no list of pairs to build
        return enumerate(text.split("\n"), start=1)
    physical = text.split("\n")
    lines: list[tuple[int, str]] = []
    start, pending = 1, ""
    for number, line in enumerate(physical, start=1):
        if line.endswith("\\") and number < len(physical):
            pending += line[:-1]
            continue
        lines.append((start, pending + line))
        start, pending = number + 1, ""
    return lines


class _PoSyntaxError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class _Draft:
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


class _Parser:
    """PO syntax as gettext's lexer and grammar accept it: one line at a time, or a plain
    message whole where the line parser would read it no differently."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.draft: _Draft | None = None
        self.current_field: str | None = None

    def parse(self, lines: Iterable[tuple[int, str]]) -> list[_Draft]:
        """Every line through the line parser."""
        for number, line in lines:
            self._physical_line(line, number)
        self._finish_at_end()
        return self.drafts

    def parse_text(self, text: str) -> list[_Draft]:
        """Whole plain messages at once where one starts, the line parser for the rest.

        Most messages are a few comments, a msgid and a msgstr of simple strings: one
        compiled pattern takes such a message whole (`_plain_draft`).  Everything else,
        errors included, goes through the line parser, so it is read and reported exactly
        as before.  Lines are split off `text` as needed, so that a block can be matched
        where the line parser stopped.
        """
        block = _PLAIN_BLOCK.match
        position, number, size = 0, 1, len(text)
        while position <= size:
            if text.startswith("\n", position):  # an empty line, which means nothing
                position, number = position + 1, number + 1
                continue
            draft = self.draft
            if draft is None or draft.complete:  # a new message would start here
                match = block(text, position)
                if match is not None:
                    plain = _plain_draft(match, text, number)
                    if plain is not None:
                        if draft is not None:
                            self._finish()
                        # left open, as the line parser leaves a message after its msgstr
                        self.draft = plain
                        self.current_field = plain.last_keyword
                        number += text.count("\n", position, match.end())
                        position = match.end()
                        continue
            end = text.find("\n", position)
            if end < 0:
                end = size
            self._physical_line(text[position:end], number)
            position, number = end + 1, number + 1
        self._finish_at_end()
        return self.drafts

    def _physical_line(self, line: str, number: int) -> None:
        """One line as the file has it (a logical line, when lines were joined)."""
        # Most lines continue a live string with one simple string: they are taken here
        # when `_line` would take them the same way; anything else goes through it.
        match = _SIMPLE_CONTINUATION.fullmatch(line)
        if match is not None:
            draft, field = self.draft, self.current_field
            live = draft is not None and draft.obsolete is False
            if live and field and not field.startswith("#|"):
                self._append(_unescaped(match[1]), number)
                return
        self._line(line.removesuffix("\r").lstrip(), number)

    def _line(self, line: str, number: int) -> None:
        """One line, leading blanks removed; comments keep their trailing blanks."""
        if not line.strip():
            return
        if line.startswith("#~|"):
            self._keyword_line(line[3:], number, obsolete=True, previous=True)
        elif line.startswith("#~"):
            self._obsolete_line(line[2:].lstrip(), number)
        elif line.startswith("#|"):
            self._keyword_line(line[2:], number, obsolete=False, previous=True)
        elif line.startswith("#"):
            self._comment_line(line, number)
        else:
            self._keyword_line(line, number, obsolete=False, previous=False)

    def _obsolete_line(self, rest: str, number: int) -> None:
        """`#~ msgid …`; gettext also reads `#~ #. comment` as a plain comment."""
        if rest.startswith("#") and not rest.startswith(("#~", "#|")):
            self._comment_line(rest, number)
        else:
            self._keyword_line(rest, number, obsolete=True, previous=False)

    # comments ---------------------------------------------------------------------

    def _comment_line(self, line: str, number: int) -> None:
        if line.endswith("\\"):
            raise _PoSyntaxError(TRAILING_BACKSLASH, number)
        draft = self._draft_for_comment(number)
        marker, rest = line[:2], line[2:]
        if marker in ("#,", "#!"):
            draft.flag_words.append(rest)
            draft.flag_line = draft.flag_line or number
        elif marker == "#.":
            draft.extracted_comments.append(rest.removeprefix(" "))
        elif marker == "#:":
            draft.references += [
                reference
                for reference in _parse_references(rest)
                if reference not in draft.references
            ]
        else:
            draft.translator_comments.append(line[1:].removeprefix(" "))

    def _draft_for_comment(self, number: int) -> _Draft:
        """Comments open a message, or belong to the one after the finished one."""
        if self.draft is not None and self.draft.started:
            if not self.draft.complete:
                raise _PoSyntaxError(f"comment inside a message: {self._missing_msgstr()}", number)
            self._finish()
        if self.draft is None:
            self.draft = _Draft(first_line=number)
        return self.draft

    # keywords and strings -------------------------------------------------------------

    def _keyword_line(self, line: str, number: int, *, obsolete: bool, previous: bool) -> None:
        line = line.strip()
        if not line and (obsolete or previous):
            return  # a bare `#~` or `#|`, which gettext skips
        match = _KEYWORD.match(line)
        if match is None and not line.startswith('"'):
            what = "domain directives are not supported" if line.startswith("domain") else None
            raise _PoSyntaxError(what or f"not valid PO syntax: {excerpt(line)}", number)
        strings = _parse_strings(line[match.end() if match else 0 :], number)
        if match is None:
            self._continuation(strings, number, obsolete=obsolete, previous=previous)
            return
        keyword = match[1]
        plural_index = None
        if keyword.startswith("msgstr["):
            plural_index = int(keyword[7:-1])
            keyword = "msgstr[]"
        if previous:
            if keyword not in ("msgctxt", "msgid", "msgid_plural"):
                raise _PoSyntaxError(f"{match[1]} cannot be a previous (#|) field", number)
            keyword = "#|" + keyword
        self._start_field(keyword, plural_index, number, obsolete=obsolete)
        self._append("".join(strings), number)

    def _start_field(
        self, keyword: str, plural_index: int | None, number: int, *, obsolete: bool
    ) -> None:
        draft = self.draft
        if draft is not None and draft.complete and keyword in _START_KEYWORDS:
            self._finish()
            draft = None
        if draft is None:
            draft = self.draft = _Draft(first_line=number)
        if keyword not in _NEXT_KEYWORDS[draft.last_keyword]:
            raise _PoSyntaxError(self._unexpected(keyword, number), number)
        if draft.obsolete is None:
            draft.obsolete = obsolete
        elif draft.obsolete != obsolete:
            raise _PoSyntaxError("a message mixes obsolete (#~) and live lines", number)
        draft.last_keyword = keyword
        if keyword == "msgstr[]":
            if plural_index != len(draft.plural_forms):
                expected = len(draft.plural_forms)
                raise _PoSyntaxError(
                    f"msgstr[{plural_index}] where msgstr[{expected}] was expected", number
                )
            draft.plural_forms.append("")
            draft.plural_lines.append(number)
        else:
            draft.fields[keyword] = ""
            draft.field_lines[keyword] = number
        self.current_field = keyword

    def _continuation(
        self, strings: list[str], number: int, *, obsolete: bool, previous: bool
    ) -> None:
        draft = self.draft
        if draft is None or self.current_field is None:
            raise _PoSyntaxError("a string outside any msgid or msgstr", number)
        if previous != self.current_field.startswith("#|") or draft.obsolete != obsolete:
            raise _PoSyntaxError("this string continues a different kind of line", number)
        self._append("".join(strings), number)

    def _append(self, text: str, number: int) -> None:
        """Add the strings of one line (joined) to the current field."""
        draft, field = self.draft, self.current_field
        assert draft is not None and field is not None
        draft.string_lines.append((number, text))
        if field == "msgstr[]":
            draft.plural_forms[-1] = _joined(draft.plural_forms[-1], text)
        else:
            draft.fields[field] = _joined(draft.fields[field], text)

    # ends of messages -------------------------------------------------------------------

    def _finish(self) -> None:
        assert self.draft is not None
        self.drafts.append(self.draft)
        self.draft = None
        self.current_field = None

    def _finish_at_end(self) -> None:
        draft = self.draft
        if draft is None:
            return
        if draft.complete:
            self._finish()
        elif draft.started:
            line = draft.field_lines.get("msgid", min(draft.field_lines.values()))
            raise _PoSyntaxError(f"the file ends early: {self._missing_msgstr()}", line)
        else:
            raise _PoSyntaxError(
                "the file ends with comments that belong to no message", draft.first_line
            )

    def _missing_msgstr(self) -> str:
        assert self.draft is not None
        if "msgid" not in self.draft.field_lines:
            first = min(self.draft.field_lines.values())
            return f"the #| lines from line {first} have no msgid after them"
        return f"the msgid on line {self.draft.field_lines['msgid']} has no msgstr"

    def _unexpected(self, keyword: str, number: int) -> str:
        draft = self.draft
        assert draft is not None
        shown = keyword.replace("#|", "#| ").replace("msgstr[]", "msgstr[N]")
        if keyword in _START_KEYWORDS and "msgid" in draft.field_lines:
            return self._missing_msgstr()
        if draft.last_keyword is None or draft.complete:
            return f"{shown} without a msgid before it"
        after = draft.last_keyword.replace("#|", "#| ").replace("msgstr[]", "msgstr[N]")
        return f"{shown} cannot follow {after}"


def _joined(value: str, more: str) -> str:
    """Concatenate as gettext does, as bytes: escaped bytes split over strings join up.

    Only bytes that are not valid UTF-8 on their own (surrogates here) can join up with
    what follows them, and only with such bytes: otherwise the strings just concatenate.
    """
    if not ("\udc80" <= value[-1:] <= "\udcff" and "\udc80" <= more[:1] <= "\udcff"):
        return value + more
    joined = (value + more).encode("utf-8", errors="surrogateescape")
    return joined.decode("utf-8", errors="surrogateescape")


def _parse_strings(text: str, number: int) -> list[str]:
    """The quoted strings on one line, unescaped; nothing else may stand there."""
    strings = []
    position = 0
    while position < len(text):
        if text[position] in " \t":
            position += 1
            continue
        if text[position] != '"':
            raise _PoSyntaxError(f"unexpected text {excerpt(text[position:])}", number)
        match = _SIMPLE_STRING.match(text, position)
        if match is None:  # other escapes, or an error: the exact path says which
            value, position = _parse_string(text, position + 1, number)
        else:
            value, position = _unescaped(match[1]), match.end()
        strings.append(value)
    if not strings:
        raise _PoSyntaxError("a keyword without a string", number)
    return strings


# A string whose escapes are all C's one-character ones (`\\n`, `\\"`, …): the common case.
_SIMPLE_STRING = re.compile(r'"([^"\\]*(?:\\[ntrabfv\\"][^"\\]*)*)"')
_SIMPLE_ESCAPE = re.compile(r"\\(.)")
# A whole line holding one such string (the `\r` of a CRLF file included).
_SIMPLE_CONTINUATION = re.compile("[ \t]*" + _SIMPLE_STRING.pattern + "[ \t]*\r?")


def _unescaped(body: str) -> str:
    """A string matched by `_SIMPLE_STRING`, as `_parse_string` would return it.

    Those escapes stand for ASCII bytes, and the string starts and ends next to ASCII
    quotes.  UTF-8 decoding resynchronises at every ASCII byte, so decoding the string's
    bytes on their own gives back exactly the characters (and surrogates) the file's
    decoding gave: only the escapes need replacing.
    """
    if "\\" not in body:
        return body
    return _SIMPLE_ESCAPE.sub(lambda match: _SIMPLE_ESCAPES[match[1]], body)


# A plain message, each line as the line parser would read it without a second thought:
# comments other than `#~` and `#|` (none ending in a backslash), then msgctxt, msgid and
# msgstr or msgid_plural and msgstr[N], one string a line, no blanks around.  Inside the
# quotes anything goes here, which the regex engine scans fast; `_block_value` checks it.
_BLOCK_STRINGS = r'"[^\n]*"\n(?:"[^\n]*"\n)*'
_PLAIN_BLOCK = re.compile(
    r"(?P<comments>(?:#(?:[^~|\n][^\n]*)?(?<!\\)\n)*)"
    f"(?:msgctxt (?P<msgctxt>{_BLOCK_STRINGS}))?"
    f"msgid (?P<msgid>{_BLOCK_STRINGS})"
    f"(?:msgstr (?P<msgstr>{_BLOCK_STRINGS})"
    f"|msgid_plural (?P<msgid_plural>{_BLOCK_STRINGS})"
    rf"(?P<forms>(?:msgstr\[[0-9]+\] {_BLOCK_STRINGS})+))"
)
_BLOCK_FORM = re.compile(rf"msgstr\[([0-9]+)\] ({_BLOCK_STRINGS})")
# The same lines, each holding one `_SIMPLE_STRING` and nothing else.
_SIMPLE_STRING_LINES = re.compile(r'(?:"[^"\\\n]*(?:\\[ntrabfv\\"][^"\\\n]*)*"\n)+')


def _block_value(strings: str) -> str | None:
    """The value of string lines matched by `_BLOCK_STRINGS`; None unless all are simple.

    Every newline there stands between a closing and an opening quote, so removing those
    three characters leaves the strings' insides joined.  With no quote and no backslash
    left, each string was simple without escapes.  Otherwise each line must hold one
    `_SIMPLE_STRING`: then a quote, a newline and a quote follow each other only between
    two strings (inside one a quote is escaped and no newline stands), and no string ends
    in half an escape, so unescaping the joined insides gives what unescaping each would.
    """
    value = strings[1:-2].replace('"\n"', "")
    if "\\" not in value and '"' not in value:
        return value
    if _SIMPLE_STRING_LINES.fullmatch(strings) is None:
        return None
    return _unescaped(value)


def _plain_draft(match: re.Match[str], text: str, number: int) -> _Draft | None:
    """The message `_PLAIN_BLOCK` matched, as the line parser would have drafted it.

    None for what it must read itself: the header (its lines are needed, and there is one)
    and plural forms out of order (an error it words).  `string_lines` stays empty: only
    the header's are read.
    """
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    block_start = match.start()
    for keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
        strings = match[keyword]
        if strings is not None:
            value = _block_value(strings)
            if value is None:
                return None
            fields[keyword] = value
            field_lines[keyword] = number + text.count("\n", block_start, match.start(keyword))
    if fields["msgid"] == "" and "msgctxt" not in fields:
        return None
    draft = _Draft(first_line=number, obsolete=False, fields=fields, field_lines=field_lines)
    if match["forms"] is None:
        draft.last_keyword = "msgstr"
    else:
        draft.last_keyword = "msgstr[]"
        forms_start = match.start("forms")
        for index, form in enumerate(_BLOCK_FORM.finditer(match["forms"])):
            value = _block_value(form[2])
            if value is None or int(form[1]) != index:
                return None
            draft.plural_forms.append(value)
            line = text.count("\n", block_start, forms_start + form.start())
            draft.plural_lines.append(number + line)
    comments = match["comments"]
    if comments:
        if "\r" in comments:  # the line parser drops it at the end of a line
            return None
        _add_block_comments(draft, comments, number)
    return draft


def _add_block_comments(draft: _Draft, comments: str, number: int) -> None:
    """The comment lines of a plain block, read as `_Parser._comment_line` reads them."""
    references: list[tuple[str, str]] = []
    for offset, line in enumerate(comments[:-1].split("\n")):
        marker = line[:2]
        if marker == "#.":
            draft.extracted_comments.append(line[2:].removeprefix(" "))
        elif marker == "#:":
            references += _parse_references(line[2:])
        elif marker in ("#,", "#!"):
            draft.flag_words.append(line[2:])
            draft.flag_line = draft.flag_line or number + offset
        else:
            draft.translator_comments.append(line[1:].removeprefix(" "))
    # each reference once, in the order first read, as line after line keeps them
    draft.references = list(dict.fromkeys(references))


def _parse_string(text: str, position: int, number: int) -> tuple[str, int]:
    """One string from just after its opening quote; returns it and the position after it.

    gettext strings are bytes, so `\\x..` and octal escapes are bytes too: the value is
    assembled as bytes and decoded at the end (invalid UTF-8 stays visible as surrogates).
    """
    value = bytearray()
    while position < len(text):
        character = text[position]
        if character == '"':
            return value.decode("utf-8", errors="surrogateescape"), position + 1
        if character == "\\":
            escaped, position = _parse_escape(text, position + 1, number)
            value += escaped
            continue
        value += character.encode("utf-8", errors="surrogateescape")
        position += 1
    raise _PoSyntaxError("unterminated string: the closing quote is missing", number)


def _parse_escape(text: str, position: int, number: int) -> tuple[bytes, int]:
    """The escape sequences gettext's lexer accepts: C's, octal and hexadecimal."""
    if position >= len(text):
        raise _PoSyntaxError("unterminated string: it ends in a backslash", number)
    character = text[position]
    if character in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[character].encode(), position + 1
    if character == "x":
        digits, base = _HEX.match(text, position + 1), 16
    else:
        digits, base = _OCTAL.match(text, position), 8
    if digits is None:
        if "\udc80" <= character <= "\udcff":  # a byte that is not UTF-8 (surrogateescape)
            what = f": a backslash before the byte 0x{ord(character) - 0xDC00:02X}"
        else:
            what = f" \\{character}"
        raise _PoSyntaxError(f"invalid escape sequence{what}", number)
    byte = int(digits[0], base)
    if not 0 < byte <= 0xFF:
        sequence = text[position - 1 : digits.end()]
        raise _PoSyntaxError(f"escape sequence {sequence} is not a byte other than 0", number)
    return bytes([byte]), digits.end()


def _is_number(text: str) -> bool:
    return re.fullmatch("[0-9]+", text) is not None


# `file:line` words: the common case, read without looking at the words around them.
_PLAIN_REFERENCE = re.compile(r"[ \t]*([^ \t:][^ \t]*):([0-9]+)(?![^ \t])[ \t]*")
_PLAIN_REFERENCES = re.compile(rf"(?:{_PLAIN_REFERENCE.pattern})*")


def _parse_references(text: str) -> list[tuple[str, str]]:
    """`#:` references as gettext reads them: `file:line`, `file: line`, `file :line`, `file`."""
    if one := _PLAIN_REFERENCE.fullmatch(text):
        return [(one[1], str(int(one[2])))]
    if _PLAIN_REFERENCES.fullmatch(text):
        # no word starts with a colon or lacks its line: each word is a reference on its own
        plain = [(path, str(int(line))) for path, line in _PLAIN_REFERENCE.findall(text)]
        return list(dict.fromkeys(plain))
    words = [word for word in re.split(r"[ \t]+", text) if word]
    references: list[tuple[str, str]] = []
    index = 0
    while index < len(words):
        word, following = words[index], words[index + 1 : index + 3]
        if following and re.fullmatch(r":[0-9]+", following[0]):
            path, line, index = word, following[0][1:], index + 2
        elif following[:1] == [":"] and len(following) > 1 and _is_number(following[1]):
            path, line, index = word, following[1], index + 3
        elif word.endswith(":") and following and _is_number(following[0]):
            path, line, index = word[:-1], following[0], index + 2
        elif match := re.fullmatch(r"(.+):([0-9]+)", word):
            path, line, index = match[1], match[2], index + 1
        else:
            path, line, index = word, "", index + 1
        reference = (path, str(int(line)) if line else "")
        if reference not in references:
            references.append(reference)
    return references


# --- checks on a parsed file ---------------------------------------------------------------


def _check_charset(drafts: Sequence[_Draft], text: str) -> None:
    """Only UTF-8 is read; without a declared charset gettext reads ASCII, so only ASCII."""
    header = next((d for d in drafts if d.is_header and not d.obsolete), None)
    msgstr = header.fields.get("msgstr", "") if header is not None else ""
    match = re.search(r"charset=([^ \t\n]*)", msgstr)
    if match is None:
        if not text.isascii():
            line = next(n for n, line in enumerate(text.split("\n"), 1) if not line.isascii())
            raise _PoSyntaxError("non-ASCII text, but no charset=UTF-8 in the header", line)
        return
    if match[1].upper() != "UTF-8":
        assert header is not None
        line = next(
            (n for n, string in header.string_lines if "charset=" in string),
            header.field_lines["msgstr"],
        )
        raise _PoSyntaxError(f"the header declares charset {match[1]}; only UTF-8 is read", line)


def _check_encoding(drafts: Sequence[_Draft], text: str, *, valid_utf8: bool) -> None:
    """Bytes that are not UTF-8 were decoded to lone surrogates: name the first line.

    Raw bytes show in the file's lines (unless the file decoded as UTF-8 as it is);
    bytes written as escapes only in the strings.
    """
    invalid = None if valid_utf8 else _INVALID_BYTE.search(text)
    if invalid is not None:
        number = text.count("\n", 0, invalid.start()) + 1
        raise _PoSyntaxError("bytes that are not valid UTF-8", number)
    if not _BYTE_ESCAPE.search(text) and not _has_splice(text):
        return  # no `\\x..` or octal escape, not even one spliced over two lines
    for draft in drafts:
        for keyword, value in draft.fields.items():
            if _has_invalid_bytes(value):
                raise _PoSyntaxError(
                    f"{keyword} has escaped bytes that are not valid UTF-8",
                    draft.field_lines[keyword],
                )
        for number, value in zip(draft.plural_lines, draft.plural_forms, strict=True):
            if _has_invalid_bytes(value):
                raise _PoSyntaxError("escaped bytes that are not valid UTF-8", number)


_INVALID_BYTE = re.compile("[\udc80-\udcff]")
_BYTE_ESCAPE = re.compile(r"\\[x0-7]")


def _has_invalid_bytes(text: str) -> bool:
    return _INVALID_BYTE.search(text) is not None


def _check_duplicates(drafts: Sequence[_Draft]) -> None:
    """gettext refuses a second message with the same context and msgid, obsolete or not."""
    first_lines: dict[tuple[str | None, str], int] = {}
    for draft in drafts:
        line = draft.field_lines["msgid"]
        first = first_lines.get(draft.key())
        if first is not None:
            msgid = excerpt(draft.fields["msgid"])
            raise _PoSyntaxError(f"duplicate message {msgid}, first defined on line {first}", line)
        first_lines[draft.key()] = line


def _check_plural_counts(drafts: Sequence[_Draft]) -> None:
    """Each live plural message has as many forms as the header's `nplurals` says."""
    header = next((d for d in drafts if d.is_header and not d.obsolete), None)
    match = re.search(r"nplurals\s*=\s*([0-9]+)", header.fields["msgstr"]) if header else None
    if match is None:
        return
    nplurals = int(match[1])
    for draft in drafts:
        count = len(draft.plural_forms)
        if draft.obsolete or not draft.plural_forms or count == nplurals:
            continue
        line = draft.plural_lines[min(count, nplurals + 1) - 1]
        raise _PoSyntaxError(f"{count} plural forms, but the header says nplurals={nplurals}", line)


# --- building polib objects ----------------------------------------------------------------


def _build_catalog(drafts: Sequence[_Draft], path: str | Path, encoding: str) -> Catalog:
    po = Catalog(fpath=str(path), file_encoding=encoding, has_header=False)
    known_flags: dict[tuple[str, ...], list[str]] = {}
    for draft in drafts:  # duplicates are refused, so there is at most one header
        if draft.is_header and not draft.obsolete:
            _set_header(po, draft)
        else:
            po.append(_build_entry(draft, known_flags))
    return po


def _set_header(po: Catalog, draft: _Draft) -> None:
    """The header entry as polib keeps it: comments, metadata and a fuzzy flag."""
    flags = _flags_of(draft)
    previous = any(key.startswith("#|") for key in draft.fields)
    other_flags = bool(flags.formats) or flags.range is not None or flags.no_wrap
    if draft.extracted_comments or draft.references or previous or other_flags:
        raise _PoSyntaxError(
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
                raise _PoSyntaxError(f"header field {name} appears twice", line_number)
            po.metadata[name] = value.strip()
        elif name is not None:
            po.metadata[name] += "\n" + line.strip()
    po.header_fields_read = dict(po.metadata)


def _flags_of(draft: _Draft) -> Flags:
    try:
        return parse_flags(draft.flag_words)
    except ValueError as error:
        raise _PoSyntaxError(str(error), draft.flag_line) from None


def _entry_flags(draft: _Draft, known: dict[tuple[str, ...], list[str]]) -> list[str]:
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


def _build_entry(draft: _Draft, known_flags: dict[tuple[str, ...], list[str]]) -> polib.POEntry:
    fields = draft.fields
    return polib.POEntry(
        msgctxt=fields.get("msgctxt"),
        msgid=fields["msgid"],
        msgid_plural=fields.get("msgid_plural", ""),
        msgstr=fields.get("msgstr", ""),
        msgstr_plural=dict(enumerate(draft.plural_forms)),
        previous_msgctxt=fields.get("#|msgctxt"),
        previous_msgid=fields.get("#|msgid"),
        previous_msgid_plural=fields.get("#|msgid_plural"),
        tcomment="\n".join(draft.translator_comments),
        comment="\n".join(draft.extracted_comments),
        occurrences=list(draft.references),
        flags=_entry_flags(draft, known_flags),
        obsolete=bool(draft.obsolete),
        linenum=draft.first_line,
        encoding="utf-8",
    )
