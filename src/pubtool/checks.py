"""Checks that catch what breaks a publication: the library behind `pubtool check`.

`msgfmt -c` knows the PO format but nothing of prose; a booklet that prints 147 in one column
and 174 in the other, or January in one and February in the other, is a published error.
Each check here is a small named function, in the manner of Babel's
`babel/messages/checkers.py`:

    def check(entry: polib.POEntry, context: CheckContext) -> Iterable[str]

yielding one human-readable line per problem (nothing when the entry is fine). Projects add
their own under the entry-point group `pubtool.checks` (name = "module:function").

Built-in checks, by name (see `DEFAULT_SEVERITIES`):

- ``numbers``: the same numbers as the source, however each language writes them;
- ``dates``: the same day, month and year, the month named in the target language;
- ``markup``: the same emphasis and links; no raw HTML the source lacks;
- ``whitespace``: edge whitespace, double spaces, end punctuation, quote and bracket balance;
- ``untranslated-copy``: the source copied into the translation;
- ``script``: letters of the wrong alphabet, look-alike letters;
- ``glossary``: terms rendered as the glossary says;
- ``catalog``: the header and plural forms `msgfmt -c` would reject, and leading or
  trailing newlines that differ between msgid and msgstr.

A translator silences checks for one entry with a translator comment line
``# pubtool: ignore numbers, dates`` (or ``# pubtool: ignore all``).
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import polib
from babel.core import Locale, UnknownLocaleError

from pubtool.errors import CatalogError, ConfigError
from pubtool.glossary import Glossary, contains_rendering, fold_case
from pubtool.po.plurals import plural_count

ERROR = "error"
WARNING = "warning"
OFF = "off"
#: What a project may set a check to in `[tool.pubtool.checks]`.
SEVERITY_SETTINGS = (ERROR, WARNING, OFF)
ENTRY_POINT_GROUP = "pubtool.checks"
#: The name that, in a suppression comment, silences every check of the entry.
IGNORE_ALL = "all"


# --------------------------------------------------------------------------------------------
# Results, context and registry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One problem of one entry (or of the catalog header), located by file and line."""

    file: str
    line: int
    code: str
    severity: str
    message: str
    msgid: str
    fuzzy: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: [{self.code}] {self.message}"


@dataclass(frozen=True)
class CheckContext:
    """What a check needs to know beyond the entry itself."""

    source_language: str
    language: str
    glossary: Glossary = field(default_factory=Glossary.empty)
    #: The unit kind from the entry's `#. kind: ...` comment: paragraph, title, signature...
    kind: str | None = None


Check = Callable[[polib.POEntry, CheckContext], Iterable[str]]
#: A check of one source text against one translated text (one form of an entry).
TextCheck = Callable[[str, str, CheckContext], Iterable[str]]


def translation_pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) for every non-empty form: msgstr, or each msgstr[n].

    Form 0 of a plural entry translates msgid; every other form translates msgid_plural.
    """
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)] if entry.msgstr else []
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr_plural.items())
        if text
    ]


def on_each_form(text_check: TextCheck) -> Check:
    """Turn a check of one text pair into a check of an entry and all its plural forms."""

    @functools.wraps(text_check)
    def check(entry: polib.POEntry, context: CheckContext) -> Iterator[str]:
        for source, translation in translation_pairs(entry):
            yield from text_check(source, translation, context)

    return check


def extracted_value(entry: polib.POEntry, key: str) -> str | None:
    """The value of a `#. key: value` extracted comment (`statement`, `kind`), if present."""
    pattern = re.compile(rf"^\s*{re.escape(key)}:\s*(\S.*?)\s*$")
    for line in entry.comment.splitlines():
        match = pattern.match(line)
        if match:
            return match.group(1)
    return None


def entry_kind(entry: polib.POEntry) -> str | None:
    """The unit kind pubtool's extractor records: paragraph, title, signature..."""
    return extracted_value(entry, "kind")


_SUPPRESSION = re.compile(r"pubtool:\s*ignore\s+(?P<names>[\w-]+(?:\s*,\s*[\w-]+)*)")


