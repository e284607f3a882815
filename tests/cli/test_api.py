"""The public Python API, and the CLI as a shell over it: same reports, one exit-code policy."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import polib
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

import pubtool
from pubtool.cli import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def shipped_copy(shipped_project: Path) -> Path:
    return shipped_project


def test_a_plain_python_script_runs_every_stage(shipped_copy: Path) -> None:
    script = textwrap.dedent(
        f"""
        import json, pubtool
        project = pubtool.Project.load({str(shipped_copy)!r})
        extracted = pubtool.extract(project)
        updated = pubtool.update(project, "az,ru")
        status = pubtool.status(project, fail_under={{"az": 100, "ru": 100}})
        checked = pubtool.check(project)
        only = ["2007-01-19-ombudsman-17th-anniversary"]
        booklet = pubtool.build_pdf(project, ["ru", "en"], statements=only)
        print(json.dumps({{
            "template": extracted.as_dict(), "updated": updated.as_dict(),
            "status": status.exit_code, "check": checked.exit_code,
            "findings": len(checked.findings), "booklet": booklet.as_dict(),
        }}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["template"] == {
        "path": "locales/statements.pot", "written": False, "messages": 283,
    }
    kept = {c["language"]: c["kept"] for c in result["updated"]["catalogs"]}
    assert kept == {"az": 283, "ru": 283}
    assert (result["status"], result["check"], result["findings"]) == (0, 0, 0)
    assert result["booklet"]["path"] == "build/booklet-ru-en.pdf"
    assert result["booklet"]["fallbacks"] == 0 and result["booklet"]["pages"] > 1
    pdf = PdfReader(shipped_copy / "build" / "booklet-ru-en.pdf")
    titles = {item.title for item in pdf.outline if not isinstance(item, list)}
    ru = polib.pofile(str(shipped_copy / "locales" / "ru" / "LC_MESSAGES" / "statements.po"))
    title = next(e.msgstr for e in ru if e.msgid.startswith("Statement of the Commissioner")
                 and "17th anniversary" in e.msgid)  # fmt: skip
    assert title in titles


def test_status_as_dict_is_exactly_the_cli_json(shipped_copy: Path) -> None:
    project = pubtool.Project.load(shipped_copy)
    report = pubtool.status(project, fail_under=["az=100"], per_statement=True)
    cli = runner.invoke(
        app,
        ["status", "-P", str(shipped_copy), "-f", "json", "--fail-under", "az=100",
         "--per-statement"],
    )  # fmt: skip
    assert cli.exit_code == report.exit_code == 0
    assert json.loads(cli.stdout) == report.as_dict()


def test_check_as_dict_is_exactly_the_cli_json(shipped_copy: Path) -> None:
    po = shipped_copy / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("olmayaraq 147 dinc", "olmayaraq 174 dinc", 1), encoding="utf-8")
    report = pubtool.check(pubtool.Project.load(shipped_copy))
    cli = runner.invoke(app, ["check", "-P", str(shipped_copy), "-f", "json"])
    assert json.loads(cli.stdout) == report.as_dict()
    assert cli.exit_code == report.exit_code == 1
    assert [finding.code for finding in report.findings] == ["numbers"]


def test_project_option_before_or_after_the_command_or_from_the_environment(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = runner.invoke(app, ["--project", str(shipped_copy), "status", "-f", "json"])
    after = runner.invoke(app, ["status", "-f", "json", "--project", str(shipped_copy)])
    monkeypatch.setenv("PUBTOOL_PROJECT", str(shipped_copy))
    from_environment = runner.invoke(app, ["status", "-f", "json"])
    assert before.exit_code == after.exit_code == from_environment.exit_code == 0
    assert before.stdout == after.stdout == from_environment.stdout


def test_repeated_and_comma_separated_languages_mean_the_same(shipped_copy: Path) -> None:
    repeated = runner.invoke(app, ["status", "-P", str(shipped_copy), "-f", "json",
                                   "--lang", "AZ", "--lang", "ru"])  # fmt: skip
    joined = runner.invoke(app, ["status", "-P", str(shipped_copy), "-f", "json",
                                 "--lang", "az,ru"])  # fmt: skip
    assert repeated.exit_code == joined.exit_code == 0
    assert repeated.stdout == joined.stdout
    languages = [c["language"] for c in json.loads(joined.stdout)["catalogs"]]
    assert languages == ["az", "ru"]


def test_a_gate_on_a_language_the_project_lacks_is_bad_input(shipped_copy: Path) -> None:
    result = runner.invoke(app, ["status", "-P", str(shipped_copy), "--fail-under", "es=50"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "pubtool: error: --fail-under: 'es' is not one of the project's languages (az, en, ru)"
    ]


def test_check_with_nothing_to_check_fails_the_gate(shipped_copy: Path) -> None:
    for language in ("az", "en", "ru"):
        (shipped_copy / "locales" / language / "LC_MESSAGES" / "statements.po").unlink()
    result = runner.invoke(app, ["check", "-P", str(shipped_copy)])
    assert result.exit_code == 1
    assert "nothing checked" in result.stderr


def test_a_bug_is_one_line_and_exit_3_with_the_traceback_under_debug(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pubtool, "status", broken)
    plain = runner.invoke(app, ["status", "-P", str(shipped_copy)])
    assert plain.exit_code == 3
    assert plain.stderr.splitlines() == [
        "pubtool: internal error: ZeroDivisionError: division by zero; "
        "rerun with --debug for the traceback"
    ]
    debug = runner.invoke(app, ["--debug", "status", "-P", str(shipped_copy)])
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr


def test_catalogs_outside_the_current_folder_find_their_project(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(app, ["status", str(shipped_copy / "locales"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    percent = {c["language"]: c["percent"] for c in json.loads(result.stdout)["catalogs"]}
    assert percent["en"] == 100.0  # known as the source language: empty means "as is"
