"""Where gettext breaks a long string: UAX #14 as libunistring 1.0 implements it.

GNU gettext's `write-po.c` cuts each string after every `\\n` escape and breaks portions
longer than the page where libunistring's `ulc_width_linebreaks` allows, applied to the
*escaped* text. `string_lines` reproduces that layout exactly, so catalogs pubtool writes
are byte-identical to `msgcat`'s.  Classes, pair rules and column widths are libunistring
1.0.0's own (Unicode 14.0, the library gettext 0.21 links on Debian 12), in
`linebreak_tables`, generated from the library by tools/linebreak_tables.py.
"""

from __future__ import annotations

import bisect
import codecs
import enum
import functools
import itertools
import re
import string
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pubtool.po import linebreak_tables as _tables

if TYPE_CHECKING:
    from _codecs import _EncodingMap

    _CharMap = dict[int, int] | _EncodingMap  # what `codecs.charmap_build` returns

__all__ = ["UNLIMITED", "string_lines"]


class _Break(enum.Enum):
    """What may happen before a character: no break, a break, or a forced one (BK)."""

    PROHIBITED = enum.auto()
    POSSIBLE = enum.auto()
    MANDATORY = enum.auto()


# UAX #14 classes (see `linebreak_tables`): AL letters, NU digits, SP space, GL glue
# (no-break space), WJ word joiner, HY hyphen-minus, BA break after, BB break before, B2 break
# on both sides (em dash), OP/CL/CP opening/closing punctuation and parentheses (OPW: opening
# punctuation that is East Asian wide), QU quotation marks, IS separators inside numbers, SY
# the slash, EX ! and ?, IN ellipsis, NS nonstarters, PR/PO prefix/postfix to numbers, ID
# ideographs, HL Hebrew letters, JL/JV/JT Hangul jamo, H2/H3 Hangul syllables, RI regional
# indicators, EB/EM emoji bases and modifiers, CM combining marks, ZW/ZWJ zero width
# space/joiner, BK forced break.  The tables come from libunistring itself, so every class,
# width and pair rule is the library's, including how it resolves AI, SA (Thai, Khmer, ...),
# XX, CB and CJ.
_PAIR_RULES = {
    (before, after): rule
    for before, row in _tables.PAIR_TABLE.items()
    for after, rule in zip(_tables.PAIR_TABLE, row, strict=True)  # columns in the rows' order
}
_CLASS_OF_RUN = tuple(_tables.CLASSES[ord(letter) - ord("A")] for letter in _tables.CLASS_RUNS)
_WIDTH_OF_RUN = tuple(int(width) for width in _tables.WIDTH_RUNS)


@functools.cache
def _line_break_class(character: str) -> str:
    """UAX #14 class of one character, as libunistring resolves it."""
    return _CLASS_OF_RUN[bisect.bisect_right(_tables.CLASS_STARTS, ord(character)) - 1]


@functools.cache
def _column_width(character: str) -> int:
    """Columns a character takes, as libunistring's `uc_width` counts them for UTF-8."""
    return _WIDTH_OF_RUN[bisect.bisect_right(_tables.WIDTH_STARTS, ord(character)) - 1]


def _pair_break(before: str, after: str, spaces_between: bool) -> _Break:
    rule = _PAIR_RULES[before, after]
    if rule == "D" or (rule == "I" and spaces_between):
        return _Break.POSSIBLE
    return _Break.PROHIBITED


