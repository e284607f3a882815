"""Saddle-stitch imposition: page order on the sheets, sheet size, fonts kept, creep."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTFigure, LTTextContainer

from pubtool.errors import RenderError
from pubtool.publish.impose import POINTS_PER_MM, impose_saddle, saddle_order

A4_LANDSCAPE = (841.89, 595.28)


def read_folded(pages: int) -> list[int | None]:
    """The page numbers in the order a reader meets them after printing the sides
    double-sided, nesting the sheets and folding them once: the outer half of every sheet
    front to back, then the inner halves back out."""
    sides = saddle_order(pages)
    fronts = [side for side in sides if side.front]
    backs = [side for side in sides if not side.front]
    pairs = list(zip(fronts, backs, strict=True))
    first_half = [n for front, back in pairs for n in (front.right, back.left)]
    second_half = [n for front, back in reversed(pairs) for n in (back.right, front.left)]
    return first_half + second_half


@pytest.mark.parametrize("pages", [1, 2, 3, 4, 5, 8, 10, 50, 83])
def test_folded_sheets_read_in_order(pages: int) -> None:
    padded = -(-pages // 4) * 4
    order = read_folded(pages)
    assert order == [n if n <= pages else None for n in range(1, padded + 1)]


def test_first_side_carries_the_last_page_and_the_cover() -> None:
    first = saddle_order(12)[0]
    assert (first.sheet, first.front, first.left, first.right) == (1, True, 12, 1)
    assert len(saddle_order(12)) == 6


@pytest.fixture(scope="module")
def ten_page_a5(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from weasyprint import HTML

    path = tmp_path_factory.mktemp("impose") / "booklet.pdf"
    pages = "".join(f"<p>Page {n}</p>" for n in range(1, 11))
    style = "<style>@page { size: A5; margin: 20mm } p { break-after: page; font-size: 30pt }"
    style += "</style>"
    HTML(string=style + pages).write_pdf(path)
    return path


def text_boxes(layout: object) -> list[LTTextContainer]:
    """Text boxes, also those inside the Form XObjects each placed page becomes."""
    boxes = []
    for element in layout:  # type: ignore[attr-defined]
        if isinstance(element, LTTextContainer):
            boxes.append(element)
        elif isinstance(element, LTFigure):
            boxes.extend(text_boxes(element))
    return boxes


def halves(path: Path) -> list[tuple[str, str]]:
    """The text on the left and on the right half of each side."""
    sides = []
    for layout in extract_pages(str(path), laparams=LAParams(all_texts=True)):
        middle = layout.width / 2
        left, right = [], []
        for element in text_boxes(layout):
            if True:
                (left if element.x1 <= middle else right).append(element.get_text().strip())
        sides.append((" ".join(left), " ".join(right)))
    return sides


def test_imposed_sides_hold_the_pages_in_saddle_order(ten_page_a5: Path, tmp_path: Path) -> None:
    result = impose_saddle(ten_page_a5, tmp_path / "imposed.pdf")
    assert (result.pages, result.padded_pages, result.sheets) == (10, 12, 3)
    expected = [
        ("", "Page 1"), ("Page 2", ""), ("Page 10", "Page 3"),
        ("Page 4", "Page 9"), ("Page 8", "Page 5"), ("Page 6", "Page 7"),
    ]  # fmt: skip
    assert halves(result.path) == expected
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.pages) == 6
        for page in pdf.pages:
            box = pikepdf.Rectangle(page.mediabox)
            assert box.width == pytest.approx(A4_LANDSCAPE[0], abs=1)
            assert box.height == pytest.approx(A4_LANDSCAPE[1], abs=1)
        # by key: pikepdf 8 (the lowest version allowed) has no Dictionary.values()
        forms = [x[k] for page in pdf.pages for x in [page.Resources.XObject] for k in x.keys()]  # noqa: SIM118
        fonts = [f[k] for form in forms for f in [form.Resources.Font] for k in f.keys()]  # noqa: SIM118
        assert fonts and all("/FontFile2" in f.DescendantFonts[0].FontDescriptor for f in fonts)


def test_imposition_is_reproducible(ten_page_a5: Path, tmp_path: Path) -> None:
    impose_saddle(ten_page_a5, tmp_path / "a.pdf")
    impose_saddle(ten_page_a5, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_creep_pulls_inner_sheets_towards_the_fold(ten_page_a5: Path, tmp_path: Path) -> None:
    plain = halves_x(impose_saddle(ten_page_a5, tmp_path / "plain.pdf").path)
    crept = halves_x(impose_saddle(ten_page_a5, tmp_path / "crept.pdf", creep_mm=2).path)
    step = 2 * POINTS_PER_MM
    # sheet 1 (sides 0, 1) does not move; sheet 3 (sides 4, 5) moves the whole creep
    assert crept[0] == pytest.approx(plain[0], abs=0.01)
    left_4, right_4 = crept[4]
    assert left_4 - plain[4][0] == pytest.approx(step, abs=0.1)  # left page moves right
    assert plain[4][1] - right_4 == pytest.approx(step, abs=0.1)  # right page moves left
    assert crept[2][0] - plain[2][0] == pytest.approx(step / 2, abs=0.1)


def halves_x(path: Path) -> list[tuple[float | None, float | None]]:
    """The left edge of the text on each half of each side."""
    edges = []
    for layout in extract_pages(str(path), laparams=LAParams(all_texts=True)):
        middle = layout.width / 2
        left = [e.x0 for e in text_boxes(layout) if e.x1 <= middle]
        right = [e.x0 for e in text_boxes(layout) if e.x0 >= middle]
        edges.append((min(left, default=None), min(right, default=None)))
    return edges


def test_bad_creep_is_refused(ten_page_a5: Path, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="negative"):
        impose_saddle(ten_page_a5, tmp_path / "x.pdf", creep_mm=-1)
    with pytest.raises(RenderError, match="tenth"):
        impose_saddle(ten_page_a5, tmp_path / "x.pdf", creep_mm=40)
    assert not (tmp_path / "x.pdf").exists()
