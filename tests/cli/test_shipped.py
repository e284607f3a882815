"""The shipped project passes its own gates: complete catalogs, no check errors, in sync."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pubtool.catalogs import build_template, collect_messages
from pubtool.cli import app
from pubtool.po import format_po, load_po
from pubtool.statements import load_statements

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_shipped_catalogs_are_complete() -> None:
    result = runner.invoke(
        app,
        [
            "--project",
            str(REPO),
            "status",
            "--format",
            "json",
            "--fail-under",
            "100",
            "--per-statement",
        ],
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert {lang: counts["percent"] for lang, counts in report["languages"].items()} == {
        "az": 100.0,
        "en": 100.0,
        "ru": 100.0,
    }
    assert len(report["statements"]) == 21


def test_shipped_catalogs_pass_every_check() -> None:
    result = runner.invoke(app, ["--project", str(REPO), "check", "--format", "json"])
    assert result.exit_code == 0, result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


def test_shipped_template_is_in_sync_with_the_statements() -> None:
    template = load_po(REPO / "locales" / "statements.pot")
    statements = load_statements(REPO / "statements", display=REPO)
    messages = collect_messages(statements)
    assert [e.msgid for e in template][1:] == [m.msgid for m in messages]
    rebuilt = build_template([], project_name="statements")  # same header fields as extract
    assert set(rebuilt.metadata) <= set(template.metadata)


def test_shipped_catalogs_are_written_as_pubtool_writes_them() -> None:
    for path in sorted((REPO / "locales").rglob("*.po*")):
        assert format_po(load_po(path)) == path.read_text(encoding="utf-8"), path


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
def test_shipped_catalogs_pass_msgfmt_check() -> None:
    for path in sorted((REPO / "locales").rglob("*.po")):
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True
        )
        assert checked.returncode == 0 and checked.stderr == "", checked.stderr
