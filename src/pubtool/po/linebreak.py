"""How gettext lays out a string over lines: UAX #14 as libunistring 1.0 implements it.

GNU gettext's `write-po.c` cuts each string after every `\\n` escape and breaks portions
longer than the page where libunistring's `ulc_width_linebreaks` allows, applied to the
*escaped* text. `string_lines` reproduces that layout exactly, so catalogs pubtool writes
are byte-identical to `msgcat`'s.  Classes, pair rules and column widths are libunistring
1.0.0's own (Unicode 14.0, the library gettext 0.21 links on Debian 12), in
`linebreak_tables`, generated from the library by tools/linebreak_tables.py.

The stages live apart: `linebreak_rules` says where a break may go, one character at a
time (the reference); `linebreak_simple` and `linebreak_prose` find the same breaks fast for
the common text; this module escapes strings, cuts them into portions and lines.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from pubtool.po.linebreak_prose import ProseBreaks, prose_classes
from pubtool.po.linebreak_rules import Break, break_opportunities, line_starts
from pubtool.po.linebreak_simple import simple_breaks, simple_line_starts

__all__ = ["UNLIMITED", "string_lines"]


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


def _portion_opportunities(characters: Sequence[str], glued: Sequence[bool]) -> list[Break]:
    """Break opportunities, except before the characters no line may start with."""
    opportunities = break_opportunities(characters)
    return [
        Break.PROHIBITED if stuck else opportunity
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
        # overflow, so `line_starts` would start no line and the string stays on one.
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
        escaped, starts_for = _portion_layout(portion, frozenset(stuck))
        start_column = first_column if first_line else 0
        starts = starts_for(room, start_column)
        must_open_empty = number < len(portions) or start_column > room or bool(starts)
        if first_line and escaped and must_open_empty:
            lines.append(f'{prefix}{keyword} ""')
            first_line = False
            starts = starts_for(room, 0)
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
    which `line_starts` starts a line.  Most text takes the fast path (`simple_breaks`);
    text it cannot handle goes through the exact character-by-character functions.
    """
    escaped = _escape(portion)
    breaks = simple_breaks(escaped, portion.endswith("\n"))
    if breaks is not None:
        if stuck:
            stuck_escaped = set(_escaped_indexes(portion, stuck))
            breaks = [index for index in breaks if index not in stuck_escaped]
        return escaped, functools.partial(simple_line_starts, breaks, len(escaped))
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

    def starts_for(room: int, start_column: int) -> list[int]:
        starts = line_starts(characters, opportunities, room, start_column)
        return [index for index, starts_line in enumerate(starts) if starts_line]

    return "".join(characters), starts_for


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
    (`ProseBreaks`) looks for breaks only near the ends of lines.  Strings it cannot take
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
    classes = prose_classes(escaped)
    if classes is None:
        return _general_string_lines(prefix, keyword, value, width, unbreakable)
    # `simple_line_starts(breaks, len(escaped), room, first_column)` starts no line exactly
    # when the whole text fits after the keyword or there is no break
    if first_column + len(escaped) <= room:
        return [f'{prefix}{keyword} "{escaped}"']
    stuck = frozenset(_escaped_indexes(value, unbreakable)) if unbreakable else frozenset()
    starts = ProseBreaks(escaped, classes, stuck).line_starts(room)
    if starts is None:
        return [f'{prefix}{keyword} "{escaped}"']
    # as in `string_lines`: the text moves below an empty `keyword ""` line
    bounds = [0, *starts, len(escaped)]
    lines = [f'{prefix}{keyword} ""']
    lines += [f'{prefix}"{escaped[start:end]}"' for start, end in itertools.pairwise(bounds)]
    return lines
