"""printf with a project's own extensions: GCC's and GFortran's internal diagnostics,
Boost.Format and Ruby's `format`, as gettext 0.21's parsers mark them.

See `pubtool.po.directives`.
"""

from __future__ import annotations

from pubtool.po.directives.scan import (
    DIGITS,
    NONZERO_DIGITS,
    Mixing,
    argument_number,
    at,
    field_width,
    skip,
)

# --- GCC and GFortran internal diagnostics (format-gcc-internal.c, format-gfc-internal.c)


def gcc_internal_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    mixing = Mixing()
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) in ("%", "<", ">", "'", "m"):
            spans.append((start, index + 1))
            position = index + 1
            continue
        number = 0
        if (numbered := argument_number(value, index)) is not None:
            number, index = numbered
            if number == 0:
                return spans
        seen = {"q": 0, "l": 0, "w": 0, "+": 0, "#": 0}
        while (flag := at(value, index)) in seen:
            if (
                (flag == "l" and (seen["l"] > 1 or seen["w"]))
                or (flag == "w" and seen["l"])
                or (flag != "l" and seen[flag])
            ):
                return spans
            seen[flag] += 1
            index += 1
        conversion = at(value, index)
        if conversion == ".":
            index += 1
            if at(value, index) in DIGITS:
                index = skip(value, index, DIGITS)
            elif at(value, index) == "*":
                index += 1
                precision = 0
                if (star := argument_number(value, index)) is not None:
                    if star[0] == 0 or mixing.unnumbered or number == 0 or star[0] != number - 1:
                        return spans
                    precision, index = star
                if not mixing.add(precision > 0):
                    return spans
            else:
                return spans
            if at(value, index) != "s":
                return spans
        elif conversion == "" or conversion not in "csidouxpHJKDFTEACLOPQV":
            return spans
        if not mixing.add(number > 0):
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def gfc_internal_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) != "%":
            if (numbered := argument_number(value, index)) is not None:
                if numbered[0] == 0:
                    return spans
                index = numbered[1]
            if at(value, index) not in ("C", "L", "c", "s"):
                if at(value, index) == "l":
                    index += 1
                if at(value, index) not in ("i", "d", "u"):
                    return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


_BOOST_FLAGS = frozenset(" +-#0'_=hl")


def boost_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """Boost.Format: printf directives, `%N%`, and `%|spec|` in bars."""
    spans: list[tuple[int, int]] = []
    position = 0
    mixing = Mixing()
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) == "%":
            spans.append((start, index + 1))
            position = index + 1
            continue
        brackets = done = False
        number = 0
        takes_argument = False
        if at(value, index) == "|":
            index += 1
            brackets = True
        if at(value, index) in NONZERO_DIGITS:
            end = skip(value, index, DIGITS)
            if (not brackets and at(value, end) == "%") or at(value, end) == "$":
                number = int(value[index:end])
                if value[end] == "%":
                    takes_argument = done = True
                index = end + 1
        if not done:
            after = field_width(value, skip(value, index, _BOOST_FLAGS), "argument", mixing)
            if after is not None and at(value, after) == ".":
                after = field_width(value, after + 1, "argument", mixing)
            if after is None:
                return spans
            index = skip(value, after, frozenset("hlL"))
            conversion = at(value, index)
            index += 1
            if conversion != "" and conversion in "cCsSidouxXeEfgGp":
                takes_argument = True
            elif conversion in ("t", "n"):
                pass
            elif conversion == "T":
                if at(value, index) == "":
                    return spans
                index += 1
            elif conversion == "|" and brackets:
                index -= 1
                takes_argument = True
            else:
                return spans
            if brackets:
                if at(value, index) != "|":
                    return spans
                index += 1
        if takes_argument and not mixing.add(number > 0):
            return spans
        spans.append((start, index))
        position = index
    return spans


class _Ruby:
    """Ruby's `format`: named (`%<a>d`, `%{a}`), numbered and unnumbered arguments apart."""

    def __init__(self) -> None:
        self.named = 0
        self.numbered = 0
        self.unnumbered = 0


def ruby_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    counts = _Ruby()
    while (start := value.find("%", position)) >= 0:
        end = _ruby_directive(value, start + 1, counts)
        if end is None:
            return spans
        spans.append((start, end))
        position = end
    return spans


def _ruby_directive(value: str, index: int, counts: _Ruby) -> int | None:  # noqa: C901, PLR0911, PLR0912
    """The index after the directive whose `%` is before `index`, or None if it is invalid."""
    name: str | None = None
    number = width_number = precision_number = 0
    seen_width = width_next = seen_precision = precision_next = False

    def numbered_seen() -> bool:
        return bool(counts.numbered or number or width_number or precision_number)

    def unnumbered_seen() -> bool:
        return bool(counts.unnumbered or width_next or precision_next)

    while True:
        character = at(value, index)
        if character != "" and character in " #+-0":
            if seen_width or seen_precision:
                return None
            index += 1
        elif character == "<":
            if numbered_seen() or unnumbered_seen() or name is not None:
                return None
            closing = value.find(">", index + 1)
            if closing < 0:
                return None
            name = value[index + 1 : closing]
            index = closing + 1
        elif character in DIGITS:
            end = skip(value, index, DIGITS)
            if at(value, end) == "$":
                if counts.named or name is not None or unnumbered_seen() or number:
                    return None
                number = int(value[index:end])
                index = end + 1
            else:
                if seen_precision or seen_width:
                    return None
                seen_width = True
                index = end
        elif character == "*":
            index += 1
            star = argument_number(value, index)
            if star is not None:
                if counts.named or name is not None or unnumbered_seen():
                    return None
                if seen_precision or seen_width or star[0] == 0:
                    return None
                seen_width = True
                width_number, index = star
            else:
                if counts.named or name is not None or numbered_seen():
                    return None
                if seen_precision or seen_width:
                    return None
                seen_width = width_next = True
        elif character == ".":
            index += 1
            if at(value, index) == "*":
                index += 1
                star = argument_number(value, index)
                if star is not None:
                    if counts.named or name is not None or unnumbered_seen():
                        return None
                    if seen_precision or star[0] == 0:
                        return None
                    seen_precision = True
                    precision_number, index = star
                else:
                    if counts.named or name is not None or numbered_seen():
                        return None
                    if seen_precision:
                        return None
                    seen_precision = precision_next = True
            else:
                index = skip(value, index, DIGITS)
                if seen_precision:
                    return None
                seen_precision = True
        else:
            break
    conversion = at(value, index)
    takes_argument = True
    if conversion in ("%", "\n"):
        takes_argument = False
    elif conversion == "{":
        if numbered_seen() or unnumbered_seen() or name is not None:
            return None
        closing = value.find("}", index + 1)
        if closing < 0:
            return None
        name = value[index + 1 : closing]
        index = closing
    elif conversion == "" or conversion not in "spcdiuoxXbBfgGeEaA":
        return None
    if width_number:
        counts.numbered += 1
    elif width_next:
        counts.unnumbered += 1
    if precision_number:
        counts.numbered += 1
    elif precision_next:
        counts.unnumbered += 1
    if takes_argument:
        if name is not None:
            counts.named += 1
        elif number:
            counts.numbered += 1
        else:
            if counts.named or counts.numbered:
                return None
            counts.unnumbered += 1
    return index + 1
