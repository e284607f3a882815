"""Find, for each changed source text, the old message it most likely replaced.

msgmerge compares every new message with every old one; at 50,000 paragraphs that is
hours. We prune first: an inverted index of rare words picks a handful of candidates
per new text, and only those are scored with rapidfuzz.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

#: Below this similarity (0-100) an old translation is more misleading than helpful.
DEFAULT_CUTOFF = 60.0
_CANDIDATES = 12
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
    """Pair new texts with old ones, best pairs first, each old text used at most once."""
    if not new_texts or not old_texts:
        return []
    old_tokens = [_tokens(text) for text in old_texts]
    document_frequency: Counter[str] = Counter()
    index: defaultdict[str, list[int]] = defaultdict(list)
    for position, tokens in enumerate(old_tokens):
        document_frequency.update(tokens)
        for token in tokens:
            index[token].append(position)
    proposals: list[Match] = []
    for new_position, text in enumerate(new_texts):
        candidates = _candidates(text, index, document_frequency, len(old_texts))
        if candidates:
            for old_position in candidates:
                score = fuzz.ratio(text, old_texts[old_position], score_cutoff=cutoff)
                if score:
                    proposals.append(Match(new_position, old_position, score))
        else:  # no rare word to go by (a short text): rapidfuzz scans all, in C++
            for _, score, old_position in process.extract(
                text, old_texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=_CANDIDATES
            ):
                proposals.append(Match(new_position, old_position, score))
    proposals.sort(key=lambda m: (-m.score, m.new, m.old))
    taken_new: set[int] = set()
    taken_old: set[int] = set()
    matches = []
    for proposal in proposals:
        if proposal.new in taken_new or proposal.old in taken_old:
            continue
        taken_new.add(proposal.new)
        taken_old.add(proposal.old)
        matches.append(proposal)
    return sorted(matches, key=lambda m: m.new)


def _candidates(
    text: str, index: dict[str, list[int]], frequency: Counter[str], total: int
) -> list[int]:
    """Old texts sharing the most rare words with `text` (rarer words weigh more)."""
    votes: defaultdict[int, float] = defaultdict(float)
    tokens = sorted(_tokens(text), key=lambda t: (frequency.get(t, 0), t))
    common = max(50, total // 20)
    for token in tokens:
        postings = index.get(token)
        if not postings or len(postings) > common:
            continue
        weight = 1.0 / len(postings)
        for position in postings:
            votes[position] += weight
    best = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    return [position for position, _ in best[:_CANDIDATES]]
