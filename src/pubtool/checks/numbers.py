"""The same numbers in source and translation, however each language writes them."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pubtool.checks.cldr import (
    SPACES,
    find_numeric_dates,
    month_vocabulary,
    number_symbols,
    scale_words,
)
from pubtool.checks.context import CheckContext
from pubtool.checks.language import COMBINING_MARKS, base_language, fold_case
from pubtool.checks.links import without_links
from pubtool.po.directives import format_directives

_SPACES = SPACES  # space, no-break space, narrow no-break space, thin space
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_ROMAN_NUMERAL = re.compile(r"(?<![^\W\d_])[IVXLC]{2,}(?![^\W\d_])")
_VALID_ROMAN = re.compile(r"C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LETTERS = re.compile(r"[^\W\d_]+")
#: Letters that may stand right before a number, as a prefix glued to it ("و20", "ב1990")
#: or in a script written without spaces ("第3章", "2024年3月", "ปี2567"): Arabic, Hebrew,
#: Thai, Lao, Khmer, Myanmar, CJK, kana, Hangul. After a letter of any other script a digit
#: is part of a name (EPUB3, h2, mp3, ई-पब3).
_GLUING_LETTERS = (
    "\u0590-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
    "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff"
)
#: Where a number may start, tested just after its first digit (so that the pattern starts
#: with a digit and the regex engine skips straight to digits): not inside a number or a
#: name; a version "v2" counts.
_AFTER_NUMBER_START = (
    rf"(?<![\d_{COMBINING_MARKS}]\d)(?:(?<=[{_GLUING_LETTERS}]\d)|(?<!\w\d)"
    rf"|(?<=(?<![^\W\d_])[vV]\d))"
)
#: A time of day: 18:00 is 18 o'clock, 6:30 is 6 and 30.
_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])")
#: An English 12-hour time: "6 p.m." may be written 18 (Uhr, :00) in a translation.
_PM_TIME = re.compile(r"(?<![\d:])(\d{1,2})(?::\d{2})?\s?p\.?\s?m\b\.?", re.IGNORECASE)

#: Markup whose digits are no numbers of the text: template tags (`{{ n }}`, `{% x %}`),
#: HTML tags and character references (`&#8212;`). Format directives are not matched
#: here: they come from `pubtool.po.directives`, by the entry's `*-format` flags.
MARKUP = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<[A-Za-z/!][^<>]*>|&#?\w+;")

@functools.cache
def _digit_pattern(language: str) -> re.Pattern[str]:
    """Numbers in digits of any script for `language`, with an optional scale word after them."""
    symbols = number_symbols(language)
    group, decimal = re.escape(symbols.group), re.escape(symbols.decimal)
    grouped = "".join(
        rf"\d{{0,{size - 1}}}(?:[{group}]\d{{{size}}})*[{group}]\d{{3}}(?!\d)|"
        for size in sorted(symbols.secondary_groups, reverse=True)
    ) if group else ""
    number = (rf"(?P<int>\d{_AFTER_NUMBER_START}(?:{grouped}\d*))"
              + (rf"(?:[{decimal}](?P<frac>\d+))?" if decimal else ""))
    scales = "|".join(pattern for pattern, _ in scale_words(language))
    scale = rf"(?:[{_SPACES}]*(?P<scale>{scales})(?![^\W\d_]))?" if scales else ""
    return re.compile(rf"{number}{scale}", re.IGNORECASE)


@functools.cache
def _scale_value(word: str, language: str) -> int:
    for pattern, value in scale_words(language):
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return value
    return 1


def ascii_digits(text: str) -> str:
    """Digits of any script (٢٠, ۲۰, २०) as ASCII digits; other characters dropped."""
    return "".join(
        str(unicodedata.decimal(char)) for char in text
        if unicodedata.decimal(char, None) is not None
    )


def ascii_digits_kept(text: str) -> str:
    """`text` with digits of any script as ASCII digits, other characters kept."""
    return "".join(
        str(unicodedata.decimal(char)) if unicodedata.decimal(char, None) is not None else char
        for char in text
    )


def _digits_value(match: re.Match[str], language: str) -> Decimal:
    whole = ascii_digits(match.group("int"))
    fraction = match.groupdict().get("frac")
    value = Decimal(f"{whole}.{ascii_digits(fraction)}" if fraction else whole)
    scale = match.groupdict().get("scale")
    if scale:
        value *= _scale_value(scale, language)
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
} | {
    # Words a translation often writes in digits: "0時" for midnight, "10進数" for decimal.
    "zero": 0, "midnight": 0, "noon": 12, "dozen": 12, "decimal": 10, "single": 1,
    "trillion": 10**12, "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21,
    "septillion": 10**24, "octillion": 10**27, "nonillion": 10**30, "decillion": 10**33,
    "googol": 10**100,
}
#: From this magnitude a number word is written in powers in translations ("1000的5次方",
#: "با ۲۱ صفر" "with 21 zeros", 10¹⁵): their digits are not compared.
_POWER_WORDS = 10**12

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
    #: Dotted tokens read as written: versions (1.2.3) and addresses (10.0.0.1).
    verbatim: Counter[str] = field(default_factory=Counter)


#: Languages whose number words pubtool knows (the tables above); CLDR has none that Babel
#: exposes. Elsewhere a small number the source gives in digits may be a word in the
#: translation ("1 file" → "eine Datei"), so its absence is not an error.
NUMBER_WORD_LANGUAGES = frozenset({"en", "az", "ru"})
_ENGLISH_DECIMAL = re.compile(r"\d+\.\d+")
#: Up to this value a number may be written as a word where pubtool knows no number words.
SMALL_NUMBER = 10
#: Ordinal endings written after a Roman numeral ("XXe siècle", "XIXᵉ"), where CLDR has none.
_ROMAN_ORDINAL_ENDINGS = {"fr": ("e", "ᵉ", "ème", "er", "re")}
#: Dotted tokens kept as they are in any language: versions (1.2.3), IPv4 addresses.
_DOTTED = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d]|\.\d)")
_DOTTED_PAIR = re.compile(r"(?<![\d.])\d+(?:\.\d+)+(?![\d]|\.\d)")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


def without_placeholders(text: str, formats: Sequence[str] = ()) -> str:
    """`text` with its format directives blanked, as gettext's parser for each of the
    entry's `formats` (`python`, `c`, `python-brace`...) finds them (`%(count)s`, `%1$d`,
    `{0}`), and template tags, HTML tags and character references: their digits are not
    numbers of the text. Each is blanked with as many spaces, so positions are kept."""
    for language in formats:
        spans = format_directives(text, language)
        if spans:
            pieces: list[str] = []
            position = 0
            for start, end in spans:
                pieces.extend((text[position:start], " " * (end - start)))
                position = end
            text = "".join(pieces) + text[position:]
    if "<" in text or "&" in text or "{" in text:
        text = MARKUP.sub(lambda match: " " * len(match.group(0)), text)
    return text


def read_numbers(
    text: str, language: str, *, with_words: bool = True, formats: Sequence[str] = ()
) -> NumbersRead:
    """Every number of `text` by value, however `language` writes it.

    Ordinal and case endings (17th, 17-ci, 17-й, 1990-cı, 1990 г., 5., 1er) are simply not
    part of the number; a range 19-20 is two numbers; a numeric date gives its day and year
    (its month is the dates check's business, so 19.01.2011 can become "19 yanvar 2011");
    digits of any script (٢٠, ۲۰, २०) are read by their value, with the separators CLDR
    gives the language (see `number_symbols`); versions and addresses (1.2.3, 10.0.0.1) are
    read as they are written. `formats` are the entry's format languages, whose directives
    are no numbers (see `without_placeholders`). Without `with_words`, numbers written in
    words are not read (they only ever excuse a difference, so a caller reads them once
    digits differ).
    """
    text = without_placeholders(without_links(text), formats)
    numbered_months = month_vocabulary(language).numbered
    if numbered_months is not None:
        text = numbered_months.sub(" ", text)  # 1月: the dates check's business
    digits: Counter[Decimal] = Counter()
    if "." in text:
        for match in _NUMERIC_DATE.finditer(text):
            digits.update((Decimal(int(match.group(1))), Decimal(int(match.group(3)))))
        text = _NUMERIC_DATE.sub(" ", text)
    dates, text = find_numeric_dates(text, language)
    digits.update(Decimal(value) for day, _month, year in dates for value in (day, year))
    if ":" in text:
        for match in _TIME.finditer(text):
            digits[Decimal(int(match.group(1)))] += 1
            if int(match.group(2)):
                digits[Decimal(int(match.group(2)))] += 1
        text = _TIME.sub(" ", text)
    afternoon: Counter[Decimal] = Counter()
    if base_language(language) == "en" and with_words:
        for match in _PM_TIME.finditer(text):
            hour = int(match.group(1))
            afternoon.update((Decimal(hour), Decimal(hour % 12 + 12)))
        text = _PM_TIME.sub(" ", text)
    verbatim: Counter[str] = Counter()
    symbols = number_symbols(language)
    grouped_by_dots = "." in symbols.group
    # Where a full stop is no number symbol at all, "2.5" is a version or an English
    # decimal kept as written: read it as written.
    dotted = _DOTTED if "." in symbols.group + symbols.decimal else _DOTTED_PAIR

    def keep_dotted(match: re.Match[str]) -> str:
        if grouped_by_dots and _DOT_GROUPED.fullmatch(match.group(0)):
            return match.group(0)  # 1.000.000 in German or Azerbaijani: a number
        verbatim[ascii_digits_kept(match.group(0))] += 1
        return " "

    if "." in text:
        text = dotted.sub(keep_dotted, text)

    def take_number(match: re.Match[str]) -> str:
        digits[_digits_value(match, language)] += 1
        return " "

    text = _digit_pattern(language).sub(take_number, text)
    for match in _roman_pattern(language).finditer(text) if _TWO_ROMAN.search(text) else ():
        value = roman_value(match.group("roman"))
        if value is not None:
            digits[Decimal(value)] += 1
    words = _number_words(text, language) + afternoon if with_words else Counter()
    return NumbersRead(digits=digits, words=words, verbatim=verbatim)


@functools.cache
def _roman_pattern(language: str) -> re.Pattern[str]:
    endings = "|".join(_ROMAN_ORDINAL_ENDINGS.get(base_language(language), ()))
    ending = f"(?:{endings})?" if endings else ""
    return re.compile(rf"(?<![^\W\d_])(?P<roman>[IVXLC]{{2,}}){ending}(?![^\W\d_])")


def compare_numbers(
    source: NumbersRead, translation: NumbersRead, *, small_numbers_as_words: bool = False
) -> tuple[Counter[Decimal], Counter[Decimal]]:
    """(missing, extra): source numbers the translation lacks, and the reverse.

    Digits must match digits. A number the source writes in words may appear in digits in
    the translation, and a number in digits may be written in words by the translator;
    number words are never "extra", since words like "bir", "один" or "first" are also
    articles and adjectives. A missing 1 is taken as said by the grammar ("Delete 1 user":
    "Удалить пользователя"); with `small_numbers_as_words` (a language whose number words
    pubtool does not know) so is any missing number up to `SMALL_NUMBER`.
    """
    matched = source.digits & translation.digits
    missing = (source.digits - matched) - translation.words
    extra = (translation.digits - matched) - source.words
    if any(value >= _POWER_WORDS for value in source.words):
        extra = Counter()
    largest_word = SMALL_NUMBER if small_numbers_as_words else 1
    missing = Counter({
        value: count for value, count in missing.items()
        if not (value == value.to_integral_value() and 0 <= value <= largest_word)
    })
    return missing, extra


def _show_numbers(values: Counter[Decimal]) -> str:
    return ", ".join(format(value.normalize(), "f") for value in sorted(values.elements()))


#: Something a number may be read from: a digit of any script, or a Roman numeral.
_MAY_HOLD_NUMBER = re.compile(r"\d|[IVXLC]{2}")
_TWO_ROMAN = re.compile("[IVXLC]{2}")
#: A number with separators written the same way in source and translation ("Python 3.6",
#: "1.0", "[00,12]", "PM2.5"): read as written, whatever the language's decimal symbol.
_WRITTEN_NUMBER = re.compile(r"(?<![\d.,])[0-9]+(?:[.,][0-9]+)+(?![0-9]|[.,][0-9])")
#: Two numbers joined as a range: "2025–2026", "10-12".
_RANGE = re.compile(r"(?<![\d.,])(\d+)\s?[-–—]\s?(\d+)(?![\d.,]\d)")


@functools.cache
def _scale_after(language: str) -> re.Pattern[str] | None:
    """A scale word of `language` right after a number ("million", "מיליון", "Mio.")."""
    scales = "|".join(pattern for pattern, _ in scale_words(language))
    if not scales:
        return None
    return re.compile(rf"[{_SPACES}]*(?P<scale>{scales})(?![^\W\d_])", re.IGNORECASE)


#: A word right after a number that is no scale word pubtool knows ("12.7M", "3.6 bn",
#: "2.5 percent"): the number's scale cannot be told.
_WORD_AFTER = re.compile(rf"[{_SPACES}]?[^\W\d_]")


@dataclass(frozen=True)
class _Written:
    """A number with separators, where it stands, and the scale word after it."""

    text: str
    start: int
    end: int
    #: Its multiplier (1 when nothing follows), or None when a word pubtool does not know
    #: follows it.
    scale: int | None
    #: Where its scale word ends (`end` when it has none).
    scale_end: int


def _written_numbers(text: str, languages: Sequence[str]) -> list[_Written]:
    found = []
    for match in _WRITTEN_NUMBER.finditer(text):
        scale: int | None = 1
        scale_end = match.end()
        for language in languages:
            pattern = _scale_after(language)
            word = pattern.match(text, match.end()) if pattern else None
            if word is not None:
                scale, scale_end = _scale_value(word.group("scale"), language), word.end()
                break
        else:
            if _WORD_AFTER.match(text, match.end()):
                scale = None
        found.append(_Written(match.group(0), match.start(), match.end(), scale, scale_end))
    return found


def without_shared_written_numbers(
    source: str, translation: str, source_language: str = "en", language: str = "en"
) -> tuple[str, str]:
    """Both texts less the numbers with separators that both write alike, as many times as
    both have them: a version, an identifier or code kept as written is no number to read
    by the translation's rules ("Python 3.6" is not 3 and 6 where the comma is decimal).

    The value is still compared with its scale word: "12.7 million" is not "12.7 אלף"
    (thousand), so a number written alike with another scale word (or none after a
    scale word) is left to be read. Where a word pubtool does not know follows one side
    ("12.7M"), the scale cannot be told and the number is taken as shared."""
    if not (_WRITTEN_NUMBER.search(source) and _WRITTEN_NUMBER.search(translation)):
        return source, translation
    in_source = _written_numbers(source, (source_language,))
    in_translation = _written_numbers(translation, (language, source_language))
    pairs: list[tuple[_Written, _Written]] = []
    for alike in (lambda a, b: a.scale == b.scale,
                  lambda a, b: a.scale is None or b.scale is None):
        for original in in_source:
            twin = next((written for written in in_translation
                         if written.text == original.text and alike(original, written)), None)
            if twin is not None:
                pairs.append((original, twin))
                in_translation.remove(twin)
        in_source = [written for written in in_source
                     if all(written is not original for original, _ in pairs)]
    if not pairs:
        return source, translation

    def blank(text: str, spans: list[tuple[int, int]]) -> str:
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + " " + text[end:]
        return text

    # The scale word goes with its number where both sides give the same one.
    def span(written: _Written, other: _Written) -> tuple[int, int]:
        return written.start, (written.scale_end if written.scale == other.scale
                               else written.end)

    return (blank(source, [span(a, b) for a, b in pairs]),
            blank(translation, [span(b, a) for a, b in pairs]))


def reversed_ranges(source: str, translation: str) -> list[str]:
    """Ranges of the source ("2025–2026") the translation writes backwards ("2026–2025").

    Order is compared only here: two numbers joined by a dash read in the same order in
    every language, while numbers in a sentence move with its grammar.
    """
    ranges = {(int(first), int(second)) for first, second in _RANGE.findall(source)
              if int(first) != int(second)}
    translated = {(int(first), int(second)) for first, second in _RANGE.findall(
        ascii_digits_kept(translation))}
    return [f"{first}–{second}" for first, second in sorted(ranges)
            if (second, first) in translated and (first, second) not in translated]


def check_numbers(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Every number of the source is in the translation, and no other.

    A wrong number is the error readers notice and quote: casualty figures, dates, years.
    Each language's way of writing numbers is read first (26,000 / 26 000 / 26.000 /
    26'000 / ٢٦٬٠٠٠, 1.5 / 1,5, 17th / 17-ci / 17-й, XX / 20, 1,2 millones / 1,2 млн),
    then the values are compared as multisets; a number written exactly as in the source
    is accepted as it stands; a range must keep its order.
    """
    if not (_MAY_HOLD_NUMBER.search(source) or _MAY_HOLD_NUMBER.search(translation)):
        return
    source, translation = without_shared_written_numbers(
        source, translation, context.source_language, context.language)
    formats = context.formats
    source_numbers = read_numbers(source, context.source_language, with_words=False,
                                  formats=formats)
    translated_numbers = read_numbers(translation, context.language, with_words=False,
                                      formats=formats)
    if (source_numbers.digits == translated_numbers.digits
            and source_numbers.verbatim == translated_numbers.verbatim):
        for shown in reversed_ranges(source, translation):
            yield f"range {shown} is reversed in the translation"
        return
    source_numbers = read_numbers(source, context.source_language, formats=formats)
    translated_numbers = read_numbers(translation, context.language, formats=formats)
    missing, extra = compare_numbers(
        source_numbers,
        translated_numbers,
        small_numbers_as_words=base_language(context.language) not in NUMBER_WORD_LANGUAGES,
    )
    extra_verbatim = translated_numbers.verbatim - source_numbers.verbatim
    unmatched = source_numbers.digits - translated_numbers.digits
    for token in list(extra_verbatim.elements()):
        if _ENGLISH_DECIMAL.fullmatch(token) and unmatched[Decimal(token)] > 0:
            unmatched[Decimal(token)] -= 1  # 2.5 kept as the source writes it
            missing[Decimal(token)] -= 1
            extra_verbatim[token] -= 1
    missing, extra_verbatim = +missing, +extra_verbatim
    shown_missing = [_show_numbers(missing)] if missing else []
    shown_missing += sorted((source_numbers.verbatim - translated_numbers.verbatim).elements())
    shown_extra = [_show_numbers(extra)] if extra else []
    shown_extra += sorted(extra_verbatim.elements())
    parts = []
    if shown_missing:
        parts.append(f"source has {', '.join(shown_missing)}, missing from the translation")
    if shown_extra:
        parts.append(f"translation has {', '.join(shown_extra)}, not in the source")
    if parts:
        yield "; ".join(parts)
