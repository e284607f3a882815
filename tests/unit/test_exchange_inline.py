"""Inline Markdown as codes: exact back to the source's spelling, plain text when unsure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pubtool.exchange.inline import Atom, End, Start, segment


def kinds(text: str) -> list[tuple[str, str]]:
    result = []
    for piece in segment(text).pieces:
        if isinstance(piece, str):
            result.append(("text", piece))
        elif isinstance(piece, Start):
            result.append(("start", piece.code.ctype))
        elif isinstance(piece, End):
            result.append(("end", piece.code.ctype))
        elif isinstance(piece, Atom):
            result.append((piece.code.element, piece.code.markdown))
    return result


def test_emphasis_strong_and_links_are_paired_codes() -> None:
    text = 'In **Baku**, _not_ [the UN](https://un.org "United Nations") said so.'
    assert kinds(text) == [
        ("text", "In "),
        ("start", "bold"),
        ("text", "Baku"),
        ("end", "bold"),
        ("text", ", "),
        ("start", "italic"),
        ("text", "not"),
        ("end", "italic"),
        ("text", " "),
        ("start", "link"),
        ("text", "the UN"),
        ("end", "link"),
        ("text", " said so."),
    ]
    link = segment(text).codes["3"]
    assert (link.markdown, link.closing) == ("[", '](https://un.org "United Nations")')
    assert segment(text).codes["2"].markdown == "_"  # the source's own delimiter, not `*`


def test_code_spans_autolinks_and_line_breaks_are_placeholders() -> None:
    assert kinds("Run `pubtool update` or see <https://example.org>.") == [
        ("text", "Run "),
        ("ph", "`pubtool update`"),
        ("text", " or see "),
        ("ph", "<https://example.org>"),
        ("text", "."),
    ]
    assert kinds("Commissioner\nof the Republic") == [
        ("text", "Commissioner"),
        ("x", "\n"),
        ("text", "of the Republic"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "plain text, 20 January 1990",
        r"an escaped \*star\* and &amp; entity",
        "2 * 3 * 4",
        "![a picture](x.png) stays plain",
        "[a *nested* link](<with space> 'title')",
        "***both***",
        "unclosed **bold",
        "",
    ],
)
def test_markdown_comes_back_exactly(text: str) -> None:
    assert segment(text).markdown() == text


def test_what_cannot_be_mapped_exactly_stays_plain_text() -> None:
    assert kinds("![a picture](x.png) here") == [("text", "![a picture](x.png) here")]


@given(st.text(alphabet="ab *_`[]()<>!\\\n&;#:/.\"'", max_size=40))
def test_any_text_comes_back_exactly(text: str) -> None:
    assert segment(text).markdown() == text
