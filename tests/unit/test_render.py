from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from pubtool.errors import RenderError
from pubtool.publish.documents import Cell, Document, Row
from pubtool.publish.render import (
    ConfinedFetcher,
    Edition,
    inline_markdown,
    plain_text,
    render_html,
    running_title,
)
from pubtool.publish.template_folders import default_templates

REPO = Path(__file__).resolve().parents[2]


def test_inline_markdown_keeps_emphasis_and_escapes_html() -> None:
    assert str(inline_markdown("**34th** anniversary")) == "<strong>34th</strong> anniversary"
    hostile = '<img src="file:///etc/passwd"> <script>alert(1)</script>'
    rendered = str(inline_markdown(hostile))
    assert "<img" not in rendered and "<script" not in rendered
    assert "&lt;img" in rendered


def test_inline_markdown_drops_images_and_unsafe_links() -> None:
    assert "<img" not in str(inline_markdown("![x](file:///etc/passwd)"))
    assert 'href="javascript:' not in str(inline_markdown("[x](javascript:alert(1))"))
    assert str(inline_markdown("[AZERTAC](https://azertag.az)")) == (
        '<a href="https://azertag.az">AZERTAC</a>'
    )


def test_signature_line_breaks() -> None:
    assert str(inline_markdown("Commissioner\n(Ombudsman)", breaks=True)) == (
        "Commissioner<br />\n(Ombudsman)"
    )


def test_fetcher_serves_only_allowed_folders(tmp_path: Path) -> None:
    allowed = tmp_path / "templates"
    allowed.mkdir()
    (allowed / "x.css").write_text("p { color: red }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    fetcher = ConfinedFetcher([allowed])
    response = fetcher.fetch((allowed / "x.css").as_uri())
    assert response.headers.get_content_type() == "text/css"
    from weasyprint.urls import URLFetchingError

    for url in (
        (tmp_path / "secret.txt").as_uri(),
        (allowed / ".." / "secret.txt").as_uri(),
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "data:text/css,p{}",
    ):
        with pytest.raises(URLFetchingError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 5


def document(text: str) -> Document:
    def row(kind: str, source: str, translated: str, marked: bool = False) -> Row:
        return Row(
            kind,
            1,
            (
                Cell(
                    "az",
                    translated,
                    marked=marked,
                    state="untranslated" if marked else "translated",
                ),
                Cell("en", source, state="source"),
            ),
        )

    return Document(
        id="2020-01-15-x",
        date=dt.date(2020, 1, 15),
        dates=(Cell("az", "15 yanvar 2020"), Cell("en", "January 15, 2020")),
        source=None,
        title=row("title", "Title", "Başlıq"),
        issuer=row("issuer", "Issuer", "Bəyanatı verən"),
        body=(
            row("paragraph", "Source text.", text),
            row("paragraph", "Missing.", "Missing.", True),
        ),
        signature=(),
        notes=(),
    )


def test_html_escapes_translations_and_marks_fallbacks() -> None:
    edition = Edition(
        languages=("az", "en"), title=(Cell("az", "Bəyanatlar"), Cell("en", "Statements"))
    )
    html = render_html(
        [document('<link href="http://127.0.0.1:9/x.css"> ə ı ğ İ')],
        edition,
        [default_templates()],
    )
    assert '<link href="http://127.0.0.1:9' not in html
    assert "&lt;link href=" in html
    assert 'class="marked" data-mark="hələ tərcümə edilməyib"' in html
    assert '<html lang="az">' in html


def test_edition_rejects_odd_fonts_and_paper() -> None:
    with pytest.raises(RenderError, match="paper"):
        Edition(languages=("en",), title=(), paper="Letter")
    with pytest.raises(RenderError, match="font name"):
        Edition(languages=("en",), title=(), fonts=('x"; } body { color: red',))


def test_an_address_breaks_only_after_its_punctuation_and_is_never_hyphenated() -> None:
    address = "http://www.ombudsman.gov.az/view.php?lang=en&menu=95&id=1025"
    for html in (str(plain_text(address)), str(inline_markdown(f"Source: <{address}>."))):
        assert 'class="url"' in html
        shown = html.split('class="url">')[1].split("</span>")[0]
        pieces = shown.replace("&amp;", "&").split("<wbr>")
        assert "".join(pieces) == address  # no character added, none lost (no \u200b)
        assert all(piece[-1] in "/.?&=-" for piece in pieces[:-1])
        assert "lang=" in pieces  # the field note's "lan|g=en" break is gone


def test_an_email_address_gets_the_same_breaks() -> None:
    html = str(inline_markdown("Write to info@ombudsman.gov.az, please."))
    assert '<span class="url">info@ombudsman.<wbr>gov.<wbr>az</span>, please' in html


def test_running_heads_are_short_and_a_short_title_wins() -> None:
    long_title = (
        "Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkilinin (ombudsmanın) "
        "1990-cı il 20 Yanvar faciəsinin 17-ci ildönümü ilə əlaqədar bəyanatı."
    )
    cut = running_title(long_title)
    assert len(cut) <= 60 and cut.endswith("…") and long_title.startswith(cut[:-1])
    assert running_title("*Short* title.") == "Short title"
    edition = Edition(
        languages=("az", "en"), title=(Cell("az", "Bəyanatlar"), Cell("en", "Statements"))
    )
    plain = document("Mətn.")
    short = Row("short-title", 1, (Cell("az", "Qısa başlıq"), Cell("en", "Short title")))
    html = render_html(
        [plain, dataclasses.replace(plain, id="2020-01-16-y", short_title=short)],
        edition,
        [default_templates()],
    )
    assert 'data-running="Başlıq"' in html and 'data-running="Qısa başlıq"' in html
    # the title page is an <h1>; statement titles <h2> in every column, with their language
    # (the lead column's marked `lead`: it alone sets the bookmark and the running head)
    assert html.count("<h1") == 1 and len(re.findall(r'<h2 class="statement-title[ "]', html)) == 4
    assert html.count('<h2 class="statement-title lead"') == 2
