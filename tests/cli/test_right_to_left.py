"""Right-to-left columns and scripts beyond Latin and Cyrillic, in HTML and in the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

import pubtool
from pubtool.cli import app
from pubtool.publish.labels import text_direction

runner = CliRunner()

PARAGRAPH = "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*."
TRANSLATIONS = {
    "ar": {
        "Test statements": "بيانات تجريبية",
        "First statement on the 30th anniversary": "البيان الأول في الذكرى الثلاثين",
        PARAGRAPH: "في ليلة 19-20 يناير 1990 قُتل 147 مدنيًا في *باكو*.",
    },
    "he": {PARAGRAPH: "בליל 19-20 בינואר 1990 נהרגו 147 אזרחים ב*באקו*."},
    "ka": {PARAGRAPH: "1990 წლის 19-20 იანვრის ღამეს *ბაქოში* 147 მშვიდობიანი მოქალაქე მოკლეს."},
    "el": {PARAGRAPH: "Τη νύχτα της 19ης προς 20ή Ιανουαρίου 1990 σκοτώθηκαν 147 άμαχοι "
                      "στο *Μπακού*."},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "direction"),
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("en", "ltr"), ("ka", "ltr")],
)
def test_direction_comes_from_cldr(language: str, direction: str) -> None:
    assert text_direction(language) == direction


@pytest.fixture
def scripts(project_dir: Path) -> Path:
    config = project_dir / "pyproject.toml"
    config.write_text(config.read_text().replace('["az", "en", "ru"]', '["ar", "he", "ka", "el"]'))
    project = pubtool.Project.load(project_dir)
    pubtool.extract(project)
    pubtool.update(project)
    for language, words in TRANSLATIONS.items():
        path = project.catalog_path(language)
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = words.get(entry.msgid, entry.msgstr)
        catalog.save(str(path))
    return project_dir


def test_an_arabic_lead_turns_the_page_right_to_left(scripts: Path) -> None:
    result = runner.invoke(app, ["-P", str(scripts), "build-html", "--lang", "ar,en"])
    assert result.exit_code == 0, result.stderr
    html = (scripts / "build" / "booklet-ar-en.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html and "dir-rtl" in html
    # the Arabic column inherits the page's direction; the English one turns it back
    cells = re.findall(r'<td lang="(\w+)"( dir="\w+")?', html)
    assert {direction for language, direction in cells if language == "ar"} == {""}
    assert {direction for language, direction in cells if language == "en"} == {' dir="ltr"'}
    # an untranslated block in the Arabic column is English text: it keeps its own direction
    marked = r'<td lang="ar" class="marked"[^>]*>\s*<p lang="en" dir="ltr">'
    assert re.search(marked, html)


def test_an_english_lead_keeps_the_page_left_to_right(scripts: Path) -> None:
    result = runner.invoke(app, ["-P", str(scripts), "build-html", "--lang", "en,ar"])
    assert result.exit_code == 0, result.stderr
    html = (scripts / "build" / "booklet-en-ar.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "dir-ltr" in html
    assert '<td lang="ar" dir="rtl"' in html and '<td lang="en" dir=' not in html


def pdf_text(path: Path) -> str:
    """The PDF's text with hyphenation undone: where words break depends on the face."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return text.replace("\u2010\n", "").replace("-\n", "")


def test_hebrew_georgian_and_greek_are_set_in_a_covering_font(scripts: Path) -> None:
    result = runner.invoke(app, ["-P", str(scripts), "build-pdf", "--lang", "he,ka,el"])
    assert result.exit_code == 0, result.stderr
    text = pdf_text(scripts / "build" / "booklet-he-ka-el.pdf")
    for word in ("ბაქოში", "Μπακού"):
        assert word in text
    assert "באקו" in text or "וקאב" in text  # extractors differ on the order of RTL text
