"""The same day, month and year, the month named in the target language."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pubtool.checks.cldr import (
    ENGLISH_MONTHS,
    cldr_locale,
    find_numeric_dates,
    fold_month,
    month_vocabulary,
    wide_month_stems,
)
from pubtool.checks.context import CheckContext
from pubtool.checks.language import WORD, base_language, fold_case
from pubtool.checks.links import without_links
from pubtool.checks.numbers import _NUMERIC_DATE, reversed_ranges, without_placeholders

#: Languages whose month names take endings CLDR does not list ("Yanvarın", "yanvarda";
#: "января", "январские"): there a month is the stem CLDR's wide forms share, with any
#: ending, except where the stem also starts common words (Azerbaijani "mart", "may";
#: Russian "ма"): those take only the endings listed here. Other languages get CLDR's forms
#: (`month_vocabulary`).
_INFLECTED_MONTHS: dict[str, dict[int, str]] = {
    "az": {3: r"(?:ın\w*|ı|a|da\w*|dan)?", 5: r"(?:ın\w*|ı|a|da\w*|dan)?"},
    "ru": {5: r"(?:й|я|е|ю|ем|йск\w*)"},
}


def _month_words(language: str) -> tuple[str, ...]:
    """A pattern per month, January first, for a language whose months inflect; English
    names as written; nothing for other languages."""
    if language == "en":
        return ENGLISH_MONTHS
    endings = _INFLECTED_MONTHS.get(language)
    locale = cldr_locale(language)
    if endings is None or locale is None:
        return ()
    stems = wide_month_stems(locale, language)
    return tuple(re.escape(stems[month]) + endings.get(month, r"\w*") for month in range(1, 13))


#: Month names that are also ordinary words ("may", "march"): months only next to a number.
_AMBIGUOUS_MONTHS = {"en": {5, 3}}
_TOKEN = re.compile(rf"\d+(?:[-–]\d+)*(?:-?{WORD})?|{WORD}")
_DAY_WINDOW = 4
_DIGIT = re.compile(r"\d")
#: Code spans (``NOT_SET``, `sep`) and identifiers with an underscore inside (NOT_SET,
#: max_size): names kept from the source, never months ("set" is a Spanish September).
_CODE_OR_IDENTIFIER = re.compile(r"``.+?``|`[^`\n]+`|\w*[^\W_]_[^\W_]\w*")
#: The first three letters of every English month name and abbreviation ("Sept.", "jan").
_ENGLISH_MONTH_START = re.compile(
    "|".join(name[:3].lower() for name in ENGLISH_MONTHS)
)


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


@dataclass(frozen=True)
class SourceDate:
    """A date written in the source: its month, its day(s) if given, its year if given."""

    text: str
    month: int
    days: tuple[int, ...] = ()
    year: int | None = None
    #: The whole source is this month's name: a calendar label ("May", "Sept.", "jan").
    label: bool = False


@dataclass(frozen=True)
class MonthMention:
    """A month named (or written as a number in a numeric date) in a translation.

    An uncertain mention (an abbreviation with no number beside it, an inflected form
    known only by its stem, a word two months share) shows the month is there, but is
    never reported as a month the source does not have.
    """

    month: int
    nearby: frozenset[int]
    certain: bool = True
    #: A number stands right before or after it, as in a date ("20 Fevral", "января 1990").
    dated: bool = True
    #: Years (four-digit numbers) within four words of it: the year of its date.
    years: frozenset[int] = frozenset()
    #: Which word of the text it is (-1 for a month in a numeric date).
    position: int = -1


def source_dates(text: str, language: str = "en") -> list[SourceDate]:
    """Dates in an English source: "January 20, 1990", "20 January", "the night from 19 to
    20 January 1990", "January 19-20, 1990", "March 1994", "19.01.2011", and months alone
    ("Black January"; May and March only next to a number)."""
    if base_language(language) != "en":
        return []
    if _ENGLISH_MONTH_START.search(text.lower()) is None and _DIGIT.search(text) is None:
        return []
    whole = month_vocabulary("en")
    alone = fold_month(text.strip(), "en")
    if alone in whole.words or alone in whole.abbreviations:
        # A message that is only a month name ("May", "Sept.", a calendar's labels).
        months = whole.words.get(alone) or whole.abbreviations[alone]
        return [SourceDate(text=text.strip(), month=month, label=True) for month in sorted(months)]
    dates = []
    for match in _ENGLISH_DATE.finditer(_CODE_OR_IDENTIFIER.sub(" ", without_links(text))):
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
            int(re.sub(r"\D", "", groups[key])) for key in ("d1", "d1b", "d2", "d2b")
            if key in groups
        )
    year = next((int(groups[key]) for key in ("y1", "y2", "y3", "ny") if key in groups), None)
    if not 1 <= month <= 12 or any(not 1 <= day <= 31 for day in days):
        return None
    return SourceDate(text=match.group(0), month=month, days=days, year=year)


def month_mentions(
    text: str, language: str, formats: tuple[str, ...] = ()
) -> list[MonthMention]:
    """Months named in a translation, each with the numbers within four words of it.

    Azerbaijani and Russian put the day before or after the month and inflect both
    ("yanvarın 19-dan 20-nə keçən gecə", "в ночь с 19 на 20 января"), so nearness is
    what ties a day to its month.
    """
    text = _CODE_OR_IDENTIFIER.sub(" ", without_placeholders(without_links(text), formats))
    mentions = [
        MonthMention(int(match.group(2)), frozenset({int(match.group(1))}),
                     years=frozenset({int(match.group(3))}), position=-1)
        for match in _NUMERIC_DATE.finditer(text)
        if 1 <= int(match.group(2)) <= 12
    ]
    dates, text = find_numeric_dates(_NUMERIC_DATE.sub(" ", text), language)
    mentions.extend(MonthMention(month, frozenset({day}), years=frozenset({year}), position=-1)
                    for day, month, year in dates if year >= 1000)
    tokens = _tokens(text, language)
    alone = len(tokens) == 1
    for index, token in enumerate(tokens):
        found = _months_of(token, language)
        if found is None:
            continue
        months, kind = found
        window = tokens[max(0, index - _DAY_WINDOW) : index] + tokens[
            index + 1 : index + 1 + _DAY_WINDOW
        ]
        nearby = frozenset(int(number) for word in window for number in re.findall(r"\d+", word))
        if kind == _NEEDS_NUMBER and not nearby and not alone:
            if base_language(language) in _AMBIGUOUS_MONTHS:
                continue  # English "may", "march": words, not months
            kind = _UNCERTAIN
        certain = kind != _UNCERTAIN and len(months) == 1
        dated = any(any(char.isdigit() for char in word) for word in tokens[index - 1 : index]
                    + tokens[index + 1 : index + 2])
        years = frozenset(number for number in nearby if 1000 <= number <= 9999)
        mentions.extend(MonthMention(month, nearby, certain, dated, years, index)
                        for month in sorted(months))
    return mentions


def knows_months(language: str) -> bool:
    """Whether pubtool has month names for `language` (from CLDR or its own tables)."""
    base = base_language(language)
    return bool(month_vocabulary(language).words) or base == "en" or base in _INFLECTED_MONTHS


def _tokens(text: str, language: str) -> list[str]:
    """Words and numbers (with their endings); a month name of several words is one token."""
    phrases = month_vocabulary(language).phrases
    tokens: list[str] = []
    position = 0
    for match in phrases.finditer(text) if phrases else ():
        tokens.extend(_TOKEN.findall(text[position : match.start()]))
        tokens.append(" ".join(match.group(0).split()))
        position = match.end()
    tokens.extend(_TOKEN.findall(text[position:]))
    return tokens


_CERTAIN, _NEEDS_NUMBER, _UNCERTAIN = "certain", "needs a number", "uncertain"


@functools.cache
def _month_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    base = base_language(language)
    flags = 0 if base == "en" else re.IGNORECASE
    return tuple(re.compile(pattern, flags) for pattern in _month_words(base))


@functools.lru_cache(maxsize=1 << 16)
def _months_of(token: str, language: str) -> tuple[frozenset[int], str] | None:
    """The month(s) a token names, and how sure that is; None for other words."""
    base = base_language(language)
    folded = token if base == "en" else fold_case(token, language)
    for number, pattern in enumerate(_month_patterns(language), start=1):
        if pattern.fullmatch(folded):
            kind = _NEEDS_NUMBER if number in _AMBIGUOUS_MONTHS.get(base, ()) else _CERTAIN
            return frozenset({number}), kind
    if base == "en":
        return None
    vocabulary = month_vocabulary(language)
    folded = fold_month(token, language)
    for prefix in ("", *vocabulary.prefixes):
        if not folded.startswith(prefix) or len(folded) <= len(prefix):
            continue
        rest = folded[len(prefix) :]
        if rest in vocabulary.words:
            return vocabulary.words[rest], _CERTAIN
        if rest in vocabulary.abbreviations:
            return vocabulary.abbreviations[rest], _NEEDS_NUMBER
    stemmed = vocabulary.by_stem(folded)
    return (stemmed, _UNCERTAIN) if stemmed else None


def _month_name(month: int, language: str) -> str:
    english = ENGLISH_MONTHS[month - 1]
    if base_language(language) == "en":
        return english
    return f"{english} ({month_vocabulary(language).display[month - 1]})"


def check_dates(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Each source date has the same day, month and year in the translation, together.

    The numbers check sees that 20 and 1990 are there; this one sees that January stayed
    January, that the day and the year are the ones given with that month (so years
    swapped between two dates are caught), that a range of months runs the same way, and
    that the translation names no month the source does not.
    """
    if not knows_months(context.language):
        return  # no month names for this language: nothing can be said, nothing false
    dates = source_dates(source, context.source_language)
    if not dates and _DIGIT.search(translation) is None:
        return  # a month with no number beside it is reported only when the source has one
    mentions = month_mentions(translation, context.language, context.formats)
    translated_months = {mention.month for mention in mentions}
    source_months = {date.month for date in dates}
    years = {int(year) for year in re.findall(r"(?<!\d)\d{4}(?!\d)", without_links(translation))}
    other_months = sorted(translated_months - source_months)
    misplaced = []
    for date in dict.fromkeys(dates):
        for problem in _date_problems(date, mentions, years, other_months, context.language,
                                      translation):
            if isinstance(problem, _MisplacedYear):
                misplaced.append(problem)
            else:
                yield problem
    if misplaced:  # one finding, however many dates the swap touched
        yield "year not next to its month: " + "; ".join(
            f"{problem.date!r} has {problem.found} there" for problem in misplaced)
    yield from _reversed_range(source, dates, mentions, context.language)
    yield from _reversed_day_ranges(source, dates, translation, context)
    # A month word with no date beside it is reported only when the source names months:
    # Turkish "aralık" is December and "range", Croatian "studeni" November and "cold".
    dated_months = {mention.month for mention in mentions
                    if mention.certain and (mention.dated or source_months)}
    if source_months <= translated_months:
        for month in sorted(dated_months - source_months):
            yield f"translation names {_month_name(month, context.language)}, the source does not"


