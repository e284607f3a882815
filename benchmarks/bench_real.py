"""pubtool on real catalogs of public projects: update histories, the writer, the checks.

The catalogs come from `real_catalogs.py` (pinned wheels, fetched once into benchmarks/.work).
Three parts, each printing Markdown for `benchmarks/REAL_DATA.md`:

- `history`: for each (old.po, new.pot, final.po) of `build_histories()`, `msgmerge --previous`
  against pubtool's update (`load_po` of both, `update_catalog`, `format_po`, write; best of 3),
  both scored with `../shared/bench/update-real/score.py`.  `--shared` adds the history in
  `../shared/bench/update-real` itself (msgmerge takes about a minute there).
- `writer`: every real catalog through `msgcat FILE` and through
  `format_po(load_po(FILE), width=79)`, compared byte for byte; differences classified.
- `checks`: the numbers and dates checks (each alone, so a crash of one does not hide the
  other) on every real catalog, per language: errors per 1,000 translated messages, crashes,
  a sample of findings.

Run from the repository root, in the project's virtual environment, with GNU gettext installed:

    python benchmarks/bench_real.py history writer checks [--shared] [--languages ru az ...]
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import polib
from benchtools import best_of, machine, tool_version
from real_catalogs import (
    PINNED,
    Triple,
    build_histories,
    language_of,
    real_catalogs,
    release_of,
)

from pubtool.checks import CheckContext, check_catalog
from pubtool.checks.glossary import Glossary
from pubtool.errors import CatalogError
from pubtool.files import write_text_atomically
from pubtool.po import format_po, load_po
from pubtool.po.merge import update_catalog

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench" / "update-real"
SCORE = SHARED / "score.py"

# ------------------------------------------------------------------------------ history

_SCORE_LINE = re.compile(
    r": (?P<asked>\d+) new or changed .*?suggested (?P<suggested>\d+) .*?"
    r"useful \(>= 80% like the final text\) (?P<useful>\d+) .*?mean likeness (?P<likeness>[\d.]+); "
    r"translations lost (?P<lost>\d+)"
)


def _pubtool_update(triple: Triple, out: Path) -> None:
    template = load_po(triple.template)
    old = load_po(triple.old)
    updated, _ = update_catalog(template, old, language=triple.language)
    write_text_atomically(out, format_po(updated))


def _score(triple: Triple, *updated: Path) -> list[dict[str, str]]:
    output = subprocess.run(
        [sys.executable, str(SCORE), str(triple.old), str(triple.final), *map(str, updated)],
        capture_output=True, text=True, check=True,
    ).stdout
    scores = []
    for line in output.splitlines():
        match = _SCORE_LINE.search(line)
        if match is None:
            raise ValueError(f"score.py said: {line}")
        scores.append(match.groupdict())
    return scores


def _messages(path: Path) -> int:
    return sum(1 for e in polib.pofile(str(path)) if not e.obsolete)


def run_history(shared: bool) -> None:
    triples = build_histories()
    if shared:
        triples.insert(0, Triple("python-docs-es (shared)", "es", SHARED / "old.po",
                                 SHARED / "new.pot", SHARED / "final.po"))
    print("| history | messages (old → new) | scored | tool | time | suggestions | useful | "
          "mean likeness | lost |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    with tempfile.TemporaryDirectory() as scratch:
        for triple in triples:
            merged = Path(scratch) / f"{triple.name}.msgmerge.po"
            ours = Path(scratch) / f"{triple.name}.pubtool.po"
            started = time.perf_counter()
            subprocess.run(["msgmerge", "--previous", "--quiet", "-o", str(merged),
                            str(triple.old), str(triple.template)], check=True)
            msgmerge_time = time.perf_counter() - started
            try:
                pubtool_time = best_of(lambda: _pubtool_update(triple, ours)).best  # noqa: B023
            except CatalogError as error:
                print(f"| {triple.name} | | | pubtool refused it: {error} | | | | | |")
                continue
            sizes = f"{_messages(triple.old):,} → {_messages(triple.template):,}"
            for tool, seconds, score in zip(
                ("msgmerge --previous", "pubtool"), (msgmerge_time, pubtool_time),
                _score(triple, merged, ours), strict=True,
            ):
                print(f"| {triple.name} | {sizes} | {score['asked']} | {tool} | {seconds:.2f} s | "
                      f"{score['suggested']} | {score['useful']} | {score['likeness']} | "
                      f"{score['lost']} |")
                if triple.old.is_relative_to(SHARED):
                    continue
                total = totals[tool]
                total["histories"] += 1
                total["millis"] += round(1000 * seconds)
                for name in ("asked", "suggested", "useful", "lost"):
                    total[name] += int(score[name])
                total["likeness sum"] += round(float(score["likeness"]) * int(score["asked"]))
            sys.stdout.flush()
    for tool, total in totals.items():
        print(f"| all {total['histories']} built histories | | {total['asked']} | {tool} | "
              f"{total['millis'] / 1000:.2f} s | {total['suggested']} | {total['useful']} | "
              f"{total['likeness sum'] / max(1, total['asked']):.1f} | {total['lost']} |")


# ------------------------------------------------------------------------------- writer

_DIRECTIVES = {
    "python-format": re.compile(
        r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
    ),
    "python-brace-format": re.compile(r"\{[^{}]*\}"),
    "c-format": re.compile(
        r"%(?:\d+\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?"
        r"[diouxXeEfFgGaAcspn%]"
    ),
    "javascript-format": re.compile(r"%(?:\([^)]*\))?[sdjfo%]"),
}
_KEYWORD = re.compile(r'^(#~ |#\| |#~\| )?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "')

CATEGORIES = (
    "header field order",
    "header field changed or added",
    "header invented",
    "wrapping inside a format directive",
    "wrapping elsewhere",
    "charset",
    "other",
)


def _blocks(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if block.strip()]


def _strings(block: str) -> list[tuple[str, list[str]]]:
    """(keyword, [escaped pieces]) of each string of an entry block."""
    fields: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        match = _KEYWORD.match(line)
        if match:
            fields.append(((match.group(1) or "") + match.group(2), [line[match.end():-1]]))
        elif fields and re.match(r'^(#~ |#\| |#~\| )?"', line):
            fields[-1][1].append(line[line.index('"') + 1:-1])
    return fields


def _header_fields(block: str) -> list[str]:
    pieces = "".join(piece for keyword, parts in _strings(block) if keyword == "msgstr"
                     for piece in parts)
    return [field for field in pieces.split("\\n") if field]


def _is_header(block: str) -> bool:
    return any(keyword == "msgid" and "".join(parts) == "" for keyword, parts in _strings(block))


def _breaks_inside_directive(block: str) -> bool:
    flags = {flag.strip() for line in block.splitlines() if line.startswith("#,")
             for flag in line[2:].split(",")}
    patterns = [_DIRECTIVES[flag] for flag in flags if flag in _DIRECTIVES]
    for _keyword, pieces in _strings(block):
        joined = "".join(pieces)
        offsets, position = set(), 0
        for piece in pieces[:-1]:
            position += len(piece)
            offsets.add(position)
        for pattern in patterns:
            for match in pattern.finditer(joined):
                if any(match.start() < offset < match.end() for offset in offsets):
                    return True
    return False


def _same_text(a: str, b: str) -> bool:
    return [(k, "".join(p)) for k, p in _strings(a)] == [(k, "".join(p)) for k, p in _strings(b)]


def _comments(block: str) -> list[str]:
    return [line for line in block.splitlines()
            if line.startswith("#") and not line.startswith(("#~", "#|"))]


def classify(expected: str, actual: str) -> dict[str, tuple[str, str]]:
    """Categories of difference between msgcat's and pubtool's output, with one example each."""
    found: dict[str, tuple[str, str]] = {}
    theirs, ours = _blocks(expected), _blocks(actual)
    if theirs and ours and _is_header(ours[0]) and not _is_header(theirs[0]):
        found["header invented"] = ("", ours[0])
        ours = ours[1:]
    if theirs and ours and _is_header(theirs[0]) and theirs[0] != ours[0]:
        a, b = _header_fields(theirs[0]), _header_fields(ours[0])
        if sorted(a) == sorted(b) and a != b:
            found["header field order"] = (theirs[0], ours[0])
        elif a != b:
            found["header field changed or added"] = (theirs[0], ours[0])
        else:
            found["other"] = (theirs[0], ours[0])
        theirs, ours = theirs[1:], ours[1:]
    if len(theirs) != len(ours):
        found.setdefault("other", (f"{len(theirs)} blocks", f"{len(ours)} blocks"))
        return found
    for a, b in zip(theirs, ours, strict=True):
        if a == b:
            continue
        if _same_text(a, b) and _comments(a) == _comments(b):
            key = ("wrapping inside a format directive" if _breaks_inside_directive(b)
                   else "wrapping elsewhere")
        else:
            key = "other"
        found.setdefault(key, (a, b))
    return found


def run_writer(languages: Sequence[str] | None, examples: int, verbose: bool = False) -> None:
    paths = real_catalogs(languages)
    identical = 0
    per_release: Counter[tuple[str, bool]] = Counter()
    files_with: Counter[str] = Counter()
    sample: dict[str, tuple[Path, str, str]] = {}
    refused: list[str] = []
    pubtool_time = msgcat_time = 0.0
    for path in paths:
        release = release_of(path)
        started = time.perf_counter()
        expected = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
        msgcat_time += time.perf_counter() - started
        started = time.perf_counter()
        try:
            actual = format_po(load_po(path), width=79).encode("utf-8")
        except CatalogError as error:
            refused.append(f"{path.relative_to(release.folder.parent)}: {error}")
            continue
        pubtool_time += time.perf_counter() - started
        same = expected == actual
        identical += same
        per_release[(release.name, same)] += 1
        if same:
            continue
        found = classify(expected.decode("utf-8", "replace"), actual.decode("utf-8", "replace"))
        if not found:
            found = {"other": ("(byte-level)", "(byte-level)")}
        for key, (a, b) in found.items():
            files_with[key] += 1
            if verbose and key != "header field order":
                print(f"- {key}: {path.relative_to(release.folder.parent)}")
            sample.setdefault(key, (path, a, b))
    print(f"{len(paths)} catalogs; {identical} identical to msgcat's output, "
          f"{len(paths) - identical - len(refused)} differ, {len(refused)} refused by load_po; "
          f"msgcat {msgcat_time:.1f} s in all (a process each), pubtool {pubtool_time:.1f} s.\n")
    print("| project | identical | differ |")
    print("|---|---|---|")
    for release in PINNED:
        print(f"| {release.name} {release.version} | {per_release[(release.name, True)]} | "
              f"{per_release[(release.name, False)]} |")
    print("\n| difference | files |")
    print("|---|---|")
    for key in CATEGORIES:
        print(f"| {key} | {files_with[key]} |")
    for error in refused:
        print(f"- refused: {error}")
    for key in CATEGORIES:
        if key not in sample:
            continue
        path, a, b = sample[key]
        release = release_of(path)
        print(f"\n#### {key}: `{path.relative_to(release.folder.parent)}`\n\n```diff")
        diff = difflib.unified_diff(a.splitlines(), b.splitlines(), "msgcat", "pubtool",
                                    lineterm="", n=1)
        print("\n".join(list(diff)[:examples]))
        print("```")


# ------------------------------------------------------------------------------- checks

CHECKED = ("numbers", "dates")


def run_checks(languages: Sequence[str] | None, samples: int) -> None:
    paths = real_catalogs(languages)
    translated: Counter[str] = Counter()
    errors: dict[str, Counter[str]] = defaultdict(Counter)
    crashes: dict[str, Counter[str]] = defaultdict(Counter)
    crash_example: dict[str, str] = {}
    findings_all: dict[str, list[str]] = defaultdict(list)
    refused = 0
    for path in paths:
        release = release_of(path)
        folder = re.split(r"[@.]", language_of(path.relative_to(release.folder)))[0]
        language = folder.split("_")[0]  # rows per language; the check sees the full code
        try:
            catalog = load_po(path)
        except CatalogError:
            refused += 1
            continue
        translated[language] += sum(1 for e in catalog if not e.obsolete and e.translated())
        context = CheckContext(source_language="en", language=folder, glossary=Glossary.empty())
        for name in CHECKED:
            try:
                found = check_catalog(catalog, str(path), context, [name])
            except Exception as error:  # noqa: BLE001 - a crash is what is being counted
                crashes[language][name] += 1
                crash_example.setdefault(f"{name}/{type(error).__name__}: {error}",
                                         f"{language} {path.relative_to(release.folder.parent)}")
                continue
            for finding in found:
                if finding.severity != "error" or finding.fuzzy:
                    continue
                errors[language][name] += 1
                entry = next(e for e in catalog if e.linenum == finding.line)
                findings_all[language].append(
                    f"`{finding.code}` {finding.message} — msgid {entry.msgid[:70]!r} → "
                    f"msgstr {(entry.msgstr or entry.msgstr_plural.get(0, ''))[:70]!r}"
                )
    print("| language | translated | numbers errors | dates errors | per 1,000 | crashes "
          "(numbers / dates) |")
    print("|---|---|---|---|---|---|")
    total_t = total_e = 0
    for language in sorted(translated):
        if not translated[language]:
            continue
        n, d = errors[language]["numbers"], errors[language]["dates"]
        total_t += translated[language]
        total_e += n + d
        rate = 1000 * (n + d) / max(1, translated[language])
        print(f"| {language} | {translated[language]:,} | {n} | {d} | {rate:.1f} | "
              f"{crashes[language]['numbers']} / {crashes[language]['dates']} |")
    print(f"| all | {total_t:,} | | | {1000 * total_e / max(1, total_t):.1f} | "
          f"{sum(sum(c.values()) for c in crashes.values())} |")
    print(f"\n{refused} catalogs refused by load_po are left out.")
    print("\nCrashes (first catalog of each kind):")
    for kind, where in sorted(crash_example.items()):
        print(f"- {kind} ({where})")
    print("\nSample of findings:")
    for language in sorted(findings_all):
        shown: set[str] = set()  # one of each kind of message, not ten month names
        for line in findings_all[language]:
            kind = re.sub(r"'[^']*'|\([^)]*\)|\d+|[A-Z]\w*", "_", line.split(" — ")[0])
            if kind not in shown and len(shown) < samples:
                shown.add(kind)
                print(f"- {language}: {line}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="+", choices=("history", "writer", "checks"))
    parser.add_argument("--shared", action="store_true",
                        help="history: also ../shared/bench/update-real")
    parser.add_argument("--languages", nargs="*", help="writer/checks: only these languages")
    parser.add_argument("--examples", type=int, default=14, help="diff lines per example")
    parser.add_argument("--verbose", action="store_true", help="writer: name every file")
    parser.add_argument("--samples", type=int, default=3, help="findings shown per language")
    args = parser.parse_args(argv)
    print(machine())
    print(tool_version("msgmerge"), "\n")
    for part in args.parts:
        print(f"\n### {part}\n")
        if part == "history":
            run_history(args.shared)
        elif part == "writer":
            run_writer(args.languages, args.examples, args.verbose)
        else:
            run_checks(args.languages, args.samples)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