def _break_opportunities(characters: Sequence[str]) -> list[_Break]:
    """May a line break before each character (libunistring's `u8_possible_linebreaks`)?

    Spaces never start a line and are looked through; combining marks stick to what they
    follow; a zero width space allows a break after it; a zero width joiner forbids one;
    regional indicators pair up; a Hebrew letter keeps a hyphen after it with what follows.
    """
    result = []
    last = "BK"  # class of the last character that is not a space; BK: start of the text
    previous = "BK"  # class of the character before, HL_BA for a hyphen after a Hebrew letter
    after_space = False
    indicators = 0  # regional indicators right before this character
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
            elif last == "BK" or previous in ("ZWJ", "HL_BA"):
                pass
            elif last == "RI" and line_class == "RI":
                if after_space or indicators % 2 == 0:
                    opportunity = _Break.POSSIBLE
            else:
                opportunity = _pair_break(last, line_class, after_space)
            last, after_space = line_class, False
        hyphen_after_hebrew = previous == "HL" and line_class in ("HY", "BA")
        previous = "HL_BA" if hyphen_after_hebrew else line_class
        indicators = indicators + 1 if line_class == "RI" else 0
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
UNLIMITED = 2**31 - 1  # gettext's INT_MAX: the page width of a `no-wrap` message


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


def _general_string_lines(
    prefix: str,
    keyword: str,
    value: str,
    width: int | None,
    unbreakable: frozenset[int] = frozenset(),
) -> list[str]:
    """The general layout behind `string_lines`, for any string.

    One line when it fits and holds no newline but at its end; otherwise `keyword ""`
    followed by one line per portion, long portions broken at line break opportunities.
    `width` None means the message is `no-wrap`: only newlines start new lines.
    `unbreakable` holds indexes into `value` before which no line may start (the inside
    of format directives, see `pubtool.po.directives`).
    """
    continuation_column = len(prefix) + 1  # continuation lines start with prefix and a quote
    room = (UNLIMITED if width is None else width) - 1 - continuation_column
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
    offset = 0
    for number, portion in enumerate(portions, start=1):
        stuck = {index - offset for index in unbreakable if offset <= index < offset + len(portion)}
        offset += len(portion)
        escaped, line_starts = _portion_layout(portion, frozenset(stuck))
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
    """The text as written between quotes: `_escaped`'s characters, joined.

    Most strings need no escape; three scans in C tell so faster than the pattern does
    (every character that needs one is a quote, a backslash or not printable).
    """
    if '"' not in text and "\\" not in text and text.isprintable():
        return text
    return _NEEDS_ESCAPE.sub(_escape_match, text)


def _escape_match(match: re.Match[str]) -> str:
    return "\\" + _ESCAPES[match[0]]


_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_LineStarts = Callable[[int, int], list[int]]


def _portion_layout(portion: str, stuck: frozenset[int] = frozenset()) -> tuple[str, _LineStarts]:
    """The escaped portion, and where its lines start for a given room and start column.

    The second element maps `(room, start_column)` to the indexes into the escaped text at
    which `_line_starts` starts a line.  Most text takes the fast path (`_simple_breaks`);
    text it cannot handle goes through the exact character-by-character functions.
    """
    escaped = _escape(portion)
    breaks = _simple_breaks(escaped, portion.endswith("\n"))
    if breaks is not None:
        if stuck:
            stuck_escaped = set(_escaped_indexes(portion, stuck))
            breaks = [index for index in breaks if index not in stuck_escaped]
        return escaped, functools.partial(_simple_line_starts, breaks, len(escaped))
    return escaped, _exact_layout(portion, stuck)[1]


def _escaped_indexes(portion: str, indexes: frozenset[int]) -> list[int]:
    """Where the characters at `indexes` of the portion start in its escaped text."""
    result = []
    shift = 0
    for index, character in enumerate(portion):
        if index in indexes:
            result.append(index + shift)
        if character in _ESCAPES:
            shift += 1
    return result


def _exact_layout(portion: str, stuck: frozenset[int] = frozenset()) -> tuple[str, _LineStarts]:
    """`_portion_layout` one character at a time, as libunistring does it: the reference."""
    characters, glued = _escaped(portion)
    for index in _escaped_indexes(portion, stuck):
        glued[index] = True
    opportunities = _portion_opportunities(characters, glued)

    def line_starts(room: int, start_column: int) -> list[int]:
        starts = _line_starts(characters, opportunities, room, start_column)
        return [index for index, starts_line in enumerate(starts) if starts_line]

    return "".join(characters), line_starts