#: What joins the two ends of a range of dates: "January 5 to March 3", "May–June 2025".
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|until|till)\s*", re.IGNORECASE)


def _reversed_range(
    source: str, dates: list[SourceDate], mentions: list[MonthMention], language: str
) -> Iterator[str]:
    """A range of two months in the source ("from January 5 to March 3") whose months
    the translation names the other way round. Ranges run forward in every language."""
    for first, second in itertools.pairwise(dates):
        start = source.find(first.text)
        end = source.find(second.text, start + len(first.text))
        if (first.month == second.month or start < 0 or end < 0
                or not _RANGE_JOIN.fullmatch(source[start + len(first.text) : end])):
            continue
        firsts = [m.position for m in mentions if m.month == first.month and m.position >= 0]
        seconds = [m.position for m in mentions if m.month == second.month and m.position >= 0]
        if firsts and seconds and max(seconds) < min(firsts):
            yield (f"{first.text!r} to {second.text!r}: the translation names "
                   f"{_month_name(second.month, language)} before "
                   f"{_month_name(first.month, language)}")


#: A day in a range of days: "9", "9th", "9-го", "9." (German), with no number glued on.
_RANGE_DAY = r"(?<![\d.,:/])(?<![^\W\d_])\d{1,2}(?:-?[^\W\d_]{1,3}(?![^\W\d_]))?\.?(?!\d)"
#: Two days of one range in a translation: only a dash or up to two short words (range
#: words and prepositions: "al", "до", "bis", "ל-", "au") between them.
_DAY_RANGE = re.compile(
    rf"(?P<first>{_RANGE_DAY})(?:\s*[-–—]\s*|\s+(?:[^\W\d_]{{1,5}}(?:\s+|[-־]\s*)){{1,2}})"
    rf"(?P<second>{_RANGE_DAY})"
)
_LEADING_DIGITS = re.compile(r"(?<=\d)\D.*")
#: The month right after a range of days, up to two short words on ("de", "of").
_MONTH_AFTER = re.compile(rf"\s+(?:[^\W\d_]{{1,3}}\s+){{0,2}}(?P<month>{WORD})")
#: The month right before a range of days, a comma or one short word between ("April 2–9").
_MONTH_BEFORE = re.compile(rf"(?P<month>{WORD}),?\s+(?:[^\W\d_]{{1,5}}\s+)?$")
#: How much text before a range of days may hold its month.
_MONTH_BEFORE_WINDOW = 40
#: What joins two days of one month in an English range: "2–9", "2 to 9" (not "and").
_DAYS_JOINED = re.compile(r"\d\s*(?:-|–|—|to)\s*\d")


