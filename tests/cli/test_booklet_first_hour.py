"""The booklet a new user's own project makes (issue 24): a he|en booklet from a project
`pubtool init` made, read back from the PDF (fonts, positions) and the HTML."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

import pubtool

STATEMENT = """\
---
id: 2026-03-02-transit
title: New ferry line opens in March
date: 2026-03-02
issuer: Harbor City Press Office
source: https://harborcity.example/news/ferry
---

The new line carries 3,450 passengers a day between Pier 4 and the Old Town, at a cost of
$12.5 million.

> "This is *the* most important transit project of the decade," said Mayor Daniel Reyes.

- Boats leave every 15 minutes from 6:00 to 23:00, seven days a week, including public
  holidays and the summer festival weekends.
- Tickets cost 2.50 and can be bought on board, at the pier, or online at the transit website.
"""

HEBREW = {
    "New ferry line opens in March": "קו מעבורת חדש נפתח במרץ",
    "Harbor City Press Office": "לשכת העיתונות של הארבור סיטי",
    "The new line carries 3,450 passengers a day between Pier 4 and the Old Town, at a cost of "
    "$12.5 million.": "הקו החדש מסיע 3,450 נוסעים ביום בין רציף 4 לעיר העתיקה, בעלות של 12.5 "
    "מיליון דולר.",
    '"This is *the* most important transit project of the decade," said Mayor Daniel Reyes.':
    '"זהו פרויקט התחבורה *החשוב ביותר* של העשור", אמר ראש העיר Daniel Reyes.',
    "Boats leave every 15 minutes from 6:00 to 23:00, seven days a week, including public "
    "holidays and the summer festival weekends.": "הסירות יוצאות כל 15 דקות בין 6:00 ל-23:00, "
    "שבעה ימים בשבוע, כולל חגים וסופי השבוע של פסטיבל הקיץ.",
    "Tickets cost 2.50 and can be bought on board, at the pier, or online at the transit "
    "website.": "הכרטיסים עולים 2.50 וניתן לקנות אותם על הסיפון, ברציף או באינטרנט באתר "
    "התחבורה.",
}  # fmt: skip


@pytest.fixture(scope="module")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A he|en PDF and its HTML, from a project init made; Hebrew has no booklet labels."""
    root = tmp_path_factory.mktemp("harbor") / "proj"
    pubtool.init(root, "es,he", title="Harbor City Press Office")
    for example in (root / "statements").glob("*.md"):
        example.unlink()
    (root / "statements" / "2026-03-02-transit.md").write_text(STATEMENT, encoding="utf-8")
    project = pubtool.load_project(root)
    pubtool.extract(project)
    pubtool.update(project)
    catalog = polib.pofile(str(project.catalog_path("he")))
    for entry in catalog:
        entry.msgstr = HEBREW.get(entry.msgid, entry.msgstr)
    catalog.save()
    pdf = root / "he-en.pdf"
    pubtool.build_pdf(project, "he,en", output=pdf)
    pubtool.build_html(project, "he,en", output=root / "he-en.html")
    return pdf, (root / "he-en.html").read_text(encoding="utf-8")


def statement_lines(pdf: Path) -> list[LTTextLine]:
    """The text lines of the statement's page (the one with its list), top to bottom."""
    page = next(
        page
        for page in extract_pages(pdf)
        if any("Boats leave" in box.get_text() for box in page if isinstance(box, LTTextContainer))
    )
    lines = [
        line
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLine)
    ]
    return sorted(lines, key=lambda line: (-line.y1, line.x0))


def chars(line: LTTextLine) -> list[LTChar]:
    return [item for item in line if isinstance(item, LTChar)]


def test_digits_in_the_hebrew_column_are_set_in_a_book_face(booklet: tuple[Path, str]) -> None:
    pdf, _ = booklet
    middle = 595 / 2  # A4 points; Hebrew leads, so its column is on the right
    digits = [
        char
        for line in statement_lines(pdf)
        for char in chars(line)
        if char.get_text().isdigit() and char.x0 > middle
    ]
    assert digits, "no digits found in the Hebrew column"
    faces = {re.sub(r"^[A-Z]{6}\+", "", char.fontname) for char in digits}
    assert not any("Sans" in face for face in faces), faces


