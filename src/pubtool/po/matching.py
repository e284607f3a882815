"""Find, for each changed source text, the old message it most likely replaced.

msgmerge compares every new message with every old one; at 50,000 paragraphs that is
hours. We prune first: an inverted index of rare words picks a handful of candidates
per new text, and only those are scored with rapidfuzz.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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


def _tokens(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def match_changed(
    new_texts: Sequence[str], old_texts: Sequence[str], cutoff: float = DEFAULT_CUTOFF
) -> list[Match]:
    """Each new text with the old text most like it (at least `cutoff`), if any.

    An old text may serve several new ones, as in msgmerge: when a statement reuses last
    year's paragraph and also edits it, both new paragraphs deserve the old translation as
    a fuzzy start, and handing it to only one would leave the other with a worse match.
    """
    if not new_texts or not old_texts:
        return []
    index: defaultdict[str, list[int]] = defaultdict(list)
    for position, text in enumerate(old_texts):
        for token in _tokens(text):
            index[token].append(position)
    # Old texts by length (then position), for scanning only those long enough and short
    # enough to reach the cutoff: a ratio is at most 200 * shorter / (both lengths).
    by_length = sorted(range(len(old_texts)), key=lambda position: len(old_texts[position]))
    lengths = [len(old_texts[position]) for position in by_length]
    texts_by_length = [old_texts[position] for position in by_length]
    matches: list[Match] = []
    for new_position, text in enumerate(new_texts):
        candidates = _candidates(text, index, len(old_texts)) if len(text) > _SHORT else []
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


def _candidates(text: str, index: dict[str, list[int]], total: int) -> list[int]:
    """Old texts sharing the most rare words with `text` (rarer words weigh more).

    A word's postings are its document frequency. Words are visited in sorted order so the
    votes, sums of floats, come out the same in every process (set order is not).
    """
    votes: defaultdict[int, float] = defaultdict(float)
    common = max(50, min(total // 20, 500))
    for token in sorted(_tokens(text)):
        postings = index.get(token)
        if not postings or len(postings) > common:
            continue
        weight = 1.0 / len(postings)
        for position in postings:
            votes[position] += weight
    return heapq.nlargest(_CANDIDATES, votes, key=votes.__getitem__)