def _source_day_ranges(source: str, dates: list[SourceDate]) -> list[tuple[str, int, int, int]]:
    """(text, month, first day, last day) of each range of days within one month in the
    source: "April 2–9", "from 27 to 28 September", "from April 2 to April 9"."""
    ranges = [(date.text, date.month, *date.days) for date in dates
              if len(date.days) == 2 and date.days[0] != date.days[1]
              and _DAYS_JOINED.search(date.text)]
    for first, second in itertools.pairwise(dates):
        start = source.find(first.text)
        end = source.find(second.text, start + len(first.text))
        if (first.month == second.month and len(first.days) == len(second.days) == 1
                and first.days != second.days and start >= 0 and end >= 0
                and _RANGE_JOIN.fullmatch(source[start + len(first.text) : end])):
            ranges.append((source[start : end + len(second.text)], first.month,
                           first.days[0], second.days[0]))
    return ranges


def _translated_day_ranges(text: str, language: str) -> set[tuple[int, int, int]]:
    """(month, first day, last day) of each range of days the translation writes in one
    short construction with its month: "del 2 al 9 de abril", "з 2 до 9 квітня",
    "בין 2 ל-9 באפריל", "vom 2. bis 9. April", "April 2–9"."""
    found: set[tuple[int, int, int]] = set()
    for match in _DAY_RANGE.finditer(text):
        after = _MONTH_AFTER.match(text, match.end())
        before = _MONTH_BEFORE.search(text[max(0, match.start() - _MONTH_BEFORE_WINDOW)
                                           : match.start()])
        first, second = (int(_LEADING_DIGITS.sub("", match.group(key)))
                         for key in ("first", "second"))
        for word in (after, before):
            months = _months_of(word.group("month"), language) if word else None
            if months is not None and months[1] != _UNCERTAIN:
                found.update((month, first, second) for month in months[0])
    return found


