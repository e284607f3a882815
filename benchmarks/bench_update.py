"""`pubtool update` against `msgmerge --previous`: speed, and how well changed text is matched.

Both tools get the same files from `scale_corpus`: an old catalog, fully translated, and a
new template where 10% of paragraphs were edited and 5% added.  Timed for pubtool is what
`pubtool update` does for one language (load both files, merge, format, write); pubtool
runs up to three times and the best run counts.  msgmerge runs once, and is stopped after
`--msgmerge-timeout` seconds.

Match quality: of the edited paragraphs, the share whose fuzzy entry carries its own
predecessor as `#| msgid`.  A translator fixing a fuzzy entry starts from that old text; a
wrong predecessor means they start from another paragraph's translation.  Both outputs are
read back with polib, so neither tool's own parser is trusted.

Run from the repository root:  python benchmarks/bench_update.py [--sizes 3000 50000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib
from benchtools import best_of, machine, print_table, run_timed, seconds, tool_version
from scale_corpus import Corpus, make_corpus

from pubtool.files import write_text_atomically
from pubtool.po import format_po, load_po
from pubtool.po.merge import update_catalog

MSGMERGE_TIMEOUT = 600.0


@dataclass(frozen=True)
class Phases:
    """Where one pubtool update spends its time."""

    load: float
    merge: float
    write: float

    @property
    def total(self) -> float:
        return self.load + self.merge + self.write


@dataclass(frozen=True)
class Quality:
    """How the edited paragraphs came out of a merge."""

    own_predecessor: int
    other_predecessor: int
    not_fuzzy: int  # left untranslated: the old translation was not carried over at all

    def share(self) -> str:
        total = self.own_predecessor + self.other_predecessor + self.not_fuzzy
        return f"{100.0 * self.own_predecessor / total:.1f}%" if total else "n/a"


def pubtool_update(corpus: Corpus, output: Path) -> Phases:
    """What `pubtool update --lang az` does for one catalog, phase by phase."""
    started = time.perf_counter()
    catalog = load_po(corpus.old_po)
    template = load_po(corpus.new_pot)
    loaded = time.perf_counter()
    updated, _report = update_catalog(template, catalog, language="az")
    merged = time.perf_counter()
    write_text_atomically(output, format_po(updated))
    return Phases(loaded - started, merged - loaded, time.perf_counter() - merged)


def msgmerge(corpus: Corpus, output: Path, timeout: float) -> float | None:
    command = ["msgmerge", "--previous", "--quiet", str(corpus.old_po), str(corpus.new_pot)]
    return run_timed([*command, "-o", str(output)], timeout)


def match_quality(corpus: Corpus, merged: Path) -> Quality:
    """Compare each edited paragraph's `#| msgid` with the text it was edited from."""
    entries = {entry.msgid: entry for entry in polib.pofile(str(merged)) if not entry.obsolete}
    own = other = plain = 0
    for old, new in corpus.edits:
        entry = entries[new]
        if not entry.fuzzy:
            plain += 1
        elif entry.previous_msgid == old:
            own += 1
        else:
            other += 1
    return Quality(own, other, plain)


def bench_size(paragraphs: int, folder: Path, timeout: float) -> list[object]:
    """One table row: timings and match quality for a corpus of `paragraphs`."""
    corpus = make_corpus(paragraphs, folder / str(paragraphs))
    ours = corpus.folder / "pubtool.po"
    timed = best_of(lambda: pubtool_update(corpus, ours))
    phases = timed.result
    theirs = corpus.folder / "msgmerge.po"
    reference = msgmerge(corpus, theirs, timeout)
    quality = match_quality(corpus, ours)
    their_quality = match_quality(corpus, theirs) if reference is not None else None
    return [
        paragraphs,
        f"{phases.total:.2f} s ({len(timed.runs)} runs)",
        f"{phases.load:.2f} / {phases.merge:.2f} / {phases.write:.2f}",
        seconds(reference),
        f"{reference / phases.total:.2f}×" if reference else "n/a",
        f"{quality.share()} ({quality.own_predecessor}/{len(corpus.edits)})",
        f"{their_quality.share()} ({their_quality.own_predecessor}/{len(corpus.edits)})"
        if their_quality
        else "n/a",
        f"{quality.not_fuzzy} / {their_quality.not_fuzzy if their_quality else 'n/a'}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 50000])
    parser.add_argument("--msgmerge-timeout", type=float, default=MSGMERGE_TIMEOUT)
    args = parser.parse_args(argv)
    print(f"# update: {machine()}; {tool_version('msgmerge')}")
    folder = Path(tempfile.mkdtemp(prefix="pubtool-bench-update-"))
    try:
        rows = [bench_size(size, folder, args.msgmerge_timeout) for size in args.sizes]
    finally:
        shutil.rmtree(folder)
    print_table(
        [
            "paragraphs",
            "pubtool update",
            "load / merge / write",
            "msgmerge",
            "speed-up",
            "own predecessor (pubtool)",
            "own predecessor (msgmerge)",
            "edited left untranslated (pubtool / msgmerge)",
        ],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
