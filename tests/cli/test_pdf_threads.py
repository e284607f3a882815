"""`pubtool.build_pdf` changes nothing of the process: two builds in threads give the bytes
that the same builds give one after the other."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_shipped_project

STATEMENTS = ("1990-01-21-gafarova-supreme-council", "2016-01-30-cohen-26th-anniversary")


#: Run in a fresh interpreter, so that the threads are the process's first builds: what a
#: build sets up once (fonts, the Azerbaijani hyphenation patterns, caches) happens in both
#: threads at the same time, as in a server's first requests.
_THREADS_FIRST = """
import json, os, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import pubtool

root, out = Path(sys.argv[1]), Path(sys.argv[2])
statements = tuple(sys.argv[3:])
project = pubtool.Project.load(root)
environment = dict(os.environ)

def build(languages, name):
    output = out / f"{name}-{languages}.pdf"
    pubtool.build_pdf(project, languages, output=output, statements=statements,
                      pdf_variant="pdf/ua-1")
    return output.read_bytes()

with ThreadPoolExecutor(max_workers=2) as pool:
    futures = {lang: pool.submit(build, lang, "thread") for lang in ("az,en", "ru,en")}
    threaded = {lang: future.result() for lang, future in futures.items()}
serial = {lang: build(lang, "serial") for lang in ("az,en", "ru,en")}
print(json.dumps({
    "same": threaded == serial,
    "different_languages": serial["az,en"] != serial["ru,en"],
    "environment_kept": dict(os.environ) == environment,
}))
"""


def test_two_builds_in_threads_give_the_bytes_of_serial_builds(tmp_path: Path) -> None:
    root = copy_shipped_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", _THREADS_FIRST, str(root), str(tmp_path), *STATEMENTS],
        capture_output=True, text=True, check=False, cwd=root,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "same": True, "different_languages": True, "environment_kept": True,
    }


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


#: The one change pubtool makes to another library, with why: WeasyPrint takes no
#: hyphenation dictionary but pyphen's tables (see `register_azerbaijani_hyphenation`).
_ALLOWED = {"src/pubtool/publish/hyphenation.py": {"pyphen.hdcache[path]"}}


def test_the_library_changes_no_other_module() -> None:
    """No assignment to an attribute or item of an imported module or class (a library
    replaced at run time changes it for every caller in the process), and no switching
    the garbage collector off or down. The command-line layer, which owns its process, may
    redirect `sys.stdout` after a broken pipe."""
    changes = []
    for path in sorted((REPO / "src" / "pubtool").rglob("*.py")):
        if "cli" in path.relative_to(REPO / "src" / "pubtool").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _imported_names(tree)
        where = str(path.relative_to(REPO))
        for node in ast.walk(tree):
            for target in _assigned(node):
                if _root(target) in imported and ast.unparse(target) not in _ALLOWED.get(where, ()):
                    changes.append(f"{where}:{node.lineno}: {ast.unparse(target)}")
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                patched = called in ("setattr", "delattr") and node.args and _root(
                    node.args[0]) in imported
                if patched or called in ("gc.disable", "gc.freeze", "gc.set_threshold"):
                    changes.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    assert changes == []


def _imported_names(tree: ast.Module) -> set[str]:
    """Names bound to modules or their members by imports of anything but pubtool."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names
                         if not alias.name.startswith("pubtool"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and not (
            node.module or ""
        ).startswith("pubtool"):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _assigned(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, (ast.Assign, ast.Delete)):
        return list(node.targets)
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return [node.target]
    return []


def _root(target: ast.expr) -> str | None:
    """`pyphen` for `pyphen.LANGUAGES[code]`: the name an attribute or item chain starts at."""
    if not isinstance(target, (ast.Attribute, ast.Subscript)):
        return None
    while isinstance(target, (ast.Attribute, ast.Subscript)):
        target = target.value
    return target.id if isinstance(target, ast.Name) else None