def _reversed_day_ranges(
    source: str, dates: list[SourceDate], translation: str, context: CheckContext
) -> Iterator[str]:
    """A range of days in one month ("from April 2 to 9") the translation writes the other
    way round ("del 9 al 2 de abril"). Only a range written in one short construction on
    both sides is compared: separate mentions of days may move with a sentence's grammar,
    a range runs forward in every language. A range with a dash on both sides is the
    numbers check's ("range 2–9 is reversed"), so it is said once."""
    ranges = _source_day_ranges(source, dates)
    if not ranges:
        return
    text = _CODE_OR_IDENTIFIER.sub(
        " ", without_placeholders(without_links(translation), context.formats))
    translated = _translated_day_ranges(text, context.language)
    said_by_numbers = set(reversed_ranges(source, translation))
    for shown, month, first, last in ranges:
        if ((month, last, first) in translated and (month, first, last) not in translated
                and f"{first}–{last}" not in said_by_numbers):
            yield (f"{shown!r}: range reversed, the translation runs from day {last} to "
                   f"day {first} of {_month_name(month, context.language)}")


@dataclass(frozen=True)
class _MisplacedYear:
    """A source date whose year the translation gives, but not beside its month."""

    date: str
    found: str


def _date_problems(
    date: SourceDate,
    mentions: list[MonthMention],
    years: set[int],
    other_months: list[int],
    language: str,
    translation: str,
) -> Iterator[str | _MisplacedYear]:
    month = _month_name(date.month, language)
    same_month = [mention for mention in mentions if mention.month == date.month]
    if (not same_month and date.label and not _names_another_month(translation, date.month,
                                                                    mentions, language)
            and _abbreviates(translation, date.month, language)):
        return
    if not same_month:
        names = month_vocabulary(language).display
        instead = ", ".join(names[other - 1] for other in other_months)
        yield f"{date.text!r}: month {month} missing" + (
            f" (translation has {instead})" if instead else ""
        )
        return
    for day in date.days:
        if not any(day in mention.nearby for mention in same_month):
            yield f"{date.text!r}: day {day} not found next to {month}"
    if date.year is not None and date.year not in years:
        yield f"{date.text!r}: year {date.year} missing"
    elif date.year is not None:
        # The whole date: the year beside its month, so that years swapped between two
        # dates are caught. Said only where a year stands beside the month at all.
        beside = [mention.years for mention in same_month if mention.years]
        if beside and not any(date.year in found for found in beside):
            found = sorted(set().union(*beside))
            yield _MisplacedYear(date.text, ", ".join(map(str, found)))


