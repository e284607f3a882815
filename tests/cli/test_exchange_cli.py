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


def test_a_conflict_is_exit_1_naming_file_line_and_unit(project_dir: Path) -> None:
    """Export, then the same unit edited in the .po and in the XLIFF, another only in the
    XLIFF: the first is a conflict (the .po keeps its text), the second is applied."""
    from pubtool.po import format_po, load_po

    root = prepared(project_dir)
    xliff = root / "az.xlf"
    assert run(root, "export", "-f", "xliff", "-l", "az", "-o", str(xliff))[0] == 0
    po_path = root / "locales/az/LC_MESSAGES/statements.po"
    catalog = load_po(po_path)
    other = next(e.msgid for e in catalog if e.msgid and e.msgid != SHARED and "\n" not in e.msgid
                 and "*" not in e.msgid)
    for entry in catalog:
        if entry.msgid == SHARED:
            entry.msgstr = "Bəyanat göndərildi (PO)."
    po_path.write_text(format_po(catalog), encoding="utf-8")
    text = xliff.read_text(encoding="utf-8")
    for ident, target in ((unit_id(SHARED), "Bəyanat göndərildi (XLIFF)."),
                          (unit_id(other), "Başqa mətn (XLIFF).")):
        head, tail = text.split(f'<trans-unit id="{ident}"', 1)
        new = f'<target state="translated">{target}</target>'
        tail = tail.replace('<target state="new"/>', new, 1)
        text = head + f'<trans-unit id="{ident}"' + tail
    xliff.write_text(text, encoding="utf-8")
    code, out, err = run(root, "import", str(xliff))
    assert code == 1
    conflict = next(line for line in err.splitlines() if "conflict:" in line)
    assert "az.xlf:" in conflict and unit_id(SHARED) in conflict
    assert "statements.po:" in conflict
    after = {e.msgid: e.msgstr for e in load_po(po_path)}
    assert after[SHARED] == "Bəyanat göndərildi (PO)."
    assert after[other] == "Başqa mətn (XLIFF)."
    code, _, err = run(root, "import", "--force-unit", unit_id(SHARED), str(xliff))
    assert code == 0, err
    assert {e.msgid: e.msgstr for e in load_po(po_path)}[SHARED] == "Bəyanat göndərildi (XLIFF)."
