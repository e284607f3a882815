"""`pubtool status CATALOG` against `msgfmt --statistics`, on a 50,000-paragraph catalog.

The catalog measured is what `pubtool update` makes of the scaled corpus (see
`scale_corpus.py`): mostly translated, with fuzzy and untranslated entries, so every count
is exercised.  Both tools run up to three times and the best run counts; pubtool's time is
split into reading the file and counting, to show where it goes.  The counts must agree
with msgfmt's: `pubtool.coverage` promises exactly msgfmt's rules.

Run from the repository root:  python benchmarks/bench_status.py [--paragraphs 50000]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchtools import best_of, machine, print_table, tool_version
from scale_corpus import LANGUAGE, make_corpus

from pubtool.coverage import Counts, measure_catalog, paths_coverage
from pubtool.po import load_po, write_po
from pubtool.po.merge import update_catalog

_STATISTIC = re.compile(r"(\d+) (translated|fuzzy|untranslated)")


def updated_catalog(paragraphs: int, folder: Path) -> Path:
    """The scaled corpus's old catalog, updated to its new template as `pubtool update` does."""
    corpus = make_corpus(paragraphs, folder)
    updated, _report = update_catalog(
        load_po(corpus.new_pot), load_po(corpus.old_po), language=LANGUAGE
    )
    path = folder / f"{LANGUAGE}.po"
    write_po(updated, path)
    return path


def msgfmt_statistics(path: Path) -> dict[str, int]:
    """msgfmt's counts, read from its one line on stderr."""
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, state in _STATISTIC.findall(result.stderr):
        counts[state] = int(number)
    return counts


def pubtool_statistics(counts: Counts) -> dict[str, int]:
    return {
        "translated": counts.translated,
        "fuzzy": counts.fuzzy,
        "untranslated": counts.untranslated,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=50000)
    args = parser.parse_args(argv)
    print(f"# status: {machine()}; {tool_version('msgfmt')}")
    folder = Path(tempfile.mkdtemp(prefix="pubtool-bench-status-"))
    try:
        path = updated_catalog(args.paragraphs, folder)
        ours = best_of(lambda: paths_coverage([path]))
        loading = best_of(lambda: load_po(path))
        catalog = loading.result
        counting = best_of(lambda: measure_catalog(catalog, path=str(path), language=LANGUAGE))
        theirs = best_of(lambda: msgfmt_statistics(path))
    finally:
        shutil.rmtree(folder)
    report = ours.result
    our_counts = pubtool_statistics(report.catalogs[0].counts)
    agree = "yes" if our_counts == theirs.result else f"NO: {our_counts} vs {theirs.result}"
    print_table(
        ["paragraphs", "pubtool status", "read / count", "msgfmt --statistics", "ratio", "counts"],
        [
            [
                args.paragraphs,
                f"{ours.best:.2f} s",
                f"{loading.best:.2f} / {counting.best:.2f}",
                f"{theirs.best:.2f} s",
                f"{ours.best / theirs.best:.1f}× msgfmt's time",
                f"{agree} {theirs.result}",
            ]
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
