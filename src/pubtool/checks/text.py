"""Markup, whitespace, copied source and scripts: what a proofreader would mark."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from pubtool.checks.cldr import writing_script
from pubtool.checks.context import CheckContext
from pubtool.checks.language import base_language, with_hebrew_marks
from pubtool.checks.links import link_targets, without_links
from pubtool.checks.numbers import _LETTERS, _SPACES, roman_value

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_STAR_EMPHASIS = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)", re.DOTALL)
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.DOTALL)
_HTML_TAG = re.compile(r"<(?P<name>/?[A-Za-z][A-Za-z0-9-]*|!--)(?=[\s/>]|$)")


def emphasis_counts(text: str) -> dict[str, int]:
    """How many `**strong**`, `*emphasis*` and `_emphasis_` spans a Markdown text has."""
    if "*" not in text and "_" not in text:
        return {"**strong**": 0, "*emphasis*": 0, "_emphasis_": 0}
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


_DOUBLE_SPACE = re.compile(rf"(?<=\S)[{_SPACES}]{{2,}}(?=\S)")
_TWO_SPACES = re.compile(rf"[{_SPACES}]{{2}}")


def _double_spaces(text: str) -> int:
    """How many runs of two or more spaces stand between two non-spaces."""
    if _TWO_SPACES.search(text) is None:  # a pattern starting with a lookbehind is slow
        return 0
    return len(_DOUBLE_SPACE.findall(text))
_END_PUNCTUATION = ".!?:;…"
_CLOSING_MARKS = "\"'”’»)]*_"
_QUOTE_MARKS = '“”«»„"'
_DIRECTED_QUOTE = re.compile("[«„“»”]")


def _edge_whitespace(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace other than newlines (those are the catalog check's)."""
    core = text.strip("\n")
    leading = core[: len(core) - len(core.lstrip())].replace("\n", "")
    trailing = core[len(core.rstrip()) :].replace("\n", "")
    return leading, trailing


def end_punctuation(text: str) -> str:
    """The sentence-ending marks at the end of `text`, looking through closing quotes,
    brackets and emphasis: `.` for both `end.”` and `end».`, `...` read as `…`."""
    core = text
    while True:  # str.rstrip, not a regex: a pattern anchored at the end is tried everywhere
        stripped = core.rstrip(_END_PUNCTUATION + _CLOSING_MARKS).rstrip()
        if stripped == core:
            break
        core = stripped
    marks = text[len(core) :]
    return "".join(mark for mark in marks.replace("...", "…") if mark in _END_PUNCTUATION)


def quote_imbalance(text: str) -> int:
    """How many quotation marks `text` leaves open (or closes without opening).

    « and „ open; » and ” close; “ closes a „ but opens otherwise (English “…”, Russian
    and German „…“). Straight quotes have no direction: an odd number counts as one.
    Hebrew gershayim and geresh typed as ASCII quotes (ד"ר) are abbreviation marks.
    """
    text = with_hebrew_marks(text)
    depth = low_open = 0
    for char in _DIRECTED_QUOTE.findall(text):
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
    doubles = _double_spaces(translation) - _double_spaces(source)
    if doubles > 0:
        yield f"{doubles} double space(s) the source does not have"
    yield from _end_punctuation_problems(source, translation)
    if quote_imbalance(translation) != quote_imbalance(source):
        yield (
            f"quotation marks: {quote_imbalance(translation)} left unbalanced, "
            f"the source leaves {quote_imbalance(source)}"
        )
    brackets = ("round brackets", "square brackets")
    balances = zip(brackets, bracket_balance(source), bracket_balance(translation), strict=True)
    for name, expected, found in balances:
        if expected != found:
            yield f"{name}: {found:+d} unclosed, the source has {expected:+d}"


