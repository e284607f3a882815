"""Project configuration: `[tool.pubtool]` in pyproject.toml, its folders and languages."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.core import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from pubtool.errors import ConfigError

CONFIG_FILE = "pyproject.toml"
#: Where booklets go unless `output` says otherwise; not `build/`, which setuptools uses.
DEFAULT_OUTPUT = "booklets"


@dataclass(frozen=True)
class Project:
    """Where a pubtool project keeps its files, and which languages it publishes."""

    root: Path
    source_language: str = "en"
    languages: tuple[str, ...] = ()  # required in [tool.pubtool]
    domain: str = "statements"
    statements_dir: Path = Path("statements")
    locales_dir: Path = Path("locales")
    templates_dir: Path = Path("templates")  # optional: overrides the package's defaults
    output_dir: Path = Path(DEFAULT_OUTPUT)
    glossary_path: Path = Path("locales/glossary.yaml")
    width: int = 79
    fail_under: dict[str, float] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    title: str = "Statements"
    author: str = ""  # the PDF's Author field; empty means the publisher
    publisher: str = ""  # the booklet's title page and imprint
    license: str = ""  # the imprint's licence line
    #: Translators per language for the imprint; a language not named here takes its
    #: catalog's Last-Translator (and Language-Team).
    translators: dict[str, str] = field(default_factory=dict)
    #: House style per language from `[tool.pubtool.style.<lang>]`; unset keys take the
    #: language's defaults (see `pubtool.checks.style`).
    style: dict[str, StyleSettings] = field(default_factory=dict)

    @property
    def template_path(self) -> Path:
        return self.locales_dir / f"{self.domain}.pot"

    def catalog_path(self, language: str) -> Path:
        return self.locales_dir / language / "LC_MESSAGES" / f"{self.domain}.po"

    def mo_path(self, language: str) -> Path:
        return self.locales_dir / language / "LC_MESSAGES" / f"{self.domain}.mo"

    def relative(self, path: Path) -> str:
        """A path as the user should see it: relative to the project where possible."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def parse_languages(
        self, value: str | Sequence[str] | None, *, option: str = "--lang"
    ) -> tuple[str, ...]:
        """`de,fr`, `["de", "fr"]` or `DE`: the project's languages asked for, normalised by
        Babel. The source language is always one of them, configured or not (its catalog
        holds editorial corrections); None or empty means every configured language."""
        parts = [value] if isinstance(value, str) else list(value or ())
        codes = [code.strip() for part in parts for code in part.split(",") if code.strip()]
        if not codes:
            return self.languages
        chosen = []
        for code in codes:
            language = self.configured_language(code)
            if language is None:
                raise self.unknown_language(code, option)
            if language in chosen:
                raise ConfigError(f"{option}: {language} is listed twice")
            chosen.append(language)
        return tuple(chosen)

    def configured_language(self, code: str) -> str | None:
        """The project's language (configured, or the source language) that `code` names:
        `es`, `ES`, `es-ES`, `es_ES` and `es_Latn_ES` all name a configured `es`, as a
        region or script narrows a language; a configured `pt_BR` is not named by `pt_PT`."""
        known = (*self.languages, self.source_language)
        wanted = code.strip().replace("-", "_")
        for language in known:
            if language.lower() == wanted.lower():
                return language
        try:
            locale = Locale.parse(wanted)
        except (ValueError, TypeError, UnknownLocaleError):
            return None
        for language in known:
            try:
                own = Locale.parse(language)
            except (ValueError, TypeError, UnknownLocaleError):
                continue
            if (
                own.language == locale.language
                and own.territory in (None, locale.territory)
                and own.script in (None, locale.script)
            ):
                return language
        return None

    def unknown_language(self, code: str, option: str = "--lang") -> ConfigError:
        """The error for a code that names none of the project's languages: how to add a
        real language, or which language a country code (`ua`, `gr`) was meant to be."""
        known = ", ".join(dict.fromkeys((*self.languages, self.source_language)))
        shown = code.strip()
        language = normalise_language(shown)
        if language is None:
            meant = get_official_languages(shown.upper()) if shown.isalpha() else ()
            hint = f"; did you mean {' or '.join(meant)}?" if meant else ""
            return ConfigError(
                f"{option}: unknown language {shown!r}{hint} (this project has {known})"
            )
        return ConfigError(
            f"{option}: {language} is not one of this project's languages ({known}); "
            f"add it to `languages` in [tool.pubtool] of {CONFIG_FILE}, then run `pubtool update`"
        )

    @classmethod
    def load(cls, root: Path | str | None = None) -> Project:
        """The project in `root`, or the first one found walking up from the current folder."""
        return load_project(Path(root) if root is not None else None)


