"""Directive extents of the `%`-style format languages, as gettext 0.21's parsers mark them.

Each `*_spans(value, msgstr)` returns the (start, end) of the valid directives before the
first invalid one, following `format-*.c`; see `pubtool.po.formats`.
"""

from __future__ import annotations

import re
import xml.parsers.expat

from pubtool.po.formats_scan import (
    DIGITS,
    HEX_DIGITS,
    NONZERO_DIGITS,
    Mixing,
    argument_number,
    at,
    skip,
    star_argument,
)

# --- C and Objective-C (format-c.c, format-c-parse.h) ----------------------------------------

_C_SIZES = re.compile(r"[hlLqjzZt]*")  # any run of them, as gettext reads sizes
_C_CONVERSIONS = frozenset("%cCsSidiouxXeEfFgGaApnm")
_OBJC_CONVERSIONS = _C_CONVERSIONS | {"@"}  # Objective-C's objects
# ISO C 99 <inttypes.h> macros, as in `%<PRIu64>`
_C99_MACRO = re.compile(r"PRI[diouxX](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")


def c_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return _printf_c_spans(value, msgstr, _C_CONVERSIONS)


def objc_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return _printf_c_spans(value, msgstr, _OBJC_CONVERSIONS)


def _printf_c_spans(value: str, msgstr: bool, conversions: frozenset[str]) -> list[tuple[int, int]]:
    """`%[N$][flags][width][.precision][size]c` and `%<PRI...>`; a translation may use `I`."""
    spans: list[tuple[int, int]] = []
    position = 0
    mixing = Mixing()  # numbered and unnumbered arguments are exclusive
    flags = frozenset(" +-#0'I" if msgstr else " +-#0'")
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        number = 0
        if (numbered := argument_number(value, index)) is not None:
            number, index = numbered
            if number == 0:
                return spans
        index = skip(value, index, flags)
        if at(value, index) == "*":
            after = star_argument(value, index, mixing)
            if after is None:
                return spans
            index = after
        else:
            index = skip(value, index, DIGITS)
        if at(value, index) == ".":
            index += 1
            if at(value, index) == "*":
                after = star_argument(value, index, mixing)
                if after is None:
                    return spans
                index = after
            else:
                index = skip(value, index, DIGITS)
        if at(value, index) == "<":
            macro = _C99_MACRO.match(value, index + 1)
            if macro is None:
                return spans
            index = macro.end() - 1
            takes_argument = True
        else:
            index = _C_SIZES.match(value, index).end()  # type: ignore[union-attr]
            conversion = at(value, index)
            if conversion not in conversions:
                return spans
            takes_argument = conversion not in ("%", "m")
        if takes_argument and not mixing.add(number > 0):
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


# --- Python (format-python.c) -----------------------------------------------------------------

_PYTHON_CONVERSIONS = set("%csraiduoxXeEfFgG")


def python_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(value)
    named = unnamed = False
    while True:
        start = value.find("%", position)
        if start < 0:
            return spans
        index = start + 1
        name = False
        if index < length and value[index] == "(":
            depth = 0
            index += 1
            while index < length:
                if value[index] == "(":
                    depth += 1
                elif value[index] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                index += 1
            if index >= length:
                return spans
            index += 1
            name = True
        while index < length and value[index] in "-+ #0":
            index += 1
        star = False
        if index < length and value[index] == "*":
            index += 1
            star = True
        else:
            while index < length and value[index] in "0123456789":
                index += 1
        if index < length and value[index] == ".":
            index += 1
            if index < length and value[index] == "*":
                index += 1
                star = True
            else:
                while index < length and value[index] in "0123456789":
                    index += 1
        if index < length and value[index] in "hlL":
            index += 1
        if index >= length or value[index] not in _PYTHON_CONVERSIONS:
            return spans
        if value[index] != "%" or name:
            if name:
                if unnamed or star:
                    return spans
                named = True
            else:
                if named:
                    return spans
                unnamed = True
        elif star and named:
            return spans
        spans.append((start, index + 1))
        position = index + 1


# --- Java printf (format-java-printf.c) -------------------------------------------------------

