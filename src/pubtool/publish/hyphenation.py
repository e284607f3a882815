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

    WeasyPrint calls ``pyphen.language_fallback(lang)`` and then ``pyphen.Pyphen(lang=...)``;
    the first looks in ``LANGUAGES_LOWERCASE``, the second in ``LANGUAGES``. Adding to both is
    the way pyphen's maintainers give for extra dictionaries until a public register function
    exists (Kozea/WeasyPrint#1945). The parsed patterns are put in pyphen's cache wrapped in
    :class:`AzerbaijaniPatterns` so that ``İ`` and ``I`` are lower-cased correctly.

    Idempotent. Calling ``pyphen.Pyphen(lang="az", cache=False)`` replaces the cached patterns
    with plain ones; call this again afterwards.
    """
    path = dictionary_path()
    for code in LANGUAGE_CODES:
        pyphen.LANGUAGES[code] = path
        pyphen.LANGUAGES_LOWERCASE[code.lower()] = code
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


if __name__ == "__main__":
    write_dictionary(Path(__file__).with_name("data") / DICTIONARY_FILENAME)
