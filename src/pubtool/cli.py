"""The `pubtool` command: options in, a library call, output and an exit code out."""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pubtool import __version__
from pubtool.errors import PubtoolError
from pubtool.project import Project, load_project

if TYPE_CHECKING:  # the heavier modules load only when their command runs
    from pubtool.booklet import BookletRequest
    from pubtool.coverage import CoverageReport

app = typer.Typer(
    name="pubtool",
    help="Public statements to translated, checked, printable publications.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def reports_errors(command: F) -> F:
    """Bad input is one line on stderr and exit code 2 (1 for a failed gate), no traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PubtoolError as error:
            print(f"pubtool: error: {error}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"pubtool {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    project: Annotated[
        Path | None,
        typer.Option(
            "--project", "-P", help="Project folder (default: found by walking up from here)."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Public statements to translated, checked, printable publications."""
    ctx.obj = project


def _project(ctx: typer.Context) -> Project:
    folder = ctx.obj
    if folder is not None and not Path(folder).is_dir():
        raise PubtoolError(f"--project {folder}: no such folder")
    return load_project(folder)


def _notice(message: str) -> None:
    print(f"pubtool: {message}", file=sys.stderr)


# --- statements -----------------------------------------------------------------------------


@app.command("statements")
@reports_errors
def statements_command(
    ctx: typer.Context,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table for people, json for machines.")
    ] = OutputFormat.table,
) -> None:
    """List the statements: id, date, title, paragraphs, words."""
    from pubtool.statements import load_statements

    project = _project(ctx)
    statements = load_statements(project.statements_dir, notice=_notice, display=project.root)
    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "date": s.date.isoformat(),
            "title": s.title.text,
            "issuer": s.issuer.text,
            "paragraphs": s.paragraphs,
            "words": s.words,
            "path": s.path.as_posix(),
        }
        for s in statements
    ]
    if output_format is OutputFormat.json:
        print(json.dumps({"statements": rows}, ensure_ascii=False, indent=2))
        return
    if output_format is OutputFormat.markdown:
        print("| id | date | title | paragraphs | words |\n|---|---|---|--:|--:|")
        for row in rows:
            print(
                f"| {row['id']} | {row['date']} | {row['title']} "
                f"| {row['paragraphs']} | {row['words']} |"
            )
        return
    table = Table(
        title=f"{len(rows)} statements in {project.relative(project.statements_dir)}/",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("statement", ratio=1)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("paras", justify="right", no_wrap=True, min_width=5)
    table.add_column("words", justify="right", no_wrap=True, min_width=6)
    for row in rows:
        table.add_row(
            f"{row['id']}\n[dim]{escape(row['title'])}[/dim]",
            row["date"],
            str(row["paragraphs"]),
            str(row["words"]),
        )
    table.add_section()
    table.add_row(
        "total",
        "",
        str(sum(r["paragraphs"] for r in rows)),
        str(sum(r["words"] for r in rows)),
    )
    stdout.print(table)


# --- catalogs -------------------------------------------------------------------------------


@app.command("extract")
@reports_errors
def extract_command(ctx: typer.Context) -> None:
    """Write the message template (locales/<domain>.pot) from the statements."""
    from pubtool.catalogs import extract_template

    project = _project(ctx)
    changed = extract_template(project, notice=_notice)
    state = "written" if changed else "unchanged"
    print(f"{project.relative(project.template_path)}: {state}")


LanguagesOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="Comma-separated languages (default: all configured)."),
]


@app.command("update")
@reports_errors
def update_command(
    ctx: typer.Context,
    lang: LanguagesOption = None,
    drop_obsolete: Annotated[
        bool, typer.Option("--drop-obsolete", help="Remove obsolete (#~) entries.")
    ] = False,
) -> None:
    """Create or update each language's catalog from the template, keeping every translation."""
    from pubtool.catalogs import update_catalogs

    project = _project(ctx)
    reports = update_catalogs(project, project.parse_languages(lang), drop_obsolete=drop_obsolete)
    for language, report in reports.items():
        path = project.relative(project.catalog_path(language))
        print(
            f"{path}: {report.kept} kept, {report.fuzzy_matched} fuzzy from changed source"
            f" ({report.risky} with changed numbers, dates or negation), {report.new} new,"
            f" {report.untranslated} still untranslated, {report.obsoleted} made obsolete,"
            f" {report.dropped} dropped"
        )