# What each conversion refuses: flags, "w" for a width, "p" for a precision.
_JAVA_PRINTF_REFUSED = {
    "%": "#0 +,(p",
    "n": "#0- +,(wp",
    **dict.fromkeys("bBhHsS", "0 +,("),
    **dict.fromkeys("cC", "#0 +,(p"),
    "d": "#p",
    **dict.fromkeys("oxX", ",p"),
    **dict.fromkeys("eEfgG", ""),
    **dict.fromkeys("aA", ",("),
    **dict.fromkeys("tT", "#0 +,(p"),
}
_JAVA_DATETIME_SUFFIXES = frozenset("HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc")


def java_printf_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    unnumbered = last = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        number = 0
        if at(value, index) == "<":
            if last == 0:
                return spans
            number = last
            index += 1
        elif (numbered := argument_number(value, index)) is not None:
            number, index = numbered
            if number == 0:
                return spans
        given: set[str] = set()
        while at(value, index) in ("#", "0", "-", " ", "+", ",", "("):
            given.add(value[index])
            index += 1
        if at(value, index) in DIGITS:
            index = skip(value, index, DIGITS)
            given.add("w")
        if at(value, index) == ".":
            index += 1
            if at(value, index) not in DIGITS:
                return spans
            index = skip(value, index, DIGITS)
            given.add("p")
        conversion = at(value, index)
        refused = _JAVA_PRINTF_REFUSED.get(conversion)
        if refused is None or given & set(refused):
            return spans
        if conversion in ("t", "T"):
            index += 1
            if at(value, index) not in _JAVA_DATETIME_SUFFIXES:
                return spans
        if conversion not in ("%", "n"):
            if number == 0:
                unnumbered += 1
                number = unnumbered
            last = number
        spans.append((start, index + 1))
        position = index + 1
    return spans


# --- printf-like languages: awk, JavaScript, Lua, Object Pascal, Tcl, Perl, PHP, elisp, librep,
# --- gcc-internal, gfc-internal, boost, Ruby ---------------------------------------------------


def awk_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    mixing = Mixing()
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        number = 0
        if (numbered := argument_number(value, index)) is not None:
            number, index = numbered
            if number == 0:
                return spans
        index = skip(value, index, frozenset(" +-#0"))
        if at(value, index) == "*":
            after = star_argument(value, index, mixing)
            if after is None:
                return spans
            index = after
        else:
            index = skip(value, index, DIGITS)
        if at(value, index) == ".":
            index += 1
            if at(value, index) == "*":
                after = star_argument(value, index, mixing)
                if after is None:
                    return spans
                index = after
            else:
                index = skip(value, index, DIGITS)
        conversion = at(value, index)
        if conversion == "" or conversion not in "%csiduoxXeEfgG":
            return spans
        if conversion != "%" and not mixing.add(number > 0):
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def javascript_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    mixing = Mixing()
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        number = 0
        if (numbered := argument_number(value, index)) is not None:
            number, index = numbered
            if number == 0:
                return spans
        index = skip(value, index, frozenset("-+ 0I"))
        index = skip(value, index, DIGITS)
        if at(value, index) == ".":
            index = skip(value, index + 1, DIGITS)
        conversion = at(value, index)
        if conversion == "" or conversion not in "%csbdoxXfj":
            return spans
        if conversion != "%" and not mixing.add(number > 0):
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def lua_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) != "%":
            index = skip(value, index, DIGITS)
            if at(value, index) == ".":
                index = skip(value, index + 1, DIGITS)
            conversion = at(value, index)
            if conversion == "" or conversion not in "cdiouXxaAEefgGsq":
                return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def pascal_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) != "%":
            if at(value, index) in DIGITS or at(value, index) == ":":
                end = skip(value, index, DIGITS)
                if at(value, end) == ":":  # an argument index `N:`
                    index = end + 1
            elif at(value, index) == "*" and at(value, index + 1) == ":":
                index += 2
            if at(value, index) == "-":
                index += 1
            if at(value, index) == "*":
                index += 1
            else:
                index = skip(value, index, DIGITS)
            if at(value, index) == ".":
                if at(value, index + 1) in DIGITS:
                    index = skip(value, index + 1, DIGITS)
                elif at(value, index + 1) == "*":
                    index += 2
            conversion = at(value, index)
            if conversion == "" or not conversion.isascii():
                return spans
            if conversion.lower() not in "duxefgnmsp":
                return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def tcl_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    seen_numbered = seen_unnumbered = False
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) != "%":
            numbered = argument_number(value, index)
            if numbered is not None:
                if numbered[0] == 0 or seen_unnumbered:
                    return spans
                index = numbered[1]
                seen_numbered = True
            else:
                if seen_numbered:
                    return spans
                seen_unnumbered = True
            index = skip(value, index, frozenset(" +-#0"))
            if at(value, index) == "*":
                index += 1
            else:
                index = skip(value, index, DIGITS)
            if at(value, index) == ".":
                index += 1
                if at(value, index) == "*":
                    index += 1
                else:
                    index = skip(value, index, DIGITS)
            if at(value, index) in ("h", "l"):
                index += 1
            conversion = at(value, index)
            if conversion == "" or conversion not in "csiduoxXeEfgG":
                return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def _perl_number(value: str, index: int) -> tuple[int, int] | None:
    """Perl's `N$` with N starting with a nonzero digit: (N, the index after `$`)."""
    if at(value, index) not in NONZERO_DIGITS:
        return None
    return argument_number(value, index)


