"""Characters that hide text or break a printed page: bidi controls, invisible and control
characters, words no column can hold, and tokens with digits that must be kept as written."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from pubtool.checks.cldr import cldr_locale
from pubtool.checks.context import CheckContext
from pubtool.checks.links import without_links

#: Embeddings and overrides (LRE, RLE, PDF, LRO, RLO): they reorder the text that follows
#: them, the "Trojan Source" trick; no translation needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e")
#: Isolates (LRI, RLI, FSI, PDI): what Unicode recommends instead, and legitimate in
#: right-to-left text around a Latin name or a number.
BIDI_ISOLATES = frozenset("\u2066\u2067\u2068\u2069")
_PDI = "\u2069"
#: Zero-width space, word joiner, byte order mark: invisible, and they break search,
#: hyphenation and line breaking.
INVISIBLE = frozenset("\u200b\u2060\ufeff")
SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_JOINERS = frozenset("\u200c\u200d")
#: Scripts whose spelling uses ZWNJ and ZWJ (Persian "می‌شود", Indic conjuncts), and
#: emoji sequences joined by ZWJ.
_JOINER_SCRIPTS = (
    "ARABIC", "SYRIAC", "NKO", "MONGOLIAN", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI",
    "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "MYANMAR", "KHMER",
    "TIBETAN", "HEBREW",
)
#: Longer than this, a word cannot be set in a booklet column without overflowing it.
LONG_WORD = 60
#: What a line may not be broken inside: a run without spaces, dashes or slashes, and
#: without ideographs, kana or Hangul (a line may break between any two of those).
_UNBREAKABLE = re.compile(r"[^\s\-‐–—/\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_VERBATIM_TOKEN = re.compile(
    r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"  # an IPv4 address
    r"|(?<![A-Za-z0-9_-])[A-Z]{2,}[ \u00a0-]\d+(?:[-.:]\d+)*(?![A-Za-z0-9_])"  # RFC 2369
    r"|(?<![A-Za-z0-9_-])[A-Z][A-Za-z]*\d[A-Za-z0-9]*(?![A-Za-z0-9_])"  # EPUB3, IPv4, MP3
)


#: Control characters (category Cc) but the newline.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_DIGIT = re.compile(r"\d")


def _names(characters: Counter[str]) -> str:
    return ", ".join(
        f"U+{ord(char):04X} {unicodedata.name(char, 'control').lower()}"
        + (f" ×{count}" if count > 1 else "")
        for char, count in sorted(characters.items())
    )


@functools.cache
def _any_of(characters: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(char) for char in sorted(characters)) + "]")


def _added(source: str, translation: str, wanted: frozenset[str]) -> Counter[str]:
    """Characters of `wanted` the translation has more often than the source."""
    pattern = _any_of(wanted)
    if pattern.search(translation) is None:
        return Counter()
    return Counter(pattern.findall(translation)) - Counter(pattern.findall(source))


def check_bidi(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Bidi embeddings and overrides (U+202A–U+202E) the source does not have.

    They reorder what follows them, so the printed text is not the text that was reviewed.
    """
    added = _added(source, translation, BIDI_CONTROLS)
    if added:
        yield f"bidi control characters: {_names(added)}"


def is_right_to_left(language: str) -> bool:
    """Whether CLDR writes `language` right to left."""
    locale = cldr_locale(language)
    return locale is not None and locale.text_direction == "rtl"


