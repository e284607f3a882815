"""Typewriter punctuation set as print, when the booklet is set: the text itself never changes.

Statements are the record and keep their characters; catalogs are the translators'. What a
reader of the printed page sees is the language's quotes for straight ones, a dash for a
spaced hyphen, an en dash in a range of numbers, `’` for an apostrophe. Quotes and dashes are
the project's house style for the language (`[tool.pubtool.style.<lang>]`), else its
defaults (`pubtool.checks.style`).
"""

from __future__ import annotations

import re

from markupsafe import Markup

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


LAST_WORDS = 20
"""Characters: a heading's last two words up to this long stay together, so its last line
never holds one word alone (a runt: «бюджет на 2027 / рік», «bağlı / bəyanatı»)."""

NUMBER_WORD = 12
"""Characters: a word up to this long after a number stays with it (20 Yanvar, 2027 рік),
as does a day after its month (January 20)."""

_GLUE = "\x00"  # a space that must not break, while the joins are found
#: `30-cu`, `36-ї`, `1990-cı`: a number and its suffix, which must not break at the hyphen.
_SUFFIXED_NUMBER = re.compile(r"(?<![\w.,:-])\d{1,4}-[^\W\d]{1,4}\b")
#: A number (with its suffix) and a short word after it; not the end of a decimal (3.11).
_NUMBER_THEN_WORD = re.compile(
    rf"(?<![\w.,:-])(\d{{1,4}}(?:-[^\W\d]{{1,4}})?) "
    rf"(?=[^\W\d][^\s{_GLUE}]{{0,{NUMBER_WORD - 1}}}(?:[\s{_GLUE}]|$))"
)
#: A capitalised word (a month) and a day after it: not a time, a decimal or an ordinal.
_MONTH_THEN_DAY = re.compile(r"\b([^\W\d_]+) (?=\d{1,2}\b(?![.:]\d|-))")
_TAG = re.compile(r"(<[^>]*>)")
#: A run of words glued together, or a number with its suffix: what a span keeps whole.
_TOKEN = re.compile(rf"[^ ]*{_GLUE}[^ ]*|{_SUFFIXED_NUMBER.pattern}\S*")


def heading_breaks(html: Markup) -> Markup:
    """`html` (a heading as set) with `nowrap` spans where a line break would read badly:
    a number and its suffix (`30-cu`), a number and the word after it, a capitalised word
    (a month) and the day after it, and the last two words when they are short together.
    The characters stay as they are, so copying, searching and bookmarks read the text
    as written."""
    parts = _TAG.split(str(html))
    texts = [index for index in range(0, len(parts), 2) if parts[index].strip()]
    for index in texts:
        text = _NUMBER_THEN_WORD.sub(lambda match: match[1] + _GLUE, parts[index])
        text = _MONTH_THEN_DAY.sub(
            lambda match: match[1] + (_GLUE if match[1][0].isupper() else " "), text
        )
        if index == texts[-1] and len(_words(parts)) >= 3:
            text = _join_last_two(text)
        parts[index] = _TOKEN.sub(_nowrap, text)
    return Markup("".join(parts))


def _words(parts: list[str]) -> list[str]:
    return " ".join(parts[index] for index in range(0, len(parts), 2)).split()


def _join_last_two(text: str) -> str:
    """The last space glued when the two words around it are short together."""
    body = text.rstrip()
    head, space, last = body.rpartition(" ")
    if not space:
        return text
    previous = head.rpartition(" ")[2]
    if len(previous.replace(_GLUE, " ")) + 1 + len(last.replace(_GLUE, " ")) > LAST_WORDS:
        return text
    return f"{head}{_GLUE}{last}{text[len(body):]}"


def _nowrap(match: re.Match[str]) -> str:
    return f'<span class="nowrap">{match[0].replace(_GLUE, " ")}</span>'