def perl_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if (numbered := _perl_number(value, index)) is not None:
            index = numbered[1]
        index = skip(value, index, frozenset(" +-#0"))
        if at(value, index) == "v":  # a vector flag: `v`, `*v` or `*N$v`
            index += 1
        elif at(value, index) == "*":
            if at(value, index + 1) == "v":
                index += 2
            elif (vector := _perl_number(value, index + 1)) is not None and at(
                value, vector[1]
            ) == "v":
                index = vector[1] + 1
        if at(value, index) == "*":  # the width
            index += 1
            if (width := _perl_number(value, index)) is not None:
                index = width[1]
        elif at(value, index) in NONZERO_DIGITS:
            index = skip(value, index, DIGITS)
        if at(value, index) == ".":  # the precision
            index += 1
            if at(value, index) == "*":
                index += 1
                if (precision := _perl_number(value, index)) is not None:
                    index = precision[1]
            else:
                index = skip(value, index, DIGITS)
        size = ""
        if at(value, index) == "h":
            size = "short"
            index += 1
        elif at(value, index) == "l":
            size = "longlong" if at(value, index + 1) == "l" else "long"
            index += 2 if size == "longlong" else 1
        elif at(value, index) in ("L", "q", "V"):
            index += 1
        elif at(value, index) == "I":
            index += 3 if value[index + 1 : index + 3] in ("64", "32") else 1
        conversion = at(value, index)
        if conversion == "" or conversion not in "%cs_DidUOuboxXeEfFgGpn":
            return spans
        if conversion in "eEfFgG" and size in ("short", "long"):
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def php_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) != "%":
            if (numbered := argument_number(value, index)) is not None:
                if numbered[0] == 0:
                    return spans
                index = numbered[1]
            while True:  # the flags; `'c` pads with c, one byte in gettext
                if at(value, index) in ("0", "-", " "):
                    index += 1
                elif at(value, index) == "'":
                    index += 1
                    if at(value, index) == "" or not value[index].isascii():
                        return spans
                    index += 1
                else:
                    break
            index = skip(value, index, DIGITS)
            if at(value, index) == "." and at(value, index + 1) in DIGITS:
                index = skip(value, index + 1, DIGITS)
            if at(value, index) == "l":
                index += 1
            conversion = at(value, index)
            if conversion == "" or conversion not in "bduoxXefcs":
                return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def elisp_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return _lisp_printf_spans(value, " +-#0", True, "%cdixXoeEfgGsS")


def librep_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return _lisp_printf_spans(value, "-^0+ ", False, "%cdxXosS")


