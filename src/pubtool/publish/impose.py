"""Saddle-stitch imposition: a finished booklet laid out two pages to a side, so that an
office printer's double-sided sheets, folded once and stapled in the fold, read in order.

The booklet is rendered first, page by page as a reader sees it; imposition is a stage after
it that only places those pages, through pikepdf's public API, on sheets twice as wide (A5
pages on A4, A6 on A5, half-letter on letter). Each placed page becomes a vector Form XObject
with its own fonts, so nothing is rasterised or re-embedded; the forms get fixed names
(`/P1`, `/P2`, ...) so that the same booklet always imposes to the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pubtool.errors import RenderError
from pubtool.files import write_bytes_atomically

#: Points in a millimetre: creep is given in millimetres, PDF speaks points.
POINTS_PER_MM = 72 / 25.4

#: Sheets an office printer takes, landscape (width, height) in millimetres. Two A5 pages
#: (148 mm wide) make 296 mm, a millimetre short of A4's 297: the pair is centred on the
#: named sheet rather than printed on a sheet no printer stocks.
PRINTER_SHEETS_MM = {
    "A3": (420.0, 297.0),
    "A4": (297.0, 210.0),
    "A5": (210.0, 148.0),
    "letter": (279.4, 215.9),
    "tabloid": (431.8, 279.4),
}


@dataclass(frozen=True)
class Side:
    """One side of one sheet: the page numbers (1-based, None for a blank) left and right."""

    sheet: int
    front: bool
    left: int | None
    right: int | None


@dataclass(frozen=True)
class ImposedBooklet:
    """What `impose_saddle` wrote: the sheets, the pages before and after padding."""

    path: Path
    pages: int
    padded_pages: int
    sheets: int

    @property
    def sides(self) -> int:
        return self.sheets * 2


def saddle_order(pages: int) -> list[Side]:
    """The sides of a saddle-stitched booklet of `pages` pages, padded with blanks to a
    multiple of 4: sheet 1's front carries the last page and page 1, its back pages 2 and
    n-1, and so on inwards, so the middle sheet holds the centre spread."""
    if pages < 1:
        raise RenderError("imposition needs at least one page")
    padded = -(-pages // 4) * 4

    def shown(number: int) -> int | None:
        return number if number <= pages else None

    sides = []
    for sheet in range(padded // 4):
        outer = 2 * sheet
        sides.append(Side(sheet + 1, True, shown(padded - outer), shown(1 + outer)))
        sides.append(Side(sheet + 1, False, shown(2 + outer), shown(padded - 1 - outer)))
    return sides


def creep_shift(sheet: int, sheets: int, creep_mm: float) -> float:
    """How far (points) sheet `sheet`'s pages move towards the fold: nothing on the outer
    sheet, the whole creep on the innermost, in equal steps between, since each sheet nested
    inside another sticks out by about one paper thickness more once folded and trimmed."""
    if sheets <= 1 or creep_mm == 0:
        return 0.0
    return creep_mm * POINTS_PER_MM * (sheet - 1) / (sheets - 1)


def sheet_for(page_width: float, page_height: float) -> tuple[float, float]:
    """The printer sheet (points, landscape) that holds two pages side by side: a named
    sheet at most 3 mm larger each way, else exactly two pages wide."""
    pair = (2 * page_width, page_height)
    slack = 3 * POINTS_PER_MM
    for width_mm, height_mm in PRINTER_SHEETS_MM.values():
        width, height = width_mm * POINTS_PER_MM, height_mm * POINTS_PER_MM
        if -0.01 <= width - pair[0] <= slack and -0.01 <= height - pair[1] <= slack:
            return width, height
    return pair


def impose_saddle(source: Path, output: Path, *, creep_mm: float = 0.0) -> ImposedBooklet:
    """Write `source`'s pages to `output` in saddle-stitch order, two to a landscape side.

    The sheet is the printer sheet two pages fit on (`sheet_for`). `creep_mm` pulls the
    inner sheets' pages towards the fold; it is refused when it is negative or so large that
    a page would slide more than a tenth of its width.
    """
    import pikepdf

    if creep_mm < 0:
        raise RenderError(f"--creep must not be negative (got {creep_mm:g} mm)")
    with pikepdf.open(source) as booklet:
        pages = list(booklet.pages)
        if not pages:
            raise RenderError("the booklet has no pages to impose", file=source)
        box = pikepdf.Rectangle(pages[0].mediabox)
        width, height = box.width, box.height
        if creep_mm * POINTS_PER_MM > width / 10:
            raise RenderError(
                f"--creep {creep_mm:g} mm is more than a tenth of the page width "
                f"({width / POINTS_PER_MM / 10:.1f} mm)"
            )
        sides = saddle_order(len(pages))
        sheets = len(sides) // 2
        sheet_width, sheet_height = sheet_for(width, height)
        margin_x = (sheet_width - 2 * width) / 2
        margin_y = (sheet_height - height) / 2
        imposed = pikepdf.new()
        forms = {}  # each page becomes one Form XObject, placed by name with a plain `cm`
        for side in sides:
            placed = []
            shift = creep_shift(side.sheet, sheets, creep_mm)
            edges = ((side.left, margin_x + shift), (side.right, margin_x + width - shift))
            for number, left_edge in edges:
                if number is None:
                    continue
                if number not in forms:
                    form = pages[number - 1].as_form_xobject()
                    forms[number] = imposed.copy_foreign(form)
                placed.append(f"q 1 0 0 1 {left_edge:.4f} {margin_y:.4f} cm /P{number} Do Q")
            sheet = imposed.add_blank_page(page_size=(sheet_width, sheet_height))
            sheet.Resources = pikepdf.Dictionary(
                XObject=pikepdf.Dictionary(
                    {f"/P{n}": forms[n] for n in (side.left, side.right) if n is not None}
                )
            )
            sheet.Contents = imposed.make_stream("\n".join(placed).encode("ascii"))
        title = booklet.docinfo.get("/Title")
        if title is not None:
            imposed.docinfo["/Title"] = pikepdf.String(f"{title} (imposed for saddle stitch)")
        stream = _to_bytes(imposed)
    write_bytes_atomically(output, stream)
    return ImposedBooklet(output, len(pages), len(sides) * 2, sheets)


def _to_bytes(pdf: object) -> bytes:
    import io

    buffer = io.BytesIO()
    # Deterministic output: no random /ID, so an unchanged booklet imposes to the same bytes.
    pdf.save(buffer, deterministic_id=True)  # type: ignore[attr-defined]
    return buffer.getvalue()
