"""PO files: strict loading, and writing byte-identical to GNU `msgcat` (gettext 0.21).

Translators edit catalogs in Poedit or Weblate and review them with gettext's own tools, so
pubtool writes exactly what `msgcat --width=W` would write for the same content:
`msgcat X.po | cmp - X.po` holds for every catalog pubtool writes.  polib's `POFile` and
`POEntry` are the data model; only the text format lives here.

Writing follows `write-po.c`: each string is cut after every `\\n` escape, and portions longer
than the page are broken where libunistring's `ulc_width_linebreaks` allows (Unicode UAX #14
as libunistring 1.0 implements it, applied to the *escaped* text).  Loading refuses what
gettext refuses, and a little more, with a `file:line` error instead of a half-read catalog.
"""

from __future__ import annotations

import bisect
import codecs
import enum
import functools
import gc
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from pubtool.errors import CatalogError
from pubtool.files import write_text_atomically

if TYPE_CHECKING:
    from _codecs import _EncodingMap

    _CharMap = dict[int, int] | _EncodingMap  # what `codecs.charmap_build` returns

__all__ = ["format_po", "load_po", "write_po"]

DEFAULT_WIDTH = 79

# --- line breaking: UAX #14 as libunistring 1.0 implements it -------------------------------


class _Break(enum.Enum):
    """What may happen before a character: no break, a break, or a forced one (BK)."""

    PROHIBITED = enum.auto()
    POSSIBLE = enum.auto()
    MANDATORY = enum.auto()


# UAX #14 classes: AL letters, NU digits, SP space, GL glue (no-break space), WJ word joiner,
# HY hyphen-minus, BA break after, BB break before, B2 break on both sides (em dash),
# OP/CL/CP opening/closing punctuation and parentheses, QU quotation marks, IS separators
# inside numbers, EX ! and ?, IN ellipsis, NS nonstarters, PR/PO prefix/postfix to numbers,
# ID ideographs, CM combining marks, ZW/ZWJ zero width space/joiner, BK forced break.
#
# May a line break between a character of the row's class and one of the column's class?
# D: yes.  I: only if spaces stand between them.  P: no.  This is libunistring 1.0's pair
# table (`lbrktables.c`), checked against the library itself.  SY (the slash) behaves
# exactly like IS there, so it is folded into IS; IS-AL is D on purpose, so a URL may
# break after a dot, as gettext does.
_PAIR_TABLE = {
    # after: WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR AL ID
    "WJ": "PIIIIIPPPIIIIPIIIII",
    "GL": "PIIIIIPPPIIIIPIIIII",
    "B2": "PIPIDIPPPIIDIPDDDDD",
    "BA": "PDDIDIPPPIIDIPDDDDD",
    "BB": "PIIIIIPPPIIIIPIIIII",
    "HY": "PDDIDIPPPIIDIPIDDDD",
    "CL": "PIDIDIPPPIPDIPDIIDD",
    "CP": "PIDIDIPPPIIDIPIIIID",
    "EX": "PIDIDIPPPIIDIPDDDDD",
    "IN": "PIDIDIPPPIIDIPDDDDD",
    "NS": "PIDIDIPPPIIDIPDDDDD",
    "OP": "PPPPPPPPPPPPPPPPPPP",
    "QU": "PIIIIIPPPIIPIPIIIII",
    "IS": "PIDIDIPPPIIDIPIDDDD",
    "NU": "PIDIDIPPPIIIIPIIIID",
    "PO": "PIDIDIPPPIIIIPIDDID",
    "PR": "PIDIDIPPPIIIIPIDDII",
    "AL": "PIDIDIPPPIIIIPIIIID",
    "ID": "PIDIDIPPPIIDIPDIDDD",
}
_PAIR_RULES = {
    (before, after): rule
    for before, row in _PAIR_TABLE.items()
    for after, rule in zip(_PAIR_TABLE, row, strict=True)  # columns are in the rows' order
}

