"""Coverage: how complete each catalog is, by language and by statement, in messages and words.

Counts follow `msgfmt --statistics` exactly (header and obsolete entries left out, a plural
entry counted once, a fuzzy entry never translated, an entry translated when its first
msgstr is not empty), so a release manager can trust them against gettext's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import polib

from pubtool.catalogs import catalog_files, language_from, load_catalog, template_is_current
from pubtool.errors import CatalogError, ConfigError
from pubtool.files import PathLike
from pubtool.po.entries import EntryState, is_header
from pubtool.po.entries import state as entry_state
from pubtool.project import Project, normalise_language
from pubtool.statements import count_words

SCHEMA = 1


@dataclass
class Counts:
    """Messages and source words by state; percentages are of messages (and of words)."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    words_total: int = 0
    words_translated: int = 0
    words_fuzzy: int = 0
    words_untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def percent_words(self) -> float:
        return 100.0 * self.words_translated / self.words_total if self.words_total else 100.0

    def add(self, state: EntryState, words: int) -> None:
        setattr(self, state, getattr(self, state) + 1)
        self.words_total += words
        setattr(self, f"words_{state}", getattr(self, f"words_{state}") + words)

    def merge(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, object]:
        return {
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "obsolete": self.obsolete,
            "total": self.total,
            "words": {
                "total": self.words_total,
                "translated": self.words_translated,
                "fuzzy": self.words_fuzzy,
                "untranslated": self.words_untranslated,
            },
            "percent": round(self.percent, 2),
            "percent_words": round(self.percent_words, 2),
        }


@dataclass
class CatalogCoverage:
    """One catalog's counts, overall and per statement, plus what is stale about it."""

    path: str
    language: str
    counts: Counts = field(default_factory=Counts)
    by_statement: dict[str, Counts] = field(default_factory=dict)
    missing_from_catalog: int = 0  # in the template, not yet in the catalog: run `update`


def statement_of(occurrence: str) -> str:
    """The statement a `#:` location belongs to: its file's stem."""
    return PurePosixPath(occurrence).stem


def _statements(entry: polib.POEntry) -> list[str]:
    seen: list[str] = []
    for path, _line in entry.occurrences:
        if not path.endswith(".md"):
            continue  # the collection title and other project-wide text belong to no statement
        statement = statement_of(path)
        if statement not in seen:
            seen.append(statement)
    return seen


def measure_catalog(
    catalog: polib.POFile,
    *,
    path: str,
    language: str,
    source_language: bool = False,
    template: polib.POFile | None = None,
) -> CatalogCoverage:
    """Count a catalog; with a template, measure it against the template's messages."""
    result = CatalogCoverage(path=path, language=language)
    live = [entry for entry in catalog if not entry.obsolete and not is_header(entry)]
    result.counts.obsolete = sum(1 for entry in catalog if entry.obsolete)
    if template is None:
        measured: Iterable[tuple[polib.POEntry, polib.POEntry | None]] = (
            (entry, entry) for entry in live
        )
    else:
        by_key = {(entry.msgctxt, entry.msgid): entry for entry in live}
        pairs = []
        for source in template:
            if source.obsolete or is_header(source):
                continue
            found = by_key.get((source.msgctxt, source.msgid))
            if found is None:
                result.missing_from_catalog += 1
            pairs.append((source, found))
        measured = pairs
    for source, entry in measured:
        state = (
            EntryState.UNTRANSLATED
            if entry is None
            else entry_state(entry, source_language=source_language)
        )
        words = count_words(source.msgid)
        result.counts.add(state, words)
        for statement in _statements(source):
            result.by_statement.setdefault(statement, Counts()).add(state, words)
    return result


