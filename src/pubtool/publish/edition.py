"""What `build-pdf` and `build-html` are asked for, checked once, and the files they write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pubtool.coverage import CoverageReport
from pubtool.errors import PubtoolError, RenderError
from pubtool.files import PathLike, write_text_atomically
from pubtool.project import Project
from pubtool.publish.booklet import (
    BookletRequest,
    check_html_output,
    check_pdf_output,
    default_output,
    edition_variant,
    prepare_booklet,
)
from pubtool.publish.booklet import (
    build_pdf as render_booklet_pdf,
)
from pubtool.publish.documents import Missing
from pubtool.publish.fonts import missing_font_notices
from pubtool.publish.impose import impose_saddle
from pubtool.publish.render import DEFAULT_FONTS, render_badge
from pubtool.publish.template_folders import template_folders

Notice = Callable[[str], None]


def booklet_request(
    project: Project,
    languages: str | Sequence[str] | None = None,
    *,
    statements: Sequence[str] = (),
    missing: str | Missing = Missing.mark,
    min_coverage: float | None = None,
    paper: str = "A4",
    fonts: Sequence[str] = (),
    templates: PathLike | None = None,
    pdf_variant: str | None = None,
    pad_to: int = 4,
    layout: str = "columns",
    numbers: bool = False,
) -> BookletRequest:
    """The request, checked: known languages (the source language always allowed), at most
    three columns, a known policy; the paper size is checked where it is set."""
    if languages:
        chosen = project.parse_languages(languages)
    else:
        targets = [code for code in project.languages if code != project.source_language]
        chosen = (targets[0], project.source_language) if targets else (project.source_language,)
    if len(chosen) > 3:
        raise PubtoolError("--lang: at most three languages side by side")
    try:
        policy = Missing(missing)
    except ValueError:
        choices = ", ".join(m.value for m in Missing)
        raise PubtoolError(f"--missing: {missing!r} is not one of {choices}") from None
    return BookletRequest(
        languages=chosen,
        statement_ids=tuple(statements),
        missing=policy,
        min_coverage=min_coverage,
        paper=paper.upper(),
        fonts=tuple(fonts) or DEFAULT_FONTS,
        templates=Path(templates) if templates is not None else None,
        pdf_variant=pdf_variant.lower() if pdf_variant else None,
        pad_to=pad_to,
        layout=layout,
        numbers=numbers,
    )


@dataclass(frozen=True)
class BookletResult:
    """One booklet written: where, how big, how long it took, what was not translated."""

    path: str
    languages: tuple[str, ...]
    statements: int
    fallbacks: int
    missing: str
    pages: int | None = None
    size: int | None = None
    seconds: float | None = None
    cached: bool = False
    refused: tuple[str, ...] = ()
    imposed: str | None = None
    sheets: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "languages": list(self.languages),
            "statements": self.statements,
            "fallbacks": self.fallbacks,
            "pages": self.pages,
            "size": self.size,
            "seconds": None if self.seconds is None else round(self.seconds, 3),
            "cached": self.cached,
            "refused": list(self.refused),
            "imposed": self.imposed,
            "sheets": self.sheets,
        }

    def notices(self) -> list[str]:
        lines = [f"refused to fetch {url}" for url in self.refused]
        if self.fallbacks:
            lines.append(
                f"{_count(self.fallbacks, 'block')} without a finished translation "
                f"(--missing {self.missing})"
            )
        return lines

    def lines(self) -> list[str]:
        statements = _count(self.statements, "statement")
        if self.pages is None:
            return [f"{self.path}: {statements}"]
        state = "unchanged, " if self.cached else ""
        lines = [
            f"{self.path}: {state}{_count(self.pages, 'page')}, "
            f"{(self.size or 0) / 1024:.0f} KiB, {self.seconds or 0:.1f} s, {statements}, "
            f"{_count(self.fallbacks, 'block')} marked or filled from source"
        ]
        if self.imposed is not None and self.sheets is not None:
            lines.append(
                f"{self.imposed}: {_count(self.sheets, 'sheet')}, {self.sheets * 2} sides, "
                f"saddle-stitch order (print double-sided, flip on the short edge)"
            )
        return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def build_pdf(
    project: Project,
    languages: str | Sequence[str] | None = None,
    *,
    output: PathLike | None = None,
    notice: Notice | None = None,
    progress: Notice | None = None,
    impose: str | None = None,
    creep: float = 0.0,
    **options: object,
) -> BookletResult:
    """The bilingual PDF booklet (`pubtool build-pdf`); options as `booklet_request` takes.

    With `impose="saddle"` the booklet is written where it always is and `output` names the
    imposed copy (default: the booklet's name with `-saddle`), two pages to a sheet side.
    """
    request = booklet_request(project, languages, **options)  # type: ignore[arg-type]
    if impose not in (None, "saddle"):
        raise PubtoolError(f"--impose: {impose!r} is not a known imposition (saddle)")
    if creep and not impose:
        raise RenderError("--creep: only with --impose saddle (it shifts pages on the sheets)")
    if options.get("fonts") and notice is not None:
        for line in missing_font_notices(request.fonts):
            notice(line)
    chosen = Path(output) if output is not None else None
    target = default_output(project, request.languages, variant=edition_variant(request))
    imposed_target = None
    if impose:
        imposed_target = chosen or target.with_name(f"{target.stem}-saddle.pdf")
        if imposed_target.resolve() == target.resolve():
            raise RenderError("with --impose, -o names the imposed file", file=imposed_target)
        check_pdf_output(imposed_target)
    elif chosen is not None:
        target = chosen
    booklet, result = render_booklet_pdf(project, request, target, notice=notice, progress=progress)
    imposed = None
    if imposed_target is not None:
        if progress:
            progress("imposing for saddle stitch")
        imposed = impose_saddle(result.path, imposed_target, creep_mm=creep)
    return BookletResult(
        project.relative(result.path),
        request.languages,
        len(booklet.documents),
        booklet.fallbacks,
        request.missing.value,
        result.pages,
        result.size,
        result.seconds,
        result.cached,
        tuple(result.refused),
        None if imposed is None else project.relative(imposed.path),
        None if imposed is None else imposed.sheets,
    )


def build_html(
    project: Project,
    languages: str | Sequence[str] | None = None,
    *,
    output: PathLike | None = None,
    notice: Notice | None = None,
    **options: object,
) -> BookletResult:
    """The same booklet as one HTML page, for proofreading in a browser (`build-html`)."""
    request = booklet_request(project, languages, **options)  # type: ignore[arg-type]
    target = (
        Path(output) if output is not None else default_output(project, request.languages, "html")
    )
    check_html_output(target)
    booklet = prepare_booklet(project, request, notice=notice)
    try:
        write_text_atomically(target, booklet.html)
    except OSError as error:
        raise RenderError(f"cannot write: {error.strerror}", file=target) from None
    return BookletResult(
        project.relative(target),
        request.languages,
        len(booklet.documents),
        booklet.fallbacks,
        request.missing.value,
    )


def write_badges(project: Project | None, report: CoverageReport, folder: Path) -> list[Path]:
    """One SVG coverage badge per language (`status --badge DIR`), from the badge template."""
    folders = template_folders(project.templates_dir if project else None)
    written = []
    for language, counts in report.by_language().items():
        target = folder / f"coverage-{language}.svg"
        try:
            write_text_atomically(target, render_badge(language, counts.percent, folders))
        except OSError as error:
            raise PubtoolError(f"cannot write badge: {error.strerror}", file=target) from None
        written.append(target)
    return written
