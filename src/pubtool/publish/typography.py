"""Typewriter punctuation set as print, when the booklet is set: the text itself never changes.

Statements are the record and keep their characters; catalogs are the translators'. What a
reader of the printed page sees is the language's quotes for straight ones, a dash for a
spaced hyphen, an en dash in a range of numbers, `’` for an apostrophe. Quotes and dashes are
the project's house style for the language (`[tool.pubtool.style.<lang>]`), else its
defaults (`pubtool.checks.style`).
"""

from __future__ import annotations

import re

from pubtool.checks.style import HouseStyle

_SPACED_HYPHEN = re.compile(r"(?<=\S) +- +(?=\S)")
_NUMBER_RANGE = re.compile(r"(?<![\w\-./:=?&#])(\d{1,4})-(\d{1,4})(?![\w\-./:])")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
#: A straight double quote inside a Hebrew word is a gershayim typed on a keyboard (ד"ר,
#: מנכ"ל), a straight single quote after a Hebrew letter a geresh (ג'ורג'): abbreviation and
#: transliteration marks, set as the Hebrew marks, never as quotation marks.
_HEBREW_GERSHAYIM = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')
_HEBREW_GERESH = re.compile(r"(?<=[\u05d0-\u05ea])'")
_OPENS_AFTER = " \t\n\u00a0([{\u2014\u2013/"
_ENGLISH_QUOTES = ("“", "”", "‘", "’")


def set_punctuation(text: str, style: HouseStyle, before: str = " ") -> str:
    """`text` with straight quotes as the language prints them, ` - ` as its dash (a no-break
    space before it, so no line starts with a dash), `19-20` as `19–20`, and an apostrophe
    between letters as `’`. `before` is the character preceding `text` in its paragraph."""
    text = _NUMBER_RANGE.sub("\\1\u2013\\2", text)
    if " - " in text:
        dash = style.dash or "\u2013"
        spaced = f"\u00a0{dash} " if style.dash_spacing != "closed" else dash
        text = _SPACED_HYPHEN.sub(spaced, text)
    if "'" not in text and '"' not in text:
        return text
    text = _HEBREW_GERESH.sub("\u05f3", _HEBREW_GERSHAYIM.sub("\u05f4", text))
    text = _APOSTROPHE.sub("\u2019", text)
    opening, closing, nested_opening, nested_closing = style.quotes or _ENGLISH_QUOTES
    result = []
    previous = before or " "
    for character in text:
        if character == '"':
            character = opening if previous in _OPENS_AFTER else closing
        elif character == "'":
            character = nested_opening if previous in _OPENS_AFTER + opening else nested_closing
        result.append(character)
        previous = character
    return "".join(result)


SHORT_LAST_WORD = 4
"""Letters: a heading's last word this short never stands alone on its last line (a runt:
«бюджет на 2027 / рік»); it takes the word before it along."""

_RUNT = re.compile(rf"(?<=\S)[ \t]+(?=[^\s]{{1,{SHORT_LAST_WORD}}}[.!?…:»”’)\]*_]*\s*$)")


def without_runt(text: str) -> str:
    """`text` (a heading) with a no-break space before its last word when that word is short
    and the heading has at least three words: a line of a heading never holds one short
    word alone. The text is typesetting only: catalogs and statements keep their spaces."""
    if len(text.split()) < 3:
        return text
    return _RUNT.sub("\u00a0", text, count=1)
