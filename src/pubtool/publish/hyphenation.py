"""Azerbaijani hyphenation for pyphen, and so for WeasyPrint's ``hyphens: auto``.

pyphen ships no Azerbaijani dictionary, so justified Azerbaijani text is never hyphenated and
shows wide gaps. Azerbaijani syllabifies by a few regular rules, so the Liang patterns below are
generated from those rules rather than learnt from a word list, and shipped as
``pubtool/publish/data/hyph_az_AZ.dic`` in the Hunspell/LibreOffice format that pyphen
reads. The tests regenerate the file and compare it with the shipped one, so the two cannot
drift apart.

Regenerate the shipped file after changing the rules with ``python -m pubtool.publish.hyphenation``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyphen

VOWELS = "aıoueəiöü"
"""The nine Azerbaijani vowels; every syllable has exactly one of them."""

CONSONANTS = "bcçdfgğhxjkqlmnprsştvyz" + "w"
"""The 23 Azerbaijani consonants, plus ``w``, which is not Azerbaijani but occurs in foreign
names; classing it as a consonant keeps it from acting as a syllable boundary of its own."""

LANGUAGE_CODES = ("az", "az_AZ", "az_Latn")
"""Keys registered in pyphen; ``language_fallback`` maps ``az-Latn-AZ`` and the like onto them."""

DICTIONARY_FILENAME = "hyph_az_AZ.dic"

MIN_FRAGMENT = 2
"""Typographic rule: never leave a single letter at a line end nor carry one to the next line."""

_AZERBAIJANI_CAPITAL_I = str.maketrans({"İ": "i", "I": "ı"})


def hyphenation_patterns() -> list[str]:
    """Liang patterns that encode the Azerbaijani syllable rules, in a stable order.

    The rules: every syllable has exactly one vowel; a single consonant between vowels starts
    the next syllable (a-ta); of two consonants the second does (qar-daş), of three the last
    (türk-lər); two adjacent vowels belong to different syllables (fa-ci-ə). All of these say
    the same thing: *a syllable starts at the consonant directly before its vowel, or at the
    vowel itself when no consonant precedes it*. In Liang's notation (odd digit: break allowed,
    even digit: break forbidden, higher digit wins) that is:

    * ``1v`` for each vowel: a break before every vowel (hiatus, a-ə);
    * ``1c2v`` for each consonant-vowel pair: a break before the consonant that carries the
      vowel, and the ``2`` cancels the ``1v`` break between that consonant and its vowel;
    * ``.c2c2`` for each word-initial consonant pair: letters before the first vowel cannot end
      a syllable, so loanword onsets stay whole (stadion, not s-tadion; strategiya, not
      st-rategiya). Later consonants need no rule: with no vowel after them they never match
      ``1c2v``, so final clusters stay whole (türk, xalq).

    The minimum of two letters on each side is not a pattern: pyphen and WeasyPrint take it from
    the caller (``left``/``right``, ``hyphenate-limit-chars``), LibreOffice from the header.
    """
    hiatus = [f"1{vowel}" for vowel in VOWELS]
    onsets = [f"1{consonant}2{vowel}" for consonant in CONSONANTS for vowel in VOWELS]
    initial_clusters = [f".{first}2{second}2" for first in CONSONANTS for second in CONSONANTS]
    return hiatus + onsets + initial_clusters


def render_dictionary() -> str:
    """The full text of ``hyph_az_AZ.dic``: charset line, minimum-length header, patterns.

    pyphen reads the charset from the first line and skips ``%`` comments and the
    ``LEFTHYPHENMIN``/``RIGHTHYPHENMIN`` lines; LibreOffice's libhyphen honours the latter.
    """
    header = [
        "UTF-8",
        f"LEFTHYPHENMIN {MIN_FRAGMENT}",
        f"RIGHTHYPHENMIN {MIN_FRAGMENT}",
        "% Azerbaijani (Latin script) hyphenation patterns, generated from syllable rules",
        "% by pubtool.publish.hyphenation; regenerate with: python -m pubtool.publish.hyphenation",
    ]
    return "\n".join(header + hyphenation_patterns()) + "\n"


def write_dictionary(target: Path) -> None:
    """Write the generated dictionary to ``target`` (used to refresh the shipped copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_dictionary(), encoding="utf-8", newline="\n")