# Characters whose class their Unicode category does not tell (see `_CLASS_BY_CATEGORY`).
# Together they cover Latin, Greek, Cyrillic, general punctuation, currency, letterlike
# symbols and mathematical operators exactly as libunistring 1.0 classifies them.
_CLASS_EXCEPTIONS = {
    "SP": " ",
    "BK": "\u0085\u2028\u2029",  # next line, line and paragraph separator: forced breaks
    "ZW": "\u200b",  # zero width space: a break opportunity that takes no room
    "ZWJ": "\u200d",  # zero width joiner: no break right after it
    "WJ": "\u2060\ufeff",  # word joiners
    "GL": "\u00a0\u2007\u2011\u202f\u034f\u035c\u035d\u035e\u035f\u0360\u0361\u0362",
    "HY": "-",
    "BA": "|\u00ad\u058a\u2010\u2012\u2013\u2027\u2056\u2058\u2059\u205a\u205b\u205d\u205e",
    "B2": "\u2014\u2e3a\u2e3b",  # em dashes: break before or after, not between two
    "BB": "\u00b4\u02c8\u02cc\u02df\u1ffd",
    "CP": ")]",
    "EX": "!?\u2e2e",
    "IN": "\u2024\u2025\u2026\u22ef",  # ellipses stay with the word before them
    "IS": ",.:;/\u037e\u0589\u2044",  # separators inside numbers, and the slash
    "NS": "\u203c\u203d\u2047\u2048\u2049",
    "OP": "\u00a1\u00bf\u2e18",  # inverted marks open a sentence
    "PO": "%\u00a2\u00b0\u2030\u2031\u2032\u2033\u2034\u2035\u2036\u2037"
    "\u20a7\u20b6\u20bb\u20be\u20c0\u2103\u2109",
    "PR": "$+\\\u00b1\u2116\u2212\u2213",
    "QU": "\"'",
    "AL": "\u2015\u2e1a\u2061\u2062\u2063\u2064",  # a dash and operators that act as letters
}
_CLASS_OF_CHARACTER = {
    character: line_class
    for line_class, characters in _CLASS_EXCEPTIONS.items()
    for character in characters
}

# The line break class most characters of a Unicode general category have.
_CLASS_BY_CATEGORY = {
    "Nd": "NU",
    "Mn": "CM",
    "Mc": "CM",
    "Me": "CM",
    "Cc": "CM",
    "Cf": "CM",
    "Zs": "BA",
    "Pd": "BA",
    "Ps": "OP",
    "Pe": "CL",
    "Pi": "QU",
    "Pf": "QU",
    "Sc": "PR",
    "Cn": "AL",
}


@functools.cache
def _line_break_class(character: str) -> str:
    """UAX #14 class of one character; wide East Asian characters are ideographs (ID).

    Characters that are not Latin, Greek, Cyrillic or common punctuation and symbols get
    the class of their category, or AL (as libunistring resolves AI, SA and XX).  That is
    right for most of them, and only changes where a line may break.
    """
    line_class = _CLASS_OF_CHARACTER.get(character)
    if line_class is None:
        line_class = _CLASS_BY_CATEGORY.get(unicodedata.category(character))
    if line_class is None:
        wide = unicodedata.east_asian_width(character) in ("W", "F")
        line_class = "ID" if wide else "AL"
    return line_class


@functools.cache
def _column_width(character: str) -> int:
    """Columns a character takes, as libunistring's `uc_width` counts them for UTF-8."""
    category = unicodedata.category(character)
    if category in ("Mn", "Me", "Cf", "Cc") or "\u1160" <= character <= "\u11ff":
        return 0
    if category != "Cn" and unicodedata.east_asian_width(character) in ("W", "F"):
        return 2
    return 1


def _pair_break(before: str, after: str, spaces_between: bool) -> _Break:
    rule = _PAIR_RULES[before, after]
    if rule == "D" or (rule == "I" and spaces_between):
        return _Break.POSSIBLE
    return _Break.PROHIBITED


def _break_opportunities(characters: Sequence[str]) -> list[_Break]:
    """May a line break before each character (libunistring's `u8_possible_linebreaks`)?

    Spaces never start a line and are looked through; combining marks stick to what they
    follow; a zero width space allows a break after it; a zero width joiner forbids one.
    """
    result = []
    last = "BK"  # class of the last character that is not a space; BK: start of the text
    after_space = False
    after_joiner = False
    for character in characters:
        line_class = _line_break_class(character)
        opportunity = _Break.PROHIBITED
        if line_class == "BK":
            opportunity, last, after_space = _Break.MANDATORY, "BK", False
        elif line_class == "SP":
            after_space = True
        elif line_class == "ZW":
            last, after_space = "ZW", False
        elif line_class in ("CM", "ZWJ"):
            if last == "BK":
                last, after_space = "AL", False
            elif last == "ZW" or after_space:
                opportunity, last, after_space = _Break.POSSIBLE, "AL", False
        else:
            if last == "ZW":
                opportunity = _Break.POSSIBLE
            elif last != "BK" and not after_joiner:
                opportunity = _pair_break(last, line_class, after_space)
            last, after_space = line_class, False
        after_joiner = line_class == "ZWJ"
        result.append(opportunity)
    return result


