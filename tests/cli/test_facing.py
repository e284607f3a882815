"""`build-pdf --layout facing --numbers` on real statements, read back as a reader would: each
spread starts its two pages at the same pair, each page holds one language, a pair longer than
a page goes on on both sides, and a screen reader reads pair by pair. Each booklet is built
once per module (a build takes several seconds)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTPage, LTTextLine
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import copy_shipped_project
from pubtool.cli import app
from pubtool.errors import RenderError
from pubtool.publish.booklet import BookletRequest

runner = CliRunner()
STATEMENTS = (
    "2021-01-19-ombudsperson-31st-anniversary",
    "2016-01-30-cohen-26th-anniversary",
    "2023-01-20-mfa-national-mourning-day",
)
LONG = "2021-01-19-ombudsperson-31st-anniversary"  # its pair 11 runs over an A6 page in large type
MM = 72 / 25.4
OUTER_MM = 14  # the outer page margin of booklet.css, where the pair numbers stand
FOOT_MM = 20  # the bottom margin: the folio stands there, not a pair number
ENGLISH = {"the", "and", "of", "to"}
AZERBAIJANI = {"və", "ilə", "bu", "üçün"}  # not "ki": Ban Ki-moon


def invoke(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped_project(tmp_path_factory.mktemp("facing"))


@pytest.fixture(scope="module")
def facing(project: Path) -> Path:
    output = project / "build" / "facing.pdf"
    selected = [option for name in STATEMENTS for option in ("-s", name)]
    code, _, err = invoke(
        project, "build-pdf", "--lang", "az,en", "--layout", "facing", "--numbers",
        *selected, "-o", str(output),
    )  # fmt: skip
    assert code == 0, err
    return output


@pytest.fixture(scope="module")
def long_pair(project: Path) -> Path:
    """A6 in 11 pt (a project stylesheet in --templates): real paragraphs run over a page."""
    folder = project / "large-type"
    folder.mkdir()
    stylesheet = Path(__file__).parents[2] / "src/pubtool/publish/templates/booklet.css"
    (folder / "booklet.css").write_text(
        stylesheet.read_text(encoding="utf-8") + "\n.paper-a6 { font-size: 11pt; }\n",
        encoding="utf-8",
    )
    output = project / "build" / "long.pdf"
    code, _, err = invoke(
        project, "build-pdf", "--lang", "az,en", "--layout", "facing", "--numbers",
        "--paper", "A6", "--templates", str(folder), "-s", LONG, "-o", str(output),
    )  # fmt: skip
    assert code == 0, err
    return output


@dataclass
class PageText:
    number: int  # 1-based: even numbers are left pages
    numbers: list[tuple[float, int]]  # pair numbers in the outer margin, (top, number)
    lines: list[tuple[float, str]]  # text lines in the text area, (top, text)

    @property
    def first_number(self) -> int | None:
        return max(self.numbers)[1] if self.numbers else None

    @property
    def continues(self) -> bool:
        """The page begins with text of a pair begun on the spread before (no number above)."""
        if not self.lines:
            return False
        return not self.numbers or max(self.lines)[0] > max(self.numbers)[0] + 2

    @property
    def words(self) -> set[str]:
        return {word.lower() for _, text in self.lines for word in re.findall(r"\w+", text)}


def read_pages(pdf: Path) -> list[PageText]:
    pages = []
    for layout in extract_pages(pdf):
        assert isinstance(layout, LTPage)
        left = layout.pageid % 2 == 0
        width = layout.width
        margin = OUTER_MM * MM
        digits: dict[int, list[LTChar]] = {}
        lines: list[tuple[float, str]] = []
        for char in _chars(layout):
            in_margin = char.x1 < margin if left else char.x0 > width - margin
            if in_margin and char.y0 > FOOT_MM * MM and char.get_text().isdigit():
                digits.setdefault(round(char.y1), []).append(char)
        for line in _lines(layout):
            text = line.get_text().strip()
            in_text_area = line.y0 > FOOT_MM * MM and line.y1 < layout.height - 18 * MM
            if in_text_area and text and not text.isdigit():  # digits alone: a pair number
                lines.append((line.y1, text))
        numbers = [
            (float(top), int("".join(c.get_text() for c in sorted(chars, key=lambda c: c.x0))))
            for top, chars in digits.items()
        ]
        pages.append(PageText(layout.pageid, numbers, lines))
    return pages


def _chars(item: object) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    return [found for child in getattr(item, "_objs", []) for found in _chars(child)]


def _lines(item: object) -> list[LTTextLine]:
    if isinstance(item, LTTextLine):
        return [item]
    return [found for child in getattr(item, "_objs", []) for found in _lines(child)]


def text_spreads(pdf: Path, notes: bool = True) -> list[tuple[PageText, PageText]]:
    """The spreads of the statements: from the first statement's bookmark to the notes' (or
    the end, when no statement has a source or repairs)."""
    reader = PdfReader(pdf)
    starts = [
        reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    ]
    pages = read_pages(pdf)
    pages = pages[starts[1] : starts[-1] if notes else len(pages)]  # Contents first
    assert pages[0].number % 2 == 0, "a statement starts on a left page"
    return [(pages[i], pages[i + 1]) for i in range(0, len(pages) - 1, 2)]


def test_every_spread_starts_both_pages_at_the_same_pair(facing: Path) -> None:
    spreads = text_spreads(facing)
    compared = 0
    for left, right in spreads:
        if left.first_number is None and right.first_number is None:
            continue  # a spread of titles, or of one long pair
        assert left.first_number == right.first_number, (left.number, right.number)
        compared += 1
    assert compared >= 4
    numbers = [n for left, _ in spreads for _, n in sorted(left.numbers, reverse=True)]
    assert 1 in numbers and max(numbers) >= 10  # numbered 1, 2, 3… per statement


def test_each_page_holds_one_language(facing: Path) -> None:
    spreads = text_spreads(facing)
    assert len(spreads) >= 3
    for left, right in spreads:
        assert left.words & AZERBAIJANI and not left.words & ENGLISH, left.number
        assert right.words & ENGLISH and not right.words & AZERBAIJANI, right.number


def test_a_pair_longer_than_a_page_goes_on_on_both_sides(long_pair: Path) -> None:
    spreads = text_spreads(long_pair, notes=False)
    for index, (left, right) in enumerate(spreads[:-1]):
        after = spreads[index + 1]
        if left.first_number == right.first_number == 11 and after[0].continues:
            assert after[1].continues  # the English goes on too, on the right page
            assert after[0].first_number == after[1].first_number  # and both take up pair 12
            break
    else:
        pytest.fail("pair 11 does not go on over the next spread")
    for left, right in spreads:  # the booklet ends with blank pages up to a multiple of 4
        assert not left.words & ENGLISH and not right.words & AZERBAIJANI


def test_a_screen_reader_reads_pair_by_pair(facing: Path) -> None:
    with pikepdf.open(facing) as pdf:
        document = pdf.Root.StructTreeRoot.K[0]
        sections = [kid for kid in document.K if kid.get("/S") == "/Sect"]
        pairs = [
            [str(block.get("/Lang")) for block in div.K if isinstance(block, pikepdf.Dictionary)]
            for section in sections
            for div in section.K
            if isinstance(div, pikepdf.Dictionary) and div.get("/S") == "/Div"
        ]
        titles = [
            str(kid.get("/Lang"))
            for section in sections
            for kid in section.K
            if isinstance(kid, pikepdf.Dictionary)
            and kid.get("/S") == "/H2"
            and kid.get("/Lang") is not None  # the statements', not the contents' heading
        ]
    assert len(pairs) > 30
    assert all(langs == ["az", "en"] for langs in pairs), pairs[:5]
    assert titles == ["az", "en"] * len(STATEMENTS)


def test_pair_numbers_are_artifacts(facing: Path) -> None:
    """Pair numbers are set at 7 pt, no other text is: every such run is an artifact."""
    with pikepdf.open(facing) as pdf:
        kinds = []
        for page in pdf.pages:
            tag = None
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "BDC":
                    tag = str(operands[0])
                elif str(operator) == "Tf" and abs(float(operands[1]) - 7 * 96 / 72) < 0.01:
                    kinds.append(tag)
    assert len(kinds) > 30
    assert set(kinds) == {"/Artifact"}


def test_columns_take_numbers_too(project: Path) -> None:
    output = project / "build" / "columns.pdf"
    code, _, err = invoke(
        project, "build-pdf", "--lang", "az,en", "--numbers", "-s", LONG, "-o", str(output)
    )
    assert code == 0, err
    pages = read_pages(output)
    numbered = [page for page in pages if page.numbers]
    assert numbered and numbered[0].first_number == 1


@pytest.mark.parametrize("languages", ["az", "az,en,ru"])
def test_facing_takes_exactly_two_languages(project: Path, languages: str) -> None:
    code, _, err = invoke(
        project, "build-pdf", "--lang", languages, "--layout", "facing", "-s", LONG,
        "-o", str(project / "build" / "refused.pdf"),
    )  # fmt: skip
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "two languages" in err
    assert not (project / "build" / "refused.pdf").exists()


def test_an_unknown_layout_is_refused(project: Path) -> None:
    code, _, err = invoke(project, "build-pdf", "--lang", "az,en", "--layout", "grid", "-s", LONG)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "columns, facing" in err


def test_the_api_refuses_facing_pages_for_one_language() -> None:
    with pytest.raises(RenderError, match="exactly two languages"):
        BookletRequest(languages=("az",), layout="facing")
    assert BookletRequest(languages=("az", "en"), layout="facing").layout == "facing"
