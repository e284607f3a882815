"""Brace and `$` placeholders: Python's `str.format`, Java MessageFormat, C#, shell and Perl
braces, as gettext 0.21's parsers mark them.

See `pubtool.po.directives`.
"""

from __future__ import annotations

from pubtool.po.directives.scan import (
    ASCII_LETTERS,
    DIGITS,
    HEX_DIGITS,
    WORD,
    at,
    skip,
)

# --- Python braces (format-python-brace.c) ----------------------------------------------------

_ALIGNMENTS = frozenset("<>=^")
_BRACE_TYPES = frozenset("bcdoxXneEfFgG%")


class _BraceError(Exception):
    """An invalid `{...}` directive; `offset` is where gettext marks the error."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def python_brace_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """What gettext 0.21 protects in a python-brace-format string: the string's *start*.

    Its parser (`{field}`, `.attr`, `[key]`, then a standard format spec or one nested
    `{field}`; `{{` is text; no `!r`) marks each directive relative to the directive's own
    `{` instead of the string's start (`format_start` is local to `parse_directive`).  So
    every valid directive marks a start at byte 0 and an end at its length less one, and
    the first invalid one marks its error at its own offset: the bytes after the first, up
    to the nearest of those marks, become unbreakable, unless that mark is an error.
    """
    ends: list[int] = []
    error: int | None = None
    index = 0
    while (start := value.find("{", index)) >= 0:
        try:
            index, counted = _brace_directive(value, start, toplevel=True)
        except _BraceError as invalid:
            error = invalid.offset
            break
        if counted:
            ends.append(_utf8_length(value[start : index - 1]))
    if not ends:
        return []
    size = _utf8_length(value)
    nearest = min(ends)
    if error is not None and error < size and error <= nearest:
        return []
    count = 0  # the characters starting at bytes 0 to `nearest`
    offset = 0
    for character in value:
        if offset > nearest:
            break
        count += 1
        offset += _utf8_length(character)
    return [(0, count)]


def python_brace_directives(value: str) -> list[tuple[int, int]]:
    """The true extents of the valid python-brace directives, up to the first invalid one
    (what `python_brace_spans` would mark if gettext counted from the string's start)."""
    spans: list[tuple[int, int]] = []
    index = 0
    while (start := value.find("{", index)) >= 0:
        try:
            index, counted = _brace_directive(value, start, toplevel=True)
        except _BraceError:
            break
        if counted:
            spans.append((start, index))
    return spans


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _brace_field(value: str, index: int, *, numeric: bool) -> int | None:
    """Past an ASCII identifier (or, if `numeric`, ASCII digits) at `index`."""
    character = at(value, index)
    if character in ASCII_LETTERS or character == "_":
        return skip(value, index + 1, WORD)
    if numeric and character in DIGITS:
        return skip(value, index + 1, DIGITS)
    return None


def _brace_directive(value: str, start: int, *, toplevel: bool) -> tuple[int, bool]:
    """Past the directive whose `{` is at `start`, and whether it counts as one."""

    def invalid(index: int, extra: int = 0) -> _BraceError:
        return _BraceError(_utf8_length(value[start:index]) + extra)

    index = start + 1
    if at(value, index) == "{":
        return index + 1, False
    end = _brace_field(value, index, numeric=True)
    if end is None:
        raise invalid(index)
    index = end
    while at(value, index) in (".", "["):
        getitem = value[index] == "["
        end = _brace_field(value, index + 1, numeric=getitem)
        if end is None:
            raise invalid(index + 1)
        index = end
        if getitem:
            if at(value, index) != "]":
                raise invalid(index, 1)  # gettext marks the byte after the wrong one
            index += 1
    if at(value, index) == ":":
        if not toplevel:
            raise invalid(index)
        index += 1
        if at(value, index) == "{":
            index = _brace_directive(value, index, toplevel=False)[0]
        else:  # [[fill]align][sign][#][0][width][.precision][type], fill one byte in gettext
            fill = at(value, index)
            if fill.isascii() and at(value, index + 1) in _ALIGNMENTS:
                index += 2
            elif fill in _ALIGNMENTS:
                index += 1
            if at(value, index) in ("+", "-", " "):
                index += 1
            for optional in ("#", "0"):
                if at(value, index) == optional:
                    index += 1
            index = skip(value, index, DIGITS)
            if at(value, index) == ".":
                index = skip(value, index + 1, DIGITS)
            if at(value, index) in _BRACE_TYPES:
                index += 1
    if at(value, index) != "}":
        raise invalid(index)
    return index + 1, toplevel


# --- Java MessageFormat (format-java.c) -------------------------------------------------------


def _java_quote(value: str, index: int, quoting: bool) -> tuple[int, bool]:
    """gettext's HANDLE_QUOTE: a lone `'` toggles quoting and is skipped; `''` is a quote."""
    if at(value, index) == "'":
        index += 1
        if at(value, index) != "'":
            quoting = not quoting
    return index, quoting


def _java_escape(value: str, index: int) -> int:
    """Past one character of a pattern, a `\\uXXXX` or `\\c` escape counting as one."""
    if at(value, index) != "\\":
        return index + 1
    if at(value, index + 1) == "u" and all(at(value, index + k) in HEX_DIGITS for k in range(2, 6)):
        return index + 6
    return index + 2


def java_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    _java_message(value, spans)
    return spans


def _java_message(value: str, spans: list[tuple[int, int]] | None) -> bool:
    """Whether `value` is a valid messageFormatPattern; records its directives in `spans`."""
    index = 0
    quoting = False
    while True:
        index, quoting = _java_quote(value, index, quoting)
        character = at(value, index)
        if not quoting and character == "{":
            start = index
            index += 1
            depth = 0
            while at(value, index) != "":
                if value[index] == "{":
                    depth += 1
                elif value[index] == "}":
                    if depth == 0:
                        break
                    depth -= 1
                index += 1
            if index >= len(value):
                return False
            element = value[start + 1 : index]
            index += 1
            if not _java_element(element):
                return False
            if spans is not None:
                spans.append((start, index))
        elif not quoting and character == "}":
            return False
        elif character != "":
            index += 1
        else:
            return True


def _java_element(element: str) -> bool:
    """An argument number, then optionally `,time`/`,date`/`,number`/`,choice` and a style."""
    end = skip(element, 0, DIGITS)
    if end == 0:
        return False
    rest = element[end:]
    if rest == "":
        return True
    for kind in (",time", ",date", ",number", ",choice"):
        if rest.startswith(kind):
            style = rest[len(kind) :]
            if style == "":
                return True
            if style[0] != ",":
                return False
            style = style[1:]
            if kind == ",number":
                return style in ("currency", "percent", "integer") or _java_number_format(style)
            if kind == ",choice":
                return _java_choice_format(style)
            return True  # a date pattern: any string is valid
    return False


def _java_number_format(value: str) -> bool:
    """DecimalFormat.applyPattern's syntax, as number_format_parse checks it."""
    index, quoting = _java_quote(value, 0, False)
    seen_semicolon = False  # never set, as in gettext
    while True:
        while at(value, index) != "" and (quoting or at(value, index) not in ("0", "#")):
            index = _java_escape(value, index)  # the prefix
            index, quoting = _java_quote(value, index, quoting)
        if quoting or at(value, index) not in ("0", "#"):
            return False
        for digit in "#0":  # the integer part
            while not quoting and at(value, index) == digit:
                index, quoting = _java_quote(value, index + 1, quoting)
                if not quoting and at(value, index) == ",":
                    index, quoting = _java_quote(value, index + 1, quoting)
        if not quoting and at(value, index) == ".":  # the fraction
            index, quoting = _java_quote(value, index + 1, quoting)
            for digit in "0#":
                while not quoting and at(value, index) == digit:
                    index, quoting = _java_quote(value, index + 1, quoting)
        if not quoting and at(value, index) == "E":  # the exponent
            saved = index
            index, quoting = _java_quote(value, index + 1, quoting)
            if not quoting and at(value, index) == "0":
                while not quoting and at(value, index) == "0":
                    index, quoting = _java_quote(value, index + 1, quoting)
            else:
                index, quoting = saved, False
        while at(value, index) != "" and (seen_semicolon or quoting or at(value, index) != ";"):
            index = _java_escape(value, index)  # the suffix
            index, quoting = _java_quote(value, index, quoting)
        if seen_semicolon or quoting or at(value, index) != ";":
            return at(value, index) == ""


def _java_choice_format(value: str) -> bool:
    """ChoiceFormat's syntax: `number<message|number#message|...`, as gettext checks it."""
    index, quoting = _java_quote(value, 0, False)
    if at(value, index) == "":
        return True

    def at_separator() -> bool:
        return not quoting and (
            at(value, index) in ("<", "#", "|") or value.startswith("\\u2264", index)
        )

    while True:
        number_nonempty = False
        while at(value, index) != "" and not at_separator():
            index = _java_escape(value, index)
            number_nonempty = True
            index, quoting = _java_quote(value, index, quoting)
        if at(value, index) == "":
            return True  # a short clause at the end is ignored
        if not number_nonempty:
            return False
        if at(value, index) in ("<", "#"):
            index += 1
        elif value.startswith("\\u2264", index):
            index += 6
        else:
            return False
        index, quoting = _java_quote(value, index, quoting)
        message: list[str] = []
        while at(value, index) != "" and (quoting or value[index] != "|"):
            message.append(value[index])
            index, quoting = _java_quote(value, index + 1, quoting)
        if not _java_message("".join(message), None):
            return False
        if at(value, index) == "":
            return True
        index, quoting = _java_quote(value, index + 1, quoting)


# --- C# (format-csharp.c) ---------------------------------------------------------------------


def csharp_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`{n[,[-]width][:format]}`; a doubled `{{` or `}}` is a directive too."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(value):
        character = value[index]
        start = index
        index += 1
        if character == "{":
            if at(value, index) == "{":
                index += 1
            else:
                if at(value, index) not in DIGITS:
                    return spans
                index = skip(value, index, DIGITS)
                if at(value, index) == ",":
                    index += 1
                    if at(value, index) == "-":
                        index += 1
                    if at(value, index) not in DIGITS:
                        return spans
                    index = skip(value, index, DIGITS)
                if at(value, index) == ":":
                    closing = value.find("}", index + 1)
                    index = len(value) if closing < 0 else closing
                if at(value, index) != "}":
                    return spans
                index += 1
            spans.append((start, index))
        elif character == "}":
            if at(value, index) != "}":
                return spans
            index += 1
            spans.append((start, index))
    return spans


# --- Shell (format-sh.c) ----------------------------------------------------------------------


def sh_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`$NAME` and `${NAME}`; anything else after a `$` ends the parse."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("$", position)) >= 0:
        index = start + 1
        if at(value, index) == "{":
            index += 1
            name_start = index
            while at(value, index) not in ("", "}"):
                character = value[index]
                if not character.isascii():
                    return spans
                if index > name_start and character in "-=+?:":
                    return spans
                if character not in WORD or (index == name_start and character in DIGITS):
                    return spans
                index += 1
            if at(value, index) == "" or index == name_start:
                return spans
            index += 1
        elif at(value, index) in ASCII_LETTERS or at(value, index) == "_":
            index = skip(value, index + 1, WORD)
        else:
            return spans
        spans.append((start, index))
        position = index
    return spans


# --- Perl braces (format-perl-brace.c) --------------------------------------------------------


def perl_brace_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    """`{name}` with an ASCII identifier; anything else is text, never an error."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := value.find("{", position)) >= 0:
        position = start + 1
        if at(value, position) in ASCII_LETTERS or at(value, position) == "_":
            end = skip(value, position + 1, WORD)
            if at(value, end) == "}":
                spans.append((start, end + 1))
                position = end + 1
    return spans
