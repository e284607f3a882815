"""Project configuration: `[tool.pubtool]` in pyproject.toml, its folders and languages."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.core import Locale, UnknownLocaleError

from pubtool.errors import ConfigError

CONFIG_FILE = "pyproject.toml"


@dataclass(frozen=True)
class Project:
    """Where a pubtool project keeps its files, and which languages it publishes."""

    root: Path
    source_language: str = "en"
    languages: tuple[str, ...] = ("az", "en", "ru")
    domain: str = "statements"
    statements_dir: Path = Path("statements")
    locales_dir: Path = Path("locales")
    templates_dir: Path = Path("templates")
    output_dir: Path = Path("build")
    glossary_path: Path = Path("locales/glossary.yaml")
    width: int = 79
    fail_under: dict[str, float] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    title: str = "Statements"

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
        known = dict.fromkeys((*self.languages, self.source_language))
        chosen = []
        for code in codes:
            language = normalise_language(code)
            if language is None or language not in known:
                raise ConfigError(
                    f"{option}: unknown language {code!r} (this project has {', '.join(known)})"
                )
            if language in chosen:
                raise ConfigError(f"{option}: {language} is listed twice")
            chosen.append(language)
        return tuple(chosen)

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
        if candidate.is_file() and "[tool.pubtool" in candidate.read_text(encoding="utf-8"):
            return folder
    raise ConfigError(
        f"no {CONFIG_FILE} with a [tool.pubtool] table in {start} or above "
        "(use --project DIR to point at one)"
    )


def load_project(root: Path | None = None, *, search_from: Path | None = None) -> Project:
    """Read and validate `[tool.pubtool]`; every problem names pyproject.toml and the key."""
    if root is None:
        root = find_project_root(search_from or Path.cwd())
    root = root.resolve()
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        raise ConfigError(f"no {CONFIG_FILE} here", file=root)
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", file=config_path) from None
    table = data.get("tool", {}).get("pubtool")
    if not isinstance(table, dict):
        raise ConfigError("no [tool.pubtool] table", file=config_path)
    return _project_from_table(root, config_path, table)


def _project_from_table(root: Path, config_path: Path, table: dict[str, Any]) -> Project:
    reader = _TableReader(config_path, table)
    source_language = reader.language("source-language", "en")
    languages = reader.languages("languages", ("az", "en", "ru"))
    project = Project(
        root=root,
        source_language=source_language,
        languages=languages,
        domain=reader.name("domain", "statements"),
        statements_dir=reader.folder(root, "statements", "statements"),
        locales_dir=reader.folder(root, "locales", "locales"),
        templates_dir=reader.folder(root, "templates", "templates"),
        output_dir=root / reader.string("output", "build"),
        glossary_path=root / reader.string("glossary", "locales/glossary.yaml"),
        width=reader.integer("width", 79, minimum=20),
        fail_under=reader.thresholds("fail-under", languages),
        checks=reader.string_map("checks"),
        title=reader.string("title", "Statements"),
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

    def name(self, key: str, default: str) -> str:
        value = self.string(key, default)
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

    def languages(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.table.get(key, list(default))
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"expected a list of language codes, got {value!r}")
        languages = tuple(self._valid_language(key, v) for v in value)
        if len(set(languages)) != len(languages):
            raise self.error(key, "a language is listed twice")
        return languages

    def folder(self, root: Path, key: str, default: str) -> Path:
        path = root / self.string(key, default)
        if not path.is_dir():
            raise self.error(key, f"folder {self.string(key, default)!r} does not exist")
        return path

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

    def reject_unknown(self) -> None:
        unknown = sorted(set(self.table) - self.KNOWN)
        if unknown:
            raise self.error(unknown[0], "unknown key")

    def _valid_language(self, key: str, code: str) -> str:
        language = normalise_language(code)
        if language is None:
            raise self.error(key, f"{code!r} is not a language code Babel knows")
        return language
