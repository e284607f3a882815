"""The booklet's tagged structure, rebuilt from WeasyPrint's after the PDF is written.

WeasyPrint tags each page on its own: a statement over three pages is three articles and three
tables, running heads and page numbers are marked content that belongs to nothing, and no
element but the document carries a language. This stage reads the finished PDF with pikepdf
(public API only) and the booklet's HTML with lxml, and writes the structure a screen reader
needs (docs/accessibility.md):

- one `Sect` per statement whatever its pages, its titles `H2` (one per language, each with
  `/Lang`), then a `Div` per pair of blocks, each block with its `/Lang`, the leading column
  first: the order a sighted reader follows and the order the page is drawn in;
- the contents as `TOC`/`TOCI`, each entry one `Link` with one annotation described by the
  entry's title;
- lists (the notes' editorial repairs) as `L` of `LI`/`LBody`, the bullets artifacts: the
  list says it is a bulleted one (`/ListNumbering /Disc`), and WeasyPrint draws the bullets
  after the page's text, so read as labels they would be out of the drawing order;
- everything drawn that no element owns (running heads, page numbers) as a pagination artifact.

The HTML says what each tagged element is: WeasyPrint's elements are matched to the HTML
elements they were laid out from, in order. An element cut by a page break appears on both
pages under the same `id` (`Page.anchors`, WeasyPrint's public per-page list of ids), which is
how its pieces are joined again.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pikepdf
from lxml import html as lxml_html

from pubtool.errors import RenderError
from pubtool.publish.font_dates import stamp_fonts
from pubtool.publish.metadata import add_title_languages

Element = Any  # an lxml HTML element (lxml has no type stubs)

ROLES = {
    "p": "P",
    "h1": "H1",
    "h2": "H2",
    "h3": "H3",
    "h4": "H4",
    "h5": "H5",
    "h6": "H6",
    "blockquote": "BlockQuote",
    "a": "Link",
    "span": "Span",
    "div": "Div",
    "section": "Sect",
    "article": "Art",
    "ol": "L",
    "ul": "L",
    "li": "LI",  # an `LBody` in an `LI` of WeasyPrint's own for an unbulleted item
    "table": "Table",
    "tr": "TR",
    "td": "TD",
    "th": "TH",
}
"""The structure type WeasyPrint gives an HTML element (`weasyprint.pdf.tags`); anything else,
pseudo-elements included, becomes `NonStruct`."""
HEADINGS = frozenset({"H1", "H2", "H3", "H4", "H5", "H6"})
WRAPPERS = frozenset({"Span", "NonStruct", "Div", "Table", "THead", "TBody", "TFoot"})
"""Elements that only group: dropped, their content kept, unless they carry a language."""
ARTIFACT_CLASS = "pubtool-artifact"
"""An HTML element drawn but not read (a pair number): its content becomes an artifact."""
MARKED = re.compile(rb"/[A-Za-z]+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
"""The start of a marked-content sequence with an MCID, as WeasyPrint (pydyf) writes it."""


@dataclass(frozen=True)
class Leaf:
    """One marked-content sequence: its page and its MCID there."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotation:
    page: int
    annotation: pikepdf.Object


@dataclass
class Node:
    """A structure element of the new tree, before it is written."""

    role: str
    kids: list[Node | Leaf | Annotation] = field(default_factory=list)
    lang: str | None = None
    description: str | None = None  # a link annotation's /Contents
    numbering: str | None = None  # a list's /ListNumbering


Kid = Node | Leaf | Annotation


def page_ids(pages: Sequence[Any]) -> list[list[str]]:
    """The ids on each of WeasyPrint's pages (`Page.anchors`), taken before `write_pdf`; the
    ids no link points to are then dropped from the pages, so that they do not become named
    destinations: they only tell the pieces of a cut element apart (hundreds of rows)."""
    ids = [list(page.anchors) for page in pages]
    targets = {
        target for page in pages for kind, target, *_ in page.links if kind == "internal"
    }
    for page in pages:
        for name in [name for name in page.anchors if name not in targets]:
            del page.anchors[name]
    return ids


