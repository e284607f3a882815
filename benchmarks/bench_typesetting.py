"""Booklet typesetting as a typesetter counts it: hyphenated lines, runs, page-end hyphens.

Builds the shipped az|en and ru|en booklets on A4 and the az|en booklet on A5 (and, with
`--three`, az|ru|en on A5) into a scratch folder, reads every body line back with pypdf
(`tests/pdf_lines.py`, the reader the tests use) and prints a Markdown table. With
`--before PDF...`, also counts booklets built elsewhere (an older commit), labelled by file.

Run from the repository root:  python benchmarks/bench_typesetting.py [--three]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchtools import machine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pdf_lines import Figures, hyphenation_figures  # noqa: E402
from pubtool.project import load_project  # noqa: E402
from pubtool.publish.booklet import BookletRequest, build_pdf  # noqa: E402

EDITIONS = ((("az", "en"), "A4"), (("ru", "en"), "A4"), (("az", "en"), "A5"))
HEADER = (
    "| booklet | pages | body lines | hyphenated | share | longest run | runs of 3+ "
    "| page-end hyphens | fragments < 3 letters |\n|---|---|---|---|---|---|---|---|---|"
)


def measure(languages: Sequence[str], paper: str, folder: Path) -> tuple[int, Figures]:
    project = load_project(Path.cwd())
    output = folder / f"booklet-{'-'.join(languages)}-{paper}.pdf"
    result = build_pdf(project, BookletRequest(languages=tuple(languages), paper=paper), output)[1]
    return result.pages, hyphenation_figures(output, columns=len(languages))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--three", action="store_true", help="also az|ru|en on A5")
    parser.add_argument("--before", nargs="*", type=Path, default=[], help="PDFs to count too")
    options = parser.parse_args(argv)
    editions = [*EDITIONS, *([(("az", "ru", "en"), "A5")] if options.three else [])]
    print(machine())
    print(HEADER)
    for pdf in options.before:
        columns = pdf.stem.count("-")  # booklet-az-en -> 2
        figures = hyphenation_figures(pdf, columns=max(columns, 1))
        print(f"| {pdf.name} (before) | | {figures.row()} |")
    folder = Path(tempfile.mkdtemp(prefix="pubtool-typesetting-"))
    try:
        for languages, paper in editions:
            pages, figures = measure(languages, paper, folder)
            print(f"| {'|'.join(languages)} {paper} | {pages} | {figures.row()} |", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