@app.command("compile")
@reports_errors
def compile_command(
    ctx: typer.Context,
    lang: LanguagesOption = None,
    use_fuzzy: Annotated[
        bool, typer.Option("--use-fuzzy", help="Include fuzzy translations.")
    ] = False,
) -> None:
    """Compile catalogs to .mo files (fuzzy entries left out unless --use-fuzzy)."""
    from pubtool.catalogs import compile_catalogs

    project = _project(ctx)
    for language, count in compile_catalogs(
        project, project.parse_languages(lang), use_fuzzy=use_fuzzy
    ).items():
        print(f"{project.relative(project.mo_path(language))}: {count} messages")


# --- coverage -------------------------------------------------------------------------------


@app.command("status")
@reports_errors
def status_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Catalogs or folders to measure (default: the project's catalogs)."),
    ] = None,
    lang: LanguagesOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = OutputFormat.table,
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="Exit 1 below this percent: 95 or az=100,ru=80."),
    ] = None,
    per_statement: Annotated[
        bool, typer.Option("--per-statement", help="Every statement must pass the bar too.")
    ] = False,
    badge: Annotated[
        Path | None, typer.Option("--badge", help="Write one SVG badge per language here.")
    ] = None,
) -> None:
    """Translation completeness per language and per statement, in messages and words."""
    from pubtool.coverage import (
        markdown_table,
        parse_thresholds,
        paths_coverage,
        project_coverage,
        shortfalls,
    )
    from pubtool.errors import GateFailed

    project: Project | None
    if paths:
        try:
            project = _project(ctx)
        except PubtoolError:
            project = None  # measuring another project's catalogs needs no configuration here
        report = paths_coverage(paths, source_language=project.source_language if project else None)
    else:
        project = _project(ctx)
        report = project_coverage(project, project.parse_languages(lang))
    try:
        thresholds = (
            parse_thresholds(fail_under)
            if fail_under
            else dict(project.fail_under if project else {})
        )
    except ValueError as problem:
        raise PubtoolError(f"--fail-under: {problem}") from None
    if output_format is OutputFormat.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    elif output_format is OutputFormat.markdown:
        print(markdown_table(report), end="")
    else:
        _print_coverage_table(report)
    if badge is not None:
        _write_badges(report, badge, project)
    for item in report.catalogs:
        if item.missing_from_catalog:
            _notice(
                f"{item.path}: {item.missing_from_catalog} message(s) of the template not in "
                "the catalog yet (counted as untranslated): run `pubtool update`"
            )
    for error in report.errors:
        print(f"pubtool: error: {error}", file=sys.stderr)
    below = shortfalls(report, thresholds, per_statement=per_statement) if thresholds else []
    for shortfall in below:
        print(f"pubtool: below the bar: {shortfall}", file=sys.stderr)
    if report.errors:
        raise typer.Exit(2)
    if below:
        raise typer.Exit(GateFailed.exit_code)


