"""`pubtool export` and `pubtool import` as a user runs them: files, summaries, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pubtool.catalogs import extract_template, update_catalogs
from pubtool.cli import app
from pubtool.exchange.units import unit_id
from pubtool.project import load_project

runner = CliRunner()
SHARED = "The statement was sent to the UN Secretary-General."


def run(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def prepared(project_dir: Path) -> Path:
    project = load_project(project_dir)
    extract_template(project)
    update_catalogs(project, ["az", "ru"])
    return project_dir


def test_export_writes_under_build_by_default_and_import_changes_nothing(project_dir: Path) -> None:
    root = prepared(project_dir)
    before = (root / "locales/az/LC_MESSAGES/statements.po").read_bytes()
    code, out, err = run(root, "export", "--format", "xliff", "--lang", "az")
    assert (code, out, err) == (0, "build/xliff/az.xlf: written\n", "")
    code, out, _ = run(root, "export", "-f", "tmx", "-l", "ru", "-o", str(root / "ru.tmx"))
    assert code == 0 and (root / "ru.tmx").read_bytes().startswith(b"<?xml")
    code, out, _ = run(root, "export", "-f", "tbx")
    assert code == 0 and out == "build/tbx/glossary.tbx: written\n"
    code, out, err = run(root, "import", str(root / "build/xliff/az.xlf"))
    assert code == 0, err
    assert out.splitlines() == [
        "locales/az/LC_MESSAGES/statements.po: unchanged",
        "0 translated, 0 fuzzy, 0 unchanged, 11 without a target, 0 stale",
    ]
    assert (root / "locales/az/LC_MESSAGES/statements.po").read_bytes() == before


def test_export_to_stdout_for_one_statement(project_dir: Path) -> None:
    root = prepared(project_dir)
    code, out, _ = run(root, "export", "-l", "az", "--statement", "2021-01-19-second", "-o", "-")
    assert code == 0 and out.count("<file ") == 1
    assert 'original="statements/2021-01-19-second.md"' in out


def test_import_applies_a_translation_and_reports_json(project_dir: Path) -> None:
    root = prepared(project_dir)
    run(root, "export", "-l", "az")
    path = root / "build/xliff/az.xlf"
    text = path.read_text(encoding="utf-8")
    unit = text.index(f'id="{unit_id(SHARED)}"')
    at = text.index('<target state="new"/>', unit)
    text = text[:at] + '<target state="translated">Bəyanat göndərildi.</target>' + text[at + 21 :]
    path.write_text(text, encoding="utf-8")
    code, out, err = run(root, "import", "--format", "json", str(path))
    assert code == 0, err
    report = json.loads(out)
    assert report["translated"] == 1 and report["catalogs"][0]["written"] is True
    assert 'msgstr "Bəyanat göndərildi."' in (
        root / "locales/az/LC_MESSAGES/statements.po"
    ).read_text(encoding="utf-8")


def test_stale_units_fail_the_gate_with_exit_1(project_dir: Path) -> None:
    root = prepared(project_dir)
    run(root, "export", "-l", "az")
    statement = root / "statements/2021-01-19-second.md"
    statement.write_text(statement.read_text(encoding="utf-8").replace("holy", "sacred"), "utf-8")
    project = load_project(root)
    extract_template(project)
    update_catalogs(project, ["az", "ru"])
    code, out, err = run(root, "import", str(root / "build/xliff/az.xlf"))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith("pubtool: stale: ") and "source no longer in the catalog" in lines[0]
    assert lines[-1].startswith("pubtool: error: 1 unit(s) not applied")


def test_bad_input_is_one_line_and_exit_2(project_dir: Path) -> None:
    root = prepared(project_dir)
    broken = root / "broken.xlf"
    broken.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    page = root / "page.xml"
    page.write_text("<html><body/></html>", encoding="utf-8")
    for args, problem in [
        (["import", str(broken)], "not well-formed XML"),
        (["import", str(page)], "not XLIFF or TBX or TMX: the file is <html>"),
        (["import", str(root / "missing.xlf")], "cannot read"),
        (["export", "-f", "xliff"], "--format xliff needs --lang"),
        (["export", "-l", "en"], "'en' is the source language"),
        (["export", "-f", "tbx", "--statement", "x"], "--statement does not apply"),
    ]:
        code, out, err = run(root, *args)
        assert code == 2, (args, err)
        assert err.count("\n") == 1 and err.startswith("pubtool: error: ") and problem in err
        assert "Traceback" not in err
