"""The text lines of a booklet PDF, read back with pypdf, and what a typesetter counts in them.

Shared by the tests that read booklets and by `benchmarks/bench_typesetting.py`. A line is
the text set at one height in one column of one page; only lines in the body size count
(running heads, folios, dates and notes are smaller). A line is hyphenated when its last
character is a hyphen (U+2010, or U+002D after a letter), whether added by hyphenation or
a word's own hyphen falling at the line end: the reader sees the same thing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader

HYPHENS = ("\u2010", "-")


@dataclass(frozen=True)
class Line:
    page: int  # 0-based
    column: int
    y: float
    text: str

    @property
    def hyphenated(self) -> bool:
        text = self.text.rstrip()
        return len(text) > 1 and text.endswith(HYPHENS) and text[-2].isalpha()


@dataclass
class Figures:
    """Hyphenation of a booklet, as a typesetter would count it."""

    lines: int = 0
    hyphenated: int = 0
    longest_run: int = 0
    runs_over_two: int = 0
    page_end_hyphens: int = 0  # the last line of a column hyphenated, the word continued overleaf
    short_fragments: list[str] = field(default_factory=list)  # fewer than 3 letters before

    @property
    def share(self) -> float:
        return self.hyphenated / self.lines if self.lines else 0.0

    def row(self) -> str:
        return (
            f"{self.lines:,} | {self.hyphenated:,} | {self.share:.1%} | {self.longest_run} | "
            f"{self.runs_over_two} | {self.page_end_hyphens} | {len(self.short_fragments)}"
        )


def body_lines(pdf: Path, columns: int = 2) -> list[Line]:
    """Every line of body text, page by page, column by column, top to bottom."""
    reader = PdfReader(pdf)
    fragments: list[tuple[int, float, float, float, str]] = []
    sizes: Counter[float] = Counter()
    widths: list[float] = []
    for number, page in enumerate(reader.pages):
        widths.append(float(page.mediabox.width))

        def visit(
            text: str, cm: Any, tm: Any, font: Any, size: float, number: int = number
        ) -> None:
            if not text.strip():
                return
            scale = float(cm[0]) * float(tm[0])
            x = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
            y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
            points = round(size * scale, 1)
            sizes[points] += len(text)
            fragments.append((number, points, x, y, text))

        page.extract_text(visitor_text=visit)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    grouped: dict[tuple[int, int, float], list[tuple[float, str]]] = {}
    for number, points, x, y, text in fragments:
        if points < body * 0.97:
            continue
        column = min(int(x / (widths[number] / columns)), columns - 1)
        grouped.setdefault((number, column, round(y, 0)), []).append((x, text))
    lines = [
        Line(page, column, y, "".join(text for _, text in sorted(parts)))
        for (page, column, y), parts in grouped.items()
    ]
    return sorted(lines, key=lambda line: (line.page, line.column, -line.y))


def hyphenation_figures(pdf: Path, columns: int = 2) -> Figures:
    lines = body_lines(pdf, columns)
    figures = Figures(lines=len(lines))
    run = 0
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        same_column = following is not None and (following.page, following.column) == (
            line.page,
            line.column,
        )
        if line.hyphenated:
            figures.hyphenated += 1
            run += 1
            figures.longest_run = max(figures.longest_run, run)
            if run == 3:
                figures.runs_over_two += 1
            if not same_column:
                figures.page_end_hyphens += 1
            fragment = line.text.rstrip()[:-1].split()[-1] if line.text.split() else ""
            letters = "".join(ch for ch in fragment.split("-")[-1] if ch.isalpha())
            if len(letters) < 3:
                figures.short_fragments.append(fragment)
        else:
            run = 0
        if not same_column:
            run = 0
    return figures
