"""The tagged structure a screen reader reads, walked in the finished PDF/UA-1 booklets.

Each booklet is read twice: its structure tree with pikepdf, its marked content (what is drawn,
in the order it is drawn, with its text) with pdfminer.six. The checks are the ones
docs/accessibility.md lists against the Matterhorn protocol: nothing is both unowned and not an
artifact, page furniture is artifact, one described link per contents entry, headings that
start at H1 and never skip a level, one Sect (no table) per statement with every block in its
language, the leading column first, and the drawing order the same as the tags' order; the
front and back matter (cover, title page with the one H1, imprint, notes) each a Sect of its
own, and the blank pages at the end empty.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
import polib
import pytest
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

import pubtool
from conftest import STATEMENT_A, STATEMENT_B, copy_shipped_project, write

SHIPPED = (  # a short statement, one that runs over pages, one with `##` headings
    "1990-01-21-gafarova-supreme-council",
    "2011-01-19-ombudsman-21st-anniversary",
    "2022-01-20-commemoration-and-mfa-statement",
)
ARABIC = {
    "Test statements": "بيانات تجريبية",
    "First statement on the 30th anniversary": "البيان الأول في الذكرى الثلاثين",
    "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan": (
        "مفوّض حقوق الإنسان (أمين المظالم) في جمهورية أذربيجان"
    ),
    "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*.": (
        "في ليلة 19-20 يناير 1990 قُتل 147 مدنيًا في *باكو*."
    ),
    "The statement was sent to the UN Secretary-General.": (
        "أُرسل البيان إلى الأمين العام للأمم المتحدة."
    ),
    "Heydar Aliyev condemned the crime on January 21, 1990.": (
        "أدان حيدر علييف الجريمة في 21 يناير 1990."
    ),
    "Elmira Suleymanova": "إلميرا سليمانوفا",
    "Commissioner for Human Rights\n(Ombudsman) of the Republic of Azerbaijan": (
        "مفوّض حقوق الإنسان\n(أمين المظالم) في جمهورية أذربيجان"
    ),
    "Second statement": "البيان الثاني",
    "The Alley of Martyrs is a holy place.": "ممر الشهداء مكان مقدس.",
    # "A heading" stays untranslated: its English stands in the Arabic column, tagged English
}
FOLIO = re.compile(r"^\s*\d+\s*$")  # a plain page number


@dataclass
class Element:
    role: str
    lang: str | None  # its own /Lang, or the nearest ancestor's
    own_lang: str | None
    depth: int
    content: list[tuple[int, int] | Element] = field(default_factory=list)  # in /K order
    annotations: list[str] = field(default_factory=list)  # their /Contents
    numbering: str | None = None  # a list's /ListNumbering

    @property
    def kids(self) -> list[Element]:
        return [kid for kid in self.content if isinstance(kid, Element)]

    @property
    def leaves(self) -> list[tuple[int, int]]:
        """Its own marked content, as (page, MCID)."""
        return [kid for kid in self.content if isinstance(kid, tuple)]

    def walk(self) -> Iterator[Element]:
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def all_leaves(self) -> Iterator[tuple[int, int]]:
        """All its marked content in reading order."""
        for kid in self.content:
            if isinstance(kid, Element):
                yield from kid.all_leaves()
            else:
                yield kid


class MarkedContent(PDFTextDevice):  # type: ignore[misc]
    """pdfminer device: every marked-content sequence in drawing order, with its text."""

    def __init__(self, resources: PDFResourceManager) -> None:
        super().__init__(resources)
        self.page = 0
        self.stack: list[list[Any]] = []
        self.sequences: list[list[Any]] = []  # [page, tag, mcid, text]
        self.unmarked = ""

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        sequence = [self.page, tag.name, mcid, ""]
        self.sequences.append(sequence)
        self.stack.append(sequence)

    def end_tag(self) -> None:
        self.stack.pop()

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                    cid: int, ncs: Any, graphicstate: Any) -> float:  # fmt: skip
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = "\ufffd"
        if self.stack:
            self.stack[-1][3] += text
        else:
            self.unmarked += text
        return float(font.char_width(cid) * fontsize * scaling)


@dataclass
class Booklet:
    path: Path
    languages: tuple[str, ...]
    statements: int
    document: Element
    pages: int
    marked: list[list[Any]]
    unmarked: str
    page_annotations: list[int]  # link annotations on each page
    text: dict[tuple[int, int], str]

    def elements(self) -> list[Element]:
        return list(self.document.walk())


def read_booklet(path: Path, languages: tuple[str, ...], statements: int) -> Booklet:
    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    tree = pdf.Root.StructTreeRoot

    def element(node: Any, inherited: str | None, depth: int) -> Element:
        own = str(node.Lang) if "/Lang" in node else None
        result = Element(str(node.S)[1:], own or inherited, own, depth)
        page = pages[node.Pg.objgen] if "/Pg" in node else None
        if "/A" in node and "/ListNumbering" in node.A:
            result.numbering = str(node.A.ListNumbering)[1:]
        kids = node.K if isinstance(node.K, pikepdf.Array) else [node.K]
        for kid in kids:
            if isinstance(kid, int):
                assert page is not None, f"{result.role} holds an MCID and names no page"
                result.content.append((page, int(kid)))
            elif kid.get("/Type") == "/MCR":
                result.content.append((pages[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                result.annotations.append(str(kid.Obj.get("/Contents", "")))
            else:
                result.content.append(element(kid, result.lang, depth + 1))
        return result

    roots = tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K]
    assert len(roots) == 1
    document = element(roots[0], str(pdf.Root.Lang), 0)
    device = MarkedContent(PDFResourceManager())
    interpreter = PDFPageInterpreter(device.rsrcmgr, device)
    with path.open("rb") as file:
        for index, page in enumerate(PDFPage.get_pages(file)):
            device.page = index
            interpreter.process_page(page)
    text = {(s[0], s[2]): s[3] for s in device.sequences if s[2] is not None}
    annotations = [
        sum(1 for a in page.obj.get("/Annots", []) if a.Subtype == "/Link") for page in pdf.pages
    ]
    return Booklet(
        path, languages, statements, document, len(pdf.pages), device.sequences,
        device.unmarked, annotations, text,
    )  # fmt: skip


def build(project: Path, languages: str, output: Path, *statements: str) -> Path:
    loaded = pubtool.Project.load(project)
    pubtool.build_pdf(
        loaded, languages, output=output, statements=statements, pdf_variant="pdf/ua-1"
    )
    return output


@pytest.fixture(scope="module")
def booklets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Booklet]:
    folder = tmp_path_factory.mktemp("structure")
    shipped = copy_shipped_project(folder)
    made = {}
    for languages in ("az,en", "ru,en", "az,ru,en"):
        path = build(shipped, languages, folder / f"{languages}.pdf", *SHIPPED)
        made[languages] = read_booklet(path, tuple(languages.split(",")), len(SHIPPED))
    arabic = folder / "arabic"
    write(arabic / "pyproject.toml", '[tool.pubtool]\ntitle = "Test statements"\n'
          'languages = ["ar", "en"]\noutput = "build"\n')  # fmt: skip
    write(arabic / "statements" / "2020-01-15-first.md", STATEMENT_A)
    write(arabic / "statements" / "2021-01-19-second.md", STATEMENT_B)
    (arabic / "locales").mkdir()
    project = pubtool.Project.load(arabic)
    pubtool.extract(project)
    pubtool.update(project)
    catalog = polib.pofile(str(project.catalog_path("ar")))
    for entry in catalog:
        entry.msgstr = ARABIC.get(entry.msgid, "")
    catalog.save(str(project.catalog_path("ar")))
    path = build(arabic, "ar,en", folder / "ar,en.pdf")
    made["ar,en"] = read_booklet(path, ("ar", "en"), 2)
    return made


EDITIONS = ("az,en", "ru,en", "ar,en", "az,ru,en")


@pytest.mark.parametrize("edition", EDITIONS)
def test_all_drawn_text_is_tagged_once_or_is_an_artifact(
    booklets: dict[str, Booklet], edition: str
) -> None:
    booklet = booklets[edition]
    tagged = list(booklet.document.all_leaves())
    assert len(tagged) == len(set(tagged)), "an MCID owned twice"
    drawn = {(s[0], s[2]) for s in booklet.marked if s[2] is not None}
    assert set(tagged) == drawn
    assert not booklet.unmarked.strip(), f"text outside marked content: {booklet.unmarked[:80]!r}"
    assert {s[1] for s in booklet.marked} <= {"Span", "Artifact", "Figure"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_running_heads_folios_and_leaders_are_artifacts(
    booklets: dict[str, Booklet], edition: str
) -> None:
    booklet = booklets[edition]
    read = [text for text in booklet.text.values()]
    # a number read alone is a folio; the contents' page numbers are read inside their entry
    alone = [_text(booklet, element) for element in booklet.elements() if element.leaves]
    assert not [text for text in alone if FOLIO.match(text)], "a folio is read as content"
    assert not [text for text in read if re.search(r"\.\s?\.\s?\.", text)], "leader dots read"
    artifacts = [s for s in booklet.marked if s[1] == "Artifact" and s[3].strip()]
    folios = {s[0]: int(s[3]) for s in artifacts if FOLIO.match(s[3])}
    assert folios and all(number == page + 1 for page, number in folios.items())
    # from the contents on, every page with text has its number (front matter has none)
    text_pages = {s[0] for s in booklet.marked if s[2] is not None}
    assert set(folios) == {page for page in text_pages if page >= min(folios)}
    # the running heads (collection title left, statement title right) are artifacts too,
    # on every numbered page but the contents' first
    heads = {s[0] for s in artifacts if not FOLIO.match(s[3])}
    assert heads == set(folios) - {min(folios)}


@pytest.mark.parametrize("edition", EDITIONS)
def test_contents_is_a_toc_with_one_described_link_per_entry(
    booklets: dict[str, Booklet], edition: str
) -> None:
    booklet = booklets[edition]
    elements = booklet.elements()
    (toc,) = [element for element in elements if element.role == "TOC"]
    entries = [kid for kid in toc.kids]
    assert [entry.role for entry in entries] == ["TOCI"] * booklet.statements
    titles = [[kid for kid in sect.kids if kid.role == "H2"][0] for sect in _statements(booklet)]
    for entry, title in zip(entries, titles, strict=True):
        links = [element for element in entry.walk() if element.role == "Link"]
        assert len(links) == 1 and len(links[0].annotations) == 1
        described = links[0].annotations[0]
        heading = "".join(booklet.text[leaf] for leaf in title.all_leaves())
        assert _letters(described) == _letters(heading)  # the title, in the lead language
        shown = "".join(booklet.text[leaf] for leaf in links[0].all_leaves())
        assert re.search(r"\d+\s*$", shown), f"no page number in the entry: {shown!r}"
        assert entry.kids[0].role == "Reference"
    contents_pages = {leaf[0] for leaf in toc.all_leaves()}
    per_page = sum(booklet.page_annotations[page] for page in contents_pages)
    assert per_page == booklet.statements  # one annotation per entry, no nested ones


@pytest.mark.parametrize("edition", EDITIONS)
def test_headings_start_at_h1_and_never_skip(booklets: dict[str, Booklet], edition: str) -> None:
    booklet = booklets[edition]
    levels = [int(e.role[1]) for e in booklet.elements() if re.fullmatch(r"H[1-6]", e.role)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False))
    assert 3 in levels  # the statements' own `##` headings


@pytest.mark.parametrize("edition", EDITIONS)
def test_one_sect_per_statement_titles_in_every_language_blocks_in_theirs(
    booklets: dict[str, Booklet], edition: str
) -> None:
    booklet = booklets[edition]
    elements = booklet.elements()
    assert not {"Table", "TR", "TD", "TH", "THead", "TBody"} & {e.role for e in elements}
    statements = _statements(booklet)
    assert len(statements) == booklet.statements
    for sect in statements:
        titles = [kid for kid in sect.kids if kid.role == "H2"]
        assert [title.own_lang for title in titles] == list(booklet.languages)
        pairs = [kid for kid in sect.kids if kid.role != "H2"]
        assert pairs and all(pair.role in ("Div", "H3", "L") for pair in pairs)
        # a list's items hold their pairs as a Div does (LI > LBody > a block per column)
        items = [body for lst in pairs if lst.role == "L" for li in lst.kids for body in li.kids]
        for pair in (pair for pair in [*pairs, *items] if pair.role in ("Div", "LBody")):
            # a block per column, the leading column first, each in its column's language
            assert [kid.own_lang for kid in pair.kids] == list(booklet.languages)
            for kid in pair.kids:
                assert all(inner.lang for inner in kid.walk())


@pytest.mark.parametrize("edition", EDITIONS)
def test_front_and_back_matter(booklets: dict[str, Booklet], edition: str) -> None:
    """Cover, title page, imprint, contents, the statements, the notes; blank pads hold nothing."""
    booklet = booklets[edition]
    sects = booklet.document.kids
    assert [sect.role for sect in sects] == ["Sect"] * (4 + booklet.statements + 1)
    cover, title_page, imprint, contents = sects[:4]
    notes = sects[-1]
    headings = {"H1", "H2", "H3", "H4", "H5", "H6"}
    assert {kid.role for kid in cover.kids} == {"P"}  # its title is no second H1
    (h1,) = [element for element in booklet.elements() if element.role == "H1"]
    assert h1 in title_page.kids
    assert _letters(_text(booklet, cover.kids[0])) <= _letters(_text(booklet, h1))
    assert imprint.kids and {kid.role for kid in imprint.kids} == {"P"}
    assert [kid.role for kid in contents.kids] == ["H2", "TOC"]
    assert notes.kids[0].role == "H2"
    assert [e.role for e in notes.walk() if e.role in headings] == ["H2"]
    assert {kid.role for kid in notes.kids[1:]} <= {"P", "L"}
    lists = [kid for kid in notes.kids if kid.role == "L"]
    if edition != "ar,en":  # that project has no statements/REPAIRS.md
        assert lists, "no editorial repairs listed in the notes"
    for repairs in lists:
        # in the source's language; bulleted, the bullets drawn but not read
        assert repairs.own_lang == "en" and repairs.numbering == "Disc"
        assert repairs.kids and {kid.role for kid in repairs.kids} == {"LI"}
        assert all([body.role for body in item.kids] == ["LBody"] for item in repairs.kids)
    assert "\u2022" not in _text(booklet, notes), "a bullet is read"
    # the blank pages that make the count a multiple of 4 hold nothing, not even an artifact
    last = max(leaf[0] for leaf in notes.all_leaves())
    assert booklet.pages % 4 == 0
    assert not [s for s in booklet.marked if s[0] > last]
    assert not any(booklet.page_annotations[last + 1 :])


def test_a_statement_over_several_pages_is_one_sect_and_its_paragraphs_whole(
    booklets: dict[str, Booklet],
) -> None:
    booklet = booklets["az,en"]
    sects = [sect for sect in booklet.document.kids if sect.role == "Sect"]
    spread = [sect for sect in sects if len({leaf[0] for leaf in sect.all_leaves()}) > 1]
    assert spread, "no statement runs over a page: the check proves nothing"
    cut = [
        element for sect in spread for element in sect.walk()
        if element.role == "P" and len({leaf[0] for leaf in element.leaves}) > 1
    ]  # fmt: skip
    assert cut, "no paragraph continues on the next page as the same element"


def test_untranslated_text_is_tagged_in_its_own_language(booklets: dict[str, Booklet]) -> None:
    booklet = booklets["ar,en"]
    headings = [e for e in booklet.elements() if e.role == "H3"]
    # "A heading" is not translated: the Arabic column shows it in English, tagged English
    assert [heading.lang for heading in headings] == ["en", "en"]
    arabic = [e for e in booklet.elements() if e.own_lang == "ar" and e.role == "P"]
    texts = ["".join(booklet.text[leaf] for leaf in p.all_leaves()) for p in arabic]
    # drawn in visual order, as WeasyPrint sets it: extractors differ on reordering
    assert any("باكو" in text or "وكاب" in text for text in texts)


@pytest.mark.parametrize("edition", EDITIONS)
def test_drawing_order_is_reading_order(booklets: dict[str, Booklet], edition: str) -> None:
    """What a text extractor reads (the content streams, in order) is what the tags read."""
    booklet = booklets[edition]
    tagged = list(booklet.document.all_leaves())
    for page in range(booklet.pages):
        drawn = [(s[0], s[2]) for s in booklet.marked if s[0] == page and s[2] is not None]
        assert [leaf for leaf in tagged if leaf[0] == page] == drawn, f"page {page + 1}"


def test_three_columns_read_row_by_row(booklets: dict[str, Booklet]) -> None:
    booklet = booklets["az,ru,en"]
    sects = [kid for kid in booklet.document.kids if kid.role == "Sect"]
    divs = [div for sect in sects for div in sect.kids if div.role == "Div"]
    assert divs and all(len(div.kids) == 3 for div in divs)
    counts = Counter(tuple(kid.own_lang for kid in div.kids) for div in divs)
    assert set(counts) == {("az", "ru", "en")}


def _statements(booklet: Booklet) -> list[Element]:
    """The statements' Sects: after the cover, title page, imprint and contents, before the
    notes (`test_front_and_back_matter` checks that layout)."""
    return booklet.document.kids[4 : 4 + booklet.statements]


def _text(booklet: Booklet, element: Element) -> str:
    """What a screen reader reads for `element`, its descendants included."""
    return "".join(booklet.text[leaf] for leaf in element.all_leaves())


def _letters(text: str) -> Counter[str]:
    """The letters of a text, whatever its line breaks and the order it is drawn in (visual,
    for right-to-left text)."""
    return Counter(char for char in text if not char.isspace())


def test_a_statements_list_is_a_list_and_its_bullets_are_not_read(
    booklets: dict[str, Booklet],
) -> None:
    """STATEMENT_A's `- Heydar Aliyev…` in the ar|en booklet: one L whose LI holds the pair
    (the item in each language), the bullet the stylesheet draws an artifact."""
    booklet = booklets["ar,en"]
    elements = booklet.elements()
    lists = [e for e in elements if e.role == "L"]
    items = [kid for lst in lists for kid in lst.kids]
    assert items and {item.role for item in items} == {"LI"}
    bodies = [kid for item in items for kid in item.kids]
    assert [body.role for body in bodies] == ["LBody"] * len(items)
    assert any({kid.lang for kid in body.kids} == {"ar", "en"} for body in bodies)
    assert not [text for text in booklet.text.values() if text.strip() == "•"]