def dictionary_path() -> Traversable:
    """The dictionary shipped as package data (a plain path in any unzipped install)."""
    return resources.files("pubtool.publish").joinpath("data", DICTIONARY_FILENAME)


def azerbaijani_lower(text: str) -> str:
    """Lower-case with Azerbaijani rules, keeping one character per character.

    ``str.lower`` turns ``İ`` into ``i`` plus a combining dot (two code points), which shifts
    every break pyphen finds after it by one (``İns-an``), and turns ``I`` into ``i`` instead
    of ``ı``.
    """
    return text.translate(_AZERBAIJANI_CAPITAL_I).lower()


class AzerbaijaniPatterns:
    """pyphen's parsed patterns, fed words lower-cased the Azerbaijani way.

    ``pyphen.Pyphen`` only calls ``positions`` on the object it keeps in ``pyphen.hdcache``, so
    this adapter stands in for ``pyphen.HyphDict`` there.
    """

    def __init__(self, patterns: Any) -> None:
        self._patterns = patterns

    def positions(self, word: str) -> list[int]:
        """Break positions in ``word``; valid for the original because lowering keeps length."""
        positions: list[int] = self._patterns.positions(azerbaijani_lower(word))
        return positions


@cache
def _azerbaijani_patterns() -> AzerbaijaniPatterns:
    """Parse the shipped dictionary once per process."""
    return AzerbaijaniPatterns(pyphen.HyphDict(dictionary_path()))


def register_azerbaijani_hyphenation() -> None:
    """Make ``pyphen.Pyphen(lang=...)``, and so WeasyPrint, use our dictionary for ``az``.

    WeasyPrint 70 looks a language up with ``pyphen.language_fallback(lang)`` and then
    ``pyphen.Pyphen(lang=...)``, which read pyphen's module tables ``LANGUAGES_LOWERCASE``
    and ``LANGUAGES``; it takes no dictionary as an argument, so adding to those tables is
    the only way in, and the way pyphen's maintainers give until a public register function
    exists (Kozea/WeasyPrint#1945). Soft hyphens in the text instead would hyphenate a third
    of the lines (no limit zone applies to them; benchmarks/README.md). This is the one mark
    pubtool leaves on another library, and it only adds: codes pyphen already knows (a
    pyphen that ships Azerbaijani, or a dictionary the application registered) are left as
    they are, so no other user of pyphen in the process sees a change in a language it
    had. The parsed patterns go in
    pyphen's cache, under our own file's path, wrapped in :class:`AzerbaijaniPatterns` so
    that ``İ`` and ``I`` are lower-cased correctly.

    Idempotent. Two threads may both put the wrapper in the cache; each puts an equal one.
    ``pyphen.Pyphen(filename=<our file>, cache=False)`` would replace the cached patterns
    with plain ones; call this again afterwards.
    """
    path = dictionary_path()
    for code in LANGUAGE_CODES:
        pyphen.LANGUAGES.setdefault(code, path)
        pyphen.LANGUAGES_LOWERCASE.setdefault(code.lower(), code)
    if not isinstance(pyphen.hdcache.get(path), AzerbaijaniPatterns):
        pyphen.hdcache[path] = _azerbaijani_patterns()


def hyphenate_word(word: str, *, left: int = MIN_FRAGMENT, right: int = MIN_FRAGMENT) -> list[str]:
    """Split ``word`` at every allowed hyphenation point, as WeasyPrint would.

    With ``left=1, right=1`` the parts are the plain syllables (``A-zər-bay-can``); the
    defaults apply the two-letter minimum (``Azər-bay-can``).
    """
    register_azerbaijani_hyphenation()
    dictionary = pyphen.Pyphen(lang="az", left=left, right=right)
    bounds = [0, *dictionary.positions(word), len(word)]
    return [word[start:end] for start, end in pairwise(bounds)]