def retag(data: bytes, html: str, page_ids: Sequence[Sequence[str]], epoch: int) -> bytes:
    """The PDF `data` with the booklet's structure tree; `page_ids` are the ids on each page.

    Also stamps embedded fonts with `epoch` (see `stamp_fonts`). An untagged PDF keeps its
    content; only the fonts are stamped.
    """
    pdf = pikepdf.open(io.BytesIO(data))
    root = lxml_html.fromstring(html)
    if "/StructTreeRoot" in pdf.Root:
        Retagger(pdf, root, page_ids).run()
    stamp_fonts(pdf, epoch)
    add_title_languages(pdf, _collection_titles(root))
    output = io.BytesIO()
    pdf.save(
        output,
        deterministic_id=True,
        fix_metadata_version=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return output.getvalue()


def _collection_titles(root: Element) -> list[tuple[str, str]]:
    """The collection title in each language, as the cover sets it."""
    return [
        (element.get("lang"), " ".join(element.text_content().split()))
        for element in root.find_class("collection-title")
        if element.get("lang") and element.getparent() is not None
        and "cover" in (element.getparent().get("class") or "")
    ]


class Retagger:
    """WeasyPrint's structure tree to the booklet's, for one PDF."""

    def __init__(self, pdf: pikepdf.Pdf, root: Element, page_ids: Sequence[Sequence[str]]):
        self.pdf = pdf
        self.root = root
        self.page_ids = [set(ids) for ids in page_ids]
        self.pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
        self.lead = root.get("lang") or None
        self.entries: dict[Element, int] = {}  # per contents list (a key keeps its proxy alive)
        self.bullets: set[Leaf] = set()  # drawn, but a layout artifact
        self.artifacts: set[Leaf] = set()  # content of `ARTIFACT_CLASS` elements

    # -- reading WeasyPrint's tree -------------------------------------------------------

    def page_of(self, element: pikepdf.Object) -> int:
        page = element.get("/Pg")
        if page is None:
            raise RenderError("tagged PDF: a structure element names no page")
        return self.pages[page.objgen]

    def convert(
        self, element: pikepdf.Object, dom: Element | None, inherited: str | None
    ) -> list[Kid]:
        """The content of one of WeasyPrint's elements (matched to `dom` when known)."""
        role = str(element.S)[1:]
        if dom is not None and ARTIFACT_CLASS in (dom.get("class") or "").split():
            self.artifacts.update(self.reachable(element))
            return []
        lang = dom.get("lang") if dom is not None else None
        own = lang or inherited
        if role == "L" and dom is not None and dom.xpath("ancestor::*[@role='doc-toc']"):
            return [self.toc(element, dom, own)]
        kids = self.convert_kids(element, dom, own)
        if role == "Link":
            return [self.link(kids, dom)]
        if role == "L":
            return [self.listed(kids, dom, lang if lang != inherited else None)] if kids else []
        if not kids:
            return []
        if role in WRAPPERS and (lang is None or lang == inherited):
            return kids
        if role in WRAPPERS:
            role = "Span"
        return [Node(role, kids, lang if lang != inherited else None)]

    def convert_kids(
        self, element: pikepdf.Object, dom: Element | None, lang: str | None
    ) -> list[Kid]:
        page = self.page_of(element)
        content: list[Kid | pikepdf.Object] = []  # leaves, annotations, elements to convert
        structured = []
        for kid in element.K:
            if isinstance(kid, int):
                content.append(Leaf(page, kid))
            elif kid.get("/Type") == "/OBJR":
                content.append(Annotation(page, kid.Obj))
            elif kid.get("/Type") != "/StructElem":
                continue
            elif _is_text(kid):
                content.extend(Leaf(page, int(mcid)) for mcid in kid.K)
            else:
                content.append(kid)
                structured.append(kid)
        matches = _align(structured, _children(dom)) if dom is not None and structured else {}
        kids: list[Kid] = []
        for item in content:
            if isinstance(item, pikepdf.Object):
                kids.extend(self.convert(item, matches.get(item.objgen), lang))
            elif not isinstance(item, Node):
                kids.append(item)
        return kids

    def link(self, kids: list[Kid], dom: Element | None) -> Node:
        """One Link, one annotation: the boxes of a link each get one from WeasyPrint."""
        annotations = [kid for kid in _flatten(kids) if isinstance(kid, Annotation)]
        content = _strip_links(kids)
        description = " ".join(dom.text_content().split()) if dom is not None else None
        return Node("Link", annotations[:1] + content, description=description or None)

    def listed(self, kids: list[Kid], dom: Element | None, lang: str | None) -> Node:
        """A list; a bulleted one's bullets are artifacts, its items keep their bodies only."""
        if dom is not None and dom.tag == "ol":
            return Node("L", kids, lang, numbering="Decimal")
        for item in kids:
            if isinstance(item, Node) and item.role == "LI":
                labels = [kid for kid in item.kids if isinstance(kid, Node) and kid.role == "Lbl"]
                self.bullets.update(leaf for leaf in _flatten(labels) if isinstance(leaf, Leaf))
                item.kids = [kid for kid in item.kids if kid not in labels]
        return Node("L", kids, lang, numbering="Disc")

    # -- the booklet's tree --------------------------------------------------------------

    def run(self) -> None:
        tree = self.pdf.Root.StructTreeRoot
        document = tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K
        before = self.reachable(document)
        body = self.root.find("body")
        top = _children(body) if body is not None else []
        sections: list[tuple[Element, Node]] = []
        statements: dict[int, StatementTree] = {}
        previous_page = -1
        for element in document.K:
            if not _is_element(element):
                continue
            page = self.page_of(element)
            first_on_page, previous_page = page != previous_page, page
            if not (sections and first_on_page and self.continues(sections[-1][0], page)):
                if len(sections) >= len(top):
                    raise RenderError("tagged PDF: more sections than the HTML has")
                dom = top[len(sections)]
                sections.append((dom, Node("Sect")))
            dom, node = sections[-1]
            if dom.tag == "article":
                tree_ = statements.setdefault(id(node), self.statement_tree(dom, node))
                tree_.add(element, page)
            else:
                self.add_section(element, dom, node)
        for statement in statements.values():
            statement.finish()
        nodes = [node for _, node in sections if node.kids]
        after = {leaf for node in nodes for leaf in _flatten([node]) if isinstance(leaf, Leaf)}
        if after != before - self.bullets - self.artifacts:
            raise RenderError(
                f"tagged PDF: {len(before - after)} pieces of text lost their structure element"
            )
        self.write(Node("Document", list(nodes), lang=self.lead), after)

    def statement_tree(self, dom: Element, node: Node) -> StatementTree:
        """Paired rows, or a statement on facing pages (`facing_tags`, pair by pair)."""
        if "facing" in (dom.get("class") or "").split():
            from pubtool.publish.facing_tags import FacingStatementTree

            return FacingStatementTree(self, dom, node)
        return StatementTree(self, dom, node)

    def continues(self, dom: Element, page: int) -> bool:
        """Whether `dom` went on from the previous page (its id is on this page too)."""
        return bool(dom.get("id")) and dom.get("id") in self.page_ids[page]

    def add_section(self, element: pikepdf.Object, dom: Element, node: Node) -> None:
        node.lang = node.lang or _differs(dom.get("lang"), self.lead)
        _join(node.kids, self.convert_kids(element, dom, dom.get("lang") or self.lead))

    def toc(self, element: pikepdf.Object, dom: Element, lang: str | None) -> Node:
        """A list of the contents as a TOC: per entry a TOCI holding one Link (its title as the
        annotation's description, its page number inside it), then the other languages' titles.
        """
        items = [item for item in _children(dom) if item.tag == "li"]
        toc = Node("TOC")
        for entry in _descendants(element, "/LBody"):
            done = self.entries.get(dom, 0)
            if done >= len(items):
                raise RenderError("tagged PDF: more contents entries than the HTML has")
            self.entries[dom] = done + 1
            item = items[done]
            parts: list[Kid] = []
            for kid in self.convert_kids(entry, item, lang):
                if isinstance(kid, Node) and kid.role == "Link":
                    title = item.find_class("toc-title")
                    if title:
                        kid.description = " ".join(title[0].text_content().split()) or None
                    parts.append(Node("Reference", [kid]))
                elif isinstance(kid, Node):
                    kid.role = "P" if kid.role in WRAPPERS else kid.role
                    parts.append(kid)
                else:
                    parts.append(Node("P", [kid]))
            toc.kids.append(Node("TOCI", parts))
        return toc

    # -- writing -------------------------------------------------------------------------

    def reachable(self, document: pikepdf.Object) -> set[Leaf]:
        """Every MCID WeasyPrint's tree owns (margin boxes are left out of it)."""
        found: set[Leaf] = set()
        stack = [document]
        while stack:
            element = stack.pop()
            page = self.page_of(element) if "/Pg" in element else None
            for kid in element.K:
                if isinstance(kid, int):
                    if page is not None:
                        found.add(Leaf(page, kid))
                elif kid.get("/Type") == "/StructElem":
                    stack.append(kid)
        return found

    def write(self, document: Node, leaves: set[Leaf]) -> None:
        pdf = self.pdf
        tree = pdf.Root.StructTreeRoot
        pages = list(pdf.pages)
        parents: list[dict[int, pikepdf.Object]] = [{} for _ in pages]
        annotation_parents: list[tuple[pikepdf.Object, pikepdf.Object]] = []

        def emit(node: Node, parent: pikepdf.Object) -> pikepdf.Object:
            element = pdf.make_indirect(
                pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + node.role))
            )
            element.P = parent
            page = _first_page(node)
            if page is not None:
                element.Pg = pages[page].obj
            if node.lang:
                element.Lang = pikepdf.String(node.lang)
            if node.numbering:
                element.A = pikepdf.Dictionary(
                    O=pikepdf.Name.List, ListNumbering=pikepdf.Name("/" + node.numbering)
                )
            kids = pikepdf.Array()
            for kid in node.kids:
                if isinstance(kid, Node):
                    kids.append(emit(kid, element))
                elif isinstance(kid, Leaf):
                    parents[kid.page][kid.mcid] = element
                    if kid.page == page:
                        kids.append(kid.mcid)
                    else:
                        kids.append(
                            pikepdf.Dictionary(
                                Type=pikepdf.Name.MCR, Pg=pages[kid.page].obj, MCID=kid.mcid
                            )
                        )
                else:
                    annotation = kid.annotation
                    if node.description:
                        annotation.Contents = pikepdf.String(node.description)
                    elif "/Contents" not in annotation:
                        annotation.Contents = pikepdf.String(_target(annotation))
                    annotation_parents.append((annotation, element))
                    kids.append(
                        pikepdf.Dictionary(
                            Type=pikepdf.Name.OBJR, Obj=annotation, Pg=pages[kid.page].obj
                        )
                    )
            element.K = kids
            return element

        tree.K = pikepdf.Array([emit(document, tree)])
        numbers = pikepdf.Array()
        for index, owners in enumerate(parents):
            numbers.append(index)
            size = max(owners, default=-1) + 1
            numbers.append(pikepdf.Array([owners.get(mcid) for mcid in range(size)]))
        for key, (annotation, element) in enumerate(annotation_parents, start=len(pages)):
            annotation.StructParent = key
            numbers.append(key)
            numbers.append(element)
        tree.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=numbers))
        tree.ParentTreeNextKey = len(pages) + len(annotation_parents)
        kept = {annotation.objgen for annotation, _ in annotation_parents}
        for index, page in enumerate(pages):
            self.finish_page(page, index, leaves, kept)

    def finish_page(
        self, page: pikepdf.Page, index: int, leaves: set[Leaf], kept: set[tuple[int, int]]
    ) -> None:
        """Marked content no element owns becomes a pagination artifact; stray links go."""
        if "/Annots" in page.obj:
            annotations = [
                annotation
                for annotation in page.obj.Annots
                if annotation.get("/Subtype") != "/Link" or annotation.objgen in kept
            ]
            page.obj.Annots = pikepdf.Array(annotations)
        contents = page.obj.Contents
        if not isinstance(contents, pikepdf.Stream):
            raise RenderError("tagged PDF: a page whose content is not one stream")

        def mark(match: re.Match[bytes]) -> bytes:
            leaf = Leaf(index, int(match[1]))
            if leaf in leaves:
                return match[0]
            if leaf in self.bullets:
                return b"/Artifact <</Type /Layout>> BDC"
            return b"/Artifact <</Type /Pagination>> BDC"

        # WeasyPrint writes text as hex strings: "/MCID" occurs in the operators alone
        content = MARKED.sub(mark, contents.read_bytes())
        contents.write(zlib.compress(content), filter=pikepdf.Name.FlateDecode)


