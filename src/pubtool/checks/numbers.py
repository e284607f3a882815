"""The same numbers in source and translation, however each language writes them."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from pubtool.checks.context import CheckContext
from pubtool.checks.language import base_language, fold_case
from pubtool.checks.links import without_links

_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_ROMAN_NUMERAL = re.compile(r"(?<![^\W\d_])[IVXLC]{2,}(?![^\W\d_])")
_VALID_ROMAN = re.compile(r"C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LETTERS = re.compile(r"[^\W\d_]+")

#: How each language groups thousands and marks decimals. English: 26,000 and 1.5;
#: Azerbaijani: 26 000 or 26.000 and 1,5; Russian: 26 000 (any kind of space) and 1,5.
_DIGIT_GROUPS = {
    "en": r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<frac>\d+))?",
    "az": rf"(?P<int>\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+(?!\d)|\d+)(?:,(?P<frac>\d+))?",
    "ru": rf"(?P<int>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)|\d+)(?:,(?P<frac>\d+))?",
}

#: Words that multiply a number written in digits: "1 milyon", "26 тыс.", "1.5 million".
_SCALE_WORDS: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("thousand", 10**3), ("million", 10**6), ("billion", 10**9)),
    "az": (
        (r"min\w{0,3}", 10**3),
        (r"milyon\w*|mln\.?", 10**6),
        (r"milyard\w*|mlrd\.?", 10**9),
    ),
    "ru": (
        (r"тыс(?:\.|яч\w*)", 10**3),
        (r"миллион\w*|млн\.?", 10**6),
        (r"миллиард\w*|млрд\.?", 10**9),
    ),
}


@functools.cache
def _digit_pattern(language: str) -> re.Pattern[str]:
    """Numbers in digits for `language`, with an optional scale word after them."""
    base = base_language(language)
    groups = _DIGIT_GROUPS.get(base, _DIGIT_GROUPS["en"])
    scales = "|".join(pattern for pattern, _ in _SCALE_WORDS.get(base, ()))
    scale = rf"(?:[{_SPACES}]*(?P<scale>{scales})(?![^\W\d_]))?" if scales else ""
    return re.compile(rf"(?<!\w){groups}{scale}", re.IGNORECASE)


def _scale_value(word: str, language: str) -> int:
    for pattern, value in _SCALE_WORDS.get(base_language(language), ()):
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return value
    return 1


def _digits_value(match: re.Match[str], language: str) -> Decimal:
    whole = re.sub(rf"[,.{_SPACES}]", "", match.group("int"))
    value = Decimal(f"{whole}.{match.group('frac')}" if match.group("frac") else whole)
    if match.group("scale"):
        value *= _scale_value(match.group("scale"), language)
    return value


def roman_value(token: str) -> int | None:
    """The value of an upper-case Roman numeral (up to CCCXCIX), or None if it is not one."""
    if not _VALID_ROMAN.fullmatch(token):
        return None
    values = [_ROMAN_VALUES[letter] for letter in token]
    return sum(
        -value if value < following else value
        for value, following in zip(values, [*values[1:], 0], strict=True)
    )


# Number words. English: what the sources write ("Seventeen years", "twenty percent",
# "Twenty-nine", "one million", "every eighth"). Azerbaijani and Russian: what a translator
# may write for a number the source gives in digits, recognised by stem with its endings.

_EN_NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, words in {
        1: "one first",
        2: "two second",
        3: "three third",
        4: "four fourth",
        5: "five fifth",
        6: "six sixth",
        7: "seven seventh",
        8: "eight eighth",
        9: "nine ninth",
        10: "ten tenth",
        11: "eleven eleventh",
        12: "twelve twelfth",
        13: "thirteen thirteenth",
        14: "fourteen fourteenth",
        15: "fifteen fifteenth",
        16: "sixteen sixteenth",
        17: "seventeen seventeenth",
        18: "eighteen eighteenth",
        19: "nineteen nineteenth",
        20: "twenty twentieth",
        30: "thirty thirtieth",
        40: "forty fortieth",
        50: "fifty fiftieth",
        60: "sixty sixtieth",
        70: "seventy seventieth",
        80: "eighty eightieth",
        90: "ninety ninetieth",
        100: "hundred hundredth",
        1000: "thousand thousandth",
        10**6: "million millionth",
        10**9: "billion",
    }.items()
    for word in words.split()
}

_AZ_STEMS: dict[str, int] = {
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dörd": 4,
    "beş": 5,
    "altı": 6,
    "yeddi": 7,
    "səkkiz": 8,
    "doqquz": 9,
    "on": 10,
    "iyirmi": 20,
    "otuz": 30,
    "qırx": 40,
    "əlli": 50,
    "altmış": 60,
    "yetmiş": 70,
    "səksən": 80,
    "doxsan": 90,
    "yüz": 100,
    "min": 1000,
    "milyon": 10**6,
    "milyard": 10**9,
}
#: Common Azerbaijani words that begin like a number word but are not one.
_AZ_NOT_NUMBERS = frozenset(
    {
        "onlar",
        "onları",
        "onların",
        "onlara",
        "onlarda",
        "onlardan",
        "onun",
        "ona",
        "onu",
        "onda",
        "ondan",
        "onsuz",
        "üçün",
        "birlik",
        "birliyi",
        "birliyin",
        "birliyə",
        "birgə",
        "birləşmiş",
        "birləşmişlər",
        "altında",
        "altına",
        "altından",
        "minnətdar",
        "minnətdarlıq",
    }
)
_AZ_NUMBER_WORD = re.compile(
    "(?P<stem>" + "|".join(sorted(_AZ_STEMS, key=len, reverse=True)) + r")"
    r"(?:[ıiuü]?nc[ıiuü])?[a-zçşğıöüə]{0,6}"
)

_RU_ADJECTIVE = r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ую|юю|ым|им|ом|ем|ые|ие|ых|их|ыми|ими)"
_RU_NUMERAL = r"(?:ь|и|ью)"
_RU_NUMBER_WORDS: tuple[tuple[str, int], ...] = (
    (rf"од(?:ин|на|но|ни|ного|ному|ним|ной|ну|ном|них|ними)|перв{_RU_ADJECTIVE}", 1),
    (rf"дв(?:а|е|ух|ум|умя)|втор{_RU_ADJECTIVE}", 2),
    (r"тр(?:и|[её]х|[её]м|емя)|трет(?:ий|ья|ье|ьего|ьему|ью|ьим|ьем|ьи|ьих|ьей)", 3),
    (rf"четыр(?:е|[её]х|[её]м|ьмя)|четв[её]рт{_RU_ADJECTIVE}", 4),
    (rf"пят{_RU_NUMERAL}|пят{_RU_ADJECTIVE}", 5),
    (rf"шест{_RU_NUMERAL}|шест{_RU_ADJECTIVE}", 6),
    (rf"сем{_RU_NUMERAL}|седьм{_RU_ADJECTIVE}", 7),
    (rf"вос(?:емь|ьми|емью|ьмью)|восьм{_RU_ADJECTIVE}", 8),
    *(
        (rf"{stem}{_RU_NUMERAL}|{stem}{_RU_ADJECTIVE}", value)
        for stem, value in (
            ("девят", 9),
            ("десят", 10),
            ("одиннадцат", 11),
            ("двенадцат", 12),
            ("тринадцат", 13),
            ("четырнадцат", 14),
            ("пятнадцат", 15),
            ("шестнадцат", 16),
            ("семнадцат", 17),
            ("восемнадцат", 18),
            ("девятнадцат", 19),
            ("двадцат", 20),
            ("тридцат", 30),
        )
    ),
    (rf"сорок(?:а)?|сороков{_RU_ADJECTIVE}", 40),
    (r"пят[ьи]десят[иь]?|пятидесят\w*", 50),
    (r"ст[оа]|сот" + _RU_ADJECTIVE, 100),
    (r"тысяч\w*", 1000),
    (r"миллион\w*", 10**6),
    (r"миллиард\w*", 10**9),
)


#: What may stand between two words of one number: spaces, hyphens, an English "and".
_NUMBER_WORD_GAP = re.compile(r"[\s\-‐–]*|\s+and\s+")


def _number_word_value(word: str, language: str) -> int | None:
    """The value of one number word (cardinal or ordinal, any inflection), or None."""
    base = base_language(language)
    folded = fold_case(word, base)
    if base == "en":
        return _EN_NUMBER_WORDS.get(folded)
    if base == "az":
        match = _AZ_NUMBER_WORD.fullmatch(folded)
        if match is None or folded in _AZ_NOT_NUMBERS:
            return None
        return _AZ_STEMS[match.group("stem")]
    if base == "ru":
        for pattern, value in _RU_NUMBER_WORDS:
            if re.fullmatch(pattern, folded):
                return value
    return None


def _combine_number_words(values: list[int]) -> int:
    """One number from a run of number words: "twenty nine" 29, "iki yüz" 200, "сто пять" 105."""
    total = current = 0
    for value in values:
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    return total + current


def _number_words(text: str, language: str) -> Counter[Decimal]:
    """Numbers written in words; adjacent number words ("twenty-nine", "on yeddi",
    "тридцать четвёртой", "one hundred and fifty") count as one number."""
    found: Counter[Decimal] = Counter()
    run: list[int] = []
    run_end = 0
    for match in _LETTERS.finditer(text):
        value = _number_word_value(match.group(0), language)
        if value is None:
            if run and not (match.group(0) == "and" and run[-1] >= 100):
                found[Decimal(_combine_number_words(run))] += 1
                run = []
            continue
        if run and not _NUMBER_WORD_GAP.fullmatch(text[run_end : match.start()]):
            found[Decimal(_combine_number_words(run))] += 1
            run = []
        run.append(value)
        run_end = match.end()
    if run:
        found[Decimal(_combine_number_words(run))] += 1
    return found


@dataclass(frozen=True)
class NumbersRead:
    """The numbers of a text: in digits (and Roman numerals), and in words."""

    digits: Counter[Decimal]
    words: Counter[Decimal]


def read_numbers(text: str, language: str) -> NumbersRead:
    """Every number of `text` by value, however `language` writes it.

    Ordinal and case endings (17th, 17-ci, 17-й, 1990-cı, 1990 г.) are simply not part of
    the number; a range 19-20 is two numbers; a numeric date gives its day and year (its
    month is the dates check's business, so 19.01.2011 can become "19 yanvar 2011").
    """
    text = without_links(text)
    digits: Counter[Decimal] = Counter()
    for match in _NUMERIC_DATE.finditer(text):
        digits.update((Decimal(int(match.group(1))), Decimal(int(match.group(3)))))
    text = _NUMERIC_DATE.sub(" ", text)
    pattern = _digit_pattern(language)
    digits.update(_digits_value(match, language) for match in pattern.finditer(text))
    text = pattern.sub(" ", text)
    for match in _ROMAN_NUMERAL.finditer(text):
        value = roman_value(match.group(0))
        if value is not None:
            digits[Decimal(value)] += 1
    return NumbersRead(digits=digits, words=_number_words(text, language))


def compare_numbers(
    source: NumbersRead, translation: NumbersRead
) -> tuple[Counter[Decimal], Counter[Decimal]]:
    """(missing, extra): source numbers the translation lacks, and the reverse.

    Digits must match digits. A number the source writes in words may appear in digits in
    the translation, and a number in digits may be written in words by the translator;
    number words are never "extra", since words like "bir", "один" or "first" are also
    articles and adjectives.
    """
    matched = source.digits & translation.digits
    missing = (source.digits - matched) - translation.words
    extra = (translation.digits - matched) - source.words
    return missing, extra


def _show_numbers(values: Counter[Decimal]) -> str:
    return ", ".join(format(value.normalize(), "f") for value in sorted(values.elements()))


def check_numbers(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Every number of the source is in the translation, and no other.

    A wrong number is the error readers notice and quote: casualty figures, dates, years.
    Each language's way of writing numbers is read first (26,000 / 26 000 / 26.000,
    1.5 / 1,5, 17th / 17-ci / 17-й, XX / 20), then the values are compared as multisets.
    """
    missing, extra = compare_numbers(
        read_numbers(source, context.source_language), read_numbers(translation, context.language)
    )
    parts = []
    if missing:
        parts.append(f"source has {_show_numbers(missing)}, missing from the translation")
    if extra:
        parts.append(f"translation has {_show_numbers(extra)}, not in the source")
    if parts:
        yield "; ".join(parts)