def suppressed_checks(entry: polib.POEntry) -> frozenset[str]:
    """Checks a translator turned off for this entry: `# pubtool: ignore numbers, dates`.

    Only translator comments count: they are the translator's considered answer to a
    finding, kept with the entry across msgmerge. Text after the list is a free reason.
    """
    names: set[str] = set()
    for match in _SUPPRESSION.finditer(entry.tcomment):
        names.update(name.strip() for name in match.group("names").split(","))
    return frozenset(names)


def default_severity(code: str) -> str:
    """The severity of a check nobody configured; plugin checks are errors."""
    return DEFAULT_SEVERITIES.get(code, ERROR)


def available_checks() -> dict[str, Check]:
    """Built-in checks plus those installed under the entry-point group `pubtool.checks`."""
    checks = dict(BUILTIN_CHECKS)
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.name in BUILTIN_CHECKS or entry_point.name == IGNORE_ALL:
            raise ConfigError(
                f"plugin check {entry_point.name!r} ({entry_point.value}) reuses a reserved name"
            )
        try:
            loaded = entry_point.load()
        except (ImportError, AttributeError) as error:
            raise ConfigError(
                f"cannot load plugin check {entry_point.name!r} ({entry_point.value}): {error}"
            ) from None
        if not callable(loaded):
            raise ConfigError(
                f"plugin check {entry_point.name!r} ({entry_point.value}) is not callable"
            )
        checks[entry_point.name] = loaded
    return checks


def configure_checks(
    settings: Mapping[str, str], registry: Mapping[str, Check] | None = None
) -> tuple[list[str], dict[str, str]]:
    """Enabled check names and severities from `[tool.pubtool.checks]` (name = severity).

    A setting is `error`, `warning` or `off`; unknown names or settings are ConfigErrors,
    since a misspelt check name would otherwise silently check nothing.
    """
    registry = available_checks() if registry is None else registry
    severities: dict[str, str] = {}
    for name, setting in settings.items():
        if name not in registry:
            known = ", ".join(sorted(registry))
            raise ConfigError(f"[tool.pubtool.checks] unknown check {name!r} (known: {known})")
        if setting not in SEVERITY_SETTINGS:
            raise ConfigError(
                f"[tool.pubtool.checks] {name}: expected one of {', '.join(SEVERITY_SETTINGS)}, "
                f"got {setting!r}"
            )
        severities[name] = setting
    enabled = [name for name in registry if severities.get(name) != OFF]
    return enabled, {name: value for name, value in severities.items() if value != OFF}


def check_entry(
    entry: polib.POEntry,
    context: CheckContext,
    enabled: Iterable[str],
    severities: Mapping[str, str],
    *,
    registry: Mapping[str, Check] | None = None,
) -> list[tuple[str, str, str]]:
    """(code, severity, message) for every problem of one entry.

    Checks named in the entry's `pubtool: ignore` comment are skipped; a check set to
    `off` in `severities` is skipped too. `context.kind` is filled from the entry's
    comments when the caller left it None.
    """
    registry = available_checks() if registry is None else registry
    ignored = suppressed_checks(entry)
    if IGNORE_ALL in ignored:
        return []
    if context.kind is None:
        context = replace(context, kind=entry_kind(entry))
    problems: list[tuple[str, str, str]] = []
    for code in enabled:
        check = _lookup(registry, code)
        severity = severities.get(code, default_severity(code))
        if code in ignored or severity == OFF:
            continue
        problems.extend((code, severity, message) for message in check(entry, context))
    return problems


def check_catalog(
    po: polib.POFile,
    path: str,
    context: CheckContext,
    enabled: Iterable[str] | None = None,
    severities: Mapping[str, str] | None = None,
    *,
    registry: Mapping[str, Check] | None = None,
) -> list[Finding]:
    """Every finding of a catalog, in line order.

    Translated and fuzzy entries are checked (a fuzzy entry's messages start with
    "(fuzzy)" since it is not yet published); untranslated and obsolete ones are skipped.
    When `catalog` is enabled the header and plural forms are checked as well.
    """
    registry = available_checks() if registry is None else registry
    names = list(registry) if enabled is None else list(enabled)
    for name in names:
        _lookup(registry, name)
    severities = severities or {}
    findings = list(_header_findings(po, path, context, names, severities))
    for entry in po:
        if entry.obsolete or not translation_pairs(entry):
            continue
        entry_context = replace(context, kind=entry_kind(entry))
        for code, severity, message in check_entry(
            entry, entry_context, names, severities, registry=registry
        ):
            shown = f"(fuzzy) {message}" if entry.fuzzy else message
            findings.append(
                Finding(path, entry.linenum or 0, code, severity, shown, entry.msgid, entry.fuzzy)
            )
    return sorted(findings, key=lambda finding: finding.line)