def _line_starts(
    characters: Sequence[str], opportunities: Sequence[_Break], width: int, start_column: int
) -> list[bool]:
    """Before which characters gettext starts a new line (libunistring's `u8_width_linebreaks`).

    The text is cut into pieces at break opportunities; a piece that would run past `width`
    moves to a new line, so a line breaks at the last opportunity before it overflows.
    """
    starts = [False] * len(characters)
    piece_start: int | None = None
    column = start_column
    piece_width = 0
    for index, (character, opportunity) in enumerate(zip(characters, opportunities, strict=True)):
        overflows = piece_start is not None and column + piece_width > width
        if opportunity is not _Break.PROHIBITED and overflows:
            assert piece_start is not None
            starts[piece_start] = True
            column = 0
        if opportunity is _Break.MANDATORY:
            piece_start, column, piece_width = None, 0, 0
            continue
        if opportunity is _Break.POSSIBLE:
            piece_start, column, piece_width = index, column + piece_width, 0
        piece_width += _column_width(character)
    if piece_start is not None and column + piece_width > width:
        starts[piece_start] = True
    return starts


# --- strings: `keyword "…"` and its continuation lines -----------------------------------

_ESCAPES = {
    "\a": "a",
    "\b": "b",
    "\f": "f",
    "\n": "n",
    "\r": "r",
    "\t": "t",
    "\v": "v",
    "\\": "\\",
    '"': '"',
}
_UNLIMITED = 2**31 - 1  # gettext's INT_MAX: the page width of a `no-wrap` message


def _portions(value: str) -> list[str]:
    """The string cut after each newline: gettext starts a new line after every `\\n`."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", value) or [""]


def _escaped(portion: str) -> tuple[list[str], list[bool]]:
    """The portion as written between quotes, and which characters no line may start with.

    An escape sequence is never split, and the `\\n` that ends a portion never goes alone
    onto a line of its own.
    """
    characters: list[str] = []
    glued: list[bool] = []
    for character in portion:
        escape = _ESCAPES.get(character)
        if escape is None:
            characters.append(character)
            glued.append(False)
        else:
            characters += ["\\", escape]
            glued += [False, True]
    if portion.endswith("\n"):
        glued[-2] = True
    return characters, glued


def _portion_opportunities(characters: Sequence[str], glued: Sequence[bool]) -> list[_Break]:
    """Break opportunities, except before the characters no line may start with."""
    opportunities = _break_opportunities(characters)
    return [
        _Break.PROHIBITED if stuck else opportunity
        for opportunity, stuck in zip(opportunities, glued, strict=True)
    ]


def _string_lines(prefix: str, keyword: str, value: str, width: int | None) -> list[str]:
    """`keyword "value"` laid out as `wrap()` in gettext's write-po.c does.

    One line when it fits and holds no newline but at its end; otherwise `keyword ""`
    followed by one line per portion, long portions broken at line break opportunities.
    `width` None means the message is `no-wrap`: only newlines start new lines.
    """
    continuation_column = len(prefix) + 1  # continuation lines start with prefix and a quote
    room = (_UNLIMITED if width is None else width) - 1 - continuation_column
    first_column = len(prefix) + len(keyword) + 2 - continuation_column
    if "\n" not in value[:-1]:
        # One portion that fits even if every character took two columns: no piece can
        # overflow, so `_line_starts` would start no line and the string stays on one.
        escaped = _escape(value)
        if first_column + 2 * len(escaped) <= room:
            return [f'{prefix}{keyword} "{escaped}"']
    lines: list[str] = []
    first_line = True
    portions = _portions(value)
    for number, portion in enumerate(portions, start=1):
        escaped, line_starts = _portion_layout(portion)
        start_column = first_column if first_line else 0
        starts = line_starts(room, start_column)
        must_open_empty = number < len(portions) or start_column > room or bool(starts)
        if first_line and escaped and must_open_empty:
            lines.append(f'{prefix}{keyword} ""')
            first_line = False
            starts = line_starts(room, 0)
        ends = [*starts, None]
        pieces = [escaped[start:end] for start, end in zip([0, *starts], ends, strict=True)]
        lines.append(f'{prefix}{keyword} "{pieces[0]}"' if first_line else f'{prefix}"{pieces[0]}"')
        lines.extend(f'{prefix}"{piece}"' for piece in pieces[1:])
        first_line = False
    return lines


def _escape(text: str) -> str:
    """The text as written between quotes: `_escaped`'s characters, joined."""
    return _NEEDS_ESCAPE.sub(_escape_match, text)


def _escape_match(match: re.Match[str]) -> str:
    return "\\" + _ESCAPES[match[0]]