def check_bidi_isolates(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Bidi isolates (U+2066–U+2069) in left-to-right text, or an isolate left open.

    In Arabic, Hebrew or Persian text an isolate keeps a Latin name or a number in order;
    in a left-to-right language it is invisible clutter, usually pasted from elsewhere.
    """
    opened = sum(translation.count(char) for char in BIDI_ISOLATES - {_PDI})
    if opened != translation.count(_PDI):
        yield (f"bidi isolates: {opened} opened, {translation.count(_PDI)} closed "
               "(U+2069 pop directional isolate)")
    if not is_right_to_left(context.language):
        added = _added(source, translation, BIDI_ISOLATES)
        if added:
            yield f"bidi isolates in left-to-right text: {_names(added)}"


def _uses_joiners(text: str) -> bool:
    """Whether `text` is written (partly) in a script that spells with ZWNJ/ZWJ."""
    return any(unicodedata.name(char, "").startswith(_JOINER_SCRIPTS)
               for char in text if char.isalpha())


def _joiner_is_spelling(text: str, index: int) -> bool:
    """Whether the ZWNJ/ZWJ at `index` stands beside a letter of a script that uses joiners
    or inside an emoji sequence."""
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    for char in (before, after):
        if char and (unicodedata.name(char, "").startswith(_JOINER_SCRIPTS)
                     or unicodedata.category(char) == "So"):
            return True
    return False


def check_invisible(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Invisible characters the source does not have: zero-width space, word joiner, byte
    order mark, runs of soft hyphens, and ZWNJ/ZWJ outside the scripts that spell with them.

    They cannot be seen in a PO editor or on the page, yet they split or glue words for
    search, hyphenation and line breaking.
    """
    added = _added(source, translation, INVISIBLE)
    if added:
        yield f"invisible characters: {_names(added)}"
    runs = len(re.findall(f"{SOFT_HYPHEN}{{2,}}", translation))
    if runs > len(re.findall(f"{SOFT_HYPHEN}{{2,}}", source)):
        yield f"{runs} run(s) of soft hyphens (U+00AD)"
    if (_any_of(ZERO_WIDTH_JOINERS).search(translation) is not None
            and _any_of(ZERO_WIDTH_JOINERS).search(source) is None
            and not _uses_joiners(translation)):
        stray = Counter(
            char for index, char in enumerate(translation)
            if char in ZERO_WIDTH_JOINERS and not _joiner_is_spelling(translation, index)
        )
        if stray:
            yield f"zero-width joiners outside a script that uses them: {_names(stray)}"


def check_control(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Control characters (other than the newlines the catalog check compares) the source
    does not have: a tab, a carriage return or an escape byte is invisible in an editor,
    and an XML renderer rejects most of them."""
    if _CONTROL.search(translation) is None:
        return
    added = Counter(_CONTROL.findall(translation)) - Counter(_CONTROL.findall(source))
    if added:
        yield f"control characters: {_names(added)}"


def check_long_word(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Words of more than 60 characters the source does not have (links aside).

    No booklet column holds one: it overflows the margin or is broken at a random place.
    A line may break at spaces, dashes and slashes, and between ideographs, kana or Hangul,
    so Chinese or Japanese sentences are not one word.
    """
    if all(len(piece) <= LONG_WORD for piece in translation.split()):
        return  # str.split first: a run without spaces is the longest a word can be
    source_words = set(_UNBREAKABLE.findall(without_links(source)))
    for word in dict.fromkeys(_UNBREAKABLE.findall(without_links(translation))):
        if len(word) <= LONG_WORD:
            continue
        letters = sum(1 for char in word if not unicodedata.combining(char))
        if letters > LONG_WORD and word not in source_words:
            yield f"a word of {letters} characters no column can hold: {word[:30]}…"


def verbatim_tokens(text: str) -> Counter[str]:
    """Tokens with digits that are names, not numbers: IPv4 addresses, EPUB3, RFC 2369."""
    if _DIGIT.search(text) is None:
        return Counter()
    return Counter(" ".join(match.group(0).split()).replace("\u00a0", " ")
                   for match in _VERBATIM_TOKEN.finditer(without_links(text)))


def check_verbatim_tokens(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """Each token with digits that names something (an address, a standard, a format) is in
    the translation exactly as in the source; the numbers check does not read them."""
    missing = verbatim_tokens(source) - verbatim_tokens(
        translation.replace("\u00a0", " ")
    )
    if missing:
        yield f"not kept as written: {', '.join(sorted(missing.elements()))}"
