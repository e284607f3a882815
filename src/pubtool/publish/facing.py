"""Facing pages (`--layout facing`): one language on the left page, the other on the right,
spread by spread, measured with WeasyPrint's own layout.

The booklet is set in three steps (docs/booklet.md, "Facing pages"):

1. measure: every cell of every statement, each language in a page as wide as the facing
   page's text and very tall, laid out once by WeasyPrint; each cell's height is read from
   `Page.anchors` (the box of each element with an id). A cell taller than a page is laid out
   again word by word, cut after the last line that fits, and its pieces measured;
2. paginate: `spreads.paginate` groups each statement's pairs into spreads;
3. set: the booklet's HTML with one left-page box and one right-page box per spread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pubtool.errors import RenderError
from pubtool.publish.documents import Document, Row
from pubtool.publish.render import ConfinedFetcher, Edition, pair_numbers, render_html
from pubtool.publish.spreads import paginate

#: Paper sizes in millimetres (width, height), for the pages `render.PAPER_SIZES` names.
PAPER_MM = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A6": (105.0, 148.0),
    "LETTER": (215.9, 279.4),
    "HALF-LETTER": (139.7, 215.9),
}
#: The page margins of `booklet.css` (`@page`, `:left`, `:right`) added up: 14 + 20 mm across
#: (outer and inner, mirrored), 18 + 20 mm down. The text area is the page less these.
MARGINS_ACROSS_MM = 34.0
MARGINS_DOWN_MM = 38.0
PX_PER_MM = 96 / 25.4  # WeasyPrint's positions are CSS pixels
SLACK_PX = 2.0  # rounding between measure and page; a page is never filled to the last pixel
LAYOUTS = ("columns", "facing")


@dataclass(frozen=True)
class Pair:
    """One row of a statement as the facing layout sets it: the title, the dates and issuer
    ("meta"), a body block, a signature line or a note; `number` is its pair number."""

    index: int
    kind: str
    group: str  # title | meta | body | signature | notes
    row: Row
    number: int | None = None

    @property
    def keep_with_next(self) -> bool:
        return self.group in ("title", "meta") or self.kind == "heading"


@dataclass(frozen=True)
class Piece:
    """What of a pair's cell stands on one page: all of it (`text` None) or, for a cell
    taller than a page, part `part` of its words."""

    pair: int
    part: int = 0
    text: str | None = None


@dataclass
class FacingSpread:
    sides: tuple[list[Piece], list[Piece]] = field(default_factory=lambda: ([], []))


@dataclass(frozen=True)
class FacingLayout:
    """What the template needs: each statement's pairs and spreads."""

    pairs: Mapping[str, Sequence[Pair]]
    spreads: Mapping[str, Sequence[FacingSpread]]


@dataclass(frozen=True)
class MeasureItem:
    """One cell (or piece) to lay out in the measuring page; `words` puts each word in a box
    of its own, to find where lines start."""

    id: str
    document: Document
    pair: Pair
    side: int
    piece: Piece
    words: tuple[str, ...] = ()


def statement_pairs(document: Document) -> list[Pair]:
    body_numbers = pair_numbers(document)
    rows: list[tuple[str, Row, int | None]] = [
        ("title", document.title, None),
        ("meta", document.issuer, None),
        *(("body", row, number) for row, number in zip(document.body, body_numbers, strict=True)),
        *(("signature", row, None) for row in document.signature),
        *(("notes", row, None) for row in document.notes),
    ]
    return [
        Pair(index, row.kind, group, row, number) for index, (group, row, number) in enumerate(rows)
    ]


def check_facing_languages(languages: Sequence[str]) -> None:
    if len(languages) != 2:
        raise RenderError(
            f"--layout facing sets exactly two languages, one a page (got {len(languages)}: "
            f"{', '.join(languages)})"
        )


def text_area_px(paper: str) -> tuple[float, float]:
    width, height = PAPER_MM[paper]
    return (width - MARGINS_ACROSS_MM) * PX_PER_MM, (height - MARGINS_DOWN_MM) * PX_PER_MM


def facing_html(
    documents: Sequence[Document],
    edition: Edition,
    template_dirs: Sequence[Path],
    *,
    numbers: bool = False,
    notice: Callable[[str], None] | None = None,
) -> str:
    """The booklet's HTML with facing pages: measured, paginated, set."""
    check_facing_languages(edition.languages)
    width, height = text_area_px(edition.paper)
    pairs = {document.id: statement_pairs(document) for document in documents}
    measure = _Measurer(documents, edition, template_dirs, numbers, width)
    whole = measure.heights(
        [
            MeasureItem(
                _cell_id(document.id, pair.index, side, 0), document, pair, side, Piece(pair.index)
            )
            for document in documents
            for pair in pairs[document.id]
            for side in (0, 1)
        ]
    )
    room = height - SLACK_PX
    too_tall = [
        (document, pair, side)
        for document in documents
        for pair in pairs[document.id]
        for side in (0, 1)
        if whole[_cell_id(document.id, pair.index, side, 0)] > room
    ]
    pieces = measure.cut(too_tall, room) if too_tall else {}
    spreads: dict[str, list[FacingSpread]] = {}
    for document in documents:
        spreads[document.id] = _spreads(document, pairs[document.id], whole, pieces, height)
    layout = FacingLayout(pairs, spreads)
    return render_html(
        documents, edition, template_dirs, numbers=numbers, facing=layout, notice=notice
    )


