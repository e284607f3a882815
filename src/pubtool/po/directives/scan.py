"""What the format-directive parsers share: reading a string as gettext's C parsers do."""

from __future__ import annotations

from typing import Literal

# gettext's parsers read bytes of the catalog's encoding (UTF-8 here) and test ASCII classes
# (`isdigit`, `c_isalnum`), so the tests below are ASCII-only on purpose.

DIGITS = frozenset("0123456789")
NONZERO_DIGITS = frozenset("123456789")
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
WORD = ASCII_LETTERS | DIGITS | {"_"}


def at(value: str, index: int) -> str:
    """The character at `index`, or "" past the end (where C sees the terminating NUL)."""
    return value[index] if index < len(value) else ""


def skip(value: str, index: int, characters: frozenset[str]) -> int:
    while at(value, index) in characters:
        index += 1
    return index


def argument_number(value: str, index: int) -> tuple[int, int] | None:
    """`N$` at `index`: (N, the index after `$`), or None if there is none."""
    end = skip(value, index, DIGITS)
    if end == index or at(value, end) != "$":
        return None
    return int(value[index:end]), end + 1


class Mixing:
    """Numbered (`%1$d`) and unnumbered (`%d`) arguments, which some languages keep apart."""

    def __init__(self) -> None:
        self.numbered = 0
        self.unnumbered = 0

    def add(self, numbered: bool) -> bool:
        """Count one argument; False if it mixes the two kinds."""
        if numbered:
            if self.unnumbered:
                return False
            self.numbered += 1
        else:
            if self.numbered:
                return False
            self.unnumbered += 1
        return True


def star_argument(value: str, index: int, mixing: Mixing) -> int | None:
    """Past a `*` or `*N$` width or precision argument (awk, boost), or None if invalid."""
    index += 1
    number = 0
    numbered = argument_number(value, index)
    if numbered is not None:
        number, index = numbered
        if number == 0:
            return None
    return index if mixing.add(number > 0) else None


Stars = Literal["argument", "plain", "none"]


def field_width(value: str, index: int, stars: Stars, mixing: Mixing) -> int | None:
    """Past a width or precision at `index` (digits, or a `*` as `stars` allows), or None.

    "argument": `*` or `*N$`, an argument counted in `mixing` (C, awk, boost); "plain": a
    bare `*` (Tcl, Emacs Lisp); "none": digits only.  None when a `*N$` is invalid.
    """
    if stars != "none" and at(value, index) == "*":
        return star_argument(value, index, mixing) if stars == "argument" else index + 1
    return skip(value, index, DIGITS)


HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
