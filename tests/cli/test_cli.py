"""End to end: the `pubtool` command on a small project, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from pubtool import __version__
from pubtool.cli import app

runner = CliRunner()


def run(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def translate(po_path: Path, translations: dict[str, str], fuzzy: tuple[str, ...] = ()) -> None:
    catalog = polib.pofile(str(po_path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            if entry.msgid in fuzzy:
                entry.flags.append("fuzzy")
    catalog.save(str(po_path))


def test_version_and_help() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"pubtool {__version__}"
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("statements", "extract", "update", "compile", "status", "build-pdf"):
        assert command in result.stdout


def test_wrong_option_is_a_usage_error(project_dir: Path) -> None:
    code, _, err = run(project_dir, "statements", "--colour")
    assert code == 2 and "No such option" in err


def test_missing_project_is_one_line(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "statements")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("pubtool: error: ")
    assert "Traceback" not in err + out


def test_statements_table_and_json(project_dir: Path) -> None:
    code, out, _ = run(project_dir, "statements", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [s["id"] for s in data["statements"]] == ["2020-01-15-first", "2021-01-19-second"]
    assert data["statements"][0]["paragraphs"] == 3
    code, out, _ = run(project_dir, "statements")
    assert code == 0 and "2020-01-15-first" in out and "total" in out


def test_bad_statement_is_one_line_with_file_and_line(project_dir: Path) -> None:
    path = project_dir / "statements" / "2020-01-15-first.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2020-01-15", "date: 15.01.2020"),
        encoding="utf-8",
    )
    code, _, err = run(project_dir, "extract")
    assert code == 2
    assert err == (
        "pubtool: error: statements/2020-01-15-first.md:4: date '15.01.2020' is not an ISO 8601 "
        "date (YYYY-MM-DD)\n"
    )
    assert not (project_dir / "locales" / "statements.pot").exists()


def test_extract_update_twice_changes_nothing(project_dir: Path) -> None:
    assert run(project_dir, "extract")[0] == 0
    assert run(project_dir, "update")[0] == 0
    files = sorted((project_dir / "locales").rglob("*.po*"))
    assert [f.relative_to(project_dir).as_posix() for f in files] == [
        "locales/az/LC_MESSAGES/statements.po",
        "locales/en/LC_MESSAGES/statements.po",
        "locales/ru/LC_MESSAGES/statements.po",
        "locales/statements.pot",
    ]
    before = {f: f.read_bytes() for f in files}
    code, out, _ = run(project_dir, "extract")
    assert code == 0 and "unchanged" in out
    assert run(project_dir, "update")[0] == 0
    assert {f: f.read_bytes() for f in files} == before


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")
def test_catalogs_are_what_msgcat_writes_and_pass_msgfmt(project_dir: Path) -> None:
    run(project_dir, "extract")
    run(project_dir, "update")
    for path in sorted((project_dir / "locales").rglob("*.po*")):
        written = path.read_bytes()
        assert (
            subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout == written
        )
        if path.suffix == ".po":
            subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], check=True)


def test_template_references_and_comments(project_dir: Path) -> None:
    run(project_dir, "extract")
    template = polib.pofile(str(project_dir / "locales" / "statements.pot"))
    shared = template.find("The statement was sent to the UN Secretary-General.")
    assert shared is not None
    assert shared.occurrences == [
        ("statements/2020-01-15-first.md", "16"),
        ("statements/2021-01-19-second.md", "10"),
    ]
    assert shared.comment.splitlines() == [
        "kind: paragraph",
        "statement: 2020-01-15-first",
        "statement: 2021-01-19-second",
    ]
    assert template[0].msgid == "Test statements"  # the collection title comes first
    assert template.find("Elmira Suleymanova").comment.startswith("kind: signature")


def test_update_keeps_translations_when_source_changes(project_dir: Path) -> None:
    run(project_dir, "extract")
    run(project_dir, "update", "--lang", "az")
    az = project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    old = "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*."
    translate(
        az, {old: "1990-cı il yanvarın 19-dan 20-nə keçən gecə *Bakıda* 147 mülki şəxs öldürülüb."}
    )
    statement = project_dir / "statements" / "2020-01-15-first.md"
    statement.write_text(
        statement.read_text(encoding="utf-8").replace("147 civilians", "150 civilians"),
        encoding="utf-8",
    )
    run(project_dir, "extract")
    code, out, _ = run(project_dir, "update", "--lang", "az")
    assert code == 0 and "1 fuzzy from changed source (1 with changed numbers" in out
    text = az.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid ""\n#| "On the night of January 19-20, 1990, 147 civilians' in text
    assert "#. pubtool: number changed: 147 -> 150" in text
    assert "*Bakıda* 150 mülki" in text  # the number change is carried into the suggestion
    # the next update keeps the suggestion, and says it is still to be confirmed
    code, out, _ = run(project_dir, "update", "--lang", "az")
    assert code == 0 and "kept (1 still fuzzy), 0 fuzzy from changed source" in out


def test_broken_catalog_is_never_overwritten(project_dir: Path) -> None:
    run(project_dir, "extract")
    run(project_dir, "update")
    az = project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    broken = az.read_text(encoding="utf-8") + '\nmsgid "unterminated\nmsgstr ""\n'
    az.write_text(broken, encoding="utf-8")
    ru_before = (project_dir / "locales" / "ru" / "LC_MESSAGES" / "statements.po").read_bytes()
    code, _, err = run(project_dir, "update")
    assert code == 2 and err.startswith("pubtool: error: ") and "statements.po:" in err
    assert az.read_text(encoding="utf-8") == broken
    assert (
        project_dir / "locales" / "ru" / "LC_MESSAGES" / "statements.po"
    ).read_bytes() == ru_before


def test_unknown_language(project_dir: Path) -> None:
    code, _, err = run(project_dir, "update", "--lang", "de")
    assert code == 2 and "de is not one of this project's languages" in err


def test_compile_leaves_out_fuzzy(project_dir: Path) -> None:
    run(project_dir, "extract")
    run(project_dir, "update", "--lang", "az")
    az = project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    translate(
        az, {"Second statement": "İkinci bəyanat", "A heading": "Başlıq"}, fuzzy=("A heading",)
    )
    code, out, _ = run(project_dir, "compile", "--lang", "az")
    assert code == 0 and "1 messages" in out
    mo = polib.mofile(str(project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.mo"))
    assert [e.msgid for e in mo] == ["Second statement"]
    code, out, _ = run(project_dir, "compile", "--lang", "az", "--use-fuzzy")
    assert "2 messages" in out


def test_check_names_a_path_that_is_not_a_catalog(project_dir: Path) -> None:
    run(project_dir, "extract")
    run(project_dir, "update", "--lang", "az")
    notes = project_dir / "notes.txt"
    notes.write_text("not a catalog", encoding="utf-8")
    az = project_dir / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    code, _, err = run(project_dir, "check", str(notes), str(az))
    assert code == 2
    assert f"pubtool: error: {notes}: not a catalog (.po file)" in err
    assert "1 catalog checked" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["statements", "--colour"], ("pubtool: error: statements: ", "--colour")),
        (["frobnicate"], ("pubtool: error: ", "frobnicate")),
        (["status", "--format", "xml"], ("pubtool: error: status: ", "--format", "xml")),
        (["build-pdf", "--lan", "az"], ("pubtool: error: build-pdf: ", "--lang")),  # suggested
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(
    project_dir: Path, args: list[str], expected: tuple[str, ...]
) -> None:
    """As every other bad input: one line naming the problem and where the help is, not
    Click's usage line, hint and error on three."""
    code, out, err = run(project_dir, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(expected[0]) and all(part in err for part in expected[1:])
    assert err.rstrip().endswith("--help)")  # Click's own wording differs between releases
    assert "Traceback" not in err


def test_build_pdf_help_offers_every_pdf_variant_it_accepts() -> None:
    from pubtool.publish.render import PDF_VARIANTS

    result = runner.invoke(app, ["build-pdf", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for variant in PDF_VARIANTS:
        assert variant in result.stdout