_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_LineStarts = Callable[[int, int], list[int]]


def _portion_layout(portion: str) -> tuple[str, _LineStarts]:
    """The escaped portion, and where its lines start for a given room and start column.

    The second element maps `(room, start_column)` to the indexes into the escaped text at
    which `_line_starts` starts a line.  Most text takes the fast path (`_simple_breaks`);
    text it cannot handle goes through the exact character-by-character functions.
    """
    escaped = _escape(portion)
    breaks = _simple_breaks(escaped, portion.endswith("\n"))
    if breaks is not None:
        return escaped, functools.partial(_simple_line_starts, breaks, len(escaped))
    return escaped, _exact_layout(portion)[1]


def _exact_layout(portion: str) -> tuple[str, _LineStarts]:
    """`_portion_layout` one character at a time, as libunistring does it: the reference."""
    characters, glued = _escaped(portion)
    opportunities = _portion_opportunities(characters, glued)

    def line_starts(room: int, start_column: int) -> list[int]:
        starts = _line_starts(characters, opportunities, room, start_column)
        return [index for index, starts_line in enumerate(starts) if starts_line]

    return "".join(characters), line_starts


class _ClassCodes(dict[int, str]):
    """`str.translate` table: a character's line break class as one letter, filled lazily.

    Characters the fast path cannot handle map to `#`: those that are not one column wide,
    and those of the classes with rules beyond the pair table (BK, ZW, ZWJ, CM).
    """

    def __missing__(self, code: int) -> str:
        character = chr(code)
        letter = _CLASS_LETTERS.get(_line_break_class(character), "#")
        if _column_width(character) != 1:
            letter = "#"
        self[code] = letter
        return letter


_CLASS_LETTERS = {line_class: chr(ord("a") + i) for i, line_class in enumerate(_PAIR_TABLE)}
_CLASS_LETTERS["SP"] = " "
_CLASS_CODES = _ClassCodes()


class _ClassEncoder:
    """`text.translate(_CLASS_CODES)` as bytes, some ten times faster for non-ASCII text.

    `str.translate` looks every character up in a dict.  A charmap codec (what the
    cp1251-like codecs use) maps characters to bytes in C: each character the texts use
    gets a byte of its own (ASCII keeps its code, others take the bytes from 128 up as
    they appear), and `bytes.translate` turns those bytes into class letters.  When 256
    bytes are not enough, or for characters from U+FFFE up (a charmap holds only the BMP,
    and U+FFFE marks an unused byte), the dict does the work.  The state is replaced
    whole, never changed in place, so a concurrent call sees either state.
    """

    def __init__(self) -> None:
        self._state = self._build([chr(code) for code in range(128)])

    @staticmethod
    def _build(characters: list[str]) -> tuple[list[str], _CharMap, bytes]:
        table = "".join(characters).ljust(256, "\ufffe")
        letters = bytes(ord(_CLASS_CODES[ord(character)]) for character in characters)
        return characters, codecs.charmap_build(table), letters.ljust(256, b"#")

    def encode(self, text: str) -> bytes:
        characters, encoding_map, letters = self._state
        try:
            return codecs.charmap_encode(text, "strict", encoding_map)[0].translate(letters)
        except UnicodeEncodeError:
            pass
        known = set(characters)
        new = sorted({character for character in text if character not in known})
        if len(characters) + len(new) > 256 or any(c > "\ufffd" for c in new):
            return text.translate(_CLASS_CODES).encode("ascii")
        self._state = characters, encoding_map, letters = self._build(characters + new)
        return codecs.charmap_encode(text, "strict", encoding_map)[0].translate(letters)


_CLASS_ENCODER = _ClassEncoder()


# Letters and digits (AL, NU) are most of any text, and no rule breaks between two of them.
# The patterns below are written so that the regex engine only stops at other characters
# and at spaces, skipping the inside of words quickly.  AL and NU have the same row.
_WORD_CLASSES = ("AL", "NU")
assert len({_PAIR_TABLE[line_class] for line_class in _WORD_CLASSES}) == 1


def _after_sets(before: str) -> tuple[str, str]:
    """Class letters a break may come before after `before`: directly, and after spaces."""
    rules = list(zip(_PAIR_TABLE, _PAIR_TABLE[before], strict=True))
    direct = "".join(_CLASS_LETTERS[after] for after, rule in rules if rule == "D")
    spaced = "".join(_CLASS_LETTERS[after] for after, rule in rules if rule in "DI")
    return direct, spaced


