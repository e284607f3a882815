"""printf's family: C, Objective-C, Python `%`, Java printf, awk, JavaScript, Lua, Object
Pascal, Tcl, Perl, PHP, Emacs Lisp and librep, as gettext 0.21's parsers mark them.

Each `*_spans(value, msgstr)` returns the (start, end) of the valid directives before the
first invalid one, following `format-*.c`; see `pubtool.po.directives`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pubtool.po.directives.scan import (
    DIGITS,
    NONZERO_DIGITS,
    Mixing,
    Stars,
    argument_number,
    at,
    field_width,
    skip,
)

# --- The shared scanner: `%[N$][flags][width][.precision][size]conversion` -------------------


@dataclass(frozen=True)
class PrintfDialect:
    """What one language's printf parser in gettext accepts; `printf_spans` reads them all.

    `stars` says what a `*` width or precision is: "argument" (`*` or `*N$`, counted with
    the other arguments), "plain" (a bare `*`) or "none" (digits only).
    """

    flags: str
    conversions: frozenset[str]
    stars: Stars = "argument"
    #: flags a translation may use besides (C's `I`, locale digits)
    translation_flags: str = ""
    sizes: re.Pattern[str] | None = None
    #: conversions that take no argument (not counted, so not mixed)
    no_argument: frozenset[str] = frozenset("%")
    #: numbered (`%1$d`) and unnumbered (`%d`) arguments are exclusive
    exclusive_numbering: bool = True
    #: `%0$` ends the directives; otherwise it is not read as a number at all
    zero_number_ends: bool = True
    #: `%%` is read before anything else (so `%1$%` is not one)
    percent_first: bool = False
    #: ISO C 99 <inttypes.h> macros, as in `%<PRIu64>`
    macros: bool = False
    #: `%N$` numbers an argument (else `N` is read as a width)
    numbered: bool = True


def printf_spans(value: str, msgstr: bool, dialect: PrintfDialect) -> list[tuple[int, int]]:
    """The directives of `value` up to the first invalid one, as `dialect`'s parser reads."""
    spans: list[tuple[int, int]] = []
    position = 0
    mixing = Mixing()
    flags = frozenset(dialect.flags + (dialect.translation_flags if msgstr else ""))
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        if dialect.percent_first and at(value, index) == "%":
            spans.append((start, index + 1))
            position = index + 1
            continue
        number = 0
        numbered = argument_number(value, index) if dialect.numbered else None
        if numbered is not None:
            if numbered[0] > 0:
                number, index = numbered
            elif dialect.zero_number_ends:
                return spans
        after = field_width(value, skip(value, index, flags), dialect.stars, mixing)
        if after is not None and at(value, after) == ".":
            after = field_width(value, after + 1, dialect.stars, mixing)
        if after is None:
            return spans
        index = after
        if dialect.macros and at(value, index) == "<":
            macro = _C99_MACRO.match(value, index + 1)
            if macro is None:
                return spans
            index, takes_argument = macro.end() - 1, True
        else:
            if dialect.sizes is not None:
                index = dialect.sizes.match(value, index).end()  # type: ignore[union-attr]
            conversion = at(value, index)
            if conversion not in dialect.conversions:
                return spans
            takes_argument = conversion not in dialect.no_argument
        if dialect.exclusive_numbering and takes_argument and not mixing.add(number > 0):
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


# --- C and Objective-C (format-c.c, format-c-parse.h) ----------------------------------------

_C_SIZES = re.compile(r"[hlLqjzZt]*")  # any run of them, as gettext reads sizes
_C_CONVERSIONS = frozenset("%cCsSidiouxXeEfFgGaApnm")
_C99_MACRO = re.compile(r"PRI[diouxX](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")
# `%[N$][flags][width][.precision][size]c` and `%<PRI...>`; a translation may use `I`
_C = PrintfDialect(
    flags=" +-#0'",
    translation_flags="I",
    conversions=_C_CONVERSIONS,
    sizes=_C_SIZES,
    no_argument=frozenset("%m"),
    macros=True,
)
_OBJC = replace(_C, conversions=_C_CONVERSIONS | {"@"})  # Objective-C's objects
_AWK = PrintfDialect(flags=" +-#0", conversions=frozenset("%csiduoxXeEfgG"))
_JAVASCRIPT = PrintfDialect(flags="-+ 0I", conversions=frozenset("%csbdoxXfj"), stars="none")
_TCL = PrintfDialect(
    flags=" +-#0",
    conversions=frozenset("csiduoxXeEfgG"),
    stars="plain",
    sizes=re.compile("[hl]?"),
    percent_first=True,
)
# Emacs Lisp's and librep's `format`: `%[N$][flags][width][.precision]c`, no argument counts
_ELISP = PrintfDialect(
    flags=" +-#0",
    conversions=frozenset("%cdixXoeEfgGsS"),
    stars="plain",
    exclusive_numbering=False,
    zero_number_ends=False,
)
_LIBREP = replace(_ELISP, flags="-^0+ ", conversions=frozenset("%cdxXosS"), stars="none")
# Lua's `string.format`: `%%`, or `%[width][.precision]c`; no flags, no argument numbers
_LUA = PrintfDialect(
    flags="",
    conversions=frozenset("cdiouXxaAEefgGsq"),
    stars="none",
    exclusive_numbering=False,
    zero_number_ends=False,
    percent_first=True,
    numbered=False,
)


def c_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return printf_spans(value, msgstr, _C)


def objc_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return printf_spans(value, msgstr, _OBJC)


# --- Python (format-python.c) -----------------------------------------------------------------

_PYTHON_CONVERSIONS = frozenset("%csraiduoxXeEfFgG")
_PYTHON_FLAGS = frozenset("-+ #0")
_PYTHON_SIZES = frozenset("hlL")


def python_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`%[(name)][flags][width][.precision][size]c` (format-python.c): named and unnamed
    arguments do not mix, and a named one takes no `*` width or precision."""
    spans: list[tuple[int, int]] = []
    position = 0
    named = unnamed = False
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        name = at(value, index) == "("
        if name:
            index = _closing_parenthesis(value, index + 1)
            if index < 0:
                return spans
        index = skip(value, index, _PYTHON_FLAGS)
        star = at(value, index) == "*"
        index = index + 1 if star else skip(value, index, DIGITS)
        if at(value, index) == ".":
            index += 1
            if at(value, index) == "*":
                star, index = True, index + 1
            else:
                index = skip(value, index, DIGITS)
        if at(value, index) in _PYTHON_SIZES:
            index += 1
        conversion = at(value, index)
        if conversion not in _PYTHON_CONVERSIONS:
            return spans
        if conversion != "%" or name:
            if name and (unnamed or star) or not name and named:
                return spans
            named, unnamed = named or name, unnamed or not name
        elif star and named:
            return spans
        spans.append((start, index + 1))
        position = index + 1
    return spans


def _closing_parenthesis(value: str, index: int) -> int:
    """The index after the `)` that closes the name starting at `index` (nested pairs
    allowed), or -1 if it is not closed."""
    depth = 0
    for position in range(index, len(value)):
        if value[position] == "(":
            depth += 1
        elif value[position] == ")":
            if depth == 0:
                return position + 1
            depth -= 1
    return -1


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
    return printf_spans(value, msgstr, _AWK)


def javascript_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return printf_spans(value, msgstr, _JAVASCRIPT)


def lua_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return printf_spans(value, msgstr, _LUA)


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
    return printf_spans(value, msgstr, _TCL)


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
    return printf_spans(value, msgstr, _ELISP)


def librep_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return printf_spans(value, msgstr, _LIBREP)