def normalise_language(code: str) -> str | None:
    """`DE` → `de`, `pt-BR` → `pt_BR` (the catalog folder's form); None if Babel has no such
    language."""
    try:
        return str(Locale.parse(code.strip().replace("-", "_")))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def find_project_root(start: Path) -> Path:
    """Walk up from `start` to the first folder whose pyproject.toml has `[tool.pubtool]`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file() and b"[tool.pubtool" in _read_config(candidate):
            return folder
    raise ConfigError(
        f"no {CONFIG_FILE} with a [tool.pubtool] table in {start} or above "
        "(use --project DIR to point at one)"
    )


def load_project(
    root: str | os.PathLike[str] | None = None, *, search_from: str | os.PathLike[str] | None = None
) -> Project:
    """Read and validate `[tool.pubtool]`; every problem names pyproject.toml and the key."""
    if root is None:
        root = find_project_root(Path(search_from) if search_from is not None else Path.cwd())
    root = Path(root).resolve()
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        raise ConfigError(f"no {CONFIG_FILE} here", file=root)
    try:
        text = _read_config(config_path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"not UTF-8 text ({error.reason})", file=config_path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"\(at line (\d+), column \d+\)", str(error))
        raise ConfigError(
            f"invalid TOML: {error}", file=config_path, line=int(at[1]) if at else None
        ) from None
    table = data.get("tool", {}).get("pubtool")
    if not isinstance(table, dict):
        raise ConfigError("no [tool.pubtool] table", file=config_path)
    return _project_from_table(root, config_path, table)


def _read_config(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror or error}", file=path) from None


def _project_from_table(root: Path, config_path: Path, table: dict[str, Any]) -> Project:
    reader = _TableReader(config_path, table)
    source_language = reader.language("source-language", "en")
    languages = reader.languages("languages")
    project = Project(
        root=root,
        source_language=source_language,
        languages=languages,
        domain=reader.name("domain", "statements"),
        statements_dir=reader.folder(root, "statements", "statements"),
        locales_dir=reader.folder(root, "locales", "locales"),
        templates_dir=reader.optional_folder(root, "templates", "templates"),
        output_dir=root / reader.path_text("output", DEFAULT_OUTPUT),
        glossary_path=root / reader.path_text("glossary", "locales/glossary.yaml"),
        width=reader.integer("width", 79, minimum=20),
        fail_under=reader.thresholds("fail-under", languages),
        checks=reader.string_map("checks"),
        title=reader.string("title", "Statements"),
        author=reader.string("author", "") if "author" in table else "",
        publisher=reader.string("publisher", "") if "publisher" in table else "",
        license=reader.string("license", "") if "license" in table else "",
        translators=reader.string_map("translators"),
        style=reader.styles("style", (*languages, source_language)),
    )
    reader.reject_unknown()
    return project


class _TableReader:
    """Typed access to `[tool.pubtool]` that names the offending key in every error."""

    KNOWN = {
        "source-language",
        "languages",
        "domain",
        "statements",
        "locales",
        "templates",
        "output",
        "glossary",
        "width",
        "fail-under",
        "checks",
        "title",
        "author",
        "publisher",
        "license",
        "translators",
        "style",
    }

    def __init__(self, path: Path, table: dict[str, Any]) -> None:
        self.path = path
        self.table = table

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"[tool.pubtool] {key}: {message}", file=self.path)

    def string(self, key: str, default: str) -> str:
        value = self.table.get(key, default)
        if not isinstance(value, str) or not value:
            raise self.error(key, f"expected a non-empty string, got {value!r}")
        return value

    def path_text(self, key: str, default: str) -> str:
        """A relative or absolute path: any text a file system accepts in a name."""
        value = self.string(key, default)
        if any(ord(character) < 32 for character in value):
            raise self.error(key, f"{value!r}: control characters cannot be in a path")
        return value

    def name(self, key: str, default: str) -> str:
        value = self.path_text(key, default)
        if "/" in value or "\\" in value or value.startswith("."):
            raise self.error(key, f"{value!r} must be a plain name, not a path")
        return value

    def integer(self, key: str, default: int, minimum: int) -> int:
        value = self.table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.error(key, f"expected a whole number of at least {minimum}, got {value!r}")
        return value

    def language(self, key: str, default: str) -> str:
        return self._valid_language(key, self.string(key, default))

    def languages(self, key: str) -> tuple[str, ...]:
        """Required: a project says which languages it publishes (`pubtool init` writes it)."""
        if key not in self.table:
            raise self.error(key, 'missing: list the languages to publish, e.g. ["de", "fr"]')
        value = self.table[key]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"expected a list of language codes, got {value!r}")
        languages = tuple(self._valid_language(key, v) for v in value)
        if len(set(languages)) != len(languages):
            raise self.error(key, "a language is listed twice")
        return languages

    def folder(self, root: Path, key: str, default: str) -> Path:
        name = self.path_text(key, default)
        path = root / name
        try:
            exists = path.is_dir()
        except (OSError, ValueError) as error:  # a name too long, a loop of links
            raise self.error(key, f"folder {name!r}: {getattr(error, 'strerror', error)}") from None
        if not exists:
            raise self.error(key, f"folder {name!r} does not exist")
        return path

    def optional_folder(self, root: Path, key: str, default: str) -> Path:
        """A folder that may be absent unless the key names it: `templates/` only overrides."""
        if key in self.table:
            return self.folder(root, key, default)
        return root / default

    def thresholds(self, key: str, languages: tuple[str, ...]) -> dict[str, float]:
        value = self.table.get(key, {})
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = {"*": value}
        if not isinstance(value, dict):
            raise self.error(
                key, f"expected a number or a table of language = number, got {value!r}"
            )
        result: dict[str, float] = {}
        for language, threshold in value.items():
            if language != "*" and language not in languages:
                raise self.error(key, f"{language!r} is not one of the project's languages")
            if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
                raise self.error(key, f"threshold for {language!r} must be a number")
            if not 0 <= threshold <= 100:
                raise self.error(key, f"threshold for {language!r} must be between 0 and 100")
            result[language] = float(threshold)
        return result

    def string_map(self, key: str) -> dict[str, str]:
        value = self.table.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.error(key, f"expected a table of name = string, got {value!r}")
        return dict(value)

    def styles(self, key: str, languages: tuple[str, ...]) -> dict[str, StyleSettings]:
        """`[tool.pubtool.style.<lang>]` tables, one per language, every key validated."""
        value = self.table.get(key, {})
        if not isinstance(value, dict):
            raise self.error(key, f"expected tables [tool.pubtool.style.<language>], got {value!r}")
        result: dict[str, StyleSettings] = {}
        for code, settings in value.items():
            where = f"{key}.{code}"
            language = normalise_language(code)
            if language is None or language not in languages:
                raise self.error(where, f"{code!r} is not one of the project's languages")
            if not isinstance(settings, dict):
                raise self.error(where, f"expected a table of style settings, got {settings!r}")
            result[language] = _style_settings(self, where, settings)
        return result

    def reject_unknown(self) -> None:
        unknown = sorted(set(self.table) - self.KNOWN)
        if unknown:
            raise self.error(unknown[0], "unknown key")

    def _valid_language(self, key: str, code: str) -> str:
        language = normalise_language(code)
        if language is None:
            raise self.error(key, f"{code!r} is not a language code Babel knows")
        return language


#: What `dash-spacing` may be: a space on each side (`word – word`) or none (`word—word`).
DASH_SPACINGS = ("spaced", "closed")
#: What `century` may be: Roman numerals (`XX век`) or Arabic ones (`20-ci əsr`).
CENTURY_STYLES = ("roman", "arabic")
#: What `space-before` may be: the space a language sets before `; : ! ?` (French uses a
#: no-break space; most languages none).
SPACES_BEFORE = {"none": "", "no-break": "\u00a0", "narrow-no-break": "\u202f"}
#: Dashes a house may choose: en dash and em dash.
DASHES = ("\u2013", "\u2014")
#: Thousands separators a house may choose (an empty string: numbers written solid).
GROUPS = (" ", "\u00a0", "\u202f", "\u2009", ",", ".", "'", "\u2019", "")


@dataclass(frozen=True)
class StyleSettings:
    """One language's house style as configured; None means "the language's default"."""

    quotes: tuple[str, str, str, str] | None = None
    dash: str | None = None
    dash_spacing: str | None = None
    decimal: str | None = None
    group: str | None = None
    group_from: int | None = None
    century: str | None = None
    space_before: str | None = None