def _lisp_printf_spans(
    value: str, flags: str, stars: bool, conversions: str
) -> list[tuple[int, int]]:
    """Emacs Lisp's and librep's `format`: `%[N$][flags][width][.precision]c`."""
    spans: list[tuple[int, int]] = []
    position = 0
    flag_set = frozenset(flags)
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        numbered = argument_number(value, index)
        if numbered is not None and numbered[0] > 0:
            index = numbered[1]
        index = skip(value, index, flag_set)
        if stars and at(value, index) == "*":
            index += 1
        else:
            index = skip(value, index, DIGITS)
        if at(value, index) == ".":
            index += 1
            if stars and at(value, index) == "*":
                index += 1
            else:
                index = skip(value, index, DIGITS)
        conversion = at(value, index)
        if conversion == "" or conversion not in conversions:
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


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
            index = skip(value, index, frozenset(" +-#0'_=hl"))
            if at(value, index) == "*":
                after = star_argument(value, index, mixing)
                if after is None:
                    return spans
                index = after
            else:
                index = skip(value, index, DIGITS)
            if at(value, index) == ".":
                index += 1
                if at(value, index) == "*":
                    after = star_argument(value, index, mixing)
                    if after is None:
                        return spans
                    index = after
                else:
                    index = skip(value, index, DIGITS)
            index = skip(value, index, frozenset("hlL"))
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


# --- Qt, KDE, Smalltalk, YCP (format-qt.c, format-qt-plural.c, format-kde.c, format-smalltalk.c)


def qt_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`%N`, `%NN` and `%LN`; nothing is an error."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) == "L":
            index += 1
        if at(value, index) in DIGITS:
            if at(value, index + 1) in DIGITS:
                index += 1
            spans.append((start, index + 1))
            index += 1
        position = index
    return spans


def qt_plural_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`%n` and `%Ln`."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) == "L":
            index += 1
        if at(value, index) == "n":
            spans.append((start, index + 1))
            index += 1
        position = index
    return spans


def kde_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`%N` with N from 1; nothing is an error."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if at(value, index) in NONZERO_DIGITS:
            index = skip(value, index + 1, DIGITS)
            spans.append((start, index))
        position = index
    return spans


def kde_kuit_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """KDE's directives, but only in text that is well-formed KUIT markup (format-kde-kuit.c)."""
    return kde_spans(value, msgstr) if _kuit_well_formed(value) else []


def _kuit_well_formed(value: str) -> bool:
    """Whether gettext's XML parser accepts the text inside a KUIT root element.

    An `&` stays as it is before a character reference (`&#65;`, `&#x41;`) and becomes
    `&amp;` everywhere else (a Qt accelerator marker), as gettext's `is_reference` decides.
    """
    text: list[str] = []
    position = 0
    while (amp := value.find("&", position)) >= 0:
        text.append(value[position:amp])
        text.append("&" if _kuit_character_reference(value[amp + 1 :]) else "&amp;")
        position = amp + 1
    text.append(value[position:])
    document = f'<gt:kuit xmlns:gt="{_KUIT_NAMESPACE}">{"".join(text)}</gt:kuit>'
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(document.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError:
        return False
    return True


_KUIT_NAMESPACE = "https://www.gnu.org/s/gettext/kde"


def _kuit_character_reference(rest: str) -> bool:
    """gettext's `is_reference` after an `&`: only `#x<hex>;` and `#<digits>;` count.

    (Its test for a named entity can never succeed: `;` is not a name character.)
    """
    if rest[:1] != "#":
        return False
    digits = HEX_DIGITS if rest[1:2] == "x" else DIGITS
    if rest[1:2] != "x" and rest[1:2] not in DIGITS:
        return False
    last = rest[1]
    for character in rest[2:]:
        last = character
        if character not in digits:
            break
    return last == ";"


def smalltalk_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`%%` and `%1` to `%9` (Smalltalk's bindWith:, YCP's sformat)."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("%", position)) >= 0:
        if at(value, start + 1) != "%" and at(value, start + 1) not in NONZERO_DIGITS:
            return spans
        spans.append((start, start + 2))
        position = start + 2
    return spans
