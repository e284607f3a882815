from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from pubtool.errors import StatementError
from pubtool.statements import count_words, load_statement, load_statements

GOOD = """---
id: 2020-01-15-x
title: A title
date: 2020-01-15
issuer: An issuer
---

First paragraph.
"""


def statement(tmp_path: Path, text: str, name: str = "2020-01-15-x.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_blocks_kinds_and_lines(project_dir: Path) -> None:
    statements = load_statements(project_dir / "statements", display=project_dir)
    first, second = statements
    assert first.id == "2020-01-15-first"
    assert first.date == dt.date(2020, 1, 15)
    assert first.path.as_posix() == "statements/2020-01-15-first.md"
    assert [(b.kind, b.line) for b in first.blocks()] == [
        ("title", 3),
        ("issuer", 5),
        ("paragraph", 14),
        ("paragraph", 16),
        ("list-item", 18),
        ("signature", 8),
        ("signature", 9),
    ]
    assert (
        first.body[0].text
        == "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*."
    )
    assert first.signature[1].text == (
        "Commissioner for Human Rights\n(Ombudsman) of the Republic of Azerbaijan"
    )
    assert [(b.kind, b.text) for b in second.body] == [
        ("heading", "A heading"),
        ("paragraph", "The statement was sent to the UN Secretary-General."),
        ("quote", "The Alley of Martyrs is a holy place."),
    ]


def test_a_short_title_is_a_translatable_block_after_the_title(tmp_path: Path) -> None:
    text = GOOD.replace("title: A title", "title: A long title\nshort-title: Short")
    loaded = load_statement(statement(tmp_path, text))
    assert loaded.short_title is not None and loaded.short_title.text == "Short"
    assert [block.kind for block in loaded.blocks()][:3] == ["title", "short-title", "issuer"]
    assert load_statement(statement(tmp_path, GOOD)).short_title is None


def test_soft_line_breaks_join_into_one_message(tmp_path: Path) -> None:
    path = statement(tmp_path, GOOD.replace("First paragraph.", "First\nparagraph  here."))
    assert load_statement(path).body[0].text == "First paragraph here."


def test_documentation_files_are_not_statements(project_dir: Path) -> None:
    (project_dir / "statements" / "REPAIRS.md").write_text("# Repairs\n", encoding="utf-8")
    assert len(load_statements(project_dir / "statements")) == 2


def test_words(project_dir: Path) -> None:
    assert count_words("Heydar Aliyev's statement, January 19-20, 1990.") == 6


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (GOOD.replace("title: A title", "title: [unclosed"), 4, "invalid YAML"),
        (GOOD.replace("issuer: An issuer\n", ""), 2, "missing required key 'issuer'"),
        (GOOD.replace("date: 2020-01-15", "date: January 15, 2020"), 4, "not an ISO 8601 date"),
        (GOOD.replace("date: 2020-01-15", "date: 2020-02-30"), 4, "invalid date"),
        (GOOD.replace("id: 2020-01-15-x", "id: 2020-01-15-y"), 2, "differs from the file name"),
        (GOOD.replace("id: 2020-01-15-x", "id: ../etc/passwd"), 2, "must be lower-case letters"),
        (GOOD.replace("First paragraph.\n", ""), 7, "no body text"),
        (GOOD.replace("issuer: An issuer", "issuer: An issuer\ncolour: red"), 6, "unknown key"),
        (GOOD.replace("title: A title", "title: [1, 2]"), 3, "title must be a non-empty string"),
        (GOOD.replace("title: A title", "title: A\nshort-title: ''"), 4, "short-title must be"),
        (GOOD.replace("title: A title", "title: A\nshort-title: " + "x" * 71), 4, "at most 70"),
        (GOOD.replace("---\n\n", "---\n\n```\ncode\n```\n\n", 1), 8, "fence is not supported"),
        ("no front matter\n", 1, "missing YAML front matter"),
        ("---\nid: x\n", 1, "not closed"),
    ],
)
def test_validation_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = statement(tmp_path, text)
    with pytest.raises(StatementError) as caught:
        load_statement(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert message in caught.value.message


def test_two_statements_with_one_id(tmp_path: Path) -> None:
    statement(tmp_path, GOOD)
    (tmp_path / "2020").mkdir()
    statement(tmp_path / "2020", GOOD)
    with pytest.raises(StatementError, match="id '2020-01-15-x' is also used by") as caught:
        load_statements(tmp_path, display=tmp_path)
    assert caught.value.line == 2


def test_subfolders_are_read(tmp_path: Path) -> None:
    (tmp_path / "2020").mkdir()
    statement(tmp_path / "2020", GOOD)
    assert [s.path.as_posix() for s in load_statements(tmp_path, display=tmp_path)] == [
        "2020/2020-01-15-x.md"
    ]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "2020-01-15-x.md"
    path.write_bytes(GOOD.encode("utf-8").replace(b"A title", b"A \xff title"))
    with pytest.raises(StatementError, match="not UTF-8"):
        load_statement(path)


def test_nfc_normalised_with_one_notice(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Şəhidlər xiyabanı")
    path = statement(tmp_path, GOOD.replace("First paragraph.", decomposed))
    notices: list[str] = []
    loaded = load_statement(path, notice=notices.append)
    assert loaded.body[0].text == "Şəhidlər xiyabanı"
    assert len(notices) == 1 and "NFC" in notices[0]


def test_shipped_statements_load() -> None:
    repo = Path(__file__).resolve().parents[2]
    statements = load_statements(repo / "statements", display=repo)
    assert len(statements) == 21
    assert all(s.words > 50 for s in statements)


def test_a_lone_no_break_space_between_words_is_kept_other_runs_collapse() -> None:
    from pubtool.statements import _inline

    written = "23\u00a0000 dinc  sakin\n həlak\u00a0 oldu"
    assert _inline(written) == "23\u00a0000 dinc sakin həlak oldu"
    assert _inline("20\u202fянваря") == "20\u202fянваря"
    assert _inline("\u00a0") == ""


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("1990\\. Год трагедии.", "1990. Год трагедии."),
        ("\\- начинается с тире.", "- начинается с тире."),
        ("\\# не заголовок", "# не заголовок"),
        ("\\> не цитата", "> не цитата"),
        ("\\+ плюс", "+ плюс"),
        ("\\* звезда", "* звезда"),
        ("\\*курсив не*", "\\*курсив не*"),  # an escaped emphasis stays inline Markdown
        ("1990\\-е годы", "1990\\-е годы"),
        ("Текст \\- внутри", "Текст \\- внутри"),
    ],
)
def test_a_backslash_that_only_keeps_a_line_a_paragraph_is_read_away(
    tmp_path: Path, written: str, read: str
) -> None:
    loaded = load_statement(statement(tmp_path, GOOD.replace("First paragraph.", written)))
    assert loaded.body[0].kind == "paragraph"
    assert loaded.body[0].text == read
