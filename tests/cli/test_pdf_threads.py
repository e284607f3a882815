"""`pubtool.build_pdf` changes nothing of the process: two builds in threads give the bytes
that the same builds give one after the other."""

from __future__ import annotations

import ast
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pubtool
from conftest import REPO, copy_shipped_project

STATEMENTS = ("1990-01-21-gafarova-supreme-council", "2016-01-30-cohen-26th-anniversary")


def build(project: pubtool.Project, languages: str, output: Path) -> bytes:
    pubtool.build_pdf(
        project, languages, output=output, statements=STATEMENTS, pdf_variant="pdf/ua-1"
    )
    return output.read_bytes()


def test_two_builds_in_threads_give_the_bytes_of_serial_builds(tmp_path: Path) -> None:
    project = pubtool.Project.load(copy_shipped_project(tmp_path))
    environment = dict(os.environ)
    serial = {
        languages: build(project, languages, tmp_path / f"serial-{languages}.pdf")
        for languages in ("az,en", "ru,en")
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            languages: pool.submit(build, project, languages, tmp_path / f"thread-{languages}.pdf")
            for languages in ("az,en", "ru,en")
        }
        threaded = {languages: future.result() for languages, future in futures.items()}
    assert threaded == serial
    assert serial["az,en"] != serial["ru,en"]
    assert dict(os.environ) == environment


def test_the_library_writes_no_environment_variable() -> None:
    """The environment is the process's: a library call that sets a variable changes every
    other thread's view of it (SOURCE_DATE_EPOCH once was, while a PDF was written)."""
    writes = []
    for path in sorted((REPO / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [
                    node.target
                ]
            calls = isinstance(node, ast.Call) and ast.unparse(node.func) in (
                "os.putenv", "os.unsetenv", "os.environ.update", "os.environ.pop",
                "os.environ.setdefault", "os.environ.clear",
            )  # fmt: skip
            written = [t for t in targets if "os.environ" in ast.unparse(t)]
            if written or calls:
                writes.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert writes == []
