"""The registry of checks (built-in and plugins) and the runner over catalogs."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from pubtool.checks.catalog import CATALOG, catalog_problems, check_newlines
from pubtool.checks.characters import (
    check_bidi,
    check_bidi_isolates,
    check_control,
    check_invisible,
    check_long_word,
    check_verbatim_tokens,
)
from pubtool.checks.consistency import CONSISTENCY, check_consistency
from pubtool.checks.context import (
    ENTRY_POINT_GROUP,
    ERROR,
    IGNORE_ALL,
    OFF,
    SEVERITY_SETTINGS,
    WARNING,
    CatalogCheck,
    Check,
    CheckContext,
    Finding,
    entry_formats,
    entry_kind,
    is_catalog_check,
    on_each_form,
    suppressed_checks,
)
from pubtool.checks.dates import check_dates
from pubtool.checks.glossary import Glossary, check_glossary, load_glossary
from pubtool.checks.negation import check_negation
from pubtool.checks.numbers import check_numbers
from pubtool.checks.style import STYLE, check_style
from pubtool.checks.text import (
    check_markup,
    check_script,
    check_untranslated_copy,
    check_whitespace,
)
from pubtool.errors import BUG_EXIT_CODE, CatalogError, ConfigError, PubtoolError
from pubtool.files import PathLike
from pubtool.po.entries import translation_pairs
from pubtool.project import Project, StyleSettings


class CheckCrashed(PubtoolError):
    """A check raised instead of answering: a bug in that check, never a finding.

    One line names the check and the entry; the original exception is the `__cause__`,
    whose traceback `--debug` shows.
    """

    exit_code = BUG_EXIT_CODE

    def __init__(self, check: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(f"internal error in check {check}", file=file, line=line)
        self.check = check

    def __str__(self) -> str:
        where = f"{self.file or '<entry>'}:{self.line or 0}"
        cause = f" ({type(self.__cause__).__name__})" if self.__cause__ else ""
        return (f"internal error in check {self.check} at {where}{cause}; "
                "rerun with --debug for the traceback")


def default_severity(code: str) -> str:
    """The severity of a check nobody configured; plugin checks are errors."""
    return DEFAULT_SEVERITIES.get(code, ERROR)


def available_checks() -> dict[str, Check]:
    """Built-in checks plus those installed under the entry-point group `pubtool.checks`."""
    checks = dict(BUILTIN_CHECKS)
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.name in BUILTIN_CHECKS or entry_point.name == IGNORE_ALL:
            raise ConfigError(
                f"plugin check {entry_point.name!r} ({entry_point.value}) reuses a reserved name"
            )
        try:
            loaded = entry_point.load()
        except (ImportError, AttributeError) as error:
            raise ConfigError(
                f"cannot load plugin check {entry_point.name!r} ({entry_point.value}): {error}"
            ) from None
        if not callable(loaded):
            raise ConfigError(
                f"plugin check {entry_point.name!r} ({entry_point.value}) is not callable"
            )
        checks[entry_point.name] = loaded
    return checks


def configure_checks(
    settings: Mapping[str, str], registry: Mapping[str, Check] | None = None
) -> tuple[list[str], dict[str, str]]:
    """Enabled check names and severities from `[tool.pubtool.checks]` (name = severity).

    A setting is `error`, `warning` or `off`; unknown names or settings are ConfigErrors,
    since a misspelt check name would otherwise silently check nothing.
    """
    registry = available_checks() if registry is None else registry
    severities: dict[str, str] = {}
    for name, setting in settings.items():
        if name not in registry:
            known = ", ".join(sorted(registry))
            raise ConfigError(f"[tool.pubtool.checks] unknown check {name!r} (known: {known})")
        if setting not in SEVERITY_SETTINGS:
            raise ConfigError(
                f"[tool.pubtool.checks] {name}: expected one of {', '.join(SEVERITY_SETTINGS)}, "
                f"got {setting!r}"
            )
        severities[name] = setting
    enabled = [name for name in registry if severities.get(name) != OFF]
    return enabled, {name: value for name, value in severities.items() if value != OFF}


def check_entry(
    entry: polib.POEntry,
    context: CheckContext,
    enabled: Iterable[str],
    severities: Mapping[str, str],
    *,
    registry: Mapping[str, Check] | None = None,
) -> list[tuple[str, str, str]]:
    """(code, severity, message) for every problem of one entry.

    Checks named in the entry's `pubtool: ignore` comment are skipped; a check set to
    `off` in `severities` is skipped too. `context.kind` is filled from the entry's
    comments when the caller left it None.
    """
    registry = available_checks() if registry is None else registry
    if context.kind is None:
        context = replace(context, kind=entry_kind(entry))
    if not context.formats:
        context = replace(context, formats=entry_formats(entry))
    return _entry_problems(entry, context, _entry_plan(enabled, severities, registry))


def _entry_plan(
    enabled: Iterable[str], severities: Mapping[str, str], registry: Mapping[str, Check]
) -> list[tuple[str, Check, str]]:
    """(code, check, severity) of every enabled per-entry check: worked out once a catalog."""
    plan = []
    for code in enabled:
        check = _lookup(registry, code)
        severity = severities.get(code, default_severity(code))
        if severity != OFF and not is_catalog_check(check):
            plan.append((code, check, severity))
    return plan


def _entry_problems(
    entry: polib.POEntry, context: CheckContext, plan: list[tuple[str, Check, str]]
) -> list[tuple[str, str, str]]:
    ignored = suppressed_checks(entry)
    if IGNORE_ALL in ignored:
        return []
    problems: list[tuple[str, str, str]] = []
    for code, check, severity in plan:
        if code in ignored:
            continue
        try:
            messages = list(check(entry, context))
        except PubtoolError:
            raise
        except Exception as error:  # a bug in the check: never read as a finding
            raise CheckCrashed(code, line=entry.linenum) from error
        problems.extend((code, severity, str(message)) for message in messages)
    return problems


def check_catalog(
    po: polib.POFile,
    path: str,
    context: CheckContext,
    enabled: Iterable[str] | None = None,
    severities: Mapping[str, str] | None = None,
    *,
    registry: Mapping[str, Check] | None = None,
) -> list[Finding]:
    """Every finding of a catalog, in line order.

    Translated and fuzzy entries are checked (a fuzzy entry's messages start with
    "(fuzzy)" since it is not yet published); untranslated and obsolete ones are skipped.
    When `catalog` is enabled the header and plural forms are checked as well.
    """
    registry = available_checks() if registry is None else registry
    names = list(registry) if enabled is None else list(enabled)
    for name in names:
        _lookup(registry, name)
    severities = severities or {}
    findings = list(_header_findings(po, path, context, names, severities))
    findings.extend(_whole_catalog_findings(po, path, context, names, severities, registry))
    plan = _entry_plan(names, severities, registry)
    contexts: dict[tuple[str | None, tuple[str, ...]], CheckContext] = {}
    for entry in po:
        if entry.obsolete or not translation_pairs(entry):
            continue
        key = (entry_kind(entry), entry_formats(entry))
        if key not in contexts:
            contexts[key] = replace(context, kind=key[0], formats=key[1])
        try:
            problems = _entry_problems(entry, contexts[key], plan)
        except CheckCrashed as crash:
            crash.file = path
            raise
        for code, severity, message in problems:
            shown = f"(fuzzy) {message}" if entry.fuzzy else message
            findings.append(
                Finding(path, entry.linenum or 0, code, severity, shown, entry.msgid, entry.fuzzy)
            )
    return sorted(findings, key=lambda finding: finding.line)


def _header_findings(
    po: polib.POFile,
    path: str,
    context: CheckContext,
    names: list[str],
    severities: Mapping[str, str],
) -> Iterator[Finding]:
    severity = severities.get(CATALOG, default_severity(CATALOG))
    if CATALOG not in names or severity == OFF:
        return
    for line, message in catalog_problems(po, context):
        yield Finding(path, line, CATALOG, severity, message, msgid="")


def _whole_catalog_findings(
    po: polib.POFile,
    path: str,
    context: CheckContext,
    names: list[str],
    severities: Mapping[str, str],
    registry: Mapping[str, Check],
) -> Iterator[Finding]:
    """Findings of the checks that read the whole catalog (see `catalog_check`): one per
    problem, at its first entry's line, naming every place involved."""
    for code in names:
        check = registry[code]
        severity = severities.get(code, default_severity(code))
        if not is_catalog_check(check) or severity == OFF:
            continue
        whole: CatalogCheck = check  # type: ignore[assignment]
        for problem in whole(po, context):
            places = ", ".join(f"{path}:{line}" for line in problem.lines)
            yield Finding(
                path, problem.lines[0] if problem.lines else 0, code, severity,
                f"{problem.message} (at {places})", problem.msgid,
            )