_STYLE_KEYS = {
    "quotes", "dash", "dash-spacing", "decimal", "group", "group-from", "century", "space-before"
}


def _style_settings(reader: _TableReader, where: str, table: dict[str, Any]) -> StyleSettings:
    def error(key: str, message: str) -> ConfigError:
        return reader.error(f"{where}.{key}", message)

    def choice(key: str, allowed: Sequence[str]) -> str | None:
        value = table.get(key)
        if value is not None and value not in allowed:
            shown = ", ".join(repr(option) for option in allowed)
            raise error(key, f"expected one of {shown}, got {value!r}")
        return value

    unknown = sorted(set(table) - _STYLE_KEYS)
    if unknown:
        raise error(unknown[0], f"unknown key (known: {', '.join(sorted(_STYLE_KEYS))})")
    quotes = table.get("quotes")
    if quotes is not None:
        if (
            not isinstance(quotes, list)
            or len(quotes) not in (2, 4)
            or not all(isinstance(mark, str) and len(mark) == 1 for mark in quotes)
        ):
            raise error(
                "quotes",
                f"expected 2 or 4 single characters (open, close, nested open, nested close), "
                f"got {quotes!r}",
            )
        if len(quotes) == 2:
            quotes = [*quotes, *quotes]
    decimal = table.get("decimal")
    if decimal is not None and (not isinstance(decimal, str) or len(decimal) != 1):
        raise error("decimal", f"expected one character, got {decimal!r}")
    group = choice("group", GROUPS)
    if group is not None and group == decimal:
        raise error("group", "the thousands separator must differ from the decimal mark")
    group_from = table.get("group-from")
    if group_from is not None and (
        isinstance(group_from, bool) or not isinstance(group_from, int) or group_from not in (4, 5)
    ):
        raise error("group-from", f"expected 4 or 5 (digits), got {group_from!r}")
    space_before = choice("space-before", tuple(SPACES_BEFORE))
    return StyleSettings(
        quotes=tuple(quotes) if quotes is not None else None,
        dash=choice("dash", DASHES),
        dash_spacing=choice("dash-spacing", DASH_SPACINGS),
        decimal=decimal,
        group=group,
        group_from=group_from,
        century=choice("century", CENTURY_STYLES),
        space_before=SPACES_BEFORE[space_before] if space_before is not None else None,
    )
