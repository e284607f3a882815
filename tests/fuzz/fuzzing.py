"""What every fuzz test asserts about one run of pubtool, and the project it runs in.

The property, for every input: the run ends with exit 0, 1 or 2; for 2, stderr holds
exactly one `pubtool: error:` line and it names the file at fault; never a traceback;
no file changes unless changing it is the command's job.

The budget comes from the environment: PUBTOOL_FUZZ_EXAMPLES examples per test (30 by
default, for CI); `nox -s fuzz` runs a long one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from pubtool.cli import app
from pubtool.publish.template_folders import default_templates

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("PUBTOOL_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

PYPROJECT = """\
[tool.pubtool]
title = "Fuzzed statements"
languages = ["az", "en", "ru"]
"""

GOOD_STATEMENT = """\
---
id: 2020-01-15-good
title: A statement that is always there
date: 2020-01-15
issuer: The Ombudsman
---

On the night of January 19-20, 1990, 147 civilians were killed in *Baku*.

- A list item with 3 numbers: 1, 2 and 3.
"""

runner = CliRunner()


def make_project(
    root: Path,
    *,
    pyproject: str | bytes = PYPROJECT,
    statements: Mapping[str, str | bytes] | None = None,
    templates: bool = True,
) -> Path:
    """A small project: pyproject.toml, statements/, an empty locales/, the templates."""
    root.mkdir(parents=True, exist_ok=True)
    _write(root / "pyproject.toml", pyproject)
    (root / "statements").mkdir(exist_ok=True)
    (root / "locales").mkdir(exist_ok=True)
    for name, text in (statements or {"2020-01-15-good.md": GOOD_STATEMENT}).items():
        _write(root / "statements" / name, text)
    if templates:
        shutil.copytree(default_templates(), root / "templates")
    else:
        (root / "templates").mkdir()
    return root


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def invoke(root: Path, *args: str) -> Any:
    return runner.invoke(app, ["--project", str(root), *args])


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` and a digest of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def changed(before: Mapping[str, str], after: Mapping[str, str]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def assert_outcome(
    result: Any,
    *,
    names: Iterable[str] = (),
    usage_errors: bool = False,
    file_required: bool = True,
    one_error: bool = True,
) -> None:
    """Exit 0, 1 or 2; no traceback; for 2, one error line naming one of `names`.

    `usage_errors`: Click's own refusal of an unknown option is accepted (CLI fuzzing);
    `one_error=False`: one error line per bad path argument (`check a b`).
    """
    shown = f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"uncaught exception\n{trace}\n{shown}")
    assert result.exit_code in (0, 1, 2), shown
    assert "Traceback" not in result.stdout + result.stderr, shown
    if result.exit_code != 2:
        return
    if usage_errors and "Usage:" in result.stderr:
        return
    errors = [line for line in result.stderr.splitlines() if line.startswith("pubtool: error: ")]
    others = [line for line in result.stderr.splitlines() if not line.startswith("pubtool: ")]
    assert len(errors) == 1 if one_error else len(errors) >= 1, shown
    assert not others, shown
    wanted = list(names)
    if file_required and wanted:
        assert any(name in errors[0] for name in wanted), f"names none of {wanted}\n{shown}"


def assert_error_names(error: Exception, name: str) -> None:
    """A library error: one line, naming the file."""
    text = str(error)
    assert "\n" not in text and "\r" not in text, text
    assert text.startswith(name), text
