"""The shipped booklets read back as a typesetter and a reader would: hyphenation, addresses,
copied words. Each booklet is built once per module (a build takes several seconds)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_shipped_project
from pdf_lines import body_lines, hyphenation_figures
from pubtool.project import load_project
from pubtool.publish.booklet import BookletRequest, build_pdf


@pytest.fixture(scope="module")
def booklets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = copy_shipped_project(tmp_path_factory.mktemp("typesetting"))
    project = load_project(root)
    built = {}
    for languages in (("az", "en"), ("ru", "en")):
        output = root / "build" / f"booklet-{'-'.join(languages)}.pdf"
        build_pdf(project, BookletRequest(languages=languages), output)
        built["|".join(languages)] = output
    return built


@pytest.mark.parametrize("edition", ["az|en", "ru|en"])
def test_hyphenation_a_typesetter_accepts(booklets: dict[str, Path], edition: str) -> None:
    figures = hyphenation_figures(booklets[edition])
    assert figures.lines > 3000  # the whole booklet was read, not a page of it
    assert figures.share <= 0.12, figures.row()
    # never more than two hyphenated lines in a row, and no hyphen at a column's foot
    # where it could be avoided (a few remain in az|en; ru|en has none)
    assert figures.runs_over_two == 0 and figures.longest_run <= 2, figures.row()
    # a word's own hyphen (Commander-in-Chief) may end a line; an added one leaves 3 letters
    assert all("-" in fragment for fragment in figures.short_fragments), figures.short_fragments


@pytest.mark.parametrize("edition", ["az|en", "ru|en"])
def test_extracted_text_has_no_visible_hyphenation_hyphen(
    booklets: dict[str, Path], edition: str
) -> None:
    text = "".join(page.extract_text() for page in PdfReader(booklets[edition]).pages)
    assert "\u2010" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_copied_text_holds_hyphenated_words_whole(booklets: dict[str, Path]) -> None:
    pdf = booklets["az|en"]
    lines = body_lines(pdf)
    words = [
        line.text.rstrip()[:-1].split()[-1] + following.text.split()[0]
        for line, following in zip(lines, lines[1:], strict=False)
        if line.hyphenated and (line.page, line.column) == (following.page, following.column)
    ]
    assert len(words) > 50
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    whole = [word for word in words if word in text]
    assert len(whole) >= 0.9 * len(words), sorted(set(words) - set(whole))[:10]


def test_an_address_breaks_only_after_its_punctuation(booklets: dict[str, Path]) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(booklets["az|en"]).pages)
    address = "http://www.ombudsman.gov.az/view.php?lang=en&menu=95&id=1025"
    assert address in text.replace("\u200b", "").replace("\n", "")
    assert "lan\ng=en" not in text and "-\n" not in text.split("ombudsman.gov")[1][:60]
