"""Where the format directives of a string are, as gettext's format parsers mark them.

gettext's writer (`wrap()` in write-po.c) never breaks a line inside a valid format
directive: for the first language among the message's `*-format` flags (in gettext's order)
it runs that language's parser over the string, and every character of a directive but the
first becomes unbreakable.  A parser stops at the first invalid directive; that directive
and everything after it are left breakable, as in gettext.

Only the directive *extents* matter here, not argument types, so each parser below follows
the syntax of gettext 0.21's `format-*.c` and ignores what it checks about arguments
(except where a check ends the parse early, e.g. Python's named and unnamed arguments).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pubtool.po.flags import FORMAT_LANGUAGES, parse_flags

__all__ = ["directive_spans", "format_language", "unbreakable_positions"]

# A parser returns the spans (start, end), end exclusive, of the valid directives before the
# first error.
_Parser = Callable[[str, bool], list[tuple[int, int]]]


def format_language(flags: Iterable[str]) -> str | None:
    """The language whose parser gettext's writer uses: the first possible one, in order."""
    try:
        formats = parse_flags(flags).formats
    except ValueError:
        return None
    for language in FORMAT_LANGUAGES:
        if formats.get(language) == "yes":
            return language
    return None


def directive_spans(value: str, language: str, *, msgstr: bool = False) -> list[tuple[int, int]]:
    """The valid directives of `value` in `language`'s format syntax, up to the first error."""
    parser = _PARSERS.get(language)
    return parser(value, msgstr) if parser is not None else []


def unbreakable_positions(value: str, language: str | None, *, msgstr: bool) -> frozenset[int]:
    """Indexes into `value` before which gettext never breaks: inside a directive."""
    if language is None or not value:
        return frozenset()
    return frozenset(
        index
        for start, end in directive_spans(value, language, msgstr=msgstr)
        for index in range(start + 1, end)
    )


# --- C (format-c.c, format-c-parse.h) ---------------------------------------------------------

_C_SIZES = re.compile(r"hh|h|ll|l|L|q|j|z|Z|t")
_C_CONVERSIONS = set("%cCsSidiouxXeEfFgGaApn")


def _c_number(value: str, index: int) -> int:
    """Past a width or precision: `*` (with an optional `N$`) or ASCII digits."""
    if index < len(value) and value[index] == "*":
        star = re.match(r"[0-9]+\$", value[index + 1 :])
        return index + 1 + (star.end() if star else 0)
    while index < len(value) and value[index].isdigit() and value[index].isascii():
        index += 1
    return index


def _c_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(value)
    while True:
        start = value.find("%", position)
        if start < 0:
            return spans
        index = start + 1
        positional = re.match(r"[0-9]+\$", value[index:])
        if positional:
            index += positional.end()
        while index < length and (value[index] in " +-#0'" or (msgstr and value[index] == "I")):
            index += 1
        index = _c_number(value, index)  # the width
        if index < length and value[index] == ".":
            index = _c_number(value, index + 1)  # the precision
        if index < length and value[index] == "<":
            end = value.find(">", index)
            if end < 0:
                return spans
            index = end + 1
        else:
            size = _C_SIZES.match(value, index)
            if size:
                index = size.end()
        if index >= length or value[index] not in _C_CONVERSIONS:
            return spans
        spans.append((start, index + 1))
        position = index + 1


# --- Python (format-python.c) -----------------------------------------------------------------

_PYTHON_CONVERSIONS = set("%csraiduoxXeEfFgG")


def _python_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
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


# --- Python braces (format-python-brace.c) ----------------------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+")


def _python_brace_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    index = 0
    length = len(value)
    while index < length:
        character = value[index]
        if value.startswith("{{", index) or value.startswith("}}", index):
            index += 2
        elif character == "{":
            end = _brace_directive(value, index + 1, toplevel=True)
            if end is None:
                return spans
            spans.append((index, end))
            index = end
        else:
            index += 1
    return spans


def _brace_directive(value: str, index: int, *, toplevel: bool) -> int | None:
    """The index just after the `}` closing the directive whose `{` is before `index`."""
    name = _IDENTIFIER.match(value, index)
    if name is None:
        return None
    index = name.end()
    while index < len(value) and value[index] in ".[":
        if value[index] == ".":
            attribute = _IDENTIFIER.match(value, index + 1)
            if attribute is None or attribute[0][0].isdigit():
                return None
            index = attribute.end()
        else:
            closing = value.find("]", index + 1)
            if closing <= index + 1:
                return None
            index = closing + 1
    if index < len(value) and value[index] == ":":
        index += 1
        while index < len(value) and value[index] != "}":
            if value[index] == "{":
                if not toplevel:
                    return None
                nested = _brace_directive(value, index + 1, toplevel=False)
                if nested is None:
                    return None
                index = nested
            else:
                index += 1
    if index >= len(value) or value[index] != "}":
        return None
    return index + 1


_PARSERS: dict[str, _Parser] = {
    "c": _c_spans,
    "objc": _c_spans,
    "python": _python_spans,
    "python-brace": _python_brace_spans,
}
