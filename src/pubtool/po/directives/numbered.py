"""Numbered placeholders: Qt's and KDE's `%1`, KUIT markup, Smalltalk and YCP, as gettext
0.21's parsers mark them.

See `pubtool.po.directives`.
"""

from __future__ import annotations

import xml.parsers.expat

from pubtool.po.directives.scan import (
    DIGITS,
    HEX_DIGITS,
    NONZERO_DIGITS,
    at,
    skip,
)

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