class _ClassCodes(dict[int, str]):
    """`str.translate` table: a character's line break class as one letter, filled lazily.

    Characters the fast path cannot handle map to `#`: those that are not one column wide,
    and those of the classes with rules beyond the pair table (BK, ZW, ZWJ, CM, and HL and
    RI, whose rules look further back than the last character).
    """

    def __missing__(self, code: int) -> str:
        character = chr(code)
        line_class = _line_break_class(character)
        letter = _CLASS_LETTERS.get(line_class, "#")
        if _column_width(character) != 1 or line_class in _SLOW_CLASSES:
            letter = "#"
        self[code] = letter
        return letter


_SLOW_CLASSES = ("HL", "RI")  # in the pair table, but with rules beyond it
_CLASS_LETTERS = dict(zip(_tables.PAIR_TABLE, string.ascii_letters, strict=False))
assert len(_CLASS_LETTERS) == len(_tables.PAIR_TABLE)
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
        if text.isascii():  # ASCII keeps its code: no map needed (and `isascii` is O(1))
            return text.encode("ascii").translate(letters)
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
assert len({_tables.PAIR_TABLE[line_class] for line_class in _WORD_CLASSES}) == 1


def _after_sets(before: str) -> tuple[str, str]:
    """Class letters a break may come before after `before`: directly, and after spaces."""
    rules = list(zip(_tables.PAIR_TABLE, _tables.PAIR_TABLE[before], strict=True))
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
    starts with a literal, so the engine skips to where one can start (a set of letters
    there, for classes whose rows agree, makes it try every position: twice as slow).
    """
    words = "".join(_CLASS_LETTERS[line_class] for line_class in _WORD_CLASSES)
    word_direct, word_spaced = _after_sets(_WORD_CLASSES[0])
    alternatives = [f" (?<=[{words}] ) *(?=[{word_spaced}])"]
    for before in _tables.PAIR_TABLE:
        direct, spaced = _after_sets(before)
        branches = [f" +(?=[{spaced}])"] if spaced else []
        branches += [f"(?=[{direct}])"] if direct else []
        if before not in _WORD_CLASSES and before not in _SLOW_CLASSES and branches:
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


# --- The fast path for prose ------------------------------------------------------------------


def string_lines(
    prefix: str,
    keyword: str,
    value: str,
    width: int | None,
    unbreakable: frozenset[int] = frozenset(),
) -> list[str]:
    """`keyword "value"` laid out as `wrap()` in gettext's write-po.c does.

    `width` None means the message is `no-wrap`: only newlines start new lines.
    `unbreakable` holds indexes into `value` before which no line may start (the inside
    of format directives, see `pubtool.po.directives`).  The common string, one line of
    prose, takes a fast path; everything else `_general_string_lines`.

    Writing a large catalog spent most of its time finding every break opportunity of
    every paragraph, though a line needs only the last one before its end: the fast path
    (`_ProseBreaks`) looks for breaks only near the ends of lines.  Strings it cannot take
    (newlines, runs of spaces, characters other than one column wide or of classes beyond
    the pair table) go to `_general_string_lines`, as does everything but the breaks.
    tests/unit/test_linebreak_fast_path.py holds the two to the same output.
    """
    if width is None or "\n" in value or not value:
        return _general_string_lines(prefix, keyword, value, width, unbreakable)
    continuation_column = len(prefix) + 1
    room = width - 1 - continuation_column
    first_column = len(prefix) + len(keyword) + 2 - continuation_column
    escaped = _escape(value)
    if first_column + 2 * len(escaped) <= room or first_column > room:
        return _general_string_lines(prefix, keyword, value, width, unbreakable)
    classes = _prose_classes(escaped)
    if classes is None:
        return _general_string_lines(prefix, keyword, value, width, unbreakable)
    # `_simple_line_starts(breaks, len(escaped), room, first_column)` starts no line exactly
    # when the whole text fits after the keyword or there is no break
    if first_column + len(escaped) <= room:
        return [f'{prefix}{keyword} "{escaped}"']
    starts = _ProseBreaks(escaped, classes, value, unbreakable).line_starts(room)
    if starts is None:
        return [f'{prefix}{keyword} "{escaped}"']
    # as in `string_lines`: the text moves below an empty `keyword ""` line
    bounds = [0, *starts, len(escaped)]
    lines = [f'{prefix}{keyword} ""']
    lines += [f'{prefix}"{escaped[start:end]}"' for start, end in itertools.pairwise(bounds)]
    return lines


def _pair_rules_by_byte() -> tuple[dict[tuple[int, int], str], bytes]:
    """The pair table keyed by class letters as bytes, and the letters of the word classes.

    The fast path lets every pair of word characters (letters, digits) go by without a
    look: when two of them break with no space between them, or cannot break across a
    space, it would be wrong, so it gets no word class at all and takes no string.
    """
    letter = _CLASS_LETTERS
    rules = {
        (ord(letter[before]), ord(letter[after])): rule
        for (before, after), rule in _PAIR_RULES.items()
    }
    words = bytes(ord(letter[line_class]) for line_class in _WORD_CLASSES)
    if any(rules[before, after] != "I" for before in words for after in words):
        words = b""
    return rules, words


_RULES, _WORD_LETTERS = _pair_rules_by_byte()
_NOT_WORD = re.compile(b"[^ " + re.escape(_WORD_LETTERS) + b"]")
_SPACE = ord(" ")


def _last_direct_break_pattern() -> re.Pattern[bytes]:
    """Matches up to the last break between two characters that are not spaces.

    Used with `pos` and `endpos` over class letters: `match().end()` is the last index
    in that range before which the pair rule says D.  `(?s:.*)` runs to the end and
    backs off, and each alternative starts with a literal, so a short range is cheap.
    """
    afters: dict[int, bytearray] = {}
    for (before, after), rule in sorted(_RULES.items()):
        if rule == "D" and _SPACE not in (before, after):
            afters.setdefault(before, bytearray()).append(after)
    alternatives = [
        re.escape(bytes([before])) + b"(?=[" + re.escape(bytes(letters)) + b"])"
        for before, letters in afters.items()
    ]
    return re.compile(b"(?s:.*)(?:" + b"|".join(alternatives) + b")")


_LAST_DIRECT_BREAK = _last_direct_break_pattern()


def _prose_classes(escaped: str) -> bytes | None:
    """The class letters of prose the fast path takes, or None for other text.

    Prose here: single spaces, none first or last, and only characters `_simple_breaks`
    takes (one column wide, classes with no rule beyond the pair table).
    """
    if not _WORD_LETTERS or "  " in escaped or escaped[0] == " " or escaped[-1] == " ":
        return None
    classes = _CLASS_ENCODER.encode(escaped)
    return None if b"#" in classes else classes


def _word_mask_table() -> bytes:
    """`bytes.translate` table from class letters to `w` (word), ` ` (space) or `x`."""
    table = bytearray(b"x" * 256)
    for letter in _WORD_LETTERS:
        table[letter] = ord("w")
    table[_SPACE] = _SPACE
    return bytes(table)


_WORD_MASK = _word_mask_table()


class _ProseBreaks:
    """The breaks of `_simple_breaks` (no final newline, less `unbreakable`), found lazily.

    With single spaces only, and none first or last, the last character that is not a
    space before a space is the one right before it, so `_simple_breaks`' rule before a
    character after a space is the pair rule of the two characters around the space: a
    break unless it says P; between two neighbours, a break where it says D.  Two word
    characters (most pairs) always break across a space and never without one, so a break
    with no space before it has a character that is not a word character on one side.

    Finding every break of a paragraph took a third of the time of writing a large
    catalog, but a line needs only the last break before its end: `rfind` jumps to the
    last space, and when only word characters follow it up to the end of the line
    (`mask`), that break is the last one if the pair rule allows it.  Other lines look at
    the few other characters near there.
    """

    def __init__(
        self, escaped: str, classes: bytes, value: str, unbreakable: frozenset[int]
    ) -> None:
        self.escaped = escaped
        self.classes = classes
        self.mask = classes.translate(_WORD_MASK)
        removed: set[int] = set()  # glued to an escape's backslash, or `unbreakable`
        if "\\" in escaped:
            removed.update(match.start() + 1 for match in _GLUED_ESCAPE.finditer(escaped))
        if unbreakable:
            removed.update(_escaped_indexes(value, unbreakable))
        self.removed = removed

    def line_starts(self, room: int) -> list[int] | None:
        """`_simple_line_starts(breaks, length, room, 0)`, or None when there is no break.

        A line starts at the last break that leaves the line before it within `room`, or if
        there is none, at the first break after the line's start, as long as a break
        follows; the last line starts at the last break if the text runs past `room`.
        """
        start = self._line_end(0, room)
        if start is None:
            return None
        starts = []
        line_start = 0
        length = len(self.escaped)
        # Once the rest fits from `start`, searching on would only take the text's last
        # break and stop there: `start` begins a line exactly when the line before it is
        # too long, as after a search that finds no break.
        while length - start > room:
            following = self._line_end(start, room)
            if following is None:
                break
            starts.append(start)
            line_start, start = start, following
        if length - line_start > room:
            starts.append(start)
        return starts

    def _line_end(self, low: int, room: int) -> int | None:
        """The last break after `low` and within `room` of it, else the first after it."""
        high = min(low + room, len(self.escaped) - 1)
        space = self.escaped.rfind(" ", low, high)
        if space >= 0:
            # after the space no other space: a break there has no space before it, and
            # only comes next to a character that is not a word character
            if self.mask.find(b"x", space + 1, high + 1) >= 0:
                direct = _LAST_DIRECT_BREAK.match(self.classes, space + 1, high + 1)
                if direct is not None and direct.end() not in self.removed:
                    return direct.end()
                if direct is None and self._is_break(space + 1):
                    return space + 1
            elif self._is_break(space + 1):
                return space + 1
        found = self._last(low, high)
        return self._next(low) if found is None else found

    def _is_break(self, index: int) -> bool:
        """Whether a line may start at `index`, a character of a word after the first."""
        classes = self.classes
        this = classes[index]
        if this == _SPACE or index in self.removed:
            return False
        before = classes[index - 1]
        if before == _SPACE:
            return _RULES[classes[index - 2], this] != "P"
        return _RULES[before, this] == "D"

    def _unspaced(self, start: int, end: int) -> list[int]:
        """The breaks with no space before them after `start` and before `end`.

        No space stands from `start` to `end - 2`.
        """
        if self.mask.find(b"x", start, end) < 0:
            return []
        candidates = []
        for match in _NOT_WORD.finditer(self.classes, start, end):
            candidates += [match.start(), match.start() + 1]
        return [index for index in candidates if start < index < end and self._is_break(index)]

    def _last(self, low: int, high: int) -> int | None:
        """The last break after `low` and at most `high` (`low` is no space)."""
        while high > low:
            space = self.escaped.rfind(" ", low, high)
            word_start = space + 1 if space >= 0 else low
            if breaks := self._unspaced(word_start, high + 1):
                return breaks[-1]
            if space < 0:
                return None
            if self._is_break(word_start):
                return word_start
            high = space - 1
        return None

    def _next(self, low: int) -> int | None:
        """The first break after `low` (`low` is no space)."""
        while True:
            space = self.escaped.find(" ", low)
            if breaks := self._unspaced(low, len(self.escaped) if space < 0 else space):
                return breaks[0]
            if space < 0:
                return None
            if self._is_break(space + 1):
                return space + 1
            low = space + 1