class StatementTree:
    """One statement's Sect: titles, then a Div per pair, joined across pages."""

    def __init__(self, owner: Retagger, dom: Element, node: Node) -> None:
        self.owner = owner
        self.node = node
        self.rows = list(dom.iter("tr"))
        self.cells: list[list[list[Kid]]] = []  # per row, per cell, the cell's content
        self.langs: list[list[str | None]] = []

    def add(self, element: pikepdf.Object, page: int) -> None:
        first = True
        for row in _descendants(element, "/TR"):
            if not (
                first and self.cells and self.owner.continues(self.rows[len(self.cells) - 1], page)
            ):
                if len(self.cells) >= len(self.rows):
                    raise RenderError("tagged PDF: more table rows than the HTML has")
                dom = self.rows[len(self.cells)]
                self.cells.append([[] for _ in _children(dom)])
                self.langs.append([cell.get("lang") for cell in _children(dom)])
            first = False
            dom = self.rows[len(self.cells) - 1]
            cells = [kid for kid in row.K if _is_element(kid)]
            doms = _children(dom)
            if len(cells) != len(doms):
                raise RenderError("tagged PDF: a row has not as many cells as the HTML")
            for index, (cell, cell_dom) in enumerate(zip(cells, doms, strict=True)):
                lang = cell_dom.get("lang") or self.owner.lead
                kids = self.owner.convert_kids(cell, cell_dom, lang)
                _join(self.cells[-1][index], kids)

    def finish(self) -> None:
        current_list: Node | None = None  # consecutive list-item pairs make one list
        for row, cells, langs in zip(self.rows, self.cells, self.langs, strict=True):
            is_item = "kind-list-item" in (row.get("class") or "").split()
            if is_item:
                cells = [self._without_bullet(kids) for kids in cells]
            made = [_block(kids, lang) for kids, lang in zip(cells, langs, strict=True)]
            blocks: list[Kid] = [block for block in made if block is not None]
            if is_item and blocks:
                # a list item holds its pair: the item in each language, read in turn
                if current_list is None:
                    current_list = Node("L", [], numbering="Disc")
                    self.node.kids.append(current_list)
                current_list.kids.append(Node("LI", [Node("LBody", blocks)]))
                continue
            current_list = None
            if all(isinstance(block, Node) and block.role in HEADINGS for block in blocks):
                self.node.kids.extend(blocks)  # a pair of titles or headings: no Div
            elif blocks:
                self.node.kids.append(Node("Div", blocks))

    def _without_bullet(self, kids: list[Kid]) -> list[Kid]:
        """A list item's cell without the bullet its stylesheet draws first (`::before`):
        drawn, not read; the L and LI elements say what it says."""
        for index, kid in enumerate(kids):
            if isinstance(kid, Leaf):
                self.owner.bullets.add(kid)
                return kids[:index] + kids[index + 1 :]
            if isinstance(kid, Node):
                inner = replace(kid, kids=self._without_bullet(kid.kids))
                return [*kids[:index], inner, *kids[index + 1 :]]
        return kids


