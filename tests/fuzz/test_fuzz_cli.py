"""Command lines as users type them: every command, its options with odd values, stray
arguments, paths that are not there, are folders, or hold a NUL byte."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fuzzing import FUZZ, assert_outcome, changed, make_project, runner, tree
from hypothesis import event, given
from hypothesis import strategies as st

from pubtool.cli import app

OPTIONS = {
    "statements": ["--format", "-f"],
    "extract": [],
    "update": ["--lang", "-l", "--drop-obsolete"],
    "compile": ["--lang", "-l", "--use-fuzzy"],
    "status": ["--lang", "--format", "--fail-under", "--per-statement", "--badge"],
    "check": ["--lang", "--format"],
    "build-html": ["--lang", "--statement", "--output", "--missing", "--min-coverage",
                   "--templates"],
}
FLAGS = {"--drop-obsolete", "--use-fuzzy", "--per-statement"}
VALUES = [
    "az", "en", "ru", "az,en", "ru,en", "az,az", "az,en,ru,az", "de", "AZ", "", ",", " az ",
    "table", "json", "markdown", "text", "xml", "95", "100", "az=100,ru=80", "60%", "-1",
    "101", "nan", "inf", "x=1", "=", "az=", "mark", "source", "omit", "fail", "A4",
    "locales", "locales/ru", "locales/ru/LC_MESSAGES/statements.po", "nonexistent", "/dev/null",
    "pyproject.toml", "statements", "templates", "out.html", "out.pdf", "build/x.html",
    "2020-01-15-good", "nul\x00byte", "-", "--", "-x", "x" * 300,
]
# What each command may change (paths relative to the folder the command runs in).
MAY_CHANGE = {
    "extract": lambda name: name == "project/locales/statements.pot",
    "update": lambda name: name.endswith(".po"),
    "compile": lambda name: name.endswith(".mo"),
    "status": lambda name: name.endswith(".svg"),  # only with --badge
    "build-html": lambda name: name.endswith(".html"),
}


@st.composite
def command_line(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    words = [command]
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.sampled_from(["option", "option", "option", "argument", "junk"]))
        if choice == "option" and OPTIONS[command]:
            option = draw(st.sampled_from(OPTIONS[command]))
            words.append(option)
            if option not in FLAGS:
                words.append(draw(st.sampled_from(VALUES) | st.text(max_size=8)))
        elif choice == "argument":
            words.append(draw(st.sampled_from(VALUES)))
        else:
            words.append(draw(st.text(max_size=8)))
    where = draw(st.sampled_from(["--project project", "--project ABSOLUTE", "inside", "none"]))
    if where.startswith("--project"):
        words = ["--project", where.split()[1], *words]
    return [where, *words]


@pytest.fixture(scope="module")
def ready_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with its template and catalogs written, copied for every example."""
    root = make_project(tmp_path_factory.mktemp("cli") / "project")
    for command in ("extract", "update"):
        assert runner.invoke(app, ["--project", str(root), command]).exit_code == 0
    return root


@contextmanager
def working_folder(folder: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


@FUZZ
@given(words=command_line())
def test_any_command_line(ready_project: Path, words: list[str]) -> None:
    where, *arguments = words
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        shutil.copytree(ready_project, base / "project")
        arguments = [str(base / "project") if a == "ABSOLUTE" else a for a in arguments]
        before = tree(base)
        with working_folder(base / "project" if where == "inside" else base):
            result = runner.invoke(app, arguments)
        assert_outcome(result, usage_errors=True, file_required=False, one_error=False)
        command = next((a for a in arguments if a in OPTIONS), None)
        event(f"{command}: exit {result.exit_code}")
        may_change = MAY_CHANGE.get(command or "", lambda name: False)
        unexpected = {name for name in changed(before, tree(base)) if not may_change(name)}
        assert not unexpected, (arguments, unexpected, result.stderr)
