"""The tagged structure of a statement on facing pages, read pair by pair.

On paper the left page holds one language and the right page the other; a screen reader
should not read a whole left page and then a whole right page, but each pair's two blocks in
turn, as in the columns layout: the titles (`H2` in each language), then a `Div` per pair with
its block in each language. The cells of the facing HTML (publish/templates/facing.html.j2)
carry the pair (`data-pair`) and the side (`data-side`); the pieces of a pair cut over several
spreads are joined again into one block per language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pikepdf

from pubtool.errors import RenderError
from pubtool.publish.tagging import (
    HEADINGS,
    Element,
    Kid,
    Node,
    StatementTree,
    _block,
    _children,
    _is_element,
    _join,
)

if TYPE_CHECKING:
    from pubtool.publish.tagging import Retagger


class FacingStatementTree(StatementTree):
    """One statement's Sect from its page boxes: blocks gathered per pair and language."""

    def __init__(self, owner: Retagger, dom: Element, node: Node) -> None:
        super().__init__(owner, dom, node)
        self.pages = [page for page in _children(dom) if page.tag == "div"]
        self.found: dict[tuple[int, int], list[Kid]] = {}
        self.langs_of: dict[tuple[int, int], str | None] = {}

    def add(self, element: pikepdf.Object, page: int) -> None:
        ids = self.owner.page_ids[page]
        boxes = _divs(element)
        doms = [box for box in self.pages if box.get("id") in ids]
        if len(boxes) != len(doms):
            raise RenderError("tagged PDF: a facing page has not as many boxes as the HTML")
        for box, box_dom in zip(boxes, doms, strict=True):
            cells = _divs(box)
            cell_doms = [cell for cell in _children(box_dom) if cell.get("id") in ids]
            if len(cells) != len(cell_doms):
                raise RenderError("tagged PDF: a facing page has not as many cells as the HTML")
            for cell, cell_dom in zip(cells, cell_doms, strict=True):
                key = (int(cell_dom.get("data-pair")), int(cell_dom.get("data-side")))
                lang = cell_dom.get("lang") or self.owner.lead
                self.langs_of[key] = lang
                kids = self.owner.convert_kids(cell, cell_dom, lang)
                _join(self.found.setdefault(key, []), kids)

    def finish(self) -> None:
        for pair in sorted({pair for pair, _ in self.found}):
            made = [
                _block(self.found[(pair, side)], self.langs_of[(pair, side)])
                for side in (0, 1)
                if (pair, side) in self.found
            ]
            blocks: list[Kid] = [block for block in made if block is not None]
            if all(isinstance(block, Node) and block.role in HEADINGS for block in blocks):
                self.node.kids.extend(blocks)  # a pair of titles or headings: no Div
            elif blocks:
                self.node.kids.append(Node("Div", blocks))


def _divs(element: pikepdf.Object) -> list[pikepdf.Object]:
    return [kid for kid in element.K if _is_element(kid) and kid.S == "/Div"]