@dataclass
class CoverageReport:
    """Coverage of several catalogs, and the catalogs that could not be read."""

    catalogs: list[CatalogCoverage] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    shortfalls: list[Shortfall] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    per_statement: bool = False  # asked for: the markdown summary shows statements too

    @property
    def exit_code(self) -> int:
        """2 when a catalog could not be read, 1 when one is below its bar, else 0."""
        return 2 if self.errors else 1 if self.shortfalls else 0

    def languages(self) -> list[str]:
        """The languages measured, in the one order every table and JSON object uses: the
        catalogs' (the project's `languages`, or the paths given)."""
        return list(dict.fromkeys(item.language for item in self.catalogs))

    def by_language(self) -> dict[str, Counts]:
        languages: dict[str, Counts] = {language: Counts() for language in self.languages()}
        for item in self.catalogs:
            languages[item.language].merge(item.counts)
        return languages

    def by_statement(self) -> dict[str, dict[str, Counts]]:
        statements: dict[str, dict[str, Counts]] = {}
        for item in self.catalogs:
            for statement, counts in item.by_statement.items():
                per_language = statements.setdefault(statement, {})
                per_language.setdefault(item.language, Counts()).merge(counts)
        order = self.languages()
        return {
            key: {language: value[language] for language in order if language in value}
            for key, value in sorted(statements.items())
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "schema": SCHEMA,
            "catalogs": [
                {
                    "path": item.path,
                    "language": item.language,
                    **item.counts.as_dict(),
                    "missing_from_catalog": item.missing_from_catalog,
                }
                for item in self.catalogs
            ],
            "languages": {lang: counts.as_dict() for lang, counts in self.by_language().items()},
            "statements": {
                statement: {lang: counts.as_dict() for lang, counts in languages.items()}
                for statement, languages in self.by_statement().items()
            },
            "errors": list(self.errors),
            "shortfalls": [shortfall.as_dict() for shortfall in self.shortfalls],
            "warnings": list(self.warnings),
        }

    def as_markdown(self) -> str:
        return markdown_table(self)

    def as_table(self) -> list[object]:
        """Rich renderables for people: the summary, the catalogs' paths, per statement."""
        return coverage_tables(self)


@dataclass(frozen=True)
class Shortfall:
    language: str
    percent: float
    threshold: float
    statement: str | None = None

    def __str__(self) -> str:
        where = f"{self.language} {self.statement}" if self.statement else self.language
        return f"{where}: {self.percent:.1f}% translated, below {self.threshold:g}%"

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "statement": self.statement,
            "percent": round(self.percent, 2),
            "threshold": self.threshold,
        }


def shortfalls(
    report: CoverageReport, thresholds: Mapping[str, float], *, per_statement: bool = False
) -> list[Shortfall]:
    """Every language (or statement × language) under its bar; `*` is the default bar."""
    found = []

    def bar(language: str) -> float | None:
        return thresholds.get(language, thresholds.get("*"))

    for language, counts in report.by_language().items():
        threshold = bar(language)
        if threshold is not None and counts.percent < threshold:
            found.append(Shortfall(language, counts.percent, threshold))
    if per_statement:
        for statement, languages in report.by_statement().items():
            for language, counts in languages.items():
                threshold = bar(language)
                if threshold is not None and counts.percent < threshold:
                    found.append(Shortfall(language, counts.percent, threshold, statement))
    return found


def parse_thresholds(values: Sequence[str]) -> dict[str, float]:
    """`95`, `95%` or `de=100,fr=80` (repeatable) into {language or '*': percent}."""
    result: dict[str, float] = {}
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            language, _, number = part.rpartition("=")
            try:
                threshold = float(number.strip().removesuffix("%"))
            except ValueError:
                raise ValueError(
                    f"{part!r} is not a percentage (use 95, or LANG=PERCENT pairs)"
                ) from None
            if not 0 <= threshold <= 100:
                raise ValueError(f"{part!r}: a percentage is between 0 and 100")
            result[language.strip() or "*"] = threshold
    return result


# --- reading the files ----------------------------------------------------------------------


def project_coverage(project: Project, languages: Sequence[str]) -> CoverageReport:
    """Each configured catalog measured against the template, with a warning when the
    template is older than the statements (coverage is of the old text then)."""
    report = CoverageReport()
    if not project.template_path.exists():
        raise CatalogError(
            "no template yet: run `pubtool extract` first",
            file=project.relative(project.template_path),
        )
    template = load_catalog(project, project.template_path)
    if not template_is_current(project, template):
        report.warnings.append(
            f"{project.relative(project.template_path)}: older than the statements; "
            "run `pubtool extract` and `pubtool update` to measure the current text"
        )
    for language in languages:
        path = project.catalog_path(language)
        shown = project.relative(path)
        if path.exists():
            try:
                catalog = load_catalog(project, path)
            except CatalogError as error:
                report.errors.append(str(error))
                continue
        else:
            catalog = polib.POFile()
        report.catalogs.append(
            measure_catalog(
                catalog,
                path=shown,
                language=language,
                source_language=language == project.source_language,
                template=template,
            )
        )
    return report


def paths_coverage(
    paths: PathLike | Sequence[PathLike], *, source_language: str | None = None
) -> CoverageReport:
    """Any `.po` files or folders of them: each catalog counted on its own."""
    from pubtool.po import load_po

    report = CoverageReport()
    files, problems = catalog_files(paths)
    report.errors.extend(problems)
    for path in files:
        try:
            catalog = load_po(path)
        except CatalogError as error:
            report.errors.append(str(error))
            continue
        language = language_from(catalog, path)
        report.catalogs.append(
            measure_catalog(
                catalog,
                path=str(path),
                language=language,
                source_language=language == source_language,
            )
        )
    return report


