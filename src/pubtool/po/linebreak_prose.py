"""The fast path for prose: a line's last break found near its end, not every break.

Writing a large catalog spent most of its time finding every break opportunity of every
paragraph, though a line needs only the last one before its end.  `ProseBreaks` finds the
breaks `linebreak_simple.simple_breaks` would, lazily, for one line of prose.
"""

from __future__ import annotations

import re

from pubtool.po.linebreak_rules import PAIR_RULES
from pubtool.po.linebreak_simple import CLASS_ENCODER, CLASS_LETTERS, GLUED_ESCAPE, WORD_CLASSES

__all__ = ["ProseBreaks", "prose_classes"]


def _pair_rules_by_byte() -> tuple[dict[tuple[int, int], str], bytes]:
    """The pair table keyed by class letters as bytes, and the letters of the word classes.

    The fast path lets every pair of word characters (letters, digits) go by without a
    look: when two of them break with no space between them, or cannot break across a
    space, it would be wrong, so it gets no word class at all and takes no string.
    """
    letter = CLASS_LETTERS
    rules = {
        (ord(letter[before]), ord(letter[after])): rule
        for (before, after), rule in PAIR_RULES.items()
    }
    words = bytes(ord(letter[line_class]) for line_class in WORD_CLASSES)
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


def prose_classes(escaped: str) -> bytes | None:
    """The class letters of prose the fast path takes, or None for other text.

    Prose here: single spaces, none first or last, and only characters `simple_breaks`
    takes (one column wide, classes with no rule beyond the pair table).
    """
    if not _WORD_LETTERS or "  " in escaped or escaped[0] == " " or escaped[-1] == " ":
        return None
    classes = CLASS_ENCODER.encode(escaped)
    return None if b"#" in classes else classes


def _word_mask_table() -> bytes:
    """`bytes.translate` table from class letters to `w` (word), ` ` (space) or `x`."""
    table = bytearray(b"x" * 256)
    for letter in _WORD_LETTERS:
        table[letter] = ord("w")
    table[_SPACE] = _SPACE
    return bytes(table)


_WORD_MASK = _word_mask_table()


class ProseBreaks:
    """The breaks of `simple_breaks` (no final newline, less `unbreakable`), found lazily.

    With single spaces only, and none first or last, the last character that is not a
    space before a space is the one right before it, so `simple_breaks`' rule before a
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

    def __init__(self, escaped: str, classes: bytes, unbreakable: frozenset[int]) -> None:
        """`unbreakable`: indexes into `escaped` before which no line may start."""
        self.escaped = escaped
        self.classes = classes
        self.mask = classes.translate(_WORD_MASK)
        removed = set(unbreakable)  # and what is glued to an escape's backslash
        if "\\" in escaped:
            removed.update(match.start() + 1 for match in GLUED_ESCAPE.finditer(escaped))
        self.removed = removed

    def line_starts(self, room: int) -> list[int] | None:
        """`simple_line_starts(breaks, length, room, 0)`, or None when there is no break.

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
