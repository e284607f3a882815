"""Golden files: the template and a new catalog of the small project, byte for byte.

Regenerate after an intended change with
`PUBTOOL_REGENERATE_GOLDEN=1 pytest tests/cli/test_golden.py` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pubtool.catalogs import update_catalogs
from pubtool.cli import app
from pubtool.errors import CatalogError
from pubtool.project import load_project

#: A process that takes pubtool's lock on a folder and keeps it until it is killed.
HOLD_LOCK = """
import sys, time
from pathlib import Path
from pubtool.files import folder_lock
with folder_lock(Path(sys.argv[1]), 5):
    print("held", flush=True)
    time.sleep(60)
"""
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
runner = CliRunner()


def check_golden(produced: Path, name: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("PUBTOOL_REGENERATE_GOLDEN"):
        golden.write_bytes(produced.read_bytes())
    assert produced.read_bytes() == golden.read_bytes(), f"{name} differs from tests/golden/"


def test_template_and_new_catalog_match_golden_files(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "631152000")  # 1990-01-01, so the date is fixed
    for command in ("extract", "update"):
        assert runner.invoke(app, ["--project", str(project_dir), command]).exit_code == 0
    check_golden(project_dir / "locales" / "statements.pot", "statements.pot")
    check_golden(project_dir / "locales" / "ru" / "LC_MESSAGES" / "statements.po", "ru.po")
    left = sorted(p.relative_to(project_dir).as_posix() for p in project_dir.rglob("*"))
    assert not [name for name in left if "lock" in name]  # no stray lock file in the project


def test_a_second_update_waits_for_the_first(project_dir: Path) -> None:
    assert runner.invoke(app, ["--project", str(project_dir), "extract"]).exit_code == 0
    project = load_project(project_dir)
    holder = subprocess.Popen(  # another process holds the catalog folder's lock
        [sys.executable, "-c", HOLD_LOCK, str(project.locales_dir)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(CatalogError, match="another process has held the lock"):
            update_catalogs(project, ["az"], lock_timeout=0.2)
        assert not project.catalog_path("az").exists()
    finally:
        holder.kill()
        holder.wait()
    update_catalogs(project, ["az"], lock_timeout=0.2)
    assert project.catalog_path("az").exists()
