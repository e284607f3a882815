"""Facing pages against columns: the same shipped az/en booklet, timed in one run.

`--layout facing` lays the cells out once more than the columns layout does (each language in
a tall measuring page, and cells taller than a page again word by word), then sets the
booklet; the target is at most twice the columns layout's time. Each build goes to a fresh
file, so the cache never answers; best of 3.

Run from the repository root:  python benchmarks/bench_facing.py [--paper A5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchtools import best_of, machine, print_table

from pubtool.project import load_project
from pubtool.publish.booklet import BookletRequest, build_pdf
from pubtool.publish.hyphenation import register_azerbaijani_hyphenation

TARGET = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paper", default="A4")
    options = parser.parse_args()
    register_azerbaijani_hyphenation()
    project = load_project(Path.cwd())
    print(machine())
    rows = []
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for layout, numbers in (("columns", False), ("columns", True), ("facing", True)):
            request = BookletRequest(
                languages=("az", "en"), paper=options.paper.upper(), layout=layout, numbers=numbers
            )

            def once(request: BookletRequest = request) -> int:
                output = Path(tempfile.mkdtemp(dir=folder)) / "booklet.pdf"
                return build_pdf(project, request, output)[1].pages

            timed = best_of(once)
            figures[layout, numbers] = timed.best
            rows.append(
                [
                    f"{layout}{' --numbers' if numbers else ''}",
                    timed.result,
                    f"{timed.best:.2f} s",
                    f"{timed.result / timed.best:.1f}",
                    " / ".join(f"{run:.2f}" for run in timed.runs),
                ]
            )
    print_table(["layout", "pages", "best of 3", "pages/s", "runs (s)"], rows)
    ratio = figures["facing", True] / figures["columns", True]
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"\nfacing / columns (both --numbers): {ratio:.2f}x ({verdict} the {TARGET:g}x target)")


if __name__ == "__main__":
    main()
