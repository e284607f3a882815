"""Breaks of text whose characters are one column wide, found by patterns over class letters.

Each character becomes one letter for its line break class (`ClassEncoder`), and compiled
patterns over those letters find every place `linebreak_rules.break_opportunities` allows a
break; `simple_line_starts` then jumps from line to line.  Text these cannot take (other
widths, classes with rules beyond the pair table) is left to the exact functions.
"""

from __future__ import annotations

import bisect
import codecs
import re
import string
from typing import TYPE_CHECKING

from pubtool.po import linebreak_tables as _tables
from pubtool.po.linebreak_rules import column_width, line_break_class

if TYPE_CHECKING:
    from _codecs import _EncodingMap

    _CharMap = dict[int, int] | _EncodingMap  # what `codecs.charmap_build` returns

__all__ = [
    "CLASS_CODES",
    "CLASS_ENCODER",
    "CLASS_LETTERS",
    "GLUED_ESCAPE",
    "WORD_CLASSES",
    "ClassEncoder",
    "simple_breaks",
    "simple_line_starts",
]


class ClassCodes(dict[int, str]):
    """`str.translate` table: a character's line break class as one letter, filled lazily.

    Characters the fast path cannot handle map to `#`: those that are not one column wide,
    and those of the classes with rules beyond the pair table (BK, ZW, ZWJ, CM, and HL and
    RI, whose rules look further back than the last character).
    """

    def __missing__(self, code: int) -> str:
        character = chr(code)
        line_class = line_break_class(character)
        letter = CLASS_LETTERS.get(line_class, "#")
        if column_width(character) != 1 or line_class in _SLOW_CLASSES:
            letter = "#"
        self[code] = letter
        return letter


_SLOW_CLASSES = ("HL", "RI")  # in the pair table, but with rules beyond it
CLASS_LETTERS = dict(zip(_tables.PAIR_TABLE, string.ascii_letters, strict=False))
assert len(CLASS_LETTERS) == len(_tables.PAIR_TABLE)
CLASS_LETTERS["SP"] = " "
CLASS_CODES = ClassCodes()


class ClassEncoder:
    """`text.translate(CLASS_CODES)` as bytes, some ten times faster for non-ASCII text.

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
        letters = bytes(ord(CLASS_CODES[ord(character)]) for character in characters)
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
            return text.translate(CLASS_CODES).encode("ascii")
        self._state = characters, encoding_map, letters = self._build(characters + new)
        return codecs.charmap_encode(text, "strict", encoding_map)[0].translate(letters)


CLASS_ENCODER = ClassEncoder()


# Letters and digits (AL, NU) are most of any text, and no rule breaks between two of them.
# The patterns below are written so that the regex engine only stops at other characters
# and at spaces, skipping the inside of words quickly.  AL and NU have the same row.
WORD_CLASSES = ("AL", "NU")
assert len({_tables.PAIR_TABLE[line_class] for line_class in WORD_CLASSES}) == 1


def _after_sets(before: str) -> tuple[str, str]:
    """Class letters a break may come before after `before`: directly, and after spaces."""
    rules = list(zip(_tables.PAIR_TABLE, _tables.PAIR_TABLE[before], strict=True))
    direct = "".join(CLASS_LETTERS[after] for after, rule in rules if rule == "D")
    spaced = "".join(CLASS_LETTERS[after] for after, rule in rules if rule in "DI")
    return direct, spaced


def _pair_patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Patterns over class letters for the places `break_opportunities` allows a break.

    The first matches a class letter that is not a word class, with the spaces after it, or
    the spaces after a word class; the match ends where the break is, and a lookahead
    checks the class after it, unconsumed so that it can start the next match.  The second
    matches the (rare) letter a word class is directly followed by with a break between
    them; there the break is at the start of the match.  Each alternative of the first
    starts with a literal, so the engine skips to where one can start (a set of letters
    there, for classes whose rows agree, makes it try every position: twice as slow).
    """
    words = "".join(CLASS_LETTERS[line_class] for line_class in WORD_CLASSES)
    word_direct, word_spaced = _after_sets(WORD_CLASSES[0])
    alternatives = [f" (?<=[{words}] ) *(?=[{word_spaced}])"]
    for before in _tables.PAIR_TABLE:
        direct, spaced = _after_sets(before)
        branches = [f" +(?=[{spaced}])"] if spaced else []
        branches += [f"(?=[{direct}])"] if direct else []
        if before not in WORD_CLASSES and before not in _SLOW_CLASSES and branches:
            alternatives.append(f"{CLASS_LETTERS[before]}(?:{'|'.join(branches)})")
    after_word = f"[{word_direct}](?<=[{words}][{word_direct}])"
    return re.compile("|".join(alternatives).encode()), re.compile(after_word.encode())


_PAIR_BREAK, _WORD_BREAK = _pair_patterns()
GLUED_ESCAPE = re.compile(r"\\.")


def simple_breaks(escaped: str, ends_with_newline: bool) -> list[int] | None:
    """The indexes before which `_portion_opportunities` allows a break, or None.

    None when the text has a character that is not one column wide or whose class is BK,
    ZW, ZWJ or CM.  Without those, `break_opportunities` keeps `last` as the class of the
    last character that is not a space, `after_joiner` stays false and nothing is
    mandatory: a break is possible before a character that is not a space exactly when
    some earlier character is not a space and the pair rule from the last such one says D,
    or says I and a space stands right before.  `_PAIR_BREAK` and `_WORD_BREAK` find
    exactly these places.  Then the characters glued to an escape's backslash, and the
    backslash of a final `\\n`, lose their break (as in `_portion_opportunities`).
    """
    classes = CLASS_ENCODER.encode(escaped)
    if b"#" in classes:
        return None
    breaks = [match.end() for match in _PAIR_BREAK.finditer(classes)]
    word_breaks = [match.start() for match in _WORD_BREAK.finditer(classes)]
    if word_breaks:
        breaks = sorted(breaks + word_breaks)
    if "\\" in escaped:
        glued = {match.start() + 1 for match in GLUED_ESCAPE.finditer(escaped)}
        if ends_with_newline:
            glued.add(len(escaped) - 2)
        breaks = [index for index in breaks if index not in glued]
    return breaks


def simple_line_starts(breaks: list[int], length: int, room: int, start_column: int) -> list[int]:
    """`line_starts` for text of one-column characters, jumping from line to line.

    Every character is one column wide, so the column at any index is the column the line
    started at plus the distance from its start.  `line_starts` starts a new line at the
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