def _pair_patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Patterns over class letters for the places `_break_opportunities` allows a break.

    The first matches a class letter that is not a word class, with the spaces after it, or
    the spaces after a word class; the match ends where the break is, and a lookahead
    checks the class after it, unconsumed so that it can start the next match.  The second
    matches the (rare) letter a word class is directly followed by with a break between
    them; there the break is at the start of the match.  Each alternative of the first
    starts with a literal, so the engine skips to where one can start.
    """
    words = "".join(_CLASS_LETTERS[line_class] for line_class in _WORD_CLASSES)
    word_direct, word_spaced = _after_sets(_WORD_CLASSES[0])
    alternatives = [f" (?<=[{words}] ) *(?=[{word_spaced}])"]
    for before in _PAIR_TABLE:
        direct, spaced = _after_sets(before)
        branches = [f" +(?=[{spaced}])"] if spaced else []
        branches += [f"(?=[{direct}])"] if direct else []
        if before not in _WORD_CLASSES and branches:
            alternatives.append(f"{_CLASS_LETTERS[before]}(?:{'|'.join(branches)})")
    after_word = f"[{word_direct}](?<=[{words}][{word_direct}])"
    return re.compile("|".join(alternatives).encode()), re.compile(after_word.encode())


_PAIR_BREAK, _WORD_BREAK = _pair_patterns()
_GLUED_ESCAPE = re.compile(r"\\.")


def _simple_breaks(escaped: str, ends_with_newline: bool) -> list[int] | None:
    """The indexes before which `_portion_opportunities` allows a break, or None.

    None when the text has a character that is not one column wide or whose class is BK,
    ZW, ZWJ or CM.  Without those, `_break_opportunities` keeps `last` as the class of the
    last character that is not a space, `after_joiner` stays false and nothing is
    mandatory: a break is possible before a character that is not a space exactly when
    some earlier character is not a space and the pair rule from the last such one says D,
    or says I and a space stands right before.  `_PAIR_BREAK` and `_WORD_BREAK` find
    exactly these places.  Then the characters glued to an escape's backslash, and the
    backslash of a final `\\n`, lose their break (as in `_portion_opportunities`).
    """
    classes = _CLASS_ENCODER.encode(escaped)
    if b"#" in classes:
        return None
    breaks = [match.end() for match in _PAIR_BREAK.finditer(classes)]
    word_breaks = [match.start() for match in _WORD_BREAK.finditer(classes)]
    if word_breaks:
        breaks = sorted(breaks + word_breaks)
    if "\\" in escaped:
        glued = {match.start() + 1 for match in _GLUED_ESCAPE.finditer(escaped)}
        if ends_with_newline:
            glued.add(len(escaped) - 2)
        breaks = [index for index in breaks if index not in glued]
    return breaks


def _simple_line_starts(breaks: list[int], length: int, room: int, start_column: int) -> list[int]:
    """`_line_starts` for text of one-column characters, jumping from line to line.

    Every character is one column wide, so the column at any index is the column the line
    started at plus the distance from its start.  `_line_starts` starts a new line at the
    piece before the first break whose piece would end past `room` (the first break of
    all has no piece before it that could move), and then goes on from there; a bisection
    finds that break.  The last piece, up to the end, is checked the same way.
    """
    starts = []
    line_start, column = 0, start_column  # where the current line starts, and its column
    index = 1
    while (index := bisect.bisect_right(breaks, line_start + room - column, index)) < len(breaks):
        line_start, column = breaks[index - 1], 0
        starts.append(line_start)
        index += 1
    if breaks and column + length - line_start > room:
        starts.append(breaks[-1])
    return starts


# --- flags: what gettext understands after `#,` -------------------------------------------

# gettext 0.21's format languages, in the order `msgcat` writes their flags.
FORMAT_LANGUAGES = (
    *("c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript"),
    *("scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal"),
    *("smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace"),
    *("php", "gcc-internal", "gfc-internal", "ycp"),
)
# `no-X-format` says X is not a format string; `impossible-X-format` takes back what was said.
_FORMAT_QUALIFIERS = (("no-", "no"), ("possible-", "yes"), ("impossible-", None))
_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")


@dataclass
class _Flags:
    """The flags of one message as gettext holds them: the last word about a language wins."""

    fuzzy: bool = False
    formats: dict[str, str] = field(default_factory=dict)  # language -> "yes" or "no"
    range: tuple[int, int] | None = None
    no_wrap: bool = False

    def words(self, *, translated: bool) -> list[str]:
        """The flags in msgcat's order; it leaves out `fuzzy` on an untranslated message."""
        words = ["fuzzy"] if self.fuzzy and translated else []
        for language in FORMAT_LANGUAGES:
            state = self.formats.get(language)
            if state is not None:
                words.append(f"{language}-format" if state == "yes" else f"no-{language}-format")
        if self.range is not None:
            words.append(f"range: {self.range[0]}..{self.range[1]}")
        if self.no_wrap:
            words.append("no-wrap")
        return words


