"""Every path a command takes from the command line refuses a NUL byte as a usage error.

The operating system cannot name such a file; click 8.1–8.3's path type lets the resulting
ValueError escape as a traceback, so pubtool checks paths itself, whatever click is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pubtool.cli import app

runner = CliRunner()

NUL = "nul\x00byte"
COMMAND_LINES = {
    "--project": ["--project", NUL, "status"],
    "init folder": ["init", NUL],
    "templates folder": ["templates", NUL],
    "fmt paths": ["fmt", NUL],
    "status paths": ["status", NUL],
    "status --badge": ["status", "--badge", NUL],
    "check paths": ["check", NUL],
    "build-html --output": ["build-html", "--output", NUL],
    "build-pdf --templates": ["build-pdf", "--templates", NUL],
    "export --output": ["export", "--format", "tmx", "--output", NUL],
    "import files": ["import", NUL],
}


@pytest.mark.parametrize("words", COMMAND_LINES.values(), ids=COMMAND_LINES.keys())
def test_a_nul_byte_in_a_path_is_a_usage_error(
    words: list[str], project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project_dir)
    before = sorted(path.name for path in project_dir.rglob("*"))
    result = runner.invoke(app, words)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2
    assert "NUL byte" in result.output
    assert "Traceback" not in result.output
    assert sorted(path.name for path in project_dir.rglob("*")) == before
