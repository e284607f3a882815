"""Find, for each changed source text, the old message it most likely replaced.

msgmerge compares every new message with every old one; at 50,000 paragraphs that is
hours. We prune first: an inverted index of rare words picks a handful of candidates
per new text, and only those are scored with rapidfuzz.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy
from rapidfuzz import fuzz, process

#: Below this similarity (0-100) an old translation is more misleading than helpful.
DEFAULT_CUTOFF = 60.0
_CANDIDATES = 25
#: Texts up to this long are compared with every old text: their rare words are too few to
#: find the best candidate (`Page type` is most like `Page types`, whose only shared word
#: is common), and rapidfuzz compares short strings quickly.
_SHORT = 80
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    """New text `new` most likely replaced old text `old`, with similarity `score` (0-100)."""

    new: int
    old: int
    score: float


def _tokens(text: str) -> frozenset[str]:
    """The text's words, lowercased.

    Text whose words are ASCII takes a byte table instead of the pattern, twice as fast:
    its word characters are letters, digits and `_`, lowercased by the table too.  Most
    other text is ASCII but for punctuation (typographic quotes and dashes), which
    separates words as a space does: replaced by spaces, it takes the table as well.
    Words with other letters are lowercased one by one, because lowercasing can change
    where words end (`İ` becomes `i` and a combining dot, which is not a word character).
    """
    if not text.isascii():
        for character in set(_NOT_ASCII.findall(text)):
            if _WORD.match(character):
                return frozenset(map(str.lower, _WORD.findall(text)))
            text = text.replace(character, " ")
    return frozenset(text.encode().translate(_ASCII_WORDS).decode().split())


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
#: Bytes of ASCII word characters (`\w`) kept and lowercased, every other byte a space.
_ASCII_WORDS = bytes(
    ord(chr(code).lower())
    if chr(code).isascii() and (chr(code).isalnum() or chr(code) == "_")
    else 32
    for code in range(256)
)


class TokenCache(dict[str, frozenset[str]]):
    """Each text's words, computed once: `update_catalog` searches the same texts twice."""

    def __missing__(self, text: str) -> frozenset[str]:
        tokens = self[text] = _tokens(text)
        return tokens


def match_changed(
    new_texts: Sequence[str],
    old_texts: Sequence[str],
    cutoff: float = DEFAULT_CUTOFF,
    *,
    tokens: TokenCache | None = None,
) -> list[Match]:
    """Each new text with the old text most like it (at least `cutoff`), if any.

    An old text may serve several new ones, as in msgmerge: when a statement reuses last
    year's paragraph and also edits it, both new paragraphs deserve the old translation as
    a fuzzy start, and handing it to only one would leave the other with a worse match.
    `tokens` lets several searches over the same texts split them into words once.
    """
    if not new_texts or not old_texts:
        return []
    tokens = TokenCache() if tokens is None else tokens
    searched = set().union(*(tokens[text] for text in new_texts if len(text) > _SHORT))
    index = _RareWordIndex([tokens[text] for text in old_texts], searched)
    # Old texts by length (then position), for scanning only those long enough and short
    # enough to reach the cutoff: a ratio is at most 200 * shorter / (both lengths).
    by_length = sorted(range(len(old_texts)), key=lambda position: len(old_texts[position]))
    lengths = [len(old_texts[position]) for position in by_length]
    texts_by_length = [old_texts[position] for position in by_length]
    matches: list[Match] = []
    for new_position, text in enumerate(new_texts):
        candidates = index.candidates(tokens[text]) if len(text) > _SHORT else []
        if candidates:
            choices = {position: old_texts[position] for position in candidates}
            best = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        else:  # a short text, or no rare word to go by: rapidfuzz scans all, in C++
            low = bisect.bisect_left(lengths, len(text) * cutoff / (200 - cutoff))
            high = bisect.bisect_right(lengths, len(text) * (200 - cutoff) / max(cutoff, 1))
            found = process.extractOne(
                text, texts_by_length[low:high], scorer=fuzz.ratio, score_cutoff=cutoff
            )
            best = None if found is None else (found[0], found[1], by_length[low + found[2]])
        if best is not None:
            _, score, old_position = best
            matches.append(Match(new_position, old_position, score))
    return matches


class _RareWordIndex:
    """Which old texts hold each rare word, and what a shared word is worth (1 / frequency).

    A word in more than `common` texts says little about which one a text came from, and
    would cost a vote for each of them: it gets no postings at all.  Only the `searched`
    words (those of the texts to be looked up) are counted and indexed: no other word can
    give a vote.
    """

    def __init__(self, token_sets: Sequence[frozenset[str]], searched: set[str]) -> None:
        common = max(50, min(len(token_sets) // 20, 500))
        searched_words = [tokens & searched for tokens in token_sets]
        frequency = Counter(chain.from_iterable(searched_words))
        rare = {token for token, count in frequency.items() if count <= common}
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for position, tokens in enumerate(searched_words):
            for token in tokens & rare:
                postings[token].append(position)
        self.size = len(token_sets)
        self.postings = {
            token: numpy.array(found, dtype=numpy.intp) for token, found in postings.items()
        }
        self.weights = {token: 1.0 / len(found) for token, found in postings.items()}

    def candidates(self, tokens: frozenset[str]) -> list[int]:
        """Old texts sharing the most rare words with `tokens` (rarer words weigh more).

        Each shared word votes its weight for each old text holding it.  At 50,000
        paragraphs that is some 16 million votes, half the merge when a Python loop
        counted them; numpy counts them here, with the loop's result: `bincount` adds each
        text's votes in the order given, the words' sorted order (set order differs from
        process to process, and a sum of floats depends on its order), and ties go to the
        text voted for first, as a stable sort of the texts in voting order gives them.
        """
        found = sorted(tokens & self.postings.keys())
        if not found:
            return []
        postings = [self.postings[token] for token in found]
        voters = numpy.concatenate(postings)  # the old text of each vote, in voting order
        weights = numpy.repeat([self.weights[token] for token in found], list(map(len, postings)))
        votes = numpy.bincount(voters, weights=weights, minlength=self.size)
        voted = numpy.flatnonzero(votes)
        if len(voted) > _CANDIDATES:  # only texts with at least the 25th most votes can place
            least = numpy.sort(votes[voted])[-_CANDIDATES]
            voters = voters[votes[voters] >= least]
        voted, first_vote = numpy.unique(voters, return_index=True)
        ranked = numpy.lexsort((first_vote, -votes[voted]))[:_CANDIDATES]
        return [int(position) for position in voted[ranked]]
