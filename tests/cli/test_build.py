"""`pubtool build-pdf` and `build-html`, read back with pypdf as a reader would see them."""

from __future__ import annotations

import http.server
import re
import threading
from pathlib import Path

import polib
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from pubtool.cli import app

runner = CliRunner()

AZ = {
    "Test statements": "Sınaq bəyanatları",
    "First statement on the 30th anniversary": "30-cu ildönümü ilə bağlı birinci bəyanat",
    "Second statement": "İkinci bəyanat",
    "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*.": (
        "1990-cı il yanvarın 19-dan 20-nə keçən gecə *Bakıda* 147 dinc sakin qətlə yetirildi."
    ),
    "The statement was sent to the UN Secretary-General.": (
        "Bəyanat BMT-nin Baş katibinə göndərilib."
    ),
}
RU = {
    "Test statements": "Тестовые заявления",
    "First statement on the 30th anniversary": "Первое заявление к 30-й годовщине",
    "Second statement": "Второе заявление",
    "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*.": (
        "В ночь с 19 на 20 января 1990 года в *Баку* были убиты 147 мирных жителей."
    ),
}


def invoke(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def fill(project: Path, language: str, translations: dict[str, str]) -> None:
    path = project / "locales" / language / "LC_MESSAGES" / "statements.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    catalog.save(str(path))


@pytest.fixture
def translated(project_dir: Path) -> Path:
    assert invoke(project_dir, "extract")[0] == 0
    assert invoke(project_dir, "update")[0] == 0
    fill(project_dir, "az", AZ)
    fill(project_dir, "ru", RU)
    return project_dir


def text_of(pdf: Path) -> str:
    """The PDF's text with hyphenation undone (the booklet breaks words with U+002D, as
    `hyphenate-character`) and white space folded, so that the face installed does not
    decide where lines end."""
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return re.sub(r"[ \n]+", " ", re.sub(r"(?<=\w)[-\u2010]\n(?=\w)", "", text))


def test_bilingual_booklet(translated: Path) -> None:
    code, out, err = invoke(translated, "build-pdf", "--lang", "az,en")
    assert code == 0, err
    pdf = translated / "build" / "booklet-az-en.pdf"
    assert out.startswith("build/booklet-az-en.pdf: ")
    reader = PdfReader(pdf)
    # the contents, then each statement (its headings nested under it)
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [
        "Mündəricat",
        "30-cu ildönümü ilə bağlı birinci bəyanat",
        "İkinci bəyanat",
        "Qeydlər",  # the notes at the end: sources, editorial repairs
    ]
    assert any(isinstance(item, list) for item in reader.outline)  # "## A heading"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"  # bookmarks shown on opening
    assert reader.metadata.title == "Sınaq bəyanatları"
    assert not reader.metadata.author  # no author nor publisher configured: not the title
    assert len(reader.pages) % 4 == 0  # padded for printing (--pad-to 4)
    assert reader.trailer["/Root"]["/Lang"] == "az"
    text = text_of(pdf)
    for expected in (
        "Sınaq bəyanatları",
        "15 yanvar 2020",
        "January 15, 2020",
        "Mündəricat",
        "Bakıda 147 dinc sakin",
        "ə",
        "ı",
        "ğ",
        "İkinci",
    ):
        # where a line ends depends on the face: compare words, not line breaks
        assert expected in " ".join(text.split()), expected
    # paragraphs in order, each column's text beside the other
    first = text.index("1990-cı il yanvarın 19-dan")
    assert first < text.index("Bəyanat BMT-nin Baş katibinə")
    assert text.index("On the night of January") < text.index("The statement was sent")
    # untranslated blocks are counted and marked
    assert "blocks without a finished translation" in err
    # the mark is upper-cased the Azerbaijani way (i -> İ) by CSS text-transform and lang="az"
    assert text.count("⚠ HƏLƏ TƏRCÜMƏ EDİLMƏYİB") == 7
    for page in reader.pages:  # every font is embedded
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)


def test_russian_edition_and_three_columns(translated: Path) -> None:
    output = translated / "out" / "ru.pdf"
    code, _, err = invoke(translated, "build-pdf", "--lang", "ru", "-o", str(output))
    assert code == 0, err
    text = text_of(output)
    assert "В ночь с 19 на 20 января 1990 года" in text and "15 января 2020\u202fг." in text
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en,ru", "--paper", "a5")
    assert code == 0, err
    page = PdfReader(translated / "build" / "booklet-az-en-ru-a5.pdf").pages[0]
    assert round(float(page.mediabox.width)) == 420  # A5: 148 mm
    assert not (translated / "build" / "booklet-az-en-ru.pdf").exists()


def test_missing_policies_and_coverage_gate(translated: Path) -> None:
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "--missing", "fail")
    assert code == 1 and "no finished translation (az " in err
    assert "statements/2020-01-15-first.md:" in err
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "--min-coverage", "90")
    assert code == 1 and "below --min-coverage 90%" in err
    assert not (translated / "build" / "booklet-az-en.pdf").exists()
    code, _, _ = invoke(translated, "build-pdf", "--lang", "az,en", "--missing", "omit")
    assert code == 0
    assert "TƏRCÜMƏ EDİLMƏYİB" not in text_of(translated / "build" / "booklet-az-en.pdf")