def _print_coverage_table(report: CoverageReport) -> None:
    table = Table(title="Translation coverage", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("lang", no_wrap=True)
    for column in ("transl.", "fuzzy", "untransl.", "obsol.", "words", "%", "% words"):
        table.add_column(column, justify="right", no_wrap=True)
    for item in report.catalogs:
        counts = item.counts
        colour = "green" if counts.percent >= 100 else ("yellow" if counts.percent >= 90 else "red")
        table.add_row(
            item.language,
            str(counts.translated),
            str(counts.fuzzy),
            str(counts.untranslated),
            str(counts.obsolete),
            f"{counts.words_translated}/{counts.words_total}",
            f"[{colour}]{counts.percent:.1f}[/{colour}]",
            f"{counts.percent_words:.1f}",
        )
    stdout.print(table)
    for item in report.catalogs:
        stdout.print(f"  {item.language}: {item.path}", style="dim")
    statements = report.by_statement()
    if statements:
        languages = sorted({lang for per in statements.values() for lang in per})
        detail = Table(title="By statement (% of messages translated)", box=box.SIMPLE_HEAD)
        detail.add_column("statement")
        for language in languages:
            detail.add_column(language, justify="right")
        for statement, per in statements.items():
            detail.add_row(
                statement,
                *(f"{per[lang].percent:.0f}" if lang in per else "–" for lang in languages),
            )
        stdout.print(detail)


def _write_badges(report: CoverageReport, folder: Path, project: Project | None) -> None:
    from pubtool.files import write_text_atomically
    from pubtool.render import render_badge

    if project is None:
        raise PubtoolError("--badge needs a pubtool project for its badge template (--project DIR)")
    templates = [project.templates_dir]
    for language, counts in report.by_language().items():
        target = folder / f"coverage-{language}.svg"
        try:
            write_text_atomically(target, render_badge(language, counts.percent, templates))
        except OSError as error:
            raise PubtoolError(f"cannot write badge: {error.strerror}", file=target) from None


# --- checks ---------------------------------------------------------------------------------


class CheckFormat(StrEnum):
    text = "text"
    table = "table"
    json = "json"


@app.command("check")
@reports_errors
def check_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Catalogs or folders to check (default: the project's catalogs)."),
    ] = None,
    lang: LanguagesOption = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text (file:line: lines), table or json.")
    ] = CheckFormat.text,
) -> None:
    """Check translations for what breaks a publication: numbers, dates, markup, whitespace."""
    from pubtool.checks import check_catalog_files
    from pubtool.coverage import catalog_files
    from pubtool.glossary import Glossary, load_glossary

    project = _project(ctx)
    files: list[tuple[Path, str, str | None]]
    unreadable: list[str] = []
    if paths:
        found, unreadable = catalog_files(paths)
        files = [(path, str(path), None) for path in found]
    else:
        files = [
            (
                project.catalog_path(language),
                project.relative(project.catalog_path(language)),
                language,
            )
            for language in project.parse_languages(lang)
            if project.catalog_path(language).exists()
        ]
    glossary = (
        load_glossary(project.glossary_path, source_language=project.source_language)
        if project.glossary_path.exists()
        else Glossary.empty()
    )
    report = check_catalog_files(
        files, source_language=project.source_language, glossary=glossary, settings=project.checks
    )
    report.errors = unreadable + report.errors
    if output_format is CheckFormat.json:
        print(
            json.dumps(
                {
                    "schema": 1,
                    "catalogs": report.catalogs,
                    "errors": report.error_count,
                    "findings": [
                        {
                            "file": f.file,
                            "line": f.line,
                            "code": f.code,
                            "severity": f.severity,
                            "message": f.message,
                            "msgid": f.msgid,
                            "fuzzy": f.fuzzy,
                        }
                        for f in report.findings
                    ],
                    "unreadable": report.errors,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif output_format is CheckFormat.table:
        table = Table(box=box.SIMPLE_HEAD, title=f"{len(report.findings)} findings")
        for column in ("where", "check", "severity", "message", "source starts"):
            table.add_column(column)
        for f in report.findings:
            table.add_row(
                f"{f.file}:{f.line}", f.code, f.severity, escape(f.message), escape(_start(f.msgid))
            )
        stdout.print(table)
    else:
        for f in report.findings:
            print(f"{f.file}:{f.line}: {f.severity}: {f.code}: {f.message} [{_start(f.msgid)}]")
    for error in report.errors:
        print(f"pubtool: error: {error}", file=sys.stderr)
    warnings = len(report.findings) - report.error_count
    _notice(f"{report.catalogs} catalogs checked: {report.error_count} errors, {warnings} warnings")
    if report.errors:
        raise typer.Exit(2)
    if report.error_count:
        raise typer.Exit(1)


def _start(text: str, length: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


# --- booklets -------------------------------------------------------------------------------


def _booklet_request(
    project: Project,
    lang: str | None,
    statement: list[str] | None,
    missing: str,
    min_coverage: float | None,
    paper: str,
    font: list[str] | None,
    templates: Path | None,
) -> BookletRequest:
    from pubtool.booklet import BookletRequest
    from pubtool.documents import Missing
    from pubtool.render import DEFAULT_FONTS

    if lang:
        languages = project.parse_languages(lang)
    else:
        targets = [code for code in project.languages if code != project.source_language]
        languages = (targets[0], project.source_language) if targets else (project.source_language,)
    if len(set(languages)) != len(languages):
        raise PubtoolError("--lang: a language is listed twice")
    if len(languages) > 3:
        raise PubtoolError("--lang: at most three languages side by side")
    try:
        missing_policy = Missing(missing)
    except ValueError:
        raise PubtoolError(
            f"--missing: {missing!r} is not one of mark, source, omit, fail"
        ) from None
    return BookletRequest(
        languages=languages,
        statement_ids=tuple(statement or ()),
        missing=missing_policy,
        min_coverage=min_coverage,
        paper=paper.upper(),
        fonts=tuple(font) if font else DEFAULT_FONTS,
        templates=templates,
    )


EditionLanguages = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        help="Languages side by side, the first leading: az,en; ru for one language "
        "(default: the first target language beside the source language).",
    ),
]
StatementOption = Annotated[
    list[str] | None,
    typer.Option("--statement", "-s", help="Only this statement id (repeat for more)."),
]
MissingOption = Annotated[
    str,
    typer.Option(
        "--missing",
        help="Untranslated or fuzzy text: mark (source, marked), source, omit or fail.",
    ),
]
MinCoverageOption = Annotated[
    float | None,
    typer.Option("--min-coverage", help="Refuse to build below this percent translated."),
]
PaperOption = Annotated[str, typer.Option("--paper", help="A4 or A5.")]
FontOption = Annotated[
    list[str] | None,
    typer.Option("--font", help="Font family, in order of preference (repeat for a stack)."),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder whose templates override the project's."),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Output file.")]
PdfVariantOption = Annotated[
    str | None,
    typer.Option(
        "--pdf-variant",
        help="pdf/ua-1 (accessible) or pdf/a-3b (archival); the PDF is tagged either way.",
    ),
]


@app.command("build-pdf")
@reports_errors
def build_pdf_command(
    ctx: typer.Context,
    lang: EditionLanguages = None,
    statement: StatementOption = None,
    output: OutputOption = None,
    missing: MissingOption = "mark",
    min_coverage: MinCoverageOption = None,
    paper: PaperOption = "A4",
    font: FontOption = None,
    templates: TemplatesOption = None,
    pdf_variant: PdfVariantOption = None,
) -> None:
    """Build a bilingual PDF booklet: each paragraph beside its translation."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from pubtool.booklet import build_pdf, default_output

    project = _project(ctx)
    request = _booklet_request(
        project, lang, statement, missing, min_coverage, paper, font, templates
    )
    if pdf_variant:
        request = dataclasses.replace(request, pdf_variant=pdf_variant.lower())
    target = output or default_output(project, request.languages)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as bar:
        task = bar.add_task("starting", total=None)
        booklet, result = build_pdf(
            project,
            request,
            target,
            notice=_notice,
            progress=lambda step: bar.update(task, description=step),
        )
    for url in result.refused:
        _notice(f"refused to fetch {url}")
    if booklet.fallbacks:
        _notice(
            f"{booklet.fallbacks} blocks without a finished translation "
            f"(--missing {request.missing.value})"
        )
    state = "unchanged, " if result.cached else ""
    print(
        f"{project.relative(result.path)}: {state}{result.pages} pages, "
        f"{result.size / 1024:.0f} KiB, {result.seconds:.1f} s, "
        f"{len(booklet.documents)} statements, "
        f"{booklet.fallbacks} blocks marked or filled from source"
    )


@app.command("build-html")
@reports_errors
def build_html_command(
    ctx: typer.Context,
    lang: EditionLanguages = None,
    statement: StatementOption = None,
    output: OutputOption = None,
    missing: MissingOption = "mark",
    min_coverage: MinCoverageOption = None,
    templates: TemplatesOption = None,
) -> None:
    """Build the same booklet as one HTML page, for proofreading in a browser."""
    from pubtool.booklet import default_output, prepare_booklet
    from pubtool.files import write_text_atomically

    project = _project(ctx)
    request = _booklet_request(
        project, lang, statement, missing, min_coverage, "A4", None, templates
    )
    target = output or default_output(project, request.languages, "html")
    booklet = prepare_booklet(project, request, notice=_notice)
    try:
        write_text_atomically(target, booklet.html)
    except OSError as error:
        raise PubtoolError(f"cannot write: {error.strerror}", file=target) from None
    if booklet.fallbacks:
        _notice(f"{booklet.fallbacks} blocks without a finished translation")
    print(f"{project.relative(target)}: {len(booklet.documents)} statements")


def main() -> None:
    app()