def _names_another_month(
    translation: str, month: int, mentions: list[MonthMention], language: str
) -> bool:
    """Whether a calendar label's translation is a CLDR name of another month ("जून" June
    for "January") rather than a shortening of this one ("jui" for juillet, though one
    French variant abbreviates June so): then it is no abbreviation of `month`."""
    if not any(mention.certain and mention.month != month for mention in mentions):
        return False
    vocabulary = month_vocabulary(language)
    forms = [form for form, months in (*vocabulary.words.items(),
                                       *vocabulary.abbreviations.items()) if month in months]
    tokens = [fold_month(token, language).strip("'’׳") for token in _TOKEN.findall(translation)]
    return not any(len(token) >= 2 and form.startswith(token)
                   for token in tokens for form in forms)


#: The longest label a translator shortens by dropping letters ("ynv", "Mrz" for yanvar, März).
_SKELETON_LENGTH = 4
#: How many letters longer than CLDR's a label's own spelling may be ("सितम्बर" for "सितंबर").
_LONGER_SPELLING = 1


def _abbreviates(translation: str, month: int, language: str) -> bool:
    """Whether a calendar label's translation is the month's name shortened or spelt in its
    own way: translators abbreviate "jan" as "ynv", "фев", "ינו", "Mrz", and write
    "सितम्बर" for CLDR's "सितंबर". Compared without accents and vowel signs: the first
    letter, then a start of a form, its letters in order, or a form's letters in order."""
    vocabulary = month_vocabulary(language)
    forms = {_skeleton(form) for form, months in (*vocabulary.words.items(),
                                                  *vocabulary.abbreviations.items())
             if month in months}
    for token in _TOKEN.findall(translation):
        folded = fold_month(token, language).strip("'’׳")
        if len(folded) < 2 or any(char.isdigit() for char in folded):
            continue
        folded = _skeleton(folded)
        for form in forms:
            if not form or not folded or folded[0] != form[0]:
                continue
            if form.startswith(folded):
                return True
            if _IDEOGRAPHIC.search(form):
                continue  # 十月 is October, not a shortened 十二月
            if len(folded) <= _SKELETON_LENGTH and _in_order(folded, form):
                return True
            if (len(form) >= _SKELETON_LENGTH and 0 < len(folded) - len(form) <= _LONGER_SPELLING
                    and _in_order(form, folded)):
                return True
    return False


_IDEOGRAPHIC = re.compile("[\u2e80-\ud7af\uf900-\ufaff]")


def _skeleton(text: str) -> str:
    """`text` without accents, vowel signs and other combining marks."""
    return "".join(char for char in unicodedata.normalize("NFD", text)
                   if unicodedata.category(char) not in {"Mn", "Mc", "Me"})


def _in_order(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)
