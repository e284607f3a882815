"""`update`'s summary counts what is left to translate, new or not (field note 9)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pubtool.cli import app

runner = CliRunner()


def summary(project: Path, language: str) -> str:
    result = runner.invoke(app, ["--project", str(project), "update"])
    assert result.exit_code == 0, result.output
    return next(line for line in result.stdout.splitlines() if f"/{language}/" in line)


def test_every_message_is_to_translate_after_the_first_update(project_dir: Path) -> None:
    assert runner.invoke(app, ["--project", str(project_dir), "extract"]).exit_code == 0
    template = (project_dir / "locales" / "statements.pot").read_text(encoding="utf-8")
    messages = template.count("\nmsgid ") - 1  # less the header
    first = summary(project_dir, "az")
    assert f"{messages} to translate ({messages} new, 0 untranslated before)" in first
    second = summary(project_dir, "az")
    assert f"{messages} to translate (0 new, {messages} untranslated before)" in second
    assert f"{messages} as in the source (empty)" in summary(project_dir, "en")