def _block(kids: list[Kid], lang: str | None) -> Node | None:
    """A cell as one element with its language: its block, or a Div of its blocks."""
    grouped: list[Node] = []
    loose: list[Kid] = []
    for kid in kids:
        if isinstance(kid, Node) and kid.role not in ("Span", "Link"):
            if loose:
                grouped.append(Node("P", loose))
                loose = []
            grouped.append(kid)
        else:
            loose.append(kid)
    if loose:
        grouped.append(Node("P", loose))
    if not grouped:
        return None
    if len(grouped) == 1:
        block = grouped[0]
        block.lang = block.lang or lang
        return block
    return Node("Div", list(grouped), lang=lang)


def _join(into: list[Kid], more: list[Kid]) -> None:
    """A cell's content on the next page: a block cut by the page break is one block again."""
    if (
        into
        and more
        and isinstance(into[-1], Node)
        and isinstance(more[0], Node)
        and into[-1].role == more[0].role
        and into[-1].lang == more[0].lang
    ):
        into[-1].kids.extend(more[0].kids)
        more = more[1:]
    into.extend(more)


def _align(elements: list[pikepdf.Object], doms: list[Element]) -> dict[tuple[int, int], Element]:
    """Which HTML element each of WeasyPrint's elements came from, matching types in order.

    Pseudo-elements (a `::before` mark) have no HTML element: they are skipped; so are HTML
    elements with nothing on this page.
    """
    matches: dict[tuple[int, int], Element] = {}
    position = 0
    for element in elements:
        role = str(element.S)[1:]
        for ahead in range(position, len(doms)):  # an element may be on an earlier page
            tag = doms[ahead].tag
            if role == ROLES.get(tag, "NonStruct") or (role == "LBody" and tag == "li"):
                matches[element.objgen] = doms[ahead]
                position = ahead + 1
                break
    return matches


