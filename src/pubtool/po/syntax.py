"""The words of PO syntax: quoted strings and their escapes, `#:` references, logical lines.

What gettext's lexer accepts, and nothing else, each error with its line: the parser in
`po/read.py` puts these together into messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pubtool.po.write import excerpt

__all__ = [
    "KEYWORD",
    "SIMPLE_STRING",
    "PoSyntaxError",
    "has_splice",
    "joined",
    "logical_lines",
    "parse_references",
    "parse_string",
    "parse_strings",
    "unescaped",
]


class PoSyntaxError(Exception):
    """What gettext would refuse, and the line where it stands (turned into CatalogError)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[[0-9]+\]|msgstr)(?![\w\[])\s*")
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
}


_SPLICE = re.compile(r"\\\n")


def has_splice(text: str) -> bool:
    """Whether some line ends in a backslash.

    The regex engine finds that about twice as fast as `in` in a long text: `in` keys on
    the newline, which is common.
    """
    return _SPLICE.search(text) is not None


def logical_lines(text: str) -> Iterable[tuple[int, str]]:
    """Lines as gettext's lexer sees them, each with the number of its first physical line.

    Like C, gettext joins a line that ends in a backslash to the next one, anywhere.
    """
    if not has_splice(text):  # nothing to join, the common case: no list of pairs to build
        return enumerate(text.split("\n"), start=1)
    physical = text.split("\n")
    lines: list[tuple[int, str]] = []
    start, pending = 1, ""
    for number, line in enumerate(physical, start=1):
        if line.endswith("\\") and number < len(physical):
            pending += line[:-1]
            continue
        lines.append((start, pending + line))
        start, pending = number + 1, ""
    return lines


def joined(value: str, more: str) -> str:
    """Concatenate as gettext does, as bytes: escaped bytes split over strings join up.

    Only bytes that are not valid UTF-8 on their own (surrogates here) can join up with
    what follows them, and only with such bytes: otherwise the strings just concatenate.
    """
    if not ("\udc80" <= value[-1:] <= "\udcff" and "\udc80" <= more[:1] <= "\udcff"):
        return value + more
    as_bytes = (value + more).encode("utf-8", errors="surrogateescape")
    return as_bytes.decode("utf-8", errors="surrogateescape")


def parse_strings(text: str, number: int) -> list[str]:
    """The quoted strings on one line, unescaped; nothing else may stand there."""
    strings = []
    position = 0
    while position < len(text):
        if text[position] in " \t":
            position += 1
            continue
        if text[position] != '"':
            raise PoSyntaxError(f"unexpected text {excerpt(text[position:])}", number)
        match = SIMPLE_STRING.match(text, position)
        if match is None:  # other escapes, or an error: the exact path says which
            value, position = parse_string(text, position + 1, number)
        else:
            value, position = unescaped(match[1]), match.end()
        strings.append(value)
    if not strings:
        raise PoSyntaxError("a keyword without a string", number)
    return strings


# A string whose escapes are all C's one-character ones (`\\n`, `\\"`, …): the common case.
SIMPLE_STRING = re.compile(r'"([^"\\]*(?:\\[ntrabfv\\"][^"\\]*)*)"')
_SIMPLE_ESCAPE = re.compile(r"\\(.)")


def unescaped(body: str) -> str:
    """A string matched by `SIMPLE_STRING`, as `parse_string` would return it.

    Those escapes stand for ASCII bytes, and the string starts and ends next to ASCII
    quotes.  UTF-8 decoding resynchronises at every ASCII byte, so decoding the string's
    bytes on their own gives back exactly the characters (and surrogates) the file's
    decoding gave: only the escapes need replacing.
    """
    if "\\" not in body:
        return body
    return _SIMPLE_ESCAPE.sub(lambda match: _SIMPLE_ESCAPES[match[1]], body)


def parse_string(text: str, position: int, number: int) -> tuple[str, int]:
    """One string from just after its opening quote; returns it and the position after it.

    gettext strings are bytes, so `\\x..` and octal escapes are bytes too: the value is
    assembled as bytes and decoded at the end (invalid UTF-8 stays visible as surrogates).
    """
    value = bytearray()
    while position < len(text):
        character = text[position]
        if character == '"':
            return value.decode("utf-8", errors="surrogateescape"), position + 1
        if character == "\\":
            escaped, position = _parse_escape(text, position + 1, number)
            value += escaped
            continue
        value += character.encode("utf-8", errors="surrogateescape")
        position += 1
    raise PoSyntaxError("unterminated string: the closing quote is missing", number)


def _parse_escape(text: str, position: int, number: int) -> tuple[bytes, int]:
    """The escape sequences gettext's lexer accepts: C's, octal and hexadecimal."""
    if position >= len(text):
        raise PoSyntaxError("unterminated string: it ends in a backslash", number)
    character = text[position]
    if character in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[character].encode(), position + 1
    if character == "x":
        digits, base = _HEX.match(text, position + 1), 16
    else:
        digits, base = _OCTAL.match(text, position), 8
    if digits is None:
        if "\udc80" <= character <= "\udcff":  # a byte that is not UTF-8 (surrogateescape)
            what = f": a backslash before the byte 0x{ord(character) - 0xDC00:02X}"
        else:
            what = f" \\{character}"
        raise PoSyntaxError(f"invalid escape sequence{what}", number)
    byte = int(digits[0], base)
    if not 0 < byte <= 0xFF:
        sequence = text[position - 1 : digits.end()]
        raise PoSyntaxError(f"escape sequence {sequence} is not a byte other than 0", number)
    return bytes([byte]), digits.end()


def _is_number(text: str) -> bool:
    return re.fullmatch("[0-9]+", text) is not None


# `file:line` words: the common case, read without looking at the words around them.
_PLAIN_REFERENCE = re.compile(r"[ \t]*([^ \t:][^ \t]*):([0-9]+)(?![^ \t])[ \t]*")
_PLAIN_REFERENCES = re.compile(rf"(?:{_PLAIN_REFERENCE.pattern})*")


def parse_references(text: str) -> list[tuple[str, str]]:
    """`#:` references as gettext reads them: `file:line`, `file: line`, `file :line`, `file`."""
    if one := _PLAIN_REFERENCE.fullmatch(text):
        return [(one[1], str(int(one[2])))]
    if _PLAIN_REFERENCES.fullmatch(text):
        # no word starts with a colon or lacks its line: each word is a reference on its own
        plain = [(path, str(int(line))) for path, line in _PLAIN_REFERENCE.findall(text)]
        return list(dict.fromkeys(plain))
    words = [word for word in re.split(r"[ \t]+", text) if word]
    references: list[tuple[str, str]] = []
    index = 0
    while index < len(words):
        word, following = words[index], words[index + 1 : index + 3]
        if following and re.fullmatch(r":[0-9]+", following[0]):
            path, line, index = word, following[0][1:], index + 2
        elif following[:1] == [":"] and len(following) > 1 and _is_number(following[1]):
            path, line, index = word, following[1], index + 3
        elif word.endswith(":") and following and _is_number(following[0]):
            path, line, index = word[:-1], following[0], index + 2
        elif match := re.fullmatch(r"(.+):([0-9]+)", word):
            path, line, index = match[1], match[2], index + 1
        else:
            path, line, index = word, "", index + 1
        reference = (path, str(int(line)) if line else "")
        if reference not in references:
            references.append(reference)
    return references


# --- checks on a parsed file ---------------------------------------------------------------