def markdown_table(report: CoverageReport) -> str:
    """The summary a CI job summary or a pull-request comment shows."""
    lines = [
        "| language | translated | fuzzy | untranslated | obsolete | words translated | % |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for language, counts in report.by_language().items():
        lines.append(
            f"| {language} | {counts.translated} | {counts.fuzzy} | {counts.untranslated} "
            f"| {counts.obsolete} | {counts.words_translated} / {counts.words_total} "
            f"| {counts.percent:.1f} |"
        )
    statements = report.by_statement() if report.per_statement else {}
    if statements:
        languages = report.languages()
        lines += [
            "",
            f"| statement | {' | '.join(languages)} |",
            "|---" + "|--:" * len(languages) + "|",
        ]
        lines += [
            f"| {statement} | "
            + " | ".join(f"{per[lang].percent:.0f}" if lang in per else "–" for lang in languages)
            + " |"
            for statement, per in statements.items()
        ]
    for error in report.errors:
        lines.append(f"\n**error:** `{error}`")
    return "\n".join(lines) + "\n"


def status(
    project: Project | None,
    paths: PathLike | Sequence[PathLike] = (),
    languages: str | Sequence[str] | None = None,
    *,
    fail_under: Sequence[str] | Mapping[str, float] | None = None,
    per_statement: bool = False,
) -> CoverageReport:
    """Translation coverage (`pubtool status`): the project's catalogs measured against its
    template, or any catalogs in `paths` (no project needed), gated by `fail_under`
    (default: the project's `fail-under`)."""
    if paths:
        source = project.source_language if project else None
        report = paths_coverage(paths, source_language=source)
    elif project is None:
        raise ConfigError("no project: give catalogs to measure, or --project DIR")
    else:
        report = project_coverage(project, project.parse_languages(languages))
    thresholds = _thresholds(project if not paths else None, fail_under)
    if thresholds:
        report.shortfalls = shortfalls(report, thresholds, per_statement=per_statement)
    elif per_statement:
        report.warnings.append(
            "--per-statement: no bar to hold statements to (--fail-under, or `fail-under` in "
            "[tool.pubtool]); nothing is gated, the table shows each statement"
        )
    report.per_statement = per_statement
    report.warnings.extend(
        f"{item.path}: {item.missing_from_catalog} message(s) of the template not in the "
        "catalog yet (counted as untranslated): run `pubtool update`"
        for item in report.catalogs
        if item.missing_from_catalog
    )
    return report


def _thresholds(
    project: Project | None, fail_under: Sequence[str] | Mapping[str, float] | None
) -> dict[str, float]:
    """The bars to gate on; a language the project does not have is an error, not a pass."""
    if fail_under is None:
        return dict(project.fail_under) if project else {}
    if isinstance(fail_under, Mapping):
        thresholds = {str(k): float(v) for k, v in fail_under.items()}
    else:
        try:
            thresholds = parse_thresholds(fail_under)
        except ValueError as problem:
            raise ConfigError(f"--fail-under: {problem}") from None
    if project is not None:
        known = (*project.languages, project.source_language)
        for language in thresholds:
            normalised = normalise_language(language) if language != "*" else "*"
            if normalised != "*" and normalised not in known:
                raise ConfigError(
                    f"--fail-under: {language!r} is not one of the project's languages "
                    f"({', '.join(project.languages)})"
                )
        thresholds = {
            (normalise_language(k) or k) if k != "*" else k: v for k, v in thresholds.items()
        }
    return thresholds




def coverage_tables(report: CoverageReport) -> list[object]:
    """The status table people read: per language, then per statement; fits 80 columns."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

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
            Text(f"{counts.percent:.1f}", style=colour),
            f"{counts.percent_words:.1f}",
        )
    renderables: list[object] = [table]
    renderables += [
        Text(f"  {item.language}: {item.path}", style="dim") for item in report.catalogs
    ]
    statements = report.by_statement()
    if statements:
        languages = report.languages()
        detail = Table(title="By statement (% of messages translated)", box=box.SIMPLE_HEAD)
        detail.add_column("statement")
        for language in languages:
            detail.add_column(language, justify="right")
        for statement, per in statements.items():
            detail.add_row(
                statement,
                *(f"{per[lang].percent:.0f}" if lang in per else "–" for lang in languages),
            )
        renderables.append(detail)
    return renderables
