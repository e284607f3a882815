"""Another program saves the catalog while pubtool rewrites it: is the save ever lost?

On the real catalog of `../shared/bench/update-real` (Python documentation, Spanish), each of
`update`, `import` (an XLIFF with one edited unit), `fmt --width 60` and `check --fix` runs
as its own process; at several moments of its run a "PO editor" saves the catalog with one
translation changed (a marker). Afterwards the marker must be in the file, or the command
must have refused with exit 1 and left the file exactly as the editor saved it. Also
counted: files left in the command's TMPDIR and temporary files left in the project.

usage: python benchmarks/bench_concurrent_saves.py [--moments N] [--only update,fmt]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "update-real"
MARKER = "SAVED BY THE PO EDITOR"


def project(root: Path) -> Path:
    (root / "statements").mkdir(parents=True)
    (root / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.pubtool]\ntitle = "Python docs"\nlanguages = ["en", "es"]\n', encoding="utf-8"
    )
    shutil.copy(BENCH / "new.pot", root / "locales" / "statements.pot")
    shutil.copy(BENCH / "old.po", root / "locales" / "es" / "LC_MESSAGES" / "statements.po")
    return root / "locales" / "es" / "LC_MESSAGES" / "statements.po"


def pubtool(root: Path, tmp: Path, *args: str) -> subprocess.Popen[bytes]:
    """The command in its own process; its errors go to a file (a pipe nobody reads while
    it runs could fill up and stop it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "pubtool", "--project", str(root), *args],
        stdout=subprocess.DEVNULL, stderr=(tmp.parent / "stderr.txt").open("wb"),
        env={**os.environ, "TMPDIR": str(tmp)},
    )


def errors(root: Path) -> str:
    return (root.parent / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip()


def edited(data: bytes) -> bytes:
    """The catalog with its first non-empty translation replaced by the marker."""
    text = data.decode("utf-8")
    start = text.index('\nmsgstr "', text.index('\nmsgstr "') + 1)  # past the header
    end = text.index("\n\n", start)
    return (text[:start] + f'\nmsgstr "{MARKER}"' + text[end:]).encode("utf-8")


def commands(root: Path, catalog: Path) -> dict[str, list[str]]:
    xliff = root / "es.xlf"
    return {
        "update": ["update", "--lang", "es"],
        "import": ["import", str(xliff)],
        "fmt": ["fmt", "--width", "60", str(catalog)],
        "check --fix": ["check", "--fix", "--lang", "es"],
    }


def prepare(root: Path, catalog: Path, name: str) -> None:
    """`update` starts from the real catalog as it was before the release; the others
    from it updated once (so that the template and the catalog agree)."""
    if name == "update":
        return
    tmp = root.parent / "prepare-tmp"
    tmp.mkdir(exist_ok=True)
    assert pubtool(root, tmp, "update", "--lang", "es").wait() == 0
    if name == "import":
        export = pubtool(root, tmp, "export", "-f", "xliff", "-l", "es", "-o",
                         str(root / "es.xlf"))
        assert export.wait() == 0
        xliff = root / "es.xlf"
        _drop_files_without_origin(xliff)
        text = xliff.read_text(encoding="utf-8")
        at = text.index('<target state="translated">') + len('<target state="translated">')
        xliff.write_text(text[:at] + "Editado en la herramienta de traducción. " + text[at:],
                         encoding="utf-8")


def _drop_files_without_origin(xliff: Path) -> None:
    """Messages of no file (no `#:` line) are exported under the domain's name, which import
    refuses as no statement of the project (a separate issue): left out here."""
    from lxml import etree

    tree = etree.parse(str(xliff))
    for file in tree.getroot().findall("{urn:oasis:names:tc:xliff:document:1.2}file"):
        if file.get("original") == "statements":
            tree.getroot().remove(file)
    tree.write(str(xliff), xml_declaration=True, encoding="UTF-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--moments", type=int, default=8)
    parser.add_argument("--only", default="", help="commands to run, comma-separated")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        catalog = project(root)
        original = catalog.read_bytes()
        messages = original.count(b"\nmsgid ")
        print(f"catalog: {messages:,} messages, {len(original):,} bytes", flush=True)
        for name, args in commands(root, catalog).items():
            if options.only and name not in options.only.split(","):
                continue
            catalog.write_bytes(original)
            prepare(root, catalog, name)
            start_bytes = catalog.read_bytes()
            tmp = Path(folder) / "tmp"
            tmp.mkdir(exist_ok=True)
            started = time.perf_counter()
            first = pubtool(root, tmp, *args)
            code = first.wait()
            seconds = time.perf_counter() - started
            if code not in (0, 1):
                raise SystemExit(f"{name}: exit {code}: {errors(tmp)[-500:]}")
            kept = refused = lost = 0
            for moment in range(options.moments):
                catalog.write_bytes(start_bytes)
                process = pubtool(root, tmp, *args)
                time.sleep(seconds * (moment + 0.5) / options.moments)
                saved = edited(catalog.read_bytes())
                catalog.write_bytes(saved)  # as an editor saves: the whole file, in place
                code = process.wait()
                after = catalog.read_bytes()
                if code == 1 and after == saved:
                    refused += 1
                elif MARKER.encode() in after:
                    kept += 1
                else:
                    lost += 1
                    print(f"  LOST at {moment}: exit {code} {errors(tmp)[-300:]}")
            left = sorted(p.name for p in tmp.iterdir())
            temporaries = sorted(p.name for p in root.rglob("*.tmp"))
            print(f"{name}: run {seconds:.2f} s; {options.moments} saves: {kept} in the file "
                  f"afterwards, {refused} refused (exit 1, file as saved), {lost} lost; "
                  f"left in TMPDIR {left or 'nothing'}, temporary files {temporaries or 'none'}",
                  flush=True)


if __name__ == "__main__":
    main()