def _header_findings(
    po: polib.POFile,
    path: str,
    context: CheckContext,
    names: list[str],
    severities: Mapping[str, str],
) -> Iterator[Finding]:
    severity = severities.get(CATALOG, default_severity(CATALOG))
    if CATALOG not in names or severity == OFF:
        return
    for line, message in catalog_problems(po, context):
        yield Finding(path, line, CATALOG, severity, message, msgid="")


def _lookup(registry: Mapping[str, Check], name: str) -> Check:
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise ConfigError(f"unknown check {name!r} (known: {known})") from None


def _base_language(language: str) -> str:
    """`az` for az, az_AZ, az-Latn: the part that decides spelling rules here."""
    return re.split(r"[-_@.]", language, maxsplit=1)[0].lower()


# --------------------------------------------------------------------------------------------
# Links and URLs: kept verbatim by translators, so kept out of the prose checks
# --------------------------------------------------------------------------------------------

_MARKDOWN_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\((?P<target><[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"
)
_AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_BARE_URL = re.compile(r"(?<![\w/])(?:https?://|www\.)[^\s<>()\[\]]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_TRAILING_PUNCTUATION = ".,;:!?'\"”»"


def link_targets(text: str) -> Counter[str]:
    """Targets of Markdown links, autolinks and bare URLs, as a multiset."""
    targets: Counter[str] = Counter()
    for match in _MARKDOWN_LINK.finditer(text):
        targets[match.group("target").strip("<>")] += 1
    text = _MARKDOWN_LINK.sub(" ", text)
    for match in _AUTOLINK.finditer(text):
        targets[match.group("target")] += 1
    text = _AUTOLINK.sub(" ", text)
    for match in _BARE_URL.finditer(text):
        targets[match.group(0).rstrip(_URL_TRAILING_PUNCTUATION)] += 1
    return targets


def without_links(text: str) -> str:
    """`text` with link targets, URLs and e-mail addresses blanked; link texts are kept."""
    text = _MARKDOWN_LINK.sub(lambda match: f" {match.group('text')} ", text)
    text = _AUTOLINK.sub(" ", text)
    text = _BARE_URL.sub(" ", text)
    return _EMAIL.sub(" ", text)


# --------------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------------

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
        (r"min\w{0,3}", 10**3), (r"milyon\w*|mln\.?", 10**6), (r"milyard\w*|mlrd\.?", 10**9),
    ),
    "ru": (
        (r"тыс(?:\.|яч\w*)", 10**3), (r"миллион\w*|млн\.?", 10**6), (r"миллиард\w*|млрд\.?", 10**9),
    ),
}


@functools.cache
def _digit_pattern(language: str) -> re.Pattern[str]:
    """Numbers in digits for `language`, with an optional scale word after them."""
    base = _base_language(language)
    groups = _DIGIT_GROUPS.get(base, _DIGIT_GROUPS["en"])
    scales = "|".join(pattern for pattern, _ in _SCALE_WORDS.get(base, ()))
    scale = rf"(?:[{_SPACES}]*(?P<scale>{scales})(?![^\W\d_]))?" if scales else ""
    return re.compile(rf"(?<!\w){groups}{scale}", re.IGNORECASE)


def _scale_value(word: str, language: str) -> int:
    for pattern, value in _SCALE_WORDS.get(_base_language(language), ()):
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
    return sum(-value if value < following else value
               for value, following in zip(values, [*values[1:], 0], strict=True))


# Number words. English: what the sources write ("Seventeen years", "twenty percent",
# "Twenty-nine", "one million", "every eighth"). Azerbaijani and Russian: what a translator
# may write for a number the source gives in digits, recognised by stem with its endings.

_EN_NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, words in {
        1: "one first", 2: "two second", 3: "three third", 4: "four fourth", 5: "five fifth",
        6: "six sixth", 7: "seven seventh", 8: "eight eighth", 9: "nine ninth", 10: "ten tenth",
        11: "eleven eleventh", 12: "twelve twelfth", 13: "thirteen thirteenth",
        14: "fourteen fourteenth", 15: "fifteen fifteenth", 16: "sixteen sixteenth",
        17: "seventeen seventeenth", 18: "eighteen eighteenth", 19: "nineteen nineteenth",
        20: "twenty twentieth", 30: "thirty thirtieth", 40: "forty fortieth",
        50: "fifty fiftieth", 60: "sixty sixtieth", 70: "seventy seventieth",
        80: "eighty eightieth", 90: "ninety ninetieth", 100: "hundred hundredth",
        1000: "thousand thousandth", 10**6: "million millionth", 10**9: "billion",
    }.items()
    for word in words.split()
}