def _lookup(registry: Mapping[str, Check], name: str) -> Check:
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise ConfigError(f"unknown check {name!r} (known: {known})") from None


BUILTIN_CHECKS: dict[str, Check] = {
    "numbers": on_each_form(check_numbers),
    "dates": on_each_form(check_dates),
    "negation": on_each_form(check_negation),
    "markup": on_each_form(check_markup),
    "whitespace": on_each_form(check_whitespace),
    "untranslated-copy": on_each_form(check_untranslated_copy),
    "script": on_each_form(check_script),
    "glossary": on_each_form(check_glossary),
    CATALOG: on_each_form(check_newlines),
    STYLE: on_each_form(check_style),
    CONSISTENCY: check_consistency,  # type: ignore[dict-item]  # a whole-catalog check
    "bidi": on_each_form(check_bidi),
    "bidi-isolates": on_each_form(check_bidi_isolates),
    "invisible": on_each_form(check_invisible),
    "control": on_each_form(check_control),
    "long-word": on_each_form(check_long_word),
    "verbatim-tokens": on_each_form(check_verbatim_tokens),
}

#: Errors are what must not be printed; warnings are what a proofreader should look at.
DEFAULT_SEVERITIES: dict[str, str] = {
    "numbers": ERROR,
    "dates": ERROR,
    #: A lost "not" is found by the absence of words, which a rephrasing can also cause.
    "negation": WARNING,
    "markup": ERROR,
    "whitespace": WARNING,
    "untranslated-copy": WARNING,
    "script": ERROR,
    "glossary": ERROR,
    CATALOG: ERROR,
    #: Departures from the house style are an editor's marks, not misprints of fact.
    STYLE: WARNING,
    CONSISTENCY: WARNING,
    "bidi": ERROR,
    "bidi-isolates": WARNING,
    "invisible": WARNING,
    "control": ERROR,
    "long-word": WARNING,
    "verbatim-tokens": WARNING,
}


