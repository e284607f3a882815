"""Nothing a newcomer does wrong is skipped or accepted without a word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from pubtool.cli import app
from pubtool.errors import StatementError
from pubtool.statements import load_statement

runner = CliRunner()

GOOD = """\
---
id: 2024-07-01-press
title: Press release
date: 2024-07-01
issuer: Press office
---

First paragraph.
"""


def invoke(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_misnamed_statement_is_named_documentation_stays_quiet(project_dir: Path) -> None:
    statements = project_dir / "statements"
    (statements / "press-release.md").write_text(GOOD)
    (statements / "README.md").write_text("# About these statements\n")
    (statements / "REPAIRS.md").write_text("# Repairs\n")
    code, out, err = invoke(project_dir, "statements", "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["statements"]) == 2
    assert "statements/press-release.md: skipped" in err
    assert "YYYY-MM-DD-short-name.md" in err
    assert "README" not in err and "REPAIRS" not in err


@pytest.mark.parametrize("name", ["2024-07-02-Notice.markdown", "2025-6-02-storm-update.md"])
def test_a_dated_file_with_a_wrong_name_stops_extract(project_dir: Path, name: str) -> None:
    """Skipped, its messages would leave the template and every gate would still pass."""
    (project_dir / "statements" / name).write_text(GOOD)
    for command in ("statements", "extract"):
        code, _, err = invoke(project_dir, command)
        assert code == 2 and err.count("\n") == 1, err
        assert f"statements/{name}" in err and "YYYY-MM-DD-short-name.md" in err
    assert not (project_dir / "locales" / "statements.pot").exists()


def test_a_front_matter_date_unlike_the_file_names_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "2024-07-01-press.md"
    path.write_text(GOOD.replace("date: 2024-07-01", "date: 2024-08-01"))
    with pytest.raises(StatementError, match="2024-08-01 differs from the file name's") as caught:
        load_statement(path)
    assert caught.value.line == 4


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "a table is not supported"),
        ("See ![the map](map.png) here.\n", "an image (map.png) is not supported"),
        ("A <b>bold</b> claim.\n", "raw HTML '<b>' is not supported"),
        ("<div>\nblock\n</div>\n", "raw HTML is not supported"),
    ],
)
def test_tables_images_and_html_are_refused_clearly(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "2024-07-01-press.md"
    path.write_text(GOOD + "\n" + body)
    with pytest.raises(StatementError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_statement(path)


def test_autolinks_and_angle_brackets_in_text_still_load(tmp_path: Path) -> None:
    path = tmp_path / "2024-07-01-press.md"
    path.write_text(GOOD + "\nSee <https://example.org> and 3 < 4.\n")
    statement = load_statement(path)
    assert statement.body[-1].text == "See <https://example.org> and 3 < 4."


@pytest.fixture
def half_translated(project_dir: Path) -> Path:
    """az has one message translated, which occurs in both statements (so blocks ≠ messages)."""
    assert invoke(project_dir, "extract")[0] == 0
    assert invoke(project_dir, "update")[0] == 0
    path = project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    catalog = polib.pofile(str(path))
    catalog.find(
        "The statement was sent to the UN Secretary-General."
    ).msgstr = "Bəyanat BMT-nin Baş katibinə göndərilib."
    catalog.save(str(path))
    return project_dir


def test_missing_fail_is_a_gate_naming_every_missing_block(half_translated: Path) -> None:
    code, _, err = invoke(half_translated, "build-pdf", "--lang", "az,en", "--missing", "fail")
    assert code == 1
    (line,) = err.strip().splitlines()
    assert "10 blocks with no finished translation (az 10)" in line
    assert line.count("statements/2020-01-15-first.md:") >= 3 and "and 5 more" in line
    assert not (half_translated / "build" / "booklet-az-en.pdf").exists()


def test_min_coverage_uses_the_figure_status_prints(half_translated: Path) -> None:
    code, out, _ = invoke(half_translated, "status", "--format", "json", "--lang", "az")
    percent = json.loads(out)["languages"]["az"]["percent"]
    code, _, err = invoke(half_translated, "build-pdf", "--lang", "az,en", "--min-coverage", "50")
    assert code == 1
    assert f"az {percent:.1f}%" in err  # 1 of 10 messages, not 2 of 12 blocks


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig's fc-match")
def test_a_font_fontconfig_lacks_is_named_with_the_face_used(half_translated: Path) -> None:
    code, _, err = invoke(
        half_translated, "build-pdf", "--lang", "az,en", "--font", "No Such Face Pubtool"
    )
    assert code == 0, err
    assert "--font 'No Such Face Pubtool': fontconfig has no such face" in err
    assert "uses '" in err


def test_an_installed_font_gives_no_warning(half_translated: Path) -> None:
    from pubtool.publish.fonts import fontconfig_family, missing_font_notices

    family = fontconfig_family("serif")
    if family is None:
        pytest.skip("needs fontconfig's fc-match")
    installed = family.split(",")[0]
    assert missing_font_notices([installed]) == []
    assert missing_font_notices(["No Such Face Pubtool", installed]) == [
        f"--font 'No Such Face Pubtool': fontconfig has no such face; "
        f"the booklet uses {installed!r} instead"
    ]
