from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pubtool.po.matching import _CANDIDATES, _RareWordIndex, _tokens, match_changed

OLD = [
    "On the night of January 19-20, 1990, 147 civilians were killed in Baku.",
    "The Alley of Martyrs became a holy place and sanctuary for our nation.",
    "The statement is addressed to the UN Secretary-General and the OSCE.",
]


def test_edited_texts_find_their_predecessors() -> None:
    new = [
        "The statement is addressed to the UN Secretary-General, the OSCE and UNESCO.",
        "On the night of January 19-20, 1990, 150 civilians were killed in Baku.",
        "Something else entirely, with no old text behind it.",
    ]
    pairs = {(m.new, m.old) for m in match_changed(new, OLD)}
    assert pairs == {(0, 2), (1, 0)}


def test_an_old_text_may_serve_two_new_ones() -> None:
    new = [
        "The Alley of Martyrs became a holy place for our nation.",
        "The Alley of Martyrs became a holy place and sanctuary for our nation!",
    ]
    matches = match_changed(new, OLD)
    assert [(m.new, m.old) for m in matches] == [(0, 1), (1, 1)]
    assert matches[1].score > 95 > matches[0].score


def test_nothing_to_match() -> None:
    assert match_changed([], OLD) == []
    assert match_changed(["x"], []) == []


def test_short_texts_of_common_words_still_match() -> None:
    old = [f"Paragraph number {i} of the text." for i in range(300)] + ["of the the"]
    assert [(m.new, m.old) for m in match_changed(["of the the."], old)] == [(0, 300)]


def reference_candidates(index: _RareWordIndex, tokens: frozenset[str]) -> list[int]:
    """The candidates as a plain loop counts them: votes summed word by word in sorted
    order, ties to the text voted for first (a stable sort keeps insertion order)."""
    votes: dict[int, float] = {}
    for token in sorted(tokens & index.postings.keys()):
        for position in index.postings[token].tolist():
            votes[position] = votes.get(position, 0.0) + index.weights[token]
    return sorted(votes, key=votes.__getitem__, reverse=True)[:_CANDIDATES]


# Few words over many texts: many texts share words and tie on votes, and a word's
# weight 1/n makes sums whose last bits depend on the order they are added in.
WORDS = [f"w{i}" for i in range(30)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.frozensets(st.sampled_from(WORDS), max_size=8), min_size=40, max_size=200),
    st.frozensets(st.sampled_from(WORDS), min_size=2, max_size=12),
)
def test_candidates_are_those_a_plain_vote_count_ranks_first(
    old: list[frozenset[str]], looked_up: frozenset[str]
) -> None:
    index = _RareWordIndex(old, set(WORDS))
    assert index.candidates(looked_up) == reference_candidates(index, looked_up)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Baku", "MARTYRS", "x_1", "’", "“", "—", "é", "İstanbul", "ǅ", " ", ".", "\udc80"]
        )
        | st.text(max_size=4),
        max_size=10,
    ).map("".join)
)
def test_words_are_those_the_word_pattern_finds_lowercased(text: str) -> None:
    assert _tokens(text) == frozenset(word.lower() for word in re.findall(r"\w+", text))
