"""A translation memory filling an empty catalog: pubtool against `msgmerge --compendium`.

Both tools get the same files from `scale_corpus`: the old catalog (fully translated) is the
memory, and the catalog to fill is the new template as `pubtool update` makes it with no
catalog before (every entry empty).  What `update --memory` and `import` do for one language
is timed for pubtool (load, fill, format, write; best of up to three runs); msgmerge runs
`msgmerge --previous --quiet --compendium old.po empty.po new.pot` once, stopped after
`--msgmerge-timeout` seconds.

Quality: how many unchanged paragraphs came back translated (exact matches), and of the edited
paragraphs, the share whose fuzzy suggestion came from its own predecessor (`#| msgid`).
Both outputs are read back with polib.

Run from the repository root:  python benchmarks/bench_memory.py [--sizes 3000 50000]
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import polib
from benchtools import best_of, machine, print_table, run_timed, seconds, tool_version
from scale_corpus import LANGUAGE, Corpus, make_corpus

from pubtool.files import write_text_atomically
from pubtool.po import format_po, load_po
from pubtool.po.memory import fill_from_memory, memory_by_source
from pubtool.po.merge import update_catalog


def empty_catalog(corpus: Corpus) -> Path:
    """The new template as a fresh catalog: what `pubtool update` writes with none before."""
    catalog, _ = update_catalog(load_po(corpus.new_pot), None, language=LANGUAGE)
    path = corpus.folder / "empty.po"
    write_text_atomically(path, format_po(catalog))
    return path


def pubtool_fill(corpus: Corpus, empty: Path, out: Path) -> None:
    memory = memory_by_source(
        (entry.msgid, entry.msgstr) for entry in load_po(corpus.old_po) if entry.msgstr
    )
    catalog = load_po(empty)
    fill_from_memory(catalog, memory)
    write_text_atomically(out, format_po(catalog))


def quality(corpus: Corpus, path: Path) -> tuple[int, int, str]:
    """Unchanged paragraphs translated, edited ones given a fuzzy suggestion, and the share
    of edits suggested from their own predecessor."""
    entries = {entry.msgid: entry for entry in polib.pofile(str(path)) if not entry.obsolete}
    edited = {new for _, new in corpus.edits}
    old_texts = set(corpus.old_texts)
    unchanged = [text for text in corpus.new_texts if text in old_texts]
    exact = sum(
        1
        for text in unchanged
        if text not in edited and entries[text].msgstr and not entries[text].fuzzy
    )
    suggested = sum(1 for _, new in corpus.edits if entries[new].fuzzy and entries[new].msgstr)
    own = sum(1 for old, new in corpus.edits if entries[new].previous_msgid == old)
    return exact, suggested, f"{100 * own / max(len(corpus.edits), 1):.1f}%"


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 50000])
    parser.add_argument("--msgmerge-timeout", type=float, default=600.0)
    options = parser.parse_args(argv)
    print(machine())
    print(tool_version("msgmerge"))
    rows = []
    for size in options.sizes:
        folder = Path(tempfile.mkdtemp(prefix="pubtool-bench-memory-"))
        try:
            corpus = make_corpus(size, folder)
            empty = empty_catalog(corpus)
            ours = folder / "pubtool.po"
            timed = best_of(functools.partial(pubtool_fill, corpus, empty, ours))
            theirs = folder / "msgmerge.po"
            taken = run_timed(
                ["msgmerge", "--previous", "--quiet", "--compendium", str(corpus.old_po),
                 str(empty), str(corpus.new_pot), "-o", str(theirs)],
                options.msgmerge_timeout,
            )  # fmt: skip
            old_texts = set(corpus.old_texts)
            unchanged = sum(1 for text in corpus.new_texts if text in old_texts)
            row = [size, unchanged, len(corpus.edits), seconds(timed.best)]
            row += quality(corpus, ours)
            row += [seconds(taken), *(quality(corpus, theirs) if taken else ("", "", ""))]
            rows.append(row)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"{size}: done", file=sys.stderr)
    print_table(
        [
            "paragraphs", "unchanged", "edited", "pubtool", "exact", "suggested",
            "own predecessor", "msgmerge -C", "exact", "suggested", "own predecessor",
        ],
        rows,
    )  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