_AZ_STEMS: dict[str, int] = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8,
    "doqquz": 9, "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50, "altmış": 60,
    "yetmiş": 70, "səksən": 80, "doxsan": 90, "yüz": 100, "min": 1000, "milyon": 10**6,
    "milyard": 10**9,
}
#: Common Azerbaijani words that begin like a number word but are not one.
_AZ_NOT_NUMBERS = frozenset({
    "onlar", "onları", "onların", "onlara", "onlarda", "onlardan", "onun", "ona", "onu", "onda",
    "ondan", "onsuz", "üçün", "birlik", "birliyi", "birliyin", "birliyə", "birgə", "birləşmiş",
    "birləşmişlər", "altında", "altına", "altından", "minnətdar", "minnətdarlıq",
})
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
            ("девят", 9), ("десят", 10), ("одиннадцат", 11), ("двенадцат", 12),
            ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15), ("шестнадцат", 16),
            ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20),
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
    base = _base_language(language)
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


# --------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
#: Month names as the check shows them, per target language.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ENGLISH_MONTHS,
    "az": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
           "oktyabr", "noyabr", "dekabr"),
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь"),
}
#: A month name with its endings, per language: "Yanvarın", "yanvarda"; "января", "январские".
_MONTH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ENGLISH_MONTHS,
    "az": (
        r"yanvar\w*", r"fevral\w*", r"mart(?:ın\w*|ı|a|da\w*|dan)?", r"aprel\w*",
        r"may(?:ın\w*|ı|a|da\w*|dan)?", r"iyun\w*", r"iyul\w*", r"avqust\w*", r"sentyabr\w*",
        r"oktyabr\w*", r"noyabr\w*", r"dekabr\w*",
    ),
    "ru": (
        r"январ\w*", r"феврал\w*", r"март\w*", r"апрел\w*", r"ма(?:й|я|е|ю|ем)|майск\w*",
        r"июн\w*", r"июл\w*", r"август\w*", r"сентябр\w*", r"октябр\w*", r"ноябр\w*",
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
    if _base_language(language) != "en":
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
            int(re.sub(r"\D", "", groups[key])) for key in ("d1", "d1b", "d2", "d2b")
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
        window = tokens[max(0, index - _DAY_WINDOW) : index] + tokens[
            index + 1 : index + 1 + _DAY_WINDOW
        ]
        nearby = frozenset(int(number) for word in window for number in re.findall(r"\d+", word))
        if month in _AMBIGUOUS_MONTHS.get(_base_language(language), set()) and not nearby:
            continue
        mentions.append(MonthMention(month, nearby))
    return mentions


@functools.cache
def _month_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    base = _base_language(language)
    flags = 0 if base == "en" else re.IGNORECASE
    return tuple(re.compile(pattern, flags) for pattern in _MONTH_WORDS.get(base, ()))


def _month_of(token: str, language: str) -> int | None:
    folded = token if _base_language(language) == "en" else fold_case(token, language)
    for number, pattern in enumerate(_month_patterns(language), start=1):
        if pattern.fullmatch(folded):
            return number
    return None


def _month_name(month: int, language: str) -> str:
    english = ENGLISH_MONTHS[month - 1]
    names = MONTH_NAMES.get(_base_language(language))
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
        instead = ", ".join(MONTH_NAMES.get(_base_language(language), ENGLISH_MONTHS)[other - 1]
                            for other in other_months)
        yield f"{date.text!r}: month {month} missing" + (
            f" (translation has {instead})" if instead else ""
        )
        return
    for day in date.days:
        if not any(day in mention.nearby for mention in same_month):
            yield f"{date.text!r}: day {day} not found next to {month}"
    if date.year is not None and date.year not in years:
        yield f"{date.text!r}: year {date.year} missing"


# --------------------------------------------------------------------------------------------
# markup
# --------------------------------------------------------------------------------------------

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_STAR_EMPHASIS = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)", re.DOTALL)
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.DOTALL)
_HTML_TAG = re.compile(r"<(?P<name>/?[A-Za-z][A-Za-z0-9-]*|!--)(?=[\s/>]|$)")