def _spreads(
    document: Document,
    pairs: Sequence[Pair],
    whole: Mapping[str, float],
    pieces: Mapping[tuple[str, int, int], list[tuple[Piece, float]]],
    page_height: float,
) -> list[FacingSpread]:
    """Pairs to spreads; a pair cut into pieces takes as many rows as its longer side has."""
    rows: list[tuple[list[Piece | None], list[float]]] = []
    keep: list[bool] = []
    for pair in pairs:
        sides = []
        for side in (0, 1):
            cut = pieces.get((document.id, pair.index, side))
            if cut is None:
                sides.append(
                    [(Piece(pair.index), whole[_cell_id(document.id, pair.index, side, 0)])]
                )
            else:
                sides.append(cut)
        count = max(len(side) for side in sides)
        for part in range(count):
            found = [side[part] if part < len(side) else None for side in sides]
            rows.append(
                (
                    [item[0] if item else None for item in found],
                    [item[1] if item else 0.0 for item in found],
                )
            )
            keep.append(pair.keep_with_next and part == count - 1)
    result = []
    for spread in paginate(
        [heights for _, heights in rows], page_height, keep_with_next=keep, slack=SLACK_PX
    ):
        made = FacingSpread()
        for index in spread.pairs:
            for side, piece in enumerate(rows[index][0]):
                if piece is not None:
                    made.sides[side].append(piece)
        result.append(made)
    return result


def _cell_id(document: str, pair: int, side: int, part: int) -> str:
    return f"m-{document}-{pair}-{side}-{part}"


class _Measurer:
    """Lays out cells in a page of the text's width and reads their heights."""

    def __init__(
        self,
        documents: Sequence[Document],
        edition: Edition,
        template_dirs: Sequence[Path],
        numbers: bool,
        width: float,
    ) -> None:
        self.documents = documents
        self.edition = edition
        self.template_dirs = template_dirs
        self.numbers = numbers
        self.width = width

    def layout(self, items: Sequence[MeasureItem]) -> list[Any]:
        from weasyprint import HTML

        from pubtool.publish.hyphenation import register_azerbaijani_hyphenation

        register_azerbaijani_hyphenation()
        html = render_html(
            self.documents,
            self.edition,
            self.template_dirs,
            numbers=self.numbers,
            facing_measure=(self.width / PX_PER_MM, list(items)),
        )
        base = self.template_dirs[0].resolve().as_uri() + "/"
        fetcher = ConfinedFetcher(self.template_dirs)
        return list(HTML(string=html, base_url=base, url_fetcher=fetcher).render().pages)

    def boxes(self, items: Sequence[MeasureItem]) -> dict[str, tuple[float, float, float, float]]:
        found: dict[str, tuple[float, float, float, float]] = {}
        for page in self.layout(items):
            for name, box in page.anchors.items():
                found.setdefault(name, tuple(box))  # a cell is never cut: break-inside avoid
        return found

    def heights(self, items: Sequence[MeasureItem]) -> dict[str, float]:
        boxes = self.boxes(items)
        missing = [item.id for item in items if item.id not in boxes]
        if missing:
            raise RenderError(
                f"facing pages: cell {missing[0]} was not laid out (a booklet.html.j2 in the "
                "template folders older than --layout facing?)"
            )
        return {item.id: boxes[item.id][3] - boxes[item.id][1] for item in items}

    def cut(
        self, cells: Sequence[tuple[Document, Pair, int]], room: float
    ) -> dict[tuple[str, int, int], list[tuple[Piece, float]]]:
        """Cells taller than a page, cut by words after the last line that fits a page, and
        the pieces measured."""
        items = []
        for document, pair, side in cells:
            words = tuple(pair.row.cells[side].text.split())
            items.append(
                MeasureItem(
                    _cell_id(document.id, pair.index, side, 0),
                    document,
                    pair,
                    side,
                    Piece(pair.index),
                    words,
                )
            )
        boxes = self.boxes(items)
        pieces: list[MeasureItem] = []
        for item in items:
            top = boxes[item.id][1]
            placed = [
                boxes.get(f"{item.id}-w{k}", (0, top, 0, top)) for k in range(len(item.words))
            ]
            tops = [box[1] for box in placed]
            bottoms = [box[3] for box in placed]
            steps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b - a > 1]
            pitch = min(steps, default=20.0)
            # one line in hand: a word hyphenated at the cut would take a line more as a piece
            budget = room - (boxes[item.id][3] - bottoms[-1]) - pitch if bottoms else room
            start, part = 0, 0
            while start < len(item.words):
                limit = (top if start == 0 else tops[start] - (tops[0] - top)) + budget
                end = start + 1
                while end < len(item.words) and bottoms[end] <= limit:
                    end += 1
                while end < len(item.words) and end > start + 1 and tops[end] == tops[end - 1]:
                    end -= 1  # cut where a line starts
                text = " ".join(item.words[start:end])
                piece = Piece(item.pair.index, part, text)
                pieces.append(
                    MeasureItem(
                        _cell_id(item.document.id, item.pair.index, item.side, part + 1),
                        item.document,
                        item.pair,
                        item.side,
                        piece,
                    )
                )
                start, part = end, part + 1
        heights = self.heights(pieces)
        result: dict[tuple[str, int, int], list[tuple[Piece, float]]] = {}
        for measured in pieces:
            key = (measured.document.id, measured.pair.index, measured.side)
            result.setdefault(key, []).append((measured.piece, heights[measured.id]))
        return result
