"""The same day, month and year, the month named in the target language."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pubtool.checks.context import CheckContext
from pubtool.checks.language import base_language, fold_case
from pubtool.checks.links import without_links
from pubtool.checks.numbers import _NUMERIC_DATE

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Month names as the check shows them, per target language.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ENGLISH_MONTHS,
    "az": (
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "may",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ),
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
}
#: A month name with its endings, per language: "Yanvarın", "yanvarda"; "января", "январские".
_MONTH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ENGLISH_MONTHS,
    "az": (
        r"yanvar\w*",
        r"fevral\w*",
        r"mart(?:ın\w*|ı|a|da\w*|dan)?",
        r"aprel\w*",
        r"may(?:ın\w*|ı|a|da\w*|dan)?",
        r"iyun\w*",
        r"iyul\w*",
        r"avqust\w*",
        r"sentyabr\w*",
        r"oktyabr\w*",
        r"noyabr\w*",
        r"dekabr\w*",
    ),
    "ru": (
        r"январ\w*",
        r"феврал\w*",
        r"март\w*",
        r"апрел\w*",
        r"ма(?:й|я|е|ю|ем)|майск\w*",
        r"июн\w*",
        r"июл\w*",
        r"август\w*",
        r"сентябр\w*",
        r"октябр\w*",
        r"ноябр\w*",
        r"декабр\w*",
    ),
}
#: Month names that are also ordinary words ("may", "march"): months only next to a number.
_AMBIGUOUS_MONTHS = {"en": {5, 3}}

_EN_MONTH = "(?:" + "|".join(ENGLISH_MONTHS) + ")"
_EN_PLAIN_MONTH = "(?:" + "|".join(m for m in ENGLISH_MONTHS if m not in {"May", "March"}) + ")"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_SPAN = r"\s*(?:-|–|—|to|and)\s*"
_YEAR = r"\d{4}(?!\d)"
_ENGLISH_DATE = re.compile(
    rf"(?:from\s+)?(?<![\d.,])(?P<d1>{_DAY})(?:{_DAY_SPAN}(?P<d1b>{_DAY}))?\s+(?:of\s+)?"
    rf"(?P<m1>{_EN_MONTH})\b(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|\b(?P<m2>{_EN_MONTH})\s+(?P<d2>{_DAY})(?:{_DAY_SPAN}(?P<d2b>{_DAY}))?(?![\d])"
    rf"(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|\b(?P<m3>{_EN_MONTH}),?\s+(?P<y3>{_YEAR})"
    rf"|(?<![\d.])(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>{_YEAR})"
    rf"|\b(?P<m4>{_EN_PLAIN_MONTH})\b"
)
_TOKEN = re.compile(r"\d+(?:[-–]\d+)*(?:-?[^\W\d_]+)?|[^\W\d_]+")
_DAY_WINDOW = 4


@dataclass(frozen=True)
class SourceDate:
    """A date written in the source: its month, its day(s) if given, its year if given."""

    text: str
    month: int
    days: tuple[int, ...] = ()
    year: int | None = None


@dataclass(frozen=True)
class MonthMention:
    """A month named (or written as a number in a numeric date) in a translation."""

    month: int
    nearby: frozenset[int]


def source_dates(text: str, language: str = "en") -> list[SourceDate]:
    """Dates in an English source: "January 20, 1990", "20 January", "the night from 19 to
    20 January 1990", "January 19-20, 1990", "March 1994", "19.01.2011", and months alone
    ("Black January"; May and March only next to a number)."""
    if base_language(language) != "en":
        return []
    dates = []
    for match in _ENGLISH_DATE.finditer(without_links(text)):
        date = _date_from_match(match)
        if date is not None:
            dates.append(date)
    return dates


def _date_from_match(match: re.Match[str]) -> SourceDate | None:
    groups = {key: value for key, value in match.groupdict().items() if value}
    days: tuple[int, ...]
    if "nm" in groups:
        month = int(groups["nm"])
        days = (int(groups["nd"]),)
    else:
        name = next(groups[key] for key in ("m1", "m2", "m3", "m4") if key in groups)
        month = ENGLISH_MONTHS.index(name) + 1
        days = tuple(
            int(re.sub(r"\D", "", groups[key]))
            for key in ("d1", "d1b", "d2", "d2b")
            if key in groups
        )
    year = next((int(groups[key]) for key in ("y1", "y2", "y3", "ny") if key in groups), None)
    if not 1 <= month <= 12 or any(not 1 <= day <= 31 for day in days):
        return None
    return SourceDate(text=match.group(0), month=month, days=days, year=year)


def month_mentions(text: str, language: str) -> list[MonthMention]:
    """Months named in a translation, each with the numbers within four words of it.

    Azerbaijani and Russian put the day before or after the month and inflect both
    ("yanvarın 19-dan 20-nə keçən gecə", "в ночь с 19 на 20 января"), so nearness is
    what ties a day to its month.
    """
    text = without_links(text)
    mentions = [
        MonthMention(int(match.group(2)), frozenset({int(match.group(1))}))
        for match in _NUMERIC_DATE.finditer(text)
        if 1 <= int(match.group(2)) <= 12
    ]
    tokens = _TOKEN.findall(_NUMERIC_DATE.sub(" ", text))
    for index, token in enumerate(tokens):
        month = _month_of(token, language)
        if month is None:
            continue
        window = (
            tokens[max(0, index - _DAY_WINDOW) : index]
            + tokens[index + 1 : index + 1 + _DAY_WINDOW]
        )
        nearby = frozenset(int(number) for word in window for number in re.findall(r"\d+", word))
        if month in _AMBIGUOUS_MONTHS.get(base_language(language), set()) and not nearby:
            continue
        mentions.append(MonthMention(month, nearby))
    return mentions


@functools.cache
def _month_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    base = base_language(language)
    flags = 0 if base == "en" else re.IGNORECASE
    return tuple(re.compile(pattern, flags) for pattern in _MONTH_WORDS.get(base, ()))


def _month_of(token: str, language: str) -> int | None:
    folded = token if base_language(language) == "en" else fold_case(token, language)
    for number, pattern in enumerate(_month_patterns(language), start=1):
        if pattern.fullmatch(folded):
            return number
    return None


def _month_name(month: int, language: str) -> str:
    english = ENGLISH_MONTHS[month - 1]
    names = MONTH_NAMES.get(base_language(language))
    if names is None or names is ENGLISH_MONTHS:
        return english
    return f"{english} ({names[month - 1]})"


def check_dates(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Each source date has the same day, month and year in the translation.

    The numbers check sees that 20 and 1990 are there; this one sees that January stayed
    January, that the day is the one given with that month, and that the translation
    names no month the source does not.
    """
    dates = source_dates(source, context.source_language)
    mentions = month_mentions(translation, context.language)
    translated_months = {mention.month for mention in mentions}
    source_months = {date.month for date in dates}
    years = {int(year) for year in re.findall(r"(?<!\d)\d{4}(?!\d)", without_links(translation))}
    other_months = sorted(translated_months - source_months)
    for date in dict.fromkeys(dates):
        yield from _date_problems(date, mentions, years, other_months, context.language)
    if source_months <= translated_months:
        for month in other_months:
            yield f"translation names {_month_name(month, context.language)}, the source does not"


def _date_problems(
    date: SourceDate,
    mentions: list[MonthMention],
    years: set[int],
    other_months: list[int],
    language: str,
) -> Iterator[str]:
    month = _month_name(date.month, language)
    same_month = [mention for mention in mentions if mention.month == date.month]
    if not same_month:
        instead = ", ".join(
            MONTH_NAMES.get(base_language(language), ENGLISH_MONTHS)[other - 1]
            for other in other_months
        )
        yield f"{date.text!r}: month {month} missing" + (
            f" (translation has {instead})" if instead else ""
        )
        return
    for day in date.days:
        if not any(day in mention.nearby for mention in same_month):
            yield f"{date.text!r}: day {day} not found next to {month}"
    if date.year is not None and date.year not in years:
        yield f"{date.text!r}: year {date.year} missing"