def _parse_flags(flags: Iterable[str]) -> _Flags:
    """Read flag words as gettext's `po_parse_comment_special` does, refusing unknown ones.

    gettext silently drops a flag it does not know, so a catalog holding one could not be
    written back without losing it: better to say so when it is read.
    """
    words = [word for word in _FLAG_SEPARATORS.split(", ".join(flags)) if word]
    parsed = _Flags()
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "range:" and index < len(words):
            parsed.range = _parse_range(words[index])
            index += 1
        elif not _apply_flag(parsed, word):
            raise ValueError(f"unknown flag {word!r} (GNU gettext would drop it)")
    return parsed


def _parse_range(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"([0-9]+)\.\.([0-9]+)", text)
    if match is None or int(match[1]) > int(match[2]):
        raise ValueError(f"invalid flag 'range: {text}'")
    return int(match[1]), int(match[2])


def _apply_flag(parsed: _Flags, word: str) -> bool:
    """Record one flag word; False if gettext does not know it."""
    if word == "fuzzy":
        parsed.fuzzy = True
    elif word in ("wrap", "no-wrap"):
        parsed.no_wrap = word == "no-wrap"
    elif word.endswith("-format"):
        return _apply_format_flag(parsed, word.removesuffix("-format"))
    else:
        return False
    return True


def _apply_format_flag(parsed: _Flags, name: str) -> bool:
    """Record `[qualifier-]language`; msgcat writes `possible-X-format` as `X-format`."""
    state: str | None = "yes"
    for qualifier, qualified_state in _FORMAT_QUALIFIERS:
        if name.startswith(qualifier):
            name, state = name.removeprefix(qualifier), qualified_state
            break
    if name not in FORMAT_LANGUAGES:
        return False
    if state is None:
        parsed.formats.pop(name, None)
    else:
        parsed.formats[name] = state
    return True


# --- writing -------------------------------------------------------------------------------


def format_po(po: polib.POFile, width: int = DEFAULT_WIDTH) -> str:
    """The catalog as `msgcat --width=WIDTH` writes it (GNU gettext 0.21).

    The header comes first, from `po.header`, `po.metadata` in polib's fixed field order
    and `po.metadata_is_fuzzy`; then the messages in catalog order, obsolete ones last, as
    msgcat puts them; an obsolete message without a translation is left out, as msgcat
    does.  Raises CatalogError for content gettext would drop or read back differently
    (unknown flags, plural forms not numbered 0..n-1, a previous msgctxt without a previous
    msgid, a comment ending in a backslash), so what is written reads back whole.
    """
    width = _page_width(width)
    blocks = [_header_block(po, width)]
    live = [entry for entry in po if not entry.obsolete]
    obsolete = [entry for entry in po if entry.obsolete]
    blocks += [_entry_block(entry, width) for entry in live]
    blocks += [_entry_block(entry, width) for entry in obsolete if _first_msgstr(entry)]
    return "\n".join("".join(f"{line}\n" for line in block) for block in blocks)


def _page_width(width: int) -> int:
    """gettext's `message_page_width_set`: 0 means no limit, and no page is narrower than 20."""
    if width < 0:
        raise ValueError(f"negative page width {width}")
    return _UNLIMITED if width == 0 else max(width, 20)


def write_po(po: polib.POFile, path: str | Path, width: int = DEFAULT_WIDTH) -> None:
    """Write the catalog atomically: a reader sees the old file or the new one, never half.

    The text is formatted before anything is written, so a catalog that cannot be written
    leaves the file as it was; the file's mode is kept.
    """
    text = format_po(po, width)
    try:
        write_text_atomically(Path(path), text)
    except OSError as error:
        raise CatalogError(f"cannot write the catalog: {error.strerror}", file=path) from None


def _header_block(po: polib.POFile, width: int) -> list[str]:
    msgstr = "".join(f"{name}: {value}\n" for name, value in po.ordered_metadata())
    lines = _checked_comments(_comment_lines("#", po.header or ""))
    if po.metadata_is_fuzzy and msgstr:
        lines.append("#, fuzzy")
    lines += _string_lines("", "msgid", "", width)
    lines += _string_lines("", "msgstr", msgstr, width)
    return lines


