"""CLDR data through Babel, for the checks: number symbols and month names of any language.

A hand table is kept only for what CLDR lacks (see `numbers.py` and `dates.py`).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_month_names
from babel.localedata import locale_identifiers
from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern

from pubtool.checks.language import base_language, fold_case

#: The English month names sources are written with, from CLDR (`get_month_names`).
ENGLISH_MONTHS: tuple[str, ...] = tuple(
    get_month_names("wide", "format", "en")[month] for month in range(1, 13)
)
SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
APOSTROPHES = "'\u2019\u02bc"  # Swiss 1'000 is typed with any of these


_SCRIPT_MODIFIERS = {"@latin": "Latn", "@cyrillic": "Cyrl"}


@functools.cache
def cldr_locale(language: str) -> Locale | None:
    """Babel's locale for a catalog language (`pt_BR`, `sr@latin`, `zh-Hans`), or None.

    gettext's script modifiers name CLDR scripts: `sr@latin` is `sr_Latn`.
    """
    candidates = [language.replace("-", "_"), base_language(language)]
    for modifier, script in _SCRIPT_MODIFIERS.items():
        if language.endswith(modifier):
            candidates.insert(0, f"{base_language(language)}_{script}")
    for candidate in candidates:
        try:
            return Locale.parse(candidate)
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    return None


@functools.cache
def writing_script(language: str) -> str | None:
    """The ISO 15924 script `language` is written in (`Latn`, `Cyrl`, `Arab`...): the one its
    tag names (`sr_Latn`, `sr@latin`), else the one CLDR's likely subtags give it (`az` is
    `az_Latn_AZ`, `sr` is `sr_Cyrl_RS`); None for a language CLDR does not know."""
    locale = cldr_locale(language)
    if locale is not None and locale.script:
        return str(locale.script)
    likely = get_global("likely_subtags")
    for candidate in (language.replace("-", "_"), base_language(language)):
        parts = str(likely.get(candidate, "")).split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            return parts[1]
    return None


#: What translators write beside CLDR's symbols: Azerbaijani texts group thousands with
#: spaces as often as with CLDR's full stop.
_EXTRA_GROUP_SYMBOLS = {"az": SPACES}


@dataclass(frozen=True)
class NumberSymbols:
    """The decimal and group separators of a language, in all its numbering systems."""

    decimal: str
    group: str
    #: Secondary group sizes: 3 everywhere, and 2 where CLDR's decimal pattern groups
    #: lakhs and crores (Hindi 12,34,567); three-digit groups are always read too.
    secondary_groups: tuple[int, ...] = (3,)


@functools.cache
def number_symbols(language: str) -> NumberSymbols:
    """Separators from CLDR (`babel.numbers.get_decimal_symbol`/`get_group_symbol`) for the
    locale's Latin digits and each of its native numbering systems (Arabic ٫ and ٬).

    A space-like group symbol (Russian no-break space, French narrow no-break space) accepts
    every kind of space, and an apostrophe (Swiss 1'000) every apostrophe, since editors
    and keyboards turn one into the other. A language Babel does not know reads numbers as
    English does.
    """
    locale = cldr_locale(language)
    if locale is None:
        return NumberSymbols(decimal=".", group=",")
    systems = {"latn", locale.default_numbering_system, *locale.other_numbering_systems.values()}
    decimal, group = set(), set(_EXTRA_GROUP_SYMBOLS.get(base_language(language), ""))
    for system in sorted(systems):
        if system not in locale.number_symbols:
            continue
        decimal.add(get_decimal_symbol(locale, numbering_system=system))
        group.add(get_group_symbol(locale, numbering_system=system))
    for symbol in list(group):
        if symbol.isspace():
            group.update(SPACES)
        elif symbol in APOSTROPHES:
            group.update(APOSTROPHES)
    decimal = {symbol for symbol in decimal if len(symbol) == 1}
    group = {symbol for symbol in group if len(symbol) == 1} - decimal
    secondary = {3}
    for pattern in locale.decimal_formats.values():
        secondary.add(parse_pattern(pattern).grouping[1])
    return NumberSymbols(decimal="".join(sorted(decimal)), group="".join(sorted(group)),
                         secondary_groups=tuple(sorted(size for size in secondary if size > 0)))


#: One-letter words glued to the next word ("בינואר" in January, "وفي يناير"): CLDR's own
#: Hebrew date pattern writes "d בMMMM y".
_CLITIC_PREFIXES = {
    "he": ("ב", "ה", "ו", "ל", "מ", "ש", "כ", "וב", "וה", "ול", "מה", "שב", "שה"),
    "ar": ("و", "ب", "ل", "ف", "ك", "وب", "ول", "وف", "لل", "ال"),
    "fa": ("ب",),
}
#: Month names in wide use that CLDR does not list (Persian آگوست beside CLDR's اوت).
_EXTRA_MONTH_NAMES = {"fa": {8: ("آگوست",)}}
#: How many letters an inflected month may add to the stem its CLDR forms share.
_STEM_ENDING = 6
_STEM_MINIMUM = 3


@dataclass(frozen=True)
class MonthVocabulary:
    """How a language names months, from CLDR (Babel's `Locale.months`): every form of
    every regional variant of the language in the same script.

    `words` (format and stand-alone wide: the genitive "января" and the nominative
    "январь") name a month anywhere; `abbreviations` ("janv.", "Mär", "мая") only next to
    a number, since many are ordinary words ("mar", "ago"); `stems`, the start the wide
    forms share, recognise inflected forms ("у січні", "tammikuussa") well enough to find
    a month, never to report one; `display` is the stand-alone wide form shown in messages.
    """

    words: dict[str, frozenset[int]]
    abbreviations: dict[str, frozenset[int]]
    stems: tuple[tuple[str, int], ...]
    phrases: re.Pattern[str] | None
    prefixes: tuple[str, ...]
    display: tuple[str, ...]
    #: Month names written with their number ("1月", "1월"): that digit is no number of the text.
    numbered: re.Pattern[str] | None = None

    def by_stem(self, folded: str) -> frozenset[int]:
        """Months whose stem starts `folded` with a plausible ending after it."""
        return frozenset(
            month for stem, month in self.stems
            if folded.startswith(stem) and len(folded) - len(stem) <= _STEM_ENDING
        )


#: Scale words CLDR's compact formats leave out: case endings of inflecting languages
#: ("26 min manat", "1,5 milyonluq", "в 2 миллионах", "тыс" without its full stop).
_EXTRA_SCALE_WORDS: dict[str, tuple[tuple[str, int], ...]] = {
    "az": ((r"min\w{0,3}", 10**3), (r"milyon\w*|mln\.?", 10**6), (r"milyard\w*|mlrd\.?", 10**9)),
    "ru": ((r"тыс(?:\.|яч\w*)?", 10**3), (r"миллион\w*|млн\.?", 10**6),
           (r"миллиард\w*|млрд\.?", 10**9)),
    "uk": ((r"тис(?:\.|яч\w*)?", 10**3), (r"мільйон\w*|млн\.?", 10**6),
           (r"мільярд\w*|млрд\.?", 10**9)),
}
#: Marks and spaces around a compact format's number ("0\u00a0Mio'.'", "\u200f0 מיליון").
_COMPACT_NOISE = re.compile("[0\u200e\u200f\u061c" + SPACES + "]+")
#: Compact words of one Latin letter (K, M, B, k) are left out: "4K" and "5 M" are names
#: and units as often as amounts, and a language with a word instead would read them apart.
_SCALE_WORD_MINIMUM = 2


@functools.cache
def scale_words(language: str) -> tuple[tuple[str, int], ...]:
    """(pattern, multiplier) of each word that multiplies a number written before it:
    "thousand", "millones", "mil millones", "млн", "Mio.", "מיליון", from CLDR's short
    and long compact decimal formats (Babel's `Locale.compact_decimal_formats`), plus
    the case endings CLDR lacks (`_EXTRA_SCALE_WORDS`). Longest first, as alternatives
    of a pattern must be tried ("mil millones" before "mil")."""
    locale = cldr_locale(language)
    found: dict[str, int] = {}
    formats = locale.compact_decimal_formats if locale is not None else {}
    for width in ("short", "long"):
        for by_magnitude in formats.get(width, {}).values():
            for magnitude, pattern in by_magnitude.items():
                text = getattr(pattern, "pattern", str(pattern))
                zeros = text.count("0")
                word = _COMPACT_NOISE.sub(" ", text.replace("'", "")).strip()
                letters = sum(char.isalpha() for char in word)
                if zeros == 0 or (letters < _SCALE_WORD_MINIMUM and word.isascii()):
                    continue
                multiplier = int(magnitude) // 10 ** (zeros - 1)
                if multiplier >= 1000:
                    found.setdefault(word, multiplier)
    patterns = [
        (re.escape(word).replace(r"\ ", f"[{SPACES}]+").replace(r"\.", r"\.?"), value)
        for word, value in found.items()
    ]
    patterns += _EXTRA_SCALE_WORDS.get(base_language(language), ())
    return tuple(sorted(patterns, key=lambda item: len(item[0]), reverse=True))


def fold_month(text: str, language: str) -> str:
    """A month name as it is looked up: case folded by the language's rules, without the
    abbreviation mark after it (janv., ינו׳, जन॰)."""
    folded = fold_case(text, language)
    while folded and unicodedata.category(folded[-1]).startswith("P"):
        folded = folded[:-1]
    return folded


_DATE_FIELDS = {
    "d": r"(?P<day>\d{1,2})", "M": r"(?P<month>\d{1,2})", "L": r"(?P<month>\d{1,2})",
    "y": r"(?P<year>\d{4}|\d{2})",
}
_MARKS = "[\u200e\u200f\u061c]?"


@functools.cache
def numeric_dates(language: str) -> tuple[re.Pattern[str], ...]:
    """Dates in digits as CLDR's short and medium patterns write them in `language`:
    20/01/1990 (ar, with its right-to-left marks), 1990/01/20 (ja), 20. 1. 1990 (cs),
    1990. 1. 20. (ko). Each match has `day`, `month` and `year` groups."""
    locale = cldr_locale(language)
    if locale is None:
        return ()
    found: dict[str, re.Pattern[str]] = {}
    for length in ("short", "medium"):
        pattern = re.sub(r"'[^']*'", "", locale.date_formats[length].pattern)
        parts = re.split(r"([dMLy])\1*", pattern)
        fields, separators = parts[1::2], parts[2:-1:2]
        if sorted(field.replace("L", "M") for field in fields) != ["M", "d", "y"]:
            continue
        if not all(separator.strip(" \u200e\u200f\u061c") in {".", "/", "-"}
                   for separator in separators):
            continue  # "d MMM y" or "y年M月d日": the month is a word, the dates check's
        body = _DATE_FIELDS[fields[0]]
        for separator, field in zip(separators, fields[1:], strict=True):
            mark = re.escape(separator.strip(" \u200e\u200f\u061c"))
            body += rf"{_MARKS}{mark}\s?{_MARKS}{_DATE_FIELDS[field]}"
        found[body] = re.compile(rf"(?<![\d.]){body}(?!\d)")
    return tuple(found.values())


def wide_month_stems(locale: Locale, language: str) -> dict[int, str]:
    """For each month `locale` names, the start its wide names share (format and
    stand-alone, folded as `language` folds them): январ for января and январь."""
    wide: dict[int, set[str]] = {}
    for context in ("format", "stand-alone"):
        for month, name in locale.months[context]["wide"].items():
            wide.setdefault(month, set()).add(fold_month(name, language))
    return {month: os.path.commonprefix(sorted(forms)) for month, forms in wide.items()}


@functools.cache
def month_vocabulary(language: str) -> MonthVocabulary:
    """Month names of `language` in every form CLDR has (none for a language Babel lacks)."""
    locale = cldr_locale(language)
    words: dict[str, set[int]] = {}
    abbreviations: dict[str, set[int]] = {}
    stems: set[tuple[str, int]] = set()
    display: tuple[str, ...] = ()
    if locale is not None:
        display = tuple(locale.months["stand-alone"]["wide"][month] for month in range(1, 13))
        for variant in _variants(locale):
            for context in ("format", "stand-alone"):
                for width, found in (("wide", words), ("abbreviated", abbreviations)):
                    for month, name in variant.months[context][width].items():
                        found.setdefault(fold_month(name, language), set()).add(month)
            for month, stem in wide_month_stems(variant, language).items():
                if len(stem) >= _STEM_MINIMUM and not any(char.isdigit() for char in stem):
                    stems.add((stem, month))
    for month, names in _EXTRA_MONTH_NAMES.get(base_language(language), {}).items():
        for name in names:
            words.setdefault(fold_month(name, language), set()).add(month)
    return MonthVocabulary(
        words={form: frozenset(months) for form, months in words.items()},
        abbreviations={form: frozenset(months) for form, months in abbreviations.items()
                       if form not in words},
        stems=tuple(sorted(stems)),
        phrases=_alternatives(form for form in [*words, *abbreviations] if " " in form),
        prefixes=_CLITIC_PREFIXES.get(base_language(language), ()),
        display=display or ENGLISH_MONTHS,
        numbered=_alternatives(
            form for form in [*words, *abbreviations] if any(char.isdigit() for char in form)
        ),
    )


def _alternatives(forms: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for any of `forms`, longest first, not starting inside a number."""
    ordered = sorted(set(forms), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in ordered)
    return re.compile(rf"(?<!\d)(?:{body})", re.IGNORECASE)


def _variants(locale: Locale) -> list[Locale]:
    """The locale and its regional variants in the same script (ar_SY names January
    "كانون الثاني", ar_DZ "جانفي", ar_EG "يناير": one Arabic catalog may use any)."""
    variants = [locale]
    prefix = locale.language + "_"
    for identifier in locale_identifiers():
        if not identifier.startswith(prefix):
            continue
        try:
            variant = Locale.parse(identifier)
        except (ValueError, UnknownLocaleError):
            continue
        if variant.script == locale.script and variant.variant is None:
            variants.append(variant)
    return variants




def find_numeric_dates(text: str, language: str) -> tuple[list[tuple[int, int, int]], str]:
    """(day, month, year) of each numeric date of `text` in `language`'s CLDR patterns
    (an impossible day or month is no date), and the text with them blanked."""
    found: list[tuple[int, int, int]] = []
    if "/" not in text and "." not in text and "-" not in text:
        return found, text  # every CLDR numeric date has one of these between its numbers

    def take(match: re.Match[str]) -> str:
        day, month = int(match.group("day")), int(match.group("month"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group(0)
        found.append((day, month, int(match.group("year"))))
        return " "

    for pattern in numeric_dates(language):
        text = pattern.sub(take, text)
    return found, text
