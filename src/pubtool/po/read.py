"""Reading catalogs strictly: what gettext refuses is refused, with a `file:line` error.

polib's `POFile` and `POEntry` are the data model (as pubtool's `Catalog`); the text is
parsed here, so what is checked is exactly what is loaded.  Three stages: the bytes are
decoded (`load_po`), the parser turns lines into messages (`_Parser`, with the words of PO
syntax from `po/syntax.py`), and `po/build.py` checks and builds each message as it ends.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pubtool.errors import CatalogError
from pubtool.po.build import CatalogBuilder, Draft
from pubtool.po.catalog import Catalog
from pubtool.po.syntax import (
    KEYWORD,
    SIMPLE_STRING,
    PoSyntaxError,
    has_splice,
    joined,
    logical_lines,
    parse_references,
    parse_strings,
    unescaped,
)
from pubtool.po.write import TRAILING_BACKSLASH, excerpt

__all__ = ["load_po"]


# A whole line holding one simple string (the `\r` of a CRLF file included).
_SIMPLE_CONTINUATION = re.compile("[ \t]*" + SIMPLE_STRING.pattern + "[ \t]*\r?")
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
    the catalog's `file_encoding`, so that it is written back in it), and plural messages
    with more or fewer forms than `nplurals` are kept as they are (msgfmt --check's
    business).

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
    builder = CatalogBuilder(path, encoding, text, foreign=foreign)
    try:
        _Parser(builder).parse(text, whole_messages=valid_text and not has_splice(text))
        if foreign and not valid_text:
            raise PoSyntaxError(
                f"bytes that are not valid {encoding}", _first_bad_line(data, encoding)
            )
        return builder.finish(valid_text=valid_text)
    except PoSyntaxError as error:
        raise CatalogError(error.message, file=path, line=error.line) from None


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


class _Parser:
    """PO syntax as gettext's lexer and grammar accept it, one message after another.

    One set of rules reads every message: lines go through `_line`, which tells comments,
    keywords and strings apart; a plain message can be taken whole (`_plain_message`),
    which hands its parts to the very methods its lines would have reached.
    """

    def __init__(self, builder: CatalogBuilder) -> None:
        self.builder = builder
        self.draft: Draft | None = None
        self.current_field: str | None = None

    def parse(self, text: str, *, whole_messages: bool) -> None:
        """Every message of `text`, each handed to the builder as it ends.

        With `whole_messages`, a plain message (a few comments, a msgid and a msgstr of
        simple strings, most of any catalog) is matched whole by one compiled pattern
        where a message would start; lines are split off `text` only where that does not
        match.  That needs lines as they stand and text that decoded without error:
        otherwise (a line ending in a backslash joins the next, as in C; undecodable
        bytes could join up across strings) every logical line goes through `_line`.
        """
        if not whole_messages:
            for number, line in logical_lines(text):
                self._physical_line(line, number)
            self._finish_at_end()
            return
        block = _PLAIN_BLOCK.match
        position, number, size = 0, 1, len(text)
        while position <= size:
            if text.startswith("\n", position):  # an empty line, which means nothing
                position, number = position + 1, number + 1
                continue
            draft = self.draft
            if draft is None or draft.complete:  # a new message would start here
                match = block(text, position)
                if match is not None and self._plain_message(match, text, number):
                    number += text.count("\n", position, match.end())
                    position = match.end()
                    continue
            end = text.find("\n", position)
            if end < 0:
                end = size
            self._physical_line(text[position:end], number)
            position, number = end + 1, number + 1
        self._finish_at_end()

    def _plain_message(self, match: re.Match[str], text: str, number: int) -> bool:
        """Read the message `_PLAIN_BLOCK` matched, line numbers and all; False to decline.

        Declined, and left to `_line`: the header (its lines are needed, and there is one),
        strings with escapes other than C's one-letter ones, plural forms out of order (an
        error `_line` words) and comments with a carriage return (`_line` drops it at the
        end of a line).  Nothing changes before every value is known to be plain.
        """
        block_start = match.start()
        fields: list[tuple[str, int | None, str, int]] = []
        for keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            strings = match[keyword]
            if strings is not None:
                value = _block_value(strings)
                if value is None:
                    return False
                line = number + text.count("\n", block_start, match.start(keyword))
                fields.append((keyword, None, value, line))
        if fields[0][0] == "msgid" and fields[0][2] == "":
            return False
        if match["forms"] is not None:
            forms_start = match.start("forms")
            for index, form in enumerate(_BLOCK_FORM.finditer(match["forms"])):
                value = _block_value(form[2])
                if value is None or int(form[1]) != index:
                    return False
                line = number + text.count("\n", block_start, forms_start + form.start())
                fields.append(("msgstr[]", index, value, line))
        comments = match["comments"]
        if comments:
            if "\r" in comments:
                return False
            draft = self._draft_for_comment(number)
            for offset, line_text in enumerate(comments[:-1].split("\n")):
                _add_comment(draft, line_text, number + offset)
        for keyword, plural_index, value, line in fields:
            self._start_field(keyword, plural_index, line, obsolete=False)
            self._append(value, line)
        return True

    def _physical_line(self, line: str, number: int) -> None:
        """One line as the file has it (a logical line, when lines were joined)."""
        # Most lines continue a live string with one simple string: they are taken here
        # when `_line` would take them the same way; anything else goes through it.
        match = _SIMPLE_CONTINUATION.fullmatch(line)
        if match is not None:
            draft, field = self.draft, self.current_field
            live = draft is not None and draft.obsolete is False
            if live and field and not field.startswith("#|"):
                self._append(unescaped(match[1]), number)
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
            raise PoSyntaxError(TRAILING_BACKSLASH, number)
        _add_comment(self._draft_for_comment(number), line, number)

    def _draft_for_comment(self, number: int) -> Draft:
        """Comments open a message, or belong to the one after the finished one."""
        if self.draft is not None and self.draft.started:
            if not self.draft.complete:
                raise PoSyntaxError(f"comment inside a message: {self._missing_msgstr()}", number)
            self._finish()
        if self.draft is None:
            self.draft = Draft(first_line=number)
        return self.draft

    # keywords and strings -------------------------------------------------------------

    def _keyword_line(self, line: str, number: int, *, obsolete: bool, previous: bool) -> None:
        line = line.strip()
        if not line and (obsolete or previous):
            return  # a bare `#~` or `#|`, which gettext skips
        match = KEYWORD.match(line)
        if match is None and not line.startswith('"'):
            what = "domain directives are not supported" if line.startswith("domain") else None
            raise PoSyntaxError(what or f"not valid PO syntax: {excerpt(line)}", number)
        strings = parse_strings(line[match.end() if match else 0 :], number)
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
                raise PoSyntaxError(f"{match[1]} cannot be a previous (#|) field", number)
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
            draft = self.draft = Draft(first_line=number)
        if keyword not in _NEXT_KEYWORDS[draft.last_keyword]:
            raise PoSyntaxError(self._unexpected(keyword, number), number)
        if draft.obsolete is None:
            draft.obsolete = obsolete
        elif draft.obsolete != obsolete:
            raise PoSyntaxError("a message mixes obsolete (#~) and live lines", number)
        draft.last_keyword = keyword
        if keyword == "msgstr[]":
            if plural_index != len(draft.plural_forms):
                expected = len(draft.plural_forms)
                raise PoSyntaxError(
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
            raise PoSyntaxError("a string outside any msgid or msgstr", number)
        if previous != self.current_field.startswith("#|") or draft.obsolete != obsolete:
            raise PoSyntaxError("this string continues a different kind of line", number)
        self._append("".join(strings), number)

    def _append(self, text: str, number: int) -> None:
        """Add the strings of one line (joined) to the current field."""
        draft, field = self.draft, self.current_field
        assert draft is not None and field is not None
        draft.string_lines.append((number, text))
        if field == "msgstr[]":
            draft.plural_forms[-1] = joined(draft.plural_forms[-1], text)
        else:
            draft.fields[field] = joined(draft.fields[field], text)

    # ends of messages -------------------------------------------------------------------

    def _finish(self) -> None:
        assert self.draft is not None
        self.builder.add(self.draft)
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
            raise PoSyntaxError(f"the file ends early: {self._missing_msgstr()}", line)
        else:
            raise PoSyntaxError(
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
# The same lines, each holding one `SIMPLE_STRING` and nothing else.
_SIMPLE_STRING_LINES = re.compile(r'(?:"[^"\\\n]*(?:\\[ntrabfv\\"][^"\\\n]*)*"\n)+')


def _add_comment(draft: Draft, line: str, number: int) -> None:
    """One comment line (`#`, `#.`, `#:`, `#,`) into the message it belongs to."""
    marker, rest = line[:2], line[2:]
    if marker in ("#,", "#!"):
        draft.flag_words.append(rest)
        draft.flag_line = draft.flag_line or number
    elif marker == "#.":
        draft.extracted_comments.append(rest.removeprefix(" "))
    elif marker == "#:":
        draft.references += [
            reference for reference in parse_references(rest) if reference not in draft.references
        ]
    else:
        draft.translator_comments.append(line[1:].removeprefix(" "))


def _block_value(strings: str) -> str | None:
    """The value of string lines matched by `_BLOCK_STRINGS`; None unless all are simple.

    Every newline there stands between a closing and an opening quote, so removing those
    three characters leaves the strings' insides joined.  With no quote and no backslash
    left, each string was simple without escapes.  Otherwise each line must hold one
    `SIMPLE_STRING`: then a quote, a newline and a quote follow each other only between
    two strings (inside one a quote is escaped and no newline stands), and no string ends
    in half an escape, so unescaping the joined insides gives what unescaping each would.
    """
    value = strings[1:-2].replace('"\n"', "")
    if "\\" not in value and '"' not in value:
        return value
    if _SIMPLE_STRING_LINES.fullmatch(strings) is None:
        return None
    return unescaped(value)