def _entry_block(entry: polib.POEntry, width: int) -> list[str]:
    """One message, in the order of gettext's `message_print`."""
    if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
        raise CatalogError("a message with an empty msgid: the header belongs in po.metadata")
    try:
        flags = _parse_flags(entry.flags)
    except ValueError as error:
        raise CatalogError(f"msgid {_excerpt(entry.msgid)}: {error}") from None
    orphans = entry.previous_msgctxt is not None or entry.previous_msgid_plural is not None
    if orphans and entry.previous_msgid is None:
        raise CatalogError(
            f"msgid {_excerpt(entry.msgid)}: a previous msgctxt or msgid_plural needs a "
            "previous msgid (gettext cannot read it otherwise)"
        )
    string_width = None if flags.no_wrap else width
    prefix = "#~ " if entry.obsolete else ""
    previous_prefix = "#~| " if entry.obsolete else "#| "
    lines = _comment_lines("#", entry.tcomment or "")
    lines += _comment_lines("#.", entry.comment or "")
    lines += _reference_lines(entry.occurrences or [], width)
    _checked_comments(lines)
    flag_words = flags.words(translated=bool(_first_msgstr(entry)))
    if flag_words:
        lines.append("#, " + ", ".join(flag_words))
    for keyword, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            lines += _string_lines(previous_prefix, keyword, value, string_width)
    for keyword, value in _message_fields(entry):
        lines += _string_lines(prefix, keyword, value, string_width)
    return lines