def test_rebuild_with_nothing_changed_is_cached(translated: Path) -> None:
    assert invoke(translated, "build-pdf", "--lang", "az,en")[0] == 0
    pdf = translated / "build" / "booklet-az-en.pdf"
    before = pdf.stat().st_mtime_ns
    code, out, _ = invoke(translated, "build-pdf", "--lang", "az,en")
    assert code == 0 and "unchanged" in out and pdf.stat().st_mtime_ns == before
    fill(translated, "az", {"Second statement": "İkinci bəyanat (yenilənib)"})
    code, out, _ = invoke(translated, "build-pdf", "--lang", "az,en")
    assert code == 0 and "unchanged" not in out


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_hostile_translation_renders_as_text_and_fetches_nothing(translated: Path) -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        hostile = (
            f'<img src="file:///etc/passwd"> <link href="http://127.0.0.1:{port}/x.css"> '
            f"![x](http://127.0.0.1:{port}/y.png)"
        )
        fill(translated, "az", {"Second statement": hostile})
        code, _, err = invoke(translated, "build-pdf", "--lang", "az,en")
        assert code == 0, err
    finally:
        server.shutdown()
    assert _Recorder.hits == []
    text = text_of(translated / "build" / "booklet-az-en.pdf")
    assert '<img src="file:///etc/passwd">' in text.replace("\n", " ")
    assert "root:x:0:0" not in text


def test_bad_requests_are_one_line(translated: Path, tmp_path: Path) -> None:
    cases = [
        (["--lang", "de,en"], "de is not one of this project's languages"),
        (["--lang", "az,en", "--statement", "1999-01-01-nope"], "unknown statement id"),
        (["--lang", "az,en", "-o", str(tmp_path / "x.txt")], "must end in .pdf"),
        (["--lang", "az,en", "--paper", "B5"], "--paper: 'B5' is not one of A4, A5, A6, letter"),
        (["--lang", "az,en", "--missing", "maybe"], "--missing: 'maybe'"),
    ]
    for args, message in cases:
        code, _, err = invoke(translated, "build-pdf", *args)
        assert code == 2 and message in err and err.count("\n") == 1, (args, err)
    (translated / "locales" / "ru" / "LC_MESSAGES" / "statements.po").unlink()
    code, _, err = invoke(translated, "build-pdf", "--lang", "ru,en")
    assert code == 2 and "no ru catalog" in err


def test_unwritable_output_leaves_nothing(translated: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "-o", str(blocker / "b.pdf"))
    assert code == 2 and "not writable" in err and err.count("\n") == 1
    assert blocker.read_text(encoding="utf-8").startswith("a file")
    assert (
        not list((translated / "build").glob("*.pdf")) if (translated / "build").exists() else True
    )


def test_build_html(translated: Path) -> None:
    code, out, _ = invoke(translated, "build-html", "--lang", "ru,en")
    assert code == 0
    html = (translated / "build" / "booklet-ru-en.html").read_text(encoding="utf-8")
    assert "В ночь с 19 на 20 января" in html and "<em>Баку</em>" in html


def test_impose_saddle_writes_the_booklet_and_its_imposed_copy(translated: Path) -> None:
    imposed = translated / "print" / "sheets.pdf"
    code, out, err = invoke(
        translated, "build-pdf", "--lang", "az,en", "--paper", "a5",
        "--impose", "saddle", "-o", str(imposed),
    )  # fmt: skip
    assert code == 0, err
    booklet = PdfReader(translated / out.split(":")[0])  # the first line names the booklet
    sheets = PdfReader(imposed)
    pages = len(booklet.pages)
    padded = -(-pages // 4) * 4
    assert len(sheets.pages) == padded // 2
    width, height = (float(v) for v in sheets.pages[0].mediabox[2:])
    assert width > height  # landscape A4: two A5 pages side by side
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)
    assert "sheets.pdf" in out and "saddle-stitch" in out


def test_impose_refuses_unknown_schemes_and_its_own_booklet_path(translated: Path) -> None:
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "--impose", "perfect")
    assert code == 2 and "--impose" in err and "Traceback" not in err
    code, out, err = invoke(translated, "build-pdf", "--lang", "az,en")
    same = translated / out.split(":")[0]
    code, _, err = invoke(
        translated, "build-pdf", "--lang", "az,en", "--impose", "saddle", "-o", str(same)
    )
    assert code == 2 and "imposed file" in err


def test_another_paper_or_layout_does_not_replace_the_default_booklet(translated: Path) -> None:
    """An A5 proof, a facing-pages edition, pair numbers or a PDF/A copy, built without -o,
    gets a name of its own: the A4 booklet built before it is still there, unchanged."""
    builds = {
        (): "booklet-az-en.pdf",
        ("--paper", "A5"): "booklet-az-en-a5.pdf",
        ("--layout", "facing"): "booklet-az-en-facing.pdf",
        ("--layout", "facing", "--paper", "letter"): "booklet-az-en-facing-letter.pdf",
        ("--numbers", "--pdf-variant", "pdf/a-3b"): "booklet-az-en-numbers-pdf-a-3b.pdf",
    }
    made = {}
    for options, name in builds.items():
        code, out, err = invoke(translated, "build-pdf", "--lang", "az,en", *options)
        assert code == 0, err
        assert out.startswith(f"build/{name}: ")
        made[name] = (translated / "build" / name).read_bytes()
    assert len(set(made.values())) == len(builds)
    for name, data in made.items():
        assert (translated / "build" / name).read_bytes() == data
