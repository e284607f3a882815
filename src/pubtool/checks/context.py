"""What every check receives and returns: the context of a catalog, findings, severities."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import polib

from pubtool.checks.glossary import Glossary
from pubtool.po.entries import translation_pairs
from pubtool.po.flags import FORMAT_LANGUAGES, parse_flags

if TYPE_CHECKING:
    from pubtool.project import StyleSettings

ERROR = "error"
WARNING = "warning"
OFF = "off"
#: What a project may set a check to in `[tool.pubtool.checks]`.
SEVERITY_SETTINGS = (ERROR, WARNING, OFF)
ENTRY_POINT_GROUP = "pubtool.checks"
#: The name that, in a suppression comment, silences every check of the entry.
IGNORE_ALL = "all"


@dataclass(frozen=True)
class Finding:
    """One problem of one entry (or of the catalog header), located by file and line."""

    file: str
    line: int
    code: str
    severity: str
    message: str
    msgid: str
    fuzzy: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: [{self.code}] {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "msgid": self.msgid,
            "fuzzy": self.fuzzy,
        }


@dataclass(frozen=True)
class CheckContext:
    """What a check needs to know beyond the entry itself."""

    source_language: str
    language: str
    glossary: Glossary = field(default_factory=Glossary.empty)
    #: The unit kind from the entry's `#. kind: ...` comment: paragraph, title, signature...
    kind: str | None = None
    #: The project's house style for `language` (`[tool.pubtool.style.<lang>]`), if any.
    style: StyleSettings | None = None
    #: The entry's format languages (its `python-format`, `c-format`... flags): whose
    #: directives (`pubtool.po.directives`) are no text to read.
    formats: tuple[str, ...] = ()


Check = Callable[[polib.POEntry, CheckContext], Iterable[str]]
#: A check of one source text against one translated text (one form of an entry).
TextCheck = Callable[[str, str, CheckContext], Iterable[str]]


@dataclass(frozen=True)
class CatalogProblem:
    """One problem a whole-catalog check found: every entry line involved, the first
    entry's source (to show), and the message. The runner adds the places to the message."""

    lines: tuple[int, ...]
    msgid: str
    message: str


#: A check of a whole catalog (consistency between entries), marked by `catalog_check`.
CatalogCheck = Callable[[polib.POFile, CheckContext], Iterable[CatalogProblem]]


def catalog_check(function: CatalogCheck) -> CatalogCheck:
    """Mark a function as a whole-catalog check: the runner calls it once per catalog with
    the catalog and its context instead of once per entry. Plugins may use it too."""
    function.pubtool_catalog_check = True  # type: ignore[attr-defined]
    return function


def is_catalog_check(check: object) -> bool:
    """Whether a registered check runs over the whole catalog (see `catalog_check`)."""
    return bool(getattr(check, "pubtool_catalog_check", False))


def on_each_form(text_check: TextCheck) -> Check:
    """Turn a check of one text pair into a check of an entry and all its plural forms."""

    @functools.wraps(text_check)
    def check(entry: polib.POEntry, context: CheckContext) -> Iterator[str]:
        for source, translation in translation_pairs(entry):
            yield from text_check(source, translation, context)

    return check


@functools.cache
def _extracted_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(key)}:\s*(\S.*?)\s*$")


def extracted_value(entry: polib.POEntry, key: str) -> str | None:
    """The value of a `#. key: value` extracted comment (`statement`, `kind`), if present."""
    if key not in entry.comment:
        return None
    pattern = _extracted_pattern(key)
    for line in entry.comment.splitlines():
        match = pattern.match(line)
        if match:
            return match.group(1)
    return None


def entry_formats(entry: polib.POEntry) -> tuple[str, ...]:
    """The format languages an entry's flags say yes to (`#, python-format`), in gettext's
    order; none for a flag line gettext would refuse."""
    return _formats_of(tuple(entry.flags))


@functools.lru_cache(maxsize=256)
def _formats_of(flags: tuple[str, ...]) -> tuple[str, ...]:
    if not any(flag.endswith("-format") for flag in flags):
        return ()
    try:
        formats = parse_flags(flags).formats
    except ValueError:
        return ()
    return tuple(language for language in FORMAT_LANGUAGES if formats.get(language) == "yes")


def entry_kind(entry: polib.POEntry) -> str | None:
    """The unit kind pubtool's extractor records: paragraph, title, signature..."""
    return extracted_value(entry, "kind")


_SUPPRESSION = re.compile(r"pubtool:\s*ignore\s+(?P<names>[\w-]+(?:\s*,\s*[\w-]+)*)")


def suppressed_checks(entry: polib.POEntry) -> frozenset[str]:
    """Checks a translator turned off for this entry: `# pubtool: ignore numbers, dates`.

    Only translator comments count: they are the translator's considered answer to a
    finding, kept with the entry across msgmerge. Text after the list is a free reason.
    """
    names: set[str] = set()
    if "pubtool" not in entry.tcomment:
        return frozenset()
    for match in _SUPPRESSION.finditer(entry.tcomment):
        names.update(name.strip() for name in match.group("names").split(","))
    return frozenset(names)