def _message_fields(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    """msgctxt, msgid, msgid_plural and the msgstr lines, as the entry has them."""
    if entry.msgctxt is not None:
        yield "msgctxt", entry.msgctxt
    yield "msgid", entry.msgid
    if not (entry.msgid_plural or entry.msgstr_plural):
        yield "msgstr", entry.msgstr or ""
        return
    yield "msgid_plural", entry.msgid_plural or ""
    for index, translation in enumerate(_plural_translations(entry)):
        yield f"msgstr[{index}]", translation


def _plural_translations(entry: polib.POEntry) -> list[str]:
    """The plural forms in order; an untranslated plural message has two empty ones."""
    forms = entry.msgstr_plural or {0: "", 1: ""}
    indexes = sorted(int(index) for index in forms)
    if indexes != list(range(len(indexes))):
        raise CatalogError(
            f"msgid {_excerpt(entry.msgid)}: plural forms are numbered {indexes}, not 0..n-1"
        )
    by_index = {int(index): translation for index, translation in forms.items()}
    return [by_index[index] for index in indexes]


def _first_msgstr(entry: polib.POEntry) -> str:
    """What gettext tests for "translated": the msgstr, or the first plural form."""
    if entry.msgid_plural or entry.msgstr_plural:
        return str(_plural_translations(entry)[0])
    return str(entry.msgstr or "")


def _comment_lines(marker: str, text: str) -> list[str]:
    """`# text` or `#. text` per line; an empty line is the marker alone."""
    if not text:
        return []
    return [f"{marker} {line}" if line else marker for line in text.split("\n")]


def _checked_comments(lines: list[str]) -> list[str]:
    """gettext would join a comment that ends in a backslash with the line after it."""
    if any(line.endswith("\\") for line in lines):
        raise CatalogError(_TRAILING_BACKSLASH)
    return lines


def _reference_lines(occurrences: Iterable[tuple[str, str]], width: int) -> list[str]:
    """`#: file:line` references, filled up to the page width as gettext does (in bytes)."""
    lines: list[str] = []
    current = "#:"
    column = 2
    for reference in _unique_references(occurrences):
        size = len(reference.encode("utf-8")) + 1
        if column > 2 and column + size > width:
            lines.append(current)
            current, column = "#:", 2
        current += " " + reference
        column += size
    if column > 2:
        lines.append(current)
    return lines


def _unique_references(occurrences: Iterable[tuple[str, str]]) -> list[str]:
    """`file:line` once each (as gettext reads them), written without a leading `./`."""
    seen: set[tuple[str, int | None]] = set()
    references: list[str] = []
    for path, line in occurrences:
        text = str(line).strip()
        if not re.fullmatch("[0-9]*", text):
            raise CatalogError(f"reference {path}:{text}: the line is not a number")
        number = int(text) if text else None
        if (path, number) in seen:
            continue
        seen.add((path, number))
        while path.startswith("./"):
            path = path[2:]
        references.append(path if number is None else f"{path}:{number}")
    return references


def _excerpt(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# --- reading -------------------------------------------------------------------------------

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
_TRAILING_BACKSLASH = "a comment that ends in a backslash, which joins it to the next line"
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


def load_po(path: str | Path) -> polib.POFile:
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
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read the catalog: {error.strerror}", file=path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise CatalogError("a byte order mark, which gettext refuses", file=path, line=1)
    try:
        text, valid_utf8 = data.decode("utf-8"), True
    except UnicodeDecodeError:  # bytes that are not UTF-8 become lone surrogates
        text, valid_utf8 = data.decode("utf-8", errors="surrogateescape"), False
    with paused_garbage_collector():
        try:
            drafts = _Parser(_logical_lines(text)).parse()
            _check_charset(drafts, text)
            _check_encoding(drafts, text, valid_utf8=valid_utf8)
            _check_duplicates(drafts)
            _check_plural_counts(drafts)
            return _build_catalog(drafts, path)
        except _PoSyntaxError as error:
            raise CatalogError(error.message, file=path, line=error.line) from None


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


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines as gettext's lexer sees them, each with the number of its first physical line.

    Like C, gettext joins a line that ends in a backslash to the next one, anywhere.
    """
    if "\\\n" not in text:  # nothing to join, the common case
        return list(enumerate(text.split("\n"), start=1))
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
    """PO syntax, one line at a time, as gettext's lexer and grammar accept it."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.lines = lines
        self.drafts: list[_Draft] = []
        self.draft: _Draft | None = None
        self.current_field: str | None = None

    def parse(self) -> list[_Draft]:
        simple_continuation = _SIMPLE_CONTINUATION.fullmatch
        for number, line in self.lines:
            # Most lines continue a live string with one simple string: they are taken here
            # when `_line` would take them the same way; anything else goes through it.
            match = simple_continuation(line)
            if match is not None:
                draft, field = self.draft, self.current_field
                live = draft is not None and draft.obsolete is False
                if live and field and not field.startswith("#|"):
                    self._append(_unescaped(match[1]), number)
                    continue
            self._line(line.removesuffix("\r").lstrip(), number)
        self._finish_at_end()
        return self.drafts

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
            raise _PoSyntaxError(_TRAILING_BACKSLASH, number)
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
            raise _PoSyntaxError(what or f"not valid PO syntax: {_excerpt(line)}", number)
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
            raise _PoSyntaxError(f"unexpected text {_excerpt(text[position:])}", number)
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
        raise _PoSyntaxError(f"invalid escape sequence \\{character}", number)
    byte = int(digits[0], base)
    if not 0 < byte <= 0xFF:
        sequence = text[position - 1 : digits.end()]
        raise _PoSyntaxError(f"escape sequence {sequence} is not a byte other than 0", number)
    return bytes([byte]), digits.end()


def _is_number(text: str) -> bool:
    return re.fullmatch("[0-9]+", text) is not None


def _parse_references(text: str) -> list[tuple[str, str]]:
    """`#:` references as gettext reads them: `file:line`, `file: line`, `file :line`, `file`."""
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
    if not _BYTE_ESCAPE.search(text) and "\\\n" not in text:
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
            msgid = _excerpt(draft.fields["msgid"])
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


def _build_catalog(drafts: Sequence[_Draft], path: str | Path) -> polib.POFile:
    po = polib.POFile()
    po.fpath = str(path)
    po.encoding = "utf-8"
    for draft in drafts:  # duplicates are refused, so there is at most one header
        if draft.is_header and not draft.obsolete:
            _set_header(po, draft)
        else:
            po.append(_build_entry(draft))
    return po


def _set_header(po: polib.POFile, draft: _Draft) -> None:
    """The header entry as polib keeps it: comments, metadata and a fuzzy flag."""
    flags = _flags_of(draft)
    previous = any(key.startswith("#|") for key in draft.fields)
    other_flags = bool(flags.formats) or flags.range is not None or flags.no_wrap
    if draft.extracted_comments or draft.references or previous or other_flags:
        raise _PoSyntaxError(
            "the header may have translator comments and a fuzzy flag, nothing else",
            draft.first_line,
        )
    po.header = "\n".join(draft.translator_comments)
    po.metadata_is_fuzzy = ["fuzzy"] if flags.fuzzy else []
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


def _flags_of(draft: _Draft) -> _Flags:
    try:
        return _parse_flags(draft.flag_words)
    except ValueError as error:
        raise _PoSyntaxError(str(error), draft.flag_line) from None


def _build_entry(draft: _Draft) -> polib.POEntry:
    fields = draft.fields
    flags = _flags_of(draft)
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
        flags=flags.words(translated=True),
        obsolete=bool(draft.obsolete),
        linenum=draft.first_line,
        encoding="utf-8",
    )
