"""`pubtool update` against `msgmerge --previous` on real translation histories, in one run.

A history is a real catalog before a release (`old.po`), the messages of the next release
(`new.pot`) and what translators finally wrote for them (`final.po`).  Both tools merge
`new.pot` into `old.po`; both outputs are scored by `../shared/bench/update-real/score.py`
(for each new or changed message with a final translation: is the fuzzy suggestion at least
80% like it, "useful"; and was any unchanged translation lost).  pubtool's time is what
`pubtool update` does for one language (load both files, merge, format, write), best of 3;
msgmerge runs once.  Also checked: a second pubtool update changes nothing.

Histories: `../shared/bench/update-real` (Python documentation, Spanish, 3.10 -> 3.11,
CC0) and `benchmarks/data/*` (see benchmarks/README.md): Django 4.2.17 -> 5.1.4 (ru),
wagtail 5.0.5 -> 6.3.1 (de, ru), catalogs of each wheel's `locale/<lang>` joined with
`msgcat --use-first`, `new.pot` = the newer catalog with its translations removed.

Run from the repository root:  python benchmarks/bench_real_update.py
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchtools import best_of, machine, print_table, run_timed, tool_version

from pubtool.po.merge import update_catalog
from pubtool.po.read import load_po
from pubtool.po.write import write_po

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench" / "update-real"
SCORE = SHARED / "score.py"
HISTORIES = {
    "Python docs 3.10 -> 3.11 (es)": SHARED,
    "Django 4.2.17 -> 5.1.4 (ru)": ROOT / "benchmarks" / "data" / "django-ru",
    "wagtail 5.0.5 -> 6.3.1 (de)": ROOT / "benchmarks" / "data" / "wagtail-de",
    "wagtail 5.0.5 -> 6.3.1 (ru)": ROOT / "benchmarks" / "data" / "wagtail-ru",
}
_SCORE_LINE = re.compile(
    r"suggested (\d+).*useful \(>= 80% like the final text\) (\d+).*mean likeness ([0-9.]+); "
    r"translations lost (\d+)"
)


def pubtool_update(history: Path, output: Path) -> None:
    old = load_po(history / "old.po", foreign=True)
    language = str(old.metadata.get("Language", "")) or "xx"
    result, _ = update_catalog(load_po(history / "new.pot", foreign=True), old, language=language)
    write_po(result, output)


def scores(history: Path, *outputs: Path) -> list[tuple[str, ...]]:
    done = subprocess.run(
        [sys.executable, str(SCORE), str(history / "old.po"), str(history / "final.po"),
         *map(str, outputs)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = [_SCORE_LINE.search(line) for line in done.stdout.splitlines()]
    return [match.groups() for match in found if match]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--msgmerge-timeout", type=float, default=600.0)
    arguments = parser.parse_args()
    print(f"{machine()}; {tool_version('msgmerge')}\n")
    rows = []
    scratch = Path(tempfile.mkdtemp(prefix="bench-real-update-"))
    try:
        for name, history in HISTORIES.items():
            if not (history / "old.po").exists():
                print(f"{name}: {history} not found, skipped", file=sys.stderr)
                continue
            ours, theirs = scratch / "pubtool.po", scratch / "msgmerge.po"
            timed = best_of(lambda: pubtool_update(history, ours))  # noqa: B023
            once = ours.read_bytes()
            result, _ = update_catalog(
                load_po(history / "new.pot", foreign=True), load_po(ours), language="xx"
            )
            write_po(result, scratch / "again.po")
            stable = (scratch / "again.po").read_bytes() == once
            merge_time = run_timed(
                ["msgmerge", "--previous", "--quiet", str(history / "old.po"),
                 str(history / "new.pot"), "-o", str(theirs)],
                arguments.msgmerge_timeout,
            )  # fmt: skip
            if merge_time is None:
                pubtool_score = scores(history, ours)[0]
                merge_score = ("-", "-", "-", "-")
            else:
                pubtool_score, merge_score = scores(history, ours, theirs)
            speed = f"{merge_time / timed.best:.0f}x" if merge_time else "-"
            rows.append([
                name,
                f"{merge_time:.2f} s" if merge_time else "stopped",
                f"{timed.best:.2f} s", speed,
                f"{merge_score[1]} of {merge_score[0]}",
                f"{pubtool_score[1]} of {pubtool_score[0]}",
                f"{merge_score[2]} / {pubtool_score[2]}",
                f"{merge_score[3]} / {pubtool_score[3]}",
                "yes" if stable else "NO",
            ])  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print_table(
        ["history", "msgmerge --previous", "pubtool update", "speed-up",
         "msgmerge useful of suggested", "pubtool useful of suggested",
         "mean likeness (msgmerge / pubtool)", "lost (msgmerge / pubtool)", "2nd update = 1st"],
        rows,
    )  # fmt: skip


if __name__ == "__main__":
    main()
