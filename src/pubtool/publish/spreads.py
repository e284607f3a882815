"""Facing pages: which pairs go on which spread, so both pages of a spread start at the same
pair and neither runs ahead of the other.

The classic parallel-text edition (Loeb, reledpar) sets one language on the left page and the
other on the right. A page cannot simply flow on: the left page's overflow would land on the
right page. So the booklet is paginated here, spread by spread, from the height each block
takes in each language at the page's measure (measured with WeasyPrint's own layout, see
`publish/facing.py`): a spread takes pairs while both pages still have room for the next one;
the language that runs longer decides where the spread ends and the other page keeps white
space at its foot. A pair taller than a page is cut beforehand, in both languages, into
pieces a page high, and goes on on the next spread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Spread:
    """The pairs of one spread (indexes into the statement's pairs), the same on the left and
    the right page, and the height they take on each page."""

    pairs: list[int] = field(default_factory=list)
    used: list[float] = field(default_factory=list)


def paginate(
    heights: Sequence[Sequence[float]],
    page_height: float,
    *,
    keep_with_next: Sequence[bool] = (),
    slack: float = 0.5,
) -> list[Spread]:
    """Spreads for one statement's pairs. `heights[i][k]` is pair i's height on page k (0:
    left, 1: right), margins included; `keep_with_next[i]` keeps pair i (a heading, the
    title) on the spread of the pair after it. Pairs taller than a page are cut into pieces
    before this (`publish/facing.py`); one that still is (a single unbreakable line) stands
    alone on its spread. `slack` (points) absorbs rounding between measure and render.
    """
    room = page_height - slack
    sides = len(heights[0]) if heights else 2
    spreads: list[Spread] = []
    current = Spread(used=[0.0] * sides)
    index = 0
    while index < len(heights):
        group = [index]  # a kept-with-next pair travels with the pair after it
        while group[-1] < len(heights) - 1 and _kept(keep_with_next, group[-1]):
            group.append(group[-1] + 1)
        need = [sum(heights[i][side] for i in group) for side in range(sides)]
        fits = all(current.used[side] + need[side] <= room for side in range(sides))
        if not fits and current.pairs:
            spreads.append(current)
            current = Spread(used=[0.0] * sides)
            continue
        if not fits:  # taller than an empty page: what fits of the group, at least one pair
            group = _fitting_prefix(heights, group, room) or group[:1]
            need = [sum(heights[i][side] for i in group) for side in range(sides)]
        current.pairs.extend(group)
        current.used = [current.used[side] + need[side] for side in range(sides)]
        index = group[-1] + 1
    if current.pairs:
        spreads.append(current)
    return spreads


def _fitting_prefix(heights: Sequence[Sequence[float]], group: list[int], room: float) -> list[int]:
    taken: list[int] = []
    for i in group:
        if any(
            sum(heights[j][side] for j in [*taken, i]) > room for side in range(len(heights[i]))
        ):
            break
        taken.append(i)
    return taken


def _kept(keep_with_next: Sequence[bool], index: int) -> bool:
    return index < len(keep_with_next) and keep_with_next[index]