def _edge_problems(source: str, translation: str) -> Iterator[str]:
    edges = zip(
        ("leading", "trailing"),
        _edge_whitespace(source),
        _edge_whitespace(translation),
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


_COPY_MIN_WORDS = 4


def check_untranslated_copy(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """The translation is the source copied over.

    PO editors offer "copy source" as a start; a copied paragraph then counts as
    translated and is printed in English under the Azerbaijani heading. Short texts
    (names, dates, "E.Suleymanova") legitimately stay as they are.
    """
    if base_language(context.language) == base_language(context.source_language):
        return
    if translation.strip() != source.strip():
        return
    words = len(_LETTERS.findall(source))
    if words >= _COPY_MIN_WORDS:
        yield f"translation is a copy of the source ({words} words)"


LATIN = "LATIN"
CYRILLIC = "CYRILLIC"
#: Every Cyrillic letter (the Cyrillic blocks and their supplements and extensions).
_CYRILLIC = re.compile(
    "[\u0400-\u052f\u1c80-\u1c8f\u1d2b\u2de0-\u2dff\ua640-\ua69f\U0001e030-\U0001e08f]"
)
#: The alphabets this check tells apart, by their ISO 15924 codes.
_ALPHABETS = {"Latn": LATIN, "Cyrl": CYRILLIC}
#: Letters that look right on screen but are the wrong character: ǝ (turned e) for ə (schwa).
LOOKALIKES = {"ǝ": "ə", "Ǝ": "Ə"}


def script_of(letter: str) -> str | None:
    """LATIN or CYRILLIC for a letter of those alphabets, None for anything else."""
    name = unicodedata.name(letter, "")
    for script in (LATIN, CYRILLIC):
        if name.startswith(script):
            return script
    return None


@functools.lru_cache(maxsize=1 << 16)
def _scripts_of_word(word: str) -> frozenset[str]:
    if word.isascii():
        return frozenset({LATIN})  # ASCII letters are Latin
    return frozenset(script for letter in word if (script := script_of(letter)) is not None)


def check_script(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Letters of the wrong alphabet.

    Which alphabet a language is written in is CLDR's (`writing_script`); the check tells
    Latin and Cyrillic apart. Cyrillic in Azerbaijani text, or Latin words in Russian text
    that the source does not have (abbreviations such as OSCE or AZERTAC stay as they are),
    usually mean a pasted fragment of another translation; a word mixing both alphabets
    hides a look-alike letter (Latin a in "Бaку") that breaks search and hyphenation.
    Azerbaijani ǝ (U+01DD) typed for ə (U+0259) looks identical and is wrong.
    """
    for wrong, right in LOOKALIKES.items():
        if wrong in translation:
            yield (f"{wrong} (U+{ord(wrong):04X}) used instead of {right} (U+{ord(right):04X})")
    expected = _ALPHABETS.get(writing_script(context.language) or "")
    if expected in {None, LATIN} and _CYRILLIC.search(translation) is None:
        return  # no Cyrillic letter: no word mixes scripts, none is foreign
    text = without_links(translation)
    words = dict.fromkeys(_LETTERS.findall(text))
    mixed = [word for word in words if len(_scripts_of_word(word)) > 1]
    if mixed:
        yield f"words mixing Latin and Cyrillic letters: {', '.join(mixed)}"
    if expected is None:
        return
    allowed = _allowed_foreign_words(source, context)
    foreign = [
        word
        for word in words
        if word not in mixed
        and _scripts_of_word(word) - {expected}
        and word not in allowed
        and roman_value(word) is None
    ]
    if foreign:
        script = "Cyrillic" if expected == LATIN else "Latin"
        yield f"{script} words not in the source or the glossary: {', '.join(foreign)}"


def _allowed_foreign_words(source: str, context: CheckContext) -> set[str]:
    """Words the translation may keep in another alphabet: the source's and glossary names,
    spelt as there (abbreviations and names keep their case)."""
    names = " ".join(context.glossary.names_for(context.language))
    return set(_LETTERS.findall(without_links(source) + " " + names))