# --- bounded line breaking --------------------------------------------------------------------

LONGEST_WORD = 40
"""Characters: longer than any word a dictionary knows (Azerbaijani's long agglutinated words
stay under 35), and about what a booklet column holds. A longer run without a break
opportunity is a pasted blob (base64, a run of letters) or a URL."""

WORD_PIECE = 20
"""Characters between the break opportunities given to an overlong word."""

LONGEST_RUN = 8_000
"""Characters of a paragraph set without a forced line break. WeasyPrint hands the rest of
the paragraph to Pango for every line, so a paragraph's cost grows with the square of its
length; a forced break after a sentence every few pages keeps it linear."""

ZERO_WIDTH_SPACE = "\u200b"
_OVERLONG_WORD = re.compile(rf"[^\s\u200b]{{{LONGEST_WORD + 1},}}")
_SENTENCE_END = re.compile(r"[.!?…;][\"'»”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def break_overlong_words(text: str) -> str:
    """``text`` with a zero-width space every ``WORD_PIECE`` characters inside overlong words.

    A zero-width space is a line-break opportunity that prints nothing; without one, laying
    out a 20,000-character word takes WeasyPrint minutes. Combining marks stay with their
    base letter. Ordinary words are left whole, for hyphenation to break them properly.
    """
    if len(text) <= LONGEST_WORD:
        return text
    return _OVERLONG_WORD.sub(lambda match: _pieces(match.group()), text)


def _pieces(word: str) -> str:
    parts = []
    start = 0
    while len(word) - start > WORD_PIECE:
        end = start + WORD_PIECE
        while end < len(word) and unicodedata.combining(word[end]):
            end += 1
        parts.append(word[start:end])
        start = end
    parts.append(word[start:])
    return ZERO_WIDTH_SPACE.join(part for part in parts if part)


def split_overlong_run(text: str, already: int = 0) -> list[str]:
    """``text`` cut into runs of at most about ``LONGEST_RUN`` characters, for forced breaks.

    ``already`` counts the characters of the paragraph set since its last break. Each cut
    falls after a sentence where there is one in the last quarter of the run, else after a
    space, else (no space at all) at the limit.
    """
    runs = []
    while already + len(text) > LONGEST_RUN:
        limit = max(LONGEST_RUN - already, 1)
        window = text[:limit]
        cut = _last_end(_SENTENCE_END, window, limit * 3 // 4) or _last_end(_SPACE, window, 1)
        cut = cut or limit
        runs.append(text[:cut])
        text = text[cut:]
        already = 0
    runs.append(text)
    return runs


def _last_end(pattern: re.Pattern[str], text: str, start: int) -> int:
    """Where the last match of ``pattern`` in ``text[start:]`` ends; 0 when none."""
    end = 0
    for match in pattern.finditer(text, start):
        end = match.end()
    return end


# --- addresses --------------------------------------------------------------------------------

ADDRESS = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"\u200b]+?(?=[.,;:!?)\]»”’]*(?:\s|$))"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    re.IGNORECASE,
)
"""A web address or an e-mail address in running text, without the punctuation after it."""

_ADDRESS_BREAK = re.compile(r"(?<=[/.?&=-])(?=[^/.?&=-])")


def address_pieces(address: str) -> list[str]:
    """``address`` cut after each ``/ . ? & = -`` (a run of them stays together: ``//``).

    Between the pieces an address may break across lines, and nowhere else: a reader can
    tell where it goes on, and no added hyphen makes it a different address. A piece longer
    than a column still gets the overlong-word breaks, so layout stays bounded.
    """
    return [break_overlong_words(piece) for piece in _ADDRESS_BREAK.split(address)]


if __name__ == "__main__":
    write_dictionary(Path(__file__).with_name("data") / DICTIONARY_FILENAME)
