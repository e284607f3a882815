"""Facing-page pagination: both pages of a spread start at the same pair, none runs ahead."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from pubtool.publish.spreads import paginate


def test_the_longer_language_decides_where_the_spread_ends() -> None:
    heights = [(30, 50), (30, 50), (30, 50)]  # the right page's language runs longer
    spreads = paginate(heights, 110, slack=0)
    assert [s.pairs for s in spreads] == [[0, 1], [2]]
    assert spreads[0].used == [60, 100]  # the left page keeps 50 pt of white at its foot


def test_a_heading_stays_with_the_pair_after_it() -> None:
    heights = [(40, 40), (40, 40), (10, 10), (40, 40)]
    keep = [False, False, True, False]
    spreads = paginate(heights, 100, keep_with_next=keep, slack=0)
    assert [s.pairs for s in spreads] == [[0, 1], [2, 3]]


def test_a_pair_taller_than_a_page_stands_alone() -> None:
    spreads = paginate([(10, 10), (300, 20), (10, 10)], 100, slack=0)
    assert [s.pairs for s in spreads] == [[0], [1], [2]]


pairs = st.lists(st.tuples(st.floats(1, 120), st.floats(1, 120)), min_size=1, max_size=40)


@given(pairs, st.lists(st.booleans(), max_size=40))
def test_every_pair_once_in_order_and_no_page_overfull(heights, keep) -> None:  # type: ignore[no-untyped-def]
    spreads = paginate(heights, 100, keep_with_next=keep, slack=0)
    assert [i for s in spreads for i in s.pairs] == list(range(len(heights)))
    for spread in spreads:
        for side in (0, 1):
            used = sum(heights[i][side] for i in spread.pairs)
            # the same heights added in another order (a pair moved on with its heading)
            # differ in the last bits of a float
            assert math.isclose(used, spread.used[side], rel_tol=1e-12)
            assert used <= 100 + 1e-9 or len(spread.pairs) == 1
    # no spread could have taken the next spread's first pair
    for spread, following in zip(spreads, spreads[1:], strict=False):
        first = following.pairs[0]
        if not (first < len(keep) and keep[first]):
            assert any(spread.used[side] + heights[first][side] > 100 for side in (0, 1))