@dataclass
class CheckReport:
    """Findings of every catalog checked, and the catalogs that could not be read."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    catalogs: int = 0

    @property
    def error_count(self) -> int:
        return sum(finding.severity == ERROR for finding in self.findings)

    @property
    def warning_count(self) -> int:
        return len(self.findings) - self.error_count

    @property
    def exit_code(self) -> int:
        """2 for an unreadable catalog; 1 for an error finding, or when nothing was checked
        (a gate that checked nothing must not pass); else 0."""
        if self.errors:
            return 2
        return 1 if self.error_count or not self.catalogs else 0

    def summary(self) -> str:
        if not self.catalogs and not self.errors:
            return "nothing checked: no catalogs yet (run `pubtool update`)"
        return (
            f"{_count(self.catalogs, 'catalog')} checked: {_count(self.error_count, 'error')}, "
            f"{_count(self.warning_count, 'warning')}"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "schema": 1,
            "catalogs": self.catalogs,
            "errors": self.error_count,
            "warnings": self.warning_count,
            "findings": [finding.as_dict() for finding in self.findings],
            "unreadable": list(self.errors),
        }

    def lines(self) -> list[str]:
        """`file:line: severity: check: message [source start]`, as compilers write them."""
        return [
            f"{f.file}:{f.line}: {f.severity}: {f.code}: {f.message} [{_start(f.msgid)}]"
            for f in self.findings
        ]

    def as_table(self) -> list[object]:
        """One table per catalog (its path the title, so no column repeats it), the
        message wrapping above the start of its source: readable at 80 columns."""
        from rich import box
        from rich.table import Table
        from rich.text import Text

        renderables: list[object] = [Text(_count(len(self.findings), "finding"), style="bold")]
        by_file: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_file.setdefault(finding.file, []).append(finding)
        for file, findings in by_file.items():
            table = Table(box=box.SIMPLE_HEAD, title=file, title_justify="left", expand=True)
            table.add_column("line", justify="right", no_wrap=True)
            table.add_column("check", no_wrap=True)
            table.add_column("severity", no_wrap=True)
            table.add_column("message", ratio=1)
            for f in findings:
                message = Text(f.message)
                message.append(f"\nsource: {_start(f.msgid)}", style="dim")
                table.add_row(str(f.line), f.code, f.severity, message)
            renderables.append(table)
        return renderables


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _start(text: str, length: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


def check_catalog_files(
    files: Sequence[tuple[Path, str, str | None]],
    *,
    source_language: str,
    glossary: Glossary,
    settings: Mapping[str, str],
    styles: Mapping[str, StyleSettings] | None = None,
) -> CheckReport:
    """Check each (path, shown path, language or None for the header's) catalog."""
    from pubtool.catalogs import language_from
    from pubtool.po import load_po

    registry = available_checks()
    enabled, severities = configure_checks(settings, registry)
    report = CheckReport()
    for path, shown, language in files:
        try:
            catalog = load_po(path)
        except CatalogError as error:
            error.file = shown
            report.errors.append(str(error))
            continue
        language = language or language_from(catalog, path)
        context = CheckContext(
            source_language=source_language,
            language=language,
            glossary=glossary,
            style=(styles or {}).get(language),
        )
        report.catalogs += 1
        report.findings.extend(
            check_catalog(catalog, shown, context, enabled, severities, registry=registry)
        )
    return report


def check(
    project: Project | None,
    paths: PathLike | Sequence[PathLike] = (),
    languages: str | Sequence[str] | None = None,
) -> CheckReport:
    """Check translations for what breaks a publication (`pubtool check`): the project's
    catalogs, or any catalogs in `paths` (outside a project: English source, default checks,
    no glossary)."""
    from pubtool.catalogs import catalog_files

    unreadable: list[str] = []
    files: list[tuple[Path, str, str | None]]
    if paths:
        found, unreadable = catalog_files(paths)
        files = [(path, str(path), None) for path in found]
    elif project is None:
        raise ConfigError("no project: give catalogs to check, or --project DIR")
    else:
        files = [
            (project.catalog_path(lang), project.relative(project.catalog_path(lang)), lang)
            for lang in project.parse_languages(languages)
            if project.catalog_path(lang).exists()
        ]
    glossary = Glossary.empty()
    if project is not None and project.glossary_path.exists():
        glossary = load_glossary(project.glossary_path, source_language=project.source_language)
    report = check_catalog_files(
        files,
        source_language=project.source_language if project else "en",
        glossary=glossary,
        settings=project.checks if project else {},
        styles=project.style if project else None,
    )
    report.errors = unreadable + report.errors
    return report
