"""Booklets a printer and an archive accept: byte-identical rebuilds, tagged PDF, PDF/UA, PDF/A."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import polib
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from pubtool.cli import app

runner = CliRunner()

AZ = {
    "Test statements": "Sınaq bəyanatları",
    "First statement on the 30th anniversary": "30-cu ildönümü ilə bağlı birinci bəyanat",
    "The statement was sent to the UN Secretary-General.": (
        "Bəyanat BMT-nin Baş katibinə göndərilib."
    ),
}


def invoke(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def translated(project_dir: Path) -> Path:
    assert invoke(project_dir, "extract")[0] == 0
    assert invoke(project_dir, "update")[0] == 0
    path = project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = AZ.get(entry.msgid, entry.msgstr)
    catalog.metadata["PO-Revision-Date"] = "2024-03-01 10:15+0000"
    catalog.save(str(path))
    return project_dir


def structure(pdf: Path) -> list[dict[str, Any]]:
    """Every structure element of the PDF, depth first, as pypdf dictionaries."""
    root = PdfReader(pdf).trailer["/Root"]
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if isinstance(node, dict) and "/S" in node:
            found.append(node)
        kids = node.get("/K", []) if isinstance(node, dict) else []
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid)

    walk(root["/StructTreeRoot"])
    return found


def test_same_inputs_give_the_same_bytes_in_any_folder_on_any_day(
    translated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    copy = shutil.copytree(translated, tmp_path / "elsewhere" / "clone")
    for path in copy.rglob("*"):  # a clone's files carry the time of the clone
        os.utime(path, (2_000_000_000, 2_000_000_000))
    assert invoke(translated, "build-pdf", "--lang", "az,en")[0] == 0
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 400 * 86_400)  # a year later
    assert invoke(copy, "build-pdf", "--lang", "az,en")[0] == 0
    first = (translated / "build" / "booklet-az-en.pdf").read_bytes()
    assert first == (copy / "build" / "booklet-az-en.pdf").read_bytes()
    info = PdfReader(translated / "build" / "booklet-az-en.pdf").metadata
    # dates from the inputs: the newest statement, the az catalog's last revision
    assert info["/CreationDate"].startswith("D:20210119")
    assert info["/ModDate"].startswith("D:20240301")


def test_source_date_epoch_overrides_the_inputs_date(
    translated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    assert invoke(translated, "build-pdf", "--lang", "az,en")[0] == 0
    info = PdfReader(translated / "build" / "booklet-az-en.pdf").metadata
    assert info["/CreationDate"].startswith("D:20231114")
    assert info["/ModDate"].startswith("D:20231114")
    # a changed date is a changed input: the cache does not answer
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    code, out, _ = invoke(translated, "build-pdf", "--lang", "az,en")
    assert code == 0 and "unchanged" not in out
    code, out, _ = invoke(translated, "build-pdf", "--lang", "az,en")
    assert code == 0 and "unchanged" in out


def test_tagged_by_default_with_a_language_per_column(translated: Path) -> None:
    assert invoke(translated, "build-pdf", "--lang", "az,en")[0] == 0
    pdf = translated / "build" / "booklet-az-en.pdf"
    root = PdfReader(pdf).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/Lang"] == "az"
    elements = structure(pdf)
    kinds = [element["/S"] for element in elements]
    assert {"/Document", "/Sect", "/Div", "/H1", "/H2", "/H3", "/TOC", "/TOCI", "/Link"} <= set(
        kinds
    )
    assert "/Table" not in kinds  # a statement is a Sect of pairs: docs/accessibility.md
    languages = {element.get("/Lang") for element in elements} - {None}
    assert languages == {"az", "en"}
    # read aloud, each pair gives the leading column (az) first, as a sighted reader reads
    pairs = [e for e in elements if e["/S"] == "/Div" and e.get("/Lang") is None]
    assert pairs and all(
        [kid.get_object().get("/Lang") for kid in pair["/K"]] == ["az", "en"] for pair in pairs
    )


def test_pdf_ua(translated: Path) -> None:
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "--pdf-variant", "pdf/ua-1")
    assert code == 0, err
    pdf = translated / "build" / "booklet-az-en-pdf-ua-1.pdf"  # beside the plain booklet
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Sınaq bəyanatları"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp
    # the collection's title in each language of the booklet, after the lead's x-default
    title = xmp.split("<dc:title>", 1)[1].split("</dc:title>", 1)[0]
    assert 'xml:lang="x-default">Sınaq bəyanatları<' in title
    assert 'xml:lang="az">Sınaq bəyanatları<' in title and 'xml:lang="en">Test statements<' in title
    # the collection title is the H1, the statement titles H2, in the bookmarks too
    headings = [e["/S"] for e in structure(pdf) if e["/S"] in ("/H1", "/H2", "/H3")]
    assert headings[0] == "/H1" and headings.count("/H1") == 1
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "Mündəricat" and titles[1].startswith("30-cu ildönümü")


def test_pdf_a(translated: Path) -> None:
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "--pdf-variant", "PDF/A-3b")
    assert code == 0, err
    reader = PdfReader(translated / "build" / "booklet-az-en-pdf-a-3b.pdf")
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "2021-01-19T00:00:00" in xmp  # XMP dates agree with the document information
    (intent,) = root["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert "/ID" in reader.trailer
    for page in reader.pages:  # every font is embedded
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(font["/FontDescriptor"])


def test_unknown_variant_is_one_line(translated: Path) -> None:
    code, _, err = invoke(translated, "build-pdf", "--lang", "az,en", "--pdf-variant", "pdf/x-4")
    assert code == 2 and "--pdf-variant: 'pdf/x-4'" in err and err.count("\n") == 1


def font_names(pdf: Path) -> set[str]:
    """The embedded fonts' names without their subset tags (ABCDEF+Gentium-… -> Gentium-…)."""
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def installed(family: str) -> bool:
    if shutil.which("fc-list") is None:
        return False
    result = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True)
    return bool(result.stdout.strip())