def emphasis_counts(text: str) -> dict[str, int]:
    """How many `**strong**`, `*emphasis*` and `_emphasis_` spans a Markdown text has."""
    text = without_links(text)
    strong = len(_STRONG.findall(text))
    text = _STRONG.sub(r"\1", text)
    return {
        "**strong**": strong,
        "*emphasis*": len(_STAR_EMPHASIS.findall(text)),
        "_emphasis_": len(_UNDERSCORE_EMPHASIS.findall(text)),
    }


def html_tags(text: str) -> set[str]:
    """Names of raw HTML tags (and comments) in a text: `img`, `/p`, `!--`..."""
    return {match.group("name").lower().lstrip("/") for match in _HTML_TAG.finditer(text)}


def check_markup(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """The translation keeps the source's emphasis and links, and adds no raw HTML.

    Translator text is untrusted input that ends up in HTML pages and PDFs: a `<script>`
    or `<img>` the source does not have is never a translation. A signature keeps its
    line breaks, since each line is printed as one line.
    """
    source_spans, translated_spans = emphasis_counts(source), emphasis_counts(translation)
    for span, count in source_spans.items():
        if translated_spans[span] != count:
            yield f"{span} spans: source has {count}, translation has {translated_spans[span]}"
    source_links, translated_links = link_targets(source), link_targets(translation)
    for target in sorted((source_links - translated_links).elements()):
        yield f"link target {target} missing from the translation"
    for target in sorted((translated_links - source_links).elements()):
        yield f"link target {target} is not in the source"
    for tag in sorted(html_tags(translation) - html_tags(source)):
        yield f"raw HTML <{tag}> is not in the source"
    if context.kind == "signature":
        expected, found = source.strip().count("\n"), translation.strip().count("\n")
        if expected != found:
            yield f"signature has {found} line breaks, the source has {expected}"


# --------------------------------------------------------------------------------------------
# whitespace
# --------------------------------------------------------------------------------------------

_DOUBLE_SPACE = re.compile(rf"(?<=\S)[{_SPACES}]{{2,}}(?=\S)")
_END_PUNCTUATION = ".!?:;…"
_CLOSING_MARKS = "\"'”’»)]*_"
_QUOTE_MARKS = "“”«»„\""


def _edge_whitespace(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace other than newlines (those are the catalog check's)."""
    core = text.strip("\n")
    leading = core[: len(core) - len(core.lstrip())].replace("\n", "")
    trailing = core[len(core.rstrip()) :].replace("\n", "")
    return leading, trailing


def end_punctuation(text: str) -> str:
    """The sentence-ending marks at the end of `text`, looking through closing quotes,
    brackets and emphasis: `.` for both `end.”` and `end».`, `...` read as `…`."""
    tail = re.search(rf"[{re.escape(_END_PUNCTUATION + _CLOSING_MARKS)}\s]*$", text)
    marks = tail.group(0) if tail else ""
    return "".join(mark for mark in marks.replace("...", "…") if mark in _END_PUNCTUATION)


def quote_imbalance(text: str) -> int:
    """How many quotation marks `text` leaves open (or closes without opening).

    « and „ open; » and ” close; “ closes a „ but opens otherwise (English “…”, Russian
    and German „…“). Straight quotes have no direction: an odd number counts as one.
    """
    depth = low_open = 0
    for char in text:
        if char in "«„":
            depth += 1
            low_open += char == "„"
        elif char == "“" and low_open:
            low_open -= 1
            depth -= 1
        elif char == "“":
            depth += 1
        elif char in "»”":
            low_open = max(0, low_open - (char == "”"))
            depth -= 1
    return abs(depth) + text.count('"') % 2


def bracket_balance(text: str) -> tuple[int, int]:
    """Open minus closed round and square brackets."""
    return text.count("(") - text.count(")"), text.count("[") - text.count("]")


def check_whitespace(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Typographic slips that show on the printed page.

    Edge whitespace, double spaces and a lost or added final full stop are easy to miss
    in a PO editor and obvious in a two-column booklet. Quotes and brackets are compared
    with the source rather than required to balance, since a source may open a quotation
    in one paragraph and close it in a later one.
    """
    yield from _edge_problems(source, translation)
    doubles = len(_DOUBLE_SPACE.findall(translation)) - len(_DOUBLE_SPACE.findall(source))
    if doubles > 0:
        yield f"{doubles} double space(s) the source does not have"
    yield from _end_punctuation_problems(source, translation)
    if quote_imbalance(translation) != quote_imbalance(source):
        yield (f"quotation marks: {quote_imbalance(translation)} left unbalanced, "
               f"the source leaves {quote_imbalance(source)}")
    brackets = ("round brackets", "square brackets")
    balances = zip(brackets, bracket_balance(source), bracket_balance(translation), strict=True)
    for name, expected, found in balances:
        if expected != found:
            yield f"{name}: {found:+d} unclosed, the source has {expected:+d}"


def _edge_problems(source: str, translation: str) -> Iterator[str]:
    edges = zip(
        ("leading", "trailing"), _edge_whitespace(source), _edge_whitespace(translation),
        strict=True,
    )
    for side, expected, found in edges:
        if expected != found:
            yield f"{side} whitespace {found!r} differs from the source's {expected!r}"


def _end_punctuation_problems(source: str, translation: str) -> Iterator[str]:
    expected, found = end_punctuation(source), end_punctuation(translation)
    if expected and not found:
        yield f"source ends with {expected!r}, translation has no end punctuation"
    elif found and not expected:
        yield f"translation ends with {found!r}, source has no end punctuation"


# --------------------------------------------------------------------------------------------
# untranslated-copy
# --------------------------------------------------------------------------------------------

_COPY_MIN_WORDS = 4


def check_untranslated_copy(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """The translation is the source copied over.

    PO editors offer "copy source" as a start; a copied paragraph then counts as
    translated and is printed in English under the Azerbaijani heading. Short texts
    (names, dates, "E.Suleymanova") legitimately stay as they are.
    """
    if _base_language(context.language) == _base_language(context.source_language):
        return
    words = len(_LETTERS.findall(source))
    if translation.strip() == source.strip() and words >= _COPY_MIN_WORDS:
        yield f"translation is a copy of the source ({words} words)"


# --------------------------------------------------------------------------------------------
# script
# --------------------------------------------------------------------------------------------

LATIN = "LATIN"
CYRILLIC = "CYRILLIC"
#: The alphabet each target language is written in.
LANGUAGE_SCRIPTS = {"az": LATIN, "en": LATIN, "ru": CYRILLIC}
#: Letters that look right on screen but are the wrong character: ǝ (turned e) for ə (schwa).
LOOKALIKES = {"ǝ": "ə", "Ǝ": "Ə"}


def script_of(letter: str) -> str | None:
    """LATIN or CYRILLIC for a letter of those alphabets, None for anything else."""
    name = unicodedata.name(letter, "")
    for script in (LATIN, CYRILLIC):
        if name.startswith(script):
            return script
    return None


def _scripts_of_word(word: str) -> set[str]:
    return {script for letter in word if (script := script_of(letter)) is not None}


def check_script(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Letters of the wrong alphabet.

    Cyrillic in Azerbaijani text, or Latin words in Russian text that the source does not
    have (abbreviations such as OSCE or AZERTAC stay as they are), usually mean a pasted
    fragment of another translation; a word mixing both alphabets hides a look-alike
    letter (Latin a in "Бaку") that breaks search and hyphenation. Azerbaijani ǝ (U+01DD)
    typed for ə (U+0259) looks identical and is wrong.
    """
    for wrong, right in LOOKALIKES.items():
        if wrong in translation:
            yield (f"{wrong} (U+{ord(wrong):04X}) used instead of {right} "
                   f"(U+{ord(right):04X})")
    text = without_links(translation)
    words = dict.fromkeys(_LETTERS.findall(text))
    mixed = [word for word in words if len(_scripts_of_word(word)) > 1]
    if mixed:
        yield f"words mixing Latin and Cyrillic letters: {', '.join(mixed)}"
    expected = LANGUAGE_SCRIPTS.get(_base_language(context.language))
    if expected is None:
        return
    allowed = _allowed_foreign_words(source, context)
    foreign = [
        word for word in words
        if word not in mixed and _scripts_of_word(word) - {expected}
        and word not in allowed and roman_value(word) is None
    ]
    if foreign:
        script = "Cyrillic" if expected == LATIN else "Latin"
        yield f"{script} words not in the source or the glossary: {', '.join(foreign)}"


def _allowed_foreign_words(source: str, context: CheckContext) -> set[str]:
    """Words the translation may keep in another alphabet: the source's and glossary names,
    spelt as there (abbreviations and names keep their case)."""
    names = " ".join(context.glossary.names_for(context.language))
    return set(_LETTERS.findall(without_links(source) + " " + names))


# --------------------------------------------------------------------------------------------
# glossary
# --------------------------------------------------------------------------------------------


def check_glossary(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Names and terms are rendered as the glossary says.

    One person spelt two ways across a booklet reads as two people. Inflected forms are
    accepted (Heydər Əliyevin, Гейдара Алиева), see `pubtool.glossary.contains_rendering`.
    """
    if _base_language(context.language) == _base_language(context.source_language):
        return
    for term, rendering in context.glossary.expected_in(source, context.language):
        if not contains_rendering(translation, rendering, context.language):
            yield f"{term.source!r} should be rendered {rendering!r}"


# --------------------------------------------------------------------------------------------
# catalog
# --------------------------------------------------------------------------------------------

CATALOG = "catalog"
_HEADER_LINE = 1


def check_newlines(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """msgid and msgstr agree on starting and ending with a newline.

    `msgfmt -c` rejects the catalog otherwise; reporting it here gives the line at once.
    """
    if source.startswith("\n") != translation.startswith("\n"):
        yield "msgid and msgstr differ in beginning with a newline (msgfmt -c rejects this)"
    if source.endswith("\n") != translation.endswith("\n"):
        yield "msgid and msgstr differ in ending with a newline (msgfmt -c rejects this)"


def expected_plural_count(language: str) -> int | None:
    """The number of gettext plural forms of `language` by the convention new catalogs get.

    Not CLDR's `Locale.plural_form`: CLDR gives Russian a fourth category (`other`, for
    fractions) that gettext catalogs do not have. None for a code Babel does not know.
    """
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return plural_count(language)


def catalog_problems(po: polib.POFile, context: CheckContext) -> Iterator[tuple[int, str]]:
    """(line, message) for header and plural-form problems `msgfmt -c` would reject."""
    if not po.metadata:
        yield _HEADER_LINE, 'no header entry (msgid "") with Content-Type, Language, Plural-Forms'
        return
    yield from _content_type_problems(po.metadata)
    yield from _language_problems(po.metadata, context.language)
    yield from _plural_forms_problems(po.metadata, context.language)
    plurals = _declared_plural_count(po.metadata) or expected_plural_count(context.language)
    if plurals is None:
        return
    for entry in po:
        forms = sorted(entry.msgstr_plural)
        if entry.msgid_plural and not entry.obsolete and forms != list(range(plurals)):
            yield entry.linenum or 0, f"plural entry has {len(forms)} forms, nplurals is {plurals}"


def _declared_plural_count(metadata: Mapping[str, str]) -> int | None:
    declared = re.search(r"nplurals\s*=\s*(\d+)", metadata.get("Plural-Forms", ""))
    return int(declared.group(1)) if declared else None


def _content_type_problems(metadata: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    content_type = metadata.get("Content-Type")
    if content_type is None:
        yield _HEADER_LINE, "header has no Content-Type (text/plain; charset=UTF-8)"
        return
    charset = re.search(r"charset\s*=\s*([\w.:-]+)", content_type, re.IGNORECASE)
    if charset is None or charset.group(1).lower() not in {"utf-8", "utf8"}:
        yield _HEADER_LINE, f"header Content-Type is {content_type!r}, expected charset=UTF-8"


def _language_problems(metadata: Mapping[str, str], language: str) -> Iterator[tuple[int, str]]:
    declared = metadata.get("Language", "").strip()
    if not declared:
        yield _HEADER_LINE, f"header has no Language (expected {language!r})"
    elif _base_language(declared) != _base_language(language):
        yield _HEADER_LINE, f"header Language is {declared!r}, the catalog is for {language!r}"


def _plural_forms_problems(
    metadata: Mapping[str, str], language: str
) -> Iterator[tuple[int, str]]:
    expected = expected_plural_count(language)
    plural_forms = metadata.get("Plural-Forms")
    declared = _declared_plural_count(metadata)
    if plural_forms is None:
        wanted = f" (nplurals={expected} for {language})" if expected else ""
        yield _HEADER_LINE, f"header has no Plural-Forms{wanted}"
    elif declared is None:
        yield _HEADER_LINE, f"header Plural-Forms {plural_forms!r} has no nplurals"
    elif expected is not None and declared != expected:
        yield (_HEADER_LINE, f"header Plural-Forms says nplurals={declared}, "
               f"{language} has {expected} plural forms")


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------

BUILTIN_CHECKS: dict[str, Check] = {
    "numbers": on_each_form(check_numbers),
    "dates": on_each_form(check_dates),
    "markup": on_each_form(check_markup),
    "whitespace": on_each_form(check_whitespace),
    "untranslated-copy": on_each_form(check_untranslated_copy),
    "script": on_each_form(check_script),
    "glossary": on_each_form(check_glossary),
    CATALOG: on_each_form(check_newlines),
}

#: Errors are what must not be printed; warnings are what a proofreader should look at.
DEFAULT_SEVERITIES: dict[str, str] = {
    "numbers": ERROR,
    "dates": ERROR,
    "markup": ERROR,
    "whitespace": WARNING,
    "untranslated-copy": WARNING,
    "script": ERROR,
    "glossary": ERROR,
    CATALOG: ERROR,
}


# --------------------------------------------------------------------------------------------
# Reading the files: a project's catalogs, or any catalogs named on the command line
# --------------------------------------------------------------------------------------------


@dataclass
class CheckReport:
    """Findings of every catalog checked, and the catalogs that could not be read."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    catalogs: int = 0

    @property
    def error_count(self) -> int:
        return sum(finding.severity == ERROR for finding in self.findings)


def check_catalog_files(
    files: Sequence[tuple[Path, str, str | None]],
    *,
    source_language: str,
    glossary: Glossary,
    settings: Mapping[str, str],
) -> CheckReport:
    """Check each (path, shown path, language or None for the header's) catalog."""
    from pubtool.coverage import language_from
    from pubtool.pofile import load_po

    registry = available_checks()
    enabled, severities = configure_checks(settings, registry)
    report = CheckReport()
    for path, shown, language in files:
        try:
            catalog = load_po(path)
        except CatalogError as error:
            error.file = shown
            report.errors.append(str(error))
            continue
        context = CheckContext(
            source_language=source_language,
            language=language or language_from(catalog, path),
            glossary=glossary,
        )
        report.catalogs += 1
        report.findings.extend(
            check_catalog(catalog, shown, context, enabled, severities, registry=registry)
        )
    return report
