"""Lisp's and Scheme's `~` directives, as gettext 0.21's parsers mark them.

See `pubtool.po.directives`.
"""

from __future__ import annotations

import contextlib

from pubtool.po.directives.scan import (
    DIGITS,
    at,
    skip,
)

# --- Lisp and Scheme (format-lisp.c, format-scheme.c) -----------------------------------------

# Each directive's parameter types, as check_params checks them: I an integer, C a character,
# T either.  A directive that encloses others (`~(...~)`, `~[...~]`, `~{...~}`, `~<...~>`)
# is one directive from its `~` to the end of its closing directive: gettext's parser marks
# nothing inside it.
_LISP_PARAMETERS = {
    **dict.fromkeys("AaSs$<", "IIIC"),
    **dict.fromkeys("WwPpCc\n_?(/!", ""),
    **dict.fromkeys("DdBbOoXx", "ICCI"),
    **dict.fromkeys("Rr", "IICCI"),
    **dict.fromkeys("Ff", "IIICC"),
    **dict.fromkeys("EeGg", "IIIICCC"),
    **dict.fromkeys("%&|~Ii*{", "I"),
    **dict.fromkeys("Tt", "II"),
    "^": "TTT",
}
_SCHEME_PARAMETERS = {
    **dict.fromkeys("AaSs$", "IIIC"),
    **dict.fromkeys("Cc%&_/|~*{", "I"),
    **dict.fromkeys("DdBbOoXx", "ICCI"),
    **dict.fromkeys("Rr", "IICCI"),
    **dict.fromkeys("FfIi", "IIICC"),
    **dict.fromkeys("EeGg", "IIIICCC"),
    **dict.fromkeys("PpYy!\nQq?Kk(", ""),
    **dict.fromkeys("Tt", "IIC"),
    "^": "TTT",
}


class _Invalid(Exception):
    """A Lisp or Scheme format string is invalid from here on."""


class _TildeParser:
    """parse_upto of format-lisp.c and format-scheme.c, for extents only."""

    def __init__(self, value: str, parameters: dict[str, str], *, lisp: bool) -> None:
        self.value = value
        self.parameters = parameters
        self.lisp = lisp  # Common Lisp also has `~<...~>`, `~/name/` and an unchecked `~!`
        self.closers = ")]}>" if lisp else ")]}"

    def upto(
        self, index: int, terminator: str, separator: bool, spans: list[tuple[int, int]] | None
    ) -> tuple[int, int]:
        """Parse until `~terminator`: (the index after it, 1 or 2 if `~;` or `~:;` ended it).

        Only the top level records directives (`spans`), as gettext's parser only marks
        them there.
        """
        value = self.value
        while (start := value.find("~", index)) >= 0:
            index, params, colon, atsign = self.prefix(start + 1)
            directive = at(value, index)
            index += 1
            if directive != "" and directive in self.closers:
                if terminator != directive:
                    raise _Invalid
                self.check(params, "")
                return index, 0
            if directive == ";":
                if not separator:
                    raise _Invalid
                self.check(params, "I" if terminator == ">" else "")
                return index, 2 if colon else 1
            if directive == "[":
                index = self.conditional(index, params, colon=colon, atsign=atsign)
            else:
                expected = self.parameters.get(directive)
                if expected is None:
                    raise _Invalid
                if not (self.lisp and directive == "!"):
                    self.check(params, expected)
                if directive == "*" and params[0][0] == "I" and params[0][1] < 0:
                    raise _Invalid  # a negative goto
                if directive == "/" and self.lisp:
                    closing = value.find("/", index)
                    if closing < 0:
                        raise _Invalid
                    index = closing + 1
                elif directive in ("(", "{"):
                    index = self.upto(index, ")" if directive == "(" else "}", False, None)[0]
                elif directive == "<":
                    ended = 1
                    while ended:
                        index, ended = self.upto(index, ">", True, None)
            if spans is not None:
                spans.append((start, index))
        if terminator:
            raise _Invalid  # the string ends before the closing directive
        return len(value), 0

    def conditional(
        self, index: int, params: list[tuple[str, int]], *, colon: bool, atsign: bool
    ) -> int:
        """Past the clauses of `~[`, `~:[` or `~@[` and the closing `~]`."""
        if atsign and colon:
            raise _Invalid
        if atsign:
            self.check(params, "")
            return self.upto(index, "]", False, None)[0]
        if colon:
            self.check(params, "")
            index, ended = self.upto(index, "]", True, None)
            if not ended:
                raise _Invalid  # `~:[` needs two clauses
            return self.upto(index, "]", False, None)[0]
        self.check(params, "I")
        last = False
        while True:
            index, ended = self.upto(index, "]", not last, None)
            if ended == 2:
                last = True
            if not ended:
                return index

    def prefix(self, index: int) -> tuple[int, list[tuple[str, int]], bool, bool]:
        """Past the parameters and modifiers of a directive: (index, params, `:`, `@`).

        A parameter's kind: "I" an integer, "C" a character, "V" `V`, "#" `#`, "" none.
        """
        value = self.value
        params: list[tuple[str, int]] = []
        while True:
            character = at(value, index)
            kind, number = "", 0
            if character in DIGITS or character in ("+", "-"):
                kind = "I"
                digits = index + 1 if character in ("+", "-") else index
                end = skip(value, digits, DIGITS)
                if end == digits:
                    raise _Invalid
                number = int(value[index:end])
                index = end
            elif character == "'":
                kind = "C"  # one byte in gettext: a non-ASCII character ends the parse
                if at(value, index + 1) == "" or not value[index + 1].isascii():
                    raise _Invalid
                index += 2
            elif character in ("V", "v", "#"):
                kind = "#" if character == "#" else "V"
                index += 1
            params.append((kind, number))
            if at(value, index) != ",":
                break
            index += 1
        colon = atsign = False
        while at(value, index) in (":", "@"):
            colon = colon or value[index] == ":"
            atsign = atsign or value[index] == "@"
            index += 1
        return index, params, colon, atsign

    @staticmethod
    def check(params: list[tuple[str, int]], expected: str) -> None:
        """check_params: no parameter of the wrong type, none beyond the expected ones.

        `expected` holds one letter a parameter: I an integer, C a character, T either.
        """
        for position, (kind, _) in enumerate(params):
            if position >= len(expected):
                if kind in ("I", "C", "#"):
                    raise _Invalid  # too many parameters
            elif (expected[position] == "C" and kind in ("I", "#")) or (
                expected[position] == "I" and kind == "C"
            ):
                raise _Invalid


def lisp_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return _tilde_spans(value, _LISP_PARAMETERS, lisp=True)


def scheme_spans(value: str, msgstr: bool) -> list[tuple[int, int]]:
    return _tilde_spans(value, _SCHEME_PARAMETERS, lisp=False)


def _tilde_spans(value: str, parameters: dict[str, str], *, lisp: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    with contextlib.suppress(_Invalid):
        _TildeParser(value, parameters, lisp=lisp).upto(0, "", False, spans)
    return spans
