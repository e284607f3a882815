"""Booklet build time on hostile text: one 20,000-character word, a 1 MB paragraph.

A translation is untrusted text: a pasted base64 blob or a run of letters with no space is one
unbreakable word, and WeasyPrint's line breaking grows much faster than linearly in the length
of such a word inside a table cell.  Each case is a copy of the shipped project in which one
Azerbaijani translation of one statement is replaced; `pubtool build-pdf --lang az,en
--statement ID` is then run as a new process and stopped after `--limit` seconds.  The same
statement unchanged is the baseline.

Also timed (with `--tagging`): the full shipped booklet with and without PDF tagging, and as
PDF/UA-1 and PDF/A-3b, in process, taking turns, best of 3.

Run from the repository root:  python benchmarks/bench_pdf_hazards.py [--limit 120] [--tagging]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import polib
from benchtools import machine, print_table, run_timed, seconds

STATEMENT = "2020-01-15-ombudsperson-30th-anniversary"
ALPHABET = "abcdefghijklmnopqrstuvwxyzəğıöüçş"


def long_word(length: int) -> str:
    """A base64-looking run with no break opportunity, as a paste would give."""
    rng = random.Random(16)
    return "".join(rng.choice(ALPHABET) for _ in range(length))


def long_paragraph(size: int, template: str) -> str:
    """About `size` bytes of ordinary Azerbaijani words in one paragraph."""
    words = template.split()
    rng = random.Random(16)
    parts: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(words)
        parts.append(word)
        total += len(word.encode("utf-8")) + 1
    return " ".join(parts)


def project_copy(folder: Path, name: str) -> Path:
    """The shipped project (statements, catalogs, pyproject.toml) in `folder`."""
    root = folder / name
    root.mkdir()
    for item in ("statements", "locales"):
        shutil.copytree(item, root / item)
    shutil.copy("pyproject.toml", root / "pyproject.toml")
    return root


def replace_translation(root: Path, make: str) -> int:
    """Replace the az translation of the statement's longest paragraph; returns its length."""
    path = root / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    catalog = polib.pofile(str(path))
    entries = [
        e for e in catalog if e.msgstr and any(STATEMENT in c for c in e.comment.split("\n"))
    ]
    entries = entries or [e for e in catalog if e.msgstr]
    entry = max(entries, key=lambda e: len(e.msgid))
    if make == "word":
        entry.msgstr = "Mətn: " + long_word(20_000) + " sonu."
    else:
        entry.msgstr = long_paragraph(1_000_000, entry.msgstr)
    catalog.save(str(path))
    return len(entry.msgstr)


def timed_build(root: Path, limit: float) -> tuple[float | None, int | None]:
    """`pubtool build-pdf` of one statement as a new process; (seconds or None, pages)."""
    program = Path(sys.executable).with_name("pubtool")
    output = root / "out.pdf"
    command = [str(program), "--project", str(root), "build-pdf", "--lang", "az,en"]
    command += ["--statement", STATEMENT, "-o", str(output)]
    elapsed = run_timed(command, timeout=limit)
    pages = None
    if elapsed is not None and output.exists():
        from pypdf import PdfReader

        pages = len(PdfReader(output).pages)
    return elapsed, pages


def hazards(folder: Path, limit: float) -> list[list[object]]:
    rows: list[list[object]] = []
    for label, make in (
        ("statement as shipped", None),
        ("one 20,000-character word", "word"),
        ("one 1 MB paragraph", "paragraph"),
    ):
        root = project_copy(folder, make or "plain")
        length = replace_translation(root, make) if make else 0
        elapsed, pages = timed_build(root, limit)
        per_page = f"{elapsed / pages:.2f} s" if elapsed and pages else ""
        rows.append([label, f"{length:,}" if length else "", seconds(elapsed), pages, per_page])
    return rows


def tagging(folder: Path, rounds: int = 3) -> list[list[object]]:
    """The full shipped booklet untagged, tagged, PDF/UA-1 and PDF/A-3b: best of `rounds`.

    The variants take turns within each round, so a busy machine slows them alike.
    """
    import time

    from pubtool.project import load_project
    from pubtool.publish.booklet import BookletRequest, build_pdf

    project = load_project(Path.cwd())
    variants = {
        "untagged": BookletRequest(languages=("az", "en"), tagged=False),
        "tagged (default)": BookletRequest(languages=("az", "en")),
        "pdf/ua-1": BookletRequest(languages=("az", "en"), pdf_variant="pdf/ua-1"),
        "pdf/a-3b": BookletRequest(languages=("az", "en"), pdf_variant="pdf/a-3b"),
    }
    best: dict[str, float] = {}
    results: dict[str, tuple[int, int]] = {}
    for _ in range(rounds):
        for label, request in variants.items():
            output = Path(tempfile.mkdtemp(dir=folder)) / "booklet.pdf"
            started = time.perf_counter()
            result = build_pdf(project, request, output)[1]
            elapsed = time.perf_counter() - started
            best[label] = min(best.get(label, elapsed), elapsed)
            results[label] = (result.pages, result.size)
    return [
        [label, results[label][0], f"{best[label]:.2f} s", f"{results[label][1] / 1024:.0f} KiB"]
        for label in variants
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=float, default=120.0, help="stop a build after this")
    parser.add_argument("--tagging", action="store_true", help="also time tagged builds")
    args = parser.parse_args(argv)
    print(f"# pdf hazards: {machine()}")
    folder = Path(tempfile.mkdtemp(prefix="pubtool-bench-hazards-"))
    try:
        print_table(
            ["az translation", "characters", "build-pdf", "pages", "per page"],
            hazards(folder, args.limit),
        )
        if args.tagging:
            print()
            header = ["booklet az,en", "pages", "best of 3 (taking turns)", "size"]
            print_table(header, tagging(folder))
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
