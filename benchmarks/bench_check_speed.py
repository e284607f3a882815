"""`pubtool check` against translate-toolkit's `pofilter` on the same real catalog, in one run.

Both run as commands, from a new process each time (start-up included, as a CI gate pays
it), taking turns so that both meet the same machine load: `pofilter --language LANG FILE
-o OUT` (its default checks) and `pubtool check FILE`. Best of N runs each. Then, in this
process, the time of each of pubtool's checks over the same catalog, to show where the
time goes.

Run from the repository root:  python benchmarks/bench_check_speed.py [CATALOG] [--runs N]
(default catalog: ../shared/bench/update-real/final.po, the Spanish Python documentation,
16,810 messages with the plural forms and the header).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchtools import machine, print_table

from pubtool.checks.context import CheckContext, entry_kind, is_catalog_check
from pubtool.checks.registry import BUILTIN_CHECKS
from pubtool.po import load_po

CATALOG = Path("../shared/bench/update-real/final.po")


def _command(name: str) -> str:
    """The command of the venv this runs in, else the PATH's."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found (pip install translate-toolkit for pofilter)")
    return found


def time_command(command: list[str], allowed: tuple[int, ...]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            check=False)
    elapsed = time.perf_counter() - started
    if result.returncode not in allowed:
        sys.exit(f"{' '.join(command)} exited {result.returncode}")
    return elapsed


def compare_commands(catalog: Path, language: str, runs: int) -> None:
    pofilter, pubtool = _command("pofilter"), _command("pubtool")
    times: dict[str, list[float]] = {"pofilter": [], "pubtool check": []}
    with tempfile.TemporaryDirectory() as folder:
        output = str(Path(folder) / "pofilter.po")
        for _ in range(runs):
            times["pofilter"].append(time_command(
                [pofilter, "--language", language, str(catalog), "-o", output], (0,)))
            # exit 1: the gate found errors, as it does on this catalog
            times["pubtool check"].append(time_command([pubtool, "check", str(catalog)], (0, 1)))
    best = {name: min(values) for name, values in times.items()}
    print_table(
        ["command", "best", "runs", "vs pofilter"],
        [[name, f"{best[name]:.2f} s", ", ".join(f"{value:.2f}" for value in values),
          f"{best[name] / best['pofilter']:.2f}×"] for name, values in times.items()],
    )


def time_each_check(catalog: Path, language: str) -> None:
    started = time.perf_counter()
    po = load_po(catalog)
    rows: list[list[object]] = [["(load_po)", f"{time.perf_counter() - started:.2f} s"]]
    context = CheckContext("en", language)
    entries = [entry for entry in po if not entry.obsolete and entry.translated()
               or entry.fuzzy]
    for name, check in BUILTIN_CHECKS.items():
        started = time.perf_counter()
        if is_catalog_check(check):
            list(check(po, context))  # type: ignore[arg-type]
        else:
            for entry in entries:
                list(check(entry, replace(context, kind=entry_kind(entry))))
        rows.append([name, f"{time.perf_counter() - started:.2f} s"])
    print_table(["check", "time in process"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", type=Path, nargs="?", default=CATALOG)
    parser.add_argument("--language", default="es")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    print(machine())
    print(f"catalog: {arguments.catalog} ({arguments.language})")
    print()
    compare_commands(arguments.catalog, arguments.language, arguments.runs)
    print()
    time_each_check(arguments.catalog, arguments.language)


if __name__ == "__main__":
    main()