def _children(dom: Element) -> list[Element]:
    return [child for child in dom if isinstance(child.tag, str)]


def _is_element(kid: Any) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem"


def _is_text(kid: Any) -> bool:
    """WeasyPrint's Span around one text box: `K` is MCIDs only."""
    if not _is_element(kid) or kid.S != "/Span":
        return False
    content = kid.K
    return len(content) > 0 and all(isinstance(mcid, int) for mcid in content)


def _descendants(element: pikepdf.Object, role: str) -> Iterator[pikepdf.Object]:
    for kid in element.K:
        if _is_element(kid):
            if role == kid.S:
                yield kid
            else:
                yield from _descendants(kid, role)


def _flatten(kids: Sequence[Kid]) -> Iterator[Kid]:
    for kid in kids:
        if isinstance(kid, Node):
            yield from _flatten(kid.kids)
        else:
            yield kid


def _strip_links(kids: list[Kid]) -> list[Kid]:
    """A link's content without the links and annotations of its inner boxes (the `::after`
    of an entry, each line): those annotations are left out of the page (`finish_page`)."""
    result: list[Kid] = []
    for kid in kids:
        if isinstance(kid, Node) and kid.role == "Link":
            result.extend(_strip_links(kid.kids))
        elif isinstance(kid, Node):
            kid.kids = _strip_links(kid.kids)
            result.append(kid)
        elif isinstance(kid, Leaf):
            result.append(kid)
    return result


def _first_page(node: Node) -> int | None:
    for kid in node.kids:
        if isinstance(kid, (Leaf, Annotation)):
            return kid.page
    for kid in _flatten(node.kids):
        if isinstance(kid, (Leaf, Annotation)):
            return kid.page
    return None


def _differs(lang: str | None, inherited: str | None) -> str | None:
    return lang if lang and lang != inherited else None


def _target(annotation: pikepdf.Object) -> str:
    """A description for a link the HTML did not name: where it goes."""
    action = annotation.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    return str(annotation.get("/Dest", "link"))