@pytest.mark.skipif(not installed("Gentium Book Plus"), reason="fonts-sil-gentiumplus")
def test_the_book_face_is_set_and_embedded_and_font_still_overrides(translated: Path) -> None:
    assert invoke(translated, "build-pdf", "--lang", "az,en")[0] == 0
    names = font_names(translated / "build" / "booklet-az-en.pdf")
    # every text, page furniture included, is in the book face; only the ⚠ that marks an
    # untranslated block comes from a symbol face
    assert any(name.startswith("Gentium-Book-Plus") for name in names)
    assert {name for name in names if not name.startswith("Gentium-Book-Plus")} <= {
        "DejaVu-Sans"
    }, names
    output = translated / "build" / "dejavu.pdf"
    assert invoke(translated, "build-pdf", "--font", "DejaVu Serif", "-o", str(output))[0] == 0
    assert all(name.startswith("DejaVu") for name in font_names(output))


@pytest.mark.skipif(not installed("Noto Naskh Arabic"), reason="fonts-noto-core")
def test_arabic_beside_english(project_dir: Path) -> None:
    pyproject = project_dir / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace('["az", "en", "ru"]', '["ar", "en"]'),
        encoding="utf-8",
    )
    assert invoke(project_dir, "extract")[0] == 0
    assert invoke(project_dir, "update")[0] == 0
    path = project_dir / "locales" / "ar" / "LC_MESSAGES" / "statements.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = "أرسل البيان إلى الأمين العام للأمم المتحدة."
    catalog.save(str(path))
    code, _, err = invoke(project_dir, "build-pdf", "--lang", "ar,en")
    assert code == 0, err
    pdf = project_dir / "build" / "booklet-ar-en.pdf"
    assert any(name.startswith("Noto-Naskh-Arabic") for name in font_names(pdf))
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "ar"
    languages = {element.get("/Lang") for element in structure(pdf)} - {None}
    assert languages == {"ar", "en"}
    html = project_dir / "build" / "booklet-ar-en.html"
    assert invoke(project_dir, "build-html", "--lang", "ar,en", "-o", str(html))[0] == 0
    page = html.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and 'lang="en" dir="ltr"' in page
