"""Language-aware text helpers the checks and the glossary share."""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.cache
def base_language(language: str) -> str:
    """`az` for az, az_AZ, az-Latn: the part that decides spelling rules here."""
    return re.split(r"[-_@.]", language, maxsplit=1)[0].lower()


def fold_case(text: str, language: str) -> str:
    """Lower-case `text` by the rules of `language`.

    Azerbaijani (like Turkish) pairs İ with i and I with ı; Python's `str.lower` would turn
    "İyun" into "i̇yun" with a combining dot and "ILIN" into "ilin", so neither would match.
    Russian ё is folded to е, since most texts print "Черный" where a glossary has "Чёрный".
    """
    base = base_language(language)
    if base in {"az", "tr"}:
        text = text.replace("İ", "i").replace("I", "ı")
    text = text.lower()
    return text.replace("ё", "е") if base == "ru" else text


def _combining_marks() -> str:
    """A character class body of every combining mark (Mn, Mc, Me): vowel signs of Indic
    scripts, Arabic harakat, Persian ٔ are parts of words that Python's `\\w` leaves out."""
    ranges: list[str] = []
    start = previous = -2
    for code in range(0x300, 0x20000):
        if unicodedata.category(chr(code)) in {"Mn", "Mc", "Me"}:
            if code != previous + 1:
                if start >= 0:
                    ranges.append(_char_range(start, previous))
                start = code
            previous = code
    ranges.append(_char_range(start, previous))
    return "".join(ranges)


def _char_range(first: int, last: int) -> str:
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


#: For a regular expression's character class: every combining mark.
COMBINING_MARKS = _combining_marks()
#: A word of any script, its combining marks and joiners included.
WORD = rf"[^\W\d_](?:[^\W\d_]|[{COMBINING_MARKS}\u200c\u200d])*"


_HEBREW_LETTER = "\u05d0-\u05ea"
#: ASCII quotes typed for the Hebrew gershayim (ד"ר, מנכ"לית: between two Hebrew letters)
#: and geresh (ג'ורג', יאנ': after a Hebrew letter): abbreviation marks, not quotes.
_HEBREW_MARKS = re.compile(
    rf"(?<=[{_HEBREW_LETTER}])[\"\u201d](?=[{_HEBREW_LETTER}])|(?<=[{_HEBREW_LETTER}])['\u2019]"
)


_ANY_HEBREW_LETTER = re.compile(f"[{_HEBREW_LETTER}]")


def with_hebrew_marks(text: str) -> str:
    """`text` with ASCII (or curly) quotes used as gershayim and geresh replaced by those
    marks (U+05F4, U+05F3), so that they are not read as quotation marks."""
    if _ANY_HEBREW_LETTER.search(text) is None:
        return text
    return _HEBREW_MARKS.sub(
        lambda match: "\u05f4" if match.group(0) in "\"\u201d" else "\u05f3", text
    )
