"""Small helpers the benchmarks share: timing, the machine they ran on, a plain table."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timed(Generic[T]):
    """The best of several runs (noise only ever adds time), and that run's result."""

    best: float
    runs: tuple[float, ...]
    result: T


def best_of(function: Callable[[], T], runs: int = 3, budget: float = 60.0) -> Timed[T]:
    """Run `function` up to `runs` times, fewer when the runs so far took over `budget` s."""
    started = time.perf_counter()
    best = function()
    times = [time.perf_counter() - started]
    while len(times) < runs and sum(times) < budget:
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
        if times[-1] == min(times):
            best = result
    return Timed(min(times), tuple(times), best)


def run_timed(command: Sequence[str], timeout: float) -> float | None:
    """Wall time of a command, or None when it was stopped at `timeout` seconds."""
    started = time.perf_counter()
    try:
        subprocess.run(command, check=True, timeout=timeout, stdout=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started


def tool_version(name: str) -> str:
    """First line of `name --version`, e.g. `msgmerge (GNU gettext-tools) 0.21`."""
    if shutil.which(name) is None:
        return f"{name}: not installed"
    output = subprocess.run([name, "--version"], capture_output=True, text=True, check=False)
    return output.stdout.splitlines()[0] if output.stdout else name


def machine() -> str:
    """What the figures depend on, to print above them."""
    return (
        f"{os.cpu_count()} CPUs ({platform.machine()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; pubtool {revision()}"
    )


def revision() -> str:
    """The commit measured, marked `+changes` when src/ or templates/ differ from it."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        return result.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown commit"
    return commit + (" +changes" if git("status", "--porcelain", "--", "src", "templates") else "")


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A Markdown table, so the output can go into benchmarks/README.md as it is."""
    cells = [list(map(str, header)), *[list(map(str, row)) for row in rows]]
    widths = [max(len(row[column]) for row in cells) for column in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return (
            "| "
            + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            + " |"
        )

    print(line(cells[0]))
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for row in cells[1:]:
        print(line(row))
    sys.stdout.flush()


def seconds(value: float | None) -> str:
    return "stopped" if value is None else f"{value:.2f} s"
