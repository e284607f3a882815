"""CLDR data through Babel, for the checks: number symbols and month names of any language.

A hand table is kept only for what CLDR lacks (see `numbers.py` and `dates.py`).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from babel.numbers import get_decimal_symbol, get_group_symbol

from pubtool.checks.language import base_language, fold_case

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
APOSTROPHES = "'\u2019\u02bc"  # Swiss 1'000 is typed with any of these


@functools.cache
def cldr_locale(language: str) -> Locale | None:
    """Babel's locale for a catalog language (`pt_BR`, `sr@latin`, `zh-Hans`), or None."""
    for candidate in (language.replace("-", "_"), base_language(language)):
        try:
            return Locale.parse(candidate)
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    return None


#: What translators write beside CLDR's symbols: Azerbaijani texts group thousands with
#: spaces as often as with CLDR's full stop.
_EXTRA_GROUP_SYMBOLS = {"az": SPACES}


@dataclass(frozen=True)
class NumberSymbols:
    """The decimal and group separators of a language, in all its numbering systems."""

    decimal: str
    group: str


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
    return NumberSymbols(decimal="".join(sorted(decimal)), group="".join(sorted(group)))


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


def fold_month(text: str, language: str) -> str:
    """A month name as it is looked up: case folded by the language's rules, no final dot."""
    return fold_case(text, language).rstrip(".")


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
            wide: dict[int, set[str]] = {month: set() for month in range(1, 13)}
            for context in ("format", "stand-alone"):
                for width, found in (("wide", words), ("abbreviated", abbreviations)):
                    for month, name in variant.months[context][width].items():
                        folded = fold_month(name, language)
                        found.setdefault(folded, set()).add(month)
                        if width == "wide":
                            wide[month].add(folded)
            for month, forms in wide.items():
                stem = os.path.commonprefix(sorted(forms)) if forms else ""
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


