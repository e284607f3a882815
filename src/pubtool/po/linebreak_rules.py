"""Where UAX #14 allows a line break, as libunistring 1.0 implements it: the reference.

Classes, pair rules and column widths are libunistring 1.0.0's own (Unicode 14.0, the
library gettext 0.21 links on Debian 12), in `linebreak_tables`, generated from the library
by tools/linebreak_tables.py.  These functions go one character at a time, exactly as the
library does; `linebreak_simple` and `linebreak_prose` find the same breaks faster.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Sequence

from pubtool.po import linebreak_tables as _tables

__all__ = [
    "PAIR_RULES",
    "Break",
    "break_opportunities",
    "column_width",
    "line_break_class",
    "line_starts",
]


class Break(enum.Enum):
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
PAIR_RULES = {
    (before, after): rule
    for before, row in _tables.PAIR_TABLE.items()
    for after, rule in zip(_tables.PAIR_TABLE, row, strict=True)  # columns in the rows' order
}
_CLASS_OF_RUN = tuple(_tables.CLASSES[ord(letter) - ord("A")] for letter in _tables.CLASS_RUNS)
_WIDTH_OF_RUN = tuple(int(width) for width in _tables.WIDTH_RUNS)


@functools.cache
def line_break_class(character: str) -> str:
    """UAX #14 class of one character, as libunistring resolves it."""
    return _CLASS_OF_RUN[bisect.bisect_right(_tables.CLASS_STARTS, ord(character)) - 1]


@functools.cache
def column_width(character: str) -> int:
    """Columns a character takes, as libunistring's `uc_width` counts them for UTF-8."""
    return _WIDTH_OF_RUN[bisect.bisect_right(_tables.WIDTH_STARTS, ord(character)) - 1]


def _pair_break(before: str, after: str, spaces_between: bool) -> Break:
    rule = PAIR_RULES[before, after]
    if rule == "D" or (rule == "I" and spaces_between):
        return Break.POSSIBLE
    return Break.PROHIBITED


def break_opportunities(characters: Sequence[str]) -> list[Break]:
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
        line_class = line_break_class(character)
        opportunity = Break.PROHIBITED
        if line_class == "BK":
            opportunity, last, after_space = Break.MANDATORY, "BK", False
        elif line_class == "SP":
            after_space = True
        elif line_class == "ZW":
            last, after_space = "ZW", False
        elif line_class in ("CM", "ZWJ"):
            if last == "BK":
                last, after_space = "AL", False
            elif last == "ZW" or after_space:
                opportunity, last, after_space = Break.POSSIBLE, "AL", False
        else:
            if last == "ZW":
                opportunity = Break.POSSIBLE
            elif last == "BK" or previous in ("ZWJ", "HL_BA"):
                pass
            elif last == "RI" and line_class == "RI":
                if after_space or indicators % 2 == 0:
                    opportunity = Break.POSSIBLE
            else:
                opportunity = _pair_break(last, line_class, after_space)
            last, after_space = line_class, False
        hyphen_after_hebrew = previous == "HL" and line_class in ("HY", "BA")
        previous = "HL_BA" if hyphen_after_hebrew else line_class
        indicators = indicators + 1 if line_class == "RI" else 0
        result.append(opportunity)
    return result


def line_starts(
    characters: Sequence[str], opportunities: Sequence[Break], width: int, start_column: int
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
        if opportunity is not Break.PROHIBITED and overflows:
            assert piece_start is not None
            starts[piece_start] = True
            column = 0
        if opportunity is Break.MANDATORY:
            piece_start, column, piece_width = None, 0, 0
            continue
        if opportunity is Break.POSSIBLE:
            piece_start, column, piece_width = index, column + piece_width, 0
        piece_width += column_width(character)
    if piece_start is not None and column + piece_width > width:
        starts[piece_start] = True
    return starts