def test_emphasis_inside_a_quote_is_upright(booklet: tuple[Path, str]) -> None:
    pdf, _ = booklet
    line = next(line for line in statement_lines(pdf) if "most important" in line.get_text())
    letters = [char for char in chars(line) if not char.get_text().isspace()]
    text = "".join(char.get_text() for char in letters)
    emphasis = letters[text.index("themost")].fontname
    around = letters[text.index("This")].fontname
    assert "Italic" in around and "Italic" not in emphasis, (around, emphasis)


def test_a_wrapped_list_item_hangs_from_its_first_word(booklet: tuple[Path, str]) -> None:
    pdf, _ = booklet
    lines = statement_lines(pdf)
    first = next(line for line in lines if "Boats leave" in line.get_text())
    following = next(line for line in lines if line.y1 < first.y0 and abs(line.x0 - first.x0) < 40)
    letters = chars(first)
    boats = next(char for char in letters if char.get_text() == "B")
    assert letters[0].get_text() == "•"
    assert abs(following.x0 - boats.x0) < 1.5, (following.get_text(), following.x0, boats.x0)


def test_a_borrowed_label_keeps_its_direction_in_a_right_to_left_column(
    booklet: tuple[Path, str],
) -> None:
    _, html = booklet
    hebrew = html.split('<td lang="he"', 1)[1].split("</td>", 1)[0]
    assert '<span class="label" lang="en" dir="ltr">Issued by:</span> ' in hebrew
    assert '<span class="label" lang="en" dir="ltr">Source:</span> ' in hebrew
    english = html.split('<td lang="en"', 1)[1].split("</td>", 1)[0]
    assert '<span class="label">Issued by:</span> ' in english  # its own: nothing to say


def test_contents_is_not_said_twice_in_the_same_words(booklet: tuple[Path, str]) -> None:
    _, html = booklet
    heading = re.search(r'<h2 class="contents-title"[^>]*>(.*?)</h2>', html, re.S)
    assert heading is not None
    assert heading[1].count("Contents") == 1 and "·" not in heading[1]


def test_different_words_for_contents_are_both_shown(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    pubtool.init(root, "es", title="Harbor City Press Office")
    project = pubtool.load_project(root)
    pubtool.extract(project)
    pubtool.update(project)
    pubtool.build_html(project, "es,en", output=root / "es-en.html")
    html = (root / "es-en.html").read_text(encoding="utf-8")
    heading = re.search(r'<h2 class="contents-title"[^>]*>(.*?)</h2>', html, re.S)
    assert heading is not None and "Índice" in heading[1] and "Contents" in heading[1]


def test_hebrew_is_never_slanted(booklet: tuple[Path, str]) -> None:
    """Hebrew has no italic: a quote or a signature in the Hebrew column must not come out
    in a synthetic oblique, and emphasis there is bold."""
    pdf, _ = booklet
    hebrew_faces = {
        re.sub(r"^[A-Z]{6}\+", "", char.fontname)
        for page in extract_pages(pdf)
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLine)
        for char in chars(line)
        if "\u05d0" <= char.get_text() <= "\u05ea"
    }
    assert hebrew_faces and not any(
        "Oblique" in face or "Italic" in face for face in hebrew_faces
    ), hebrew_faces
    assert any("Bold" in face for face in hebrew_faces), hebrew_faces  # *החשוב ביותר*


def test_a_right_to_left_booklet_has_its_title_page_on_a_recto(booklet: tuple[Path, str]) -> None:
    """Cover, blank reverse, then the title page: page 3 in either reading direction."""
    pdf, _ = booklet
    texts = [
        " ".join(box.get_text() for box in page if isinstance(box, LTTextContainer)).strip()
        for page in extract_pages(pdf, maxpages=3)
    ]
    assert texts[0] and not texts[1] and texts[2], texts
