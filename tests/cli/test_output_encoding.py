"""Output to a terminal that is not UTF-8 (PYTHONIOENCODING=ascii, a Latin-1 locale): what
cannot be shown is escaped, never an internal error; a catalog's bytes that are not UTF-8
are named, not echoed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def pubtool(folder: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "pubtool", *args]
    return subprocess.run(
        command, cwd=folder, env=env, capture_output=True, encoding="utf-8", errors="replace"
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_byte_after_a_backslash_is_named_on_any_terminal(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "ru.po").write_bytes((HEADER + 'msgid "a\\').encode() + b'\xff"\nmsgstr "b"\n')
    done = pubtool(tmp_path, encoding, "fmt", "ru.po")
    assert done.returncode == 2
    output = done.stdout + done.stderr
    assert "ru.po:5: invalid escape sequence: a backslash before the byte 0xFF" in output
    assert "internal error" not in output and "Traceback" not in output


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_findings_in_cyrillic_reach_an_ascii_terminal(project_dir: Path, encoding: str) -> None:
    assert pubtool(project_dir, "utf-8", "extract").returncode == 0
    assert pubtool(project_dir, "utf-8", "update").returncode == 0
    path = project_dir / "locales" / "ru" / "LC_MESSAGES" / "statements.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid.startswith("On the night"):
            entry.msgstr = (
                "В ночь с 19 на 20 января 1990 года в *Баку* были убиты 148 мирных жителей."
            )
    catalog.save(str(path))
    done = pubtool(project_dir, encoding, "check", "--lang", "ru")
    assert done.returncode == 1, done.stderr  # errors found: the gate fails
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert "147" in done.stdout + done.stderr  # the finding itself is printed
