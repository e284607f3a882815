"""A new project in one step (`pubtool init`), and the default templates to restyle
(`pubtool templates`)."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pubtool.errors import ConfigError
from pubtool.files import write_text_atomically
from pubtool.project import CONFIG_FILE, DEFAULT_OUTPUT, normalise_language

EXAMPLE_STATEMENT = """\
---
id: {id}
title: An example statement
date: {date}
issuer: The press office
source: Replace with where the statement was published
signature:
- A. Spokesperson
- |-
  Head of the press office
  Example Organisation
---

This is an example statement. Each paragraph becomes one message for the translators,
and *inline Markdown* such as emphasis or [links](https://example.org) is kept.

A list is translated item by item:

- the title, the issuer and each signature line are messages too;
- the file name is the date and the id: `YYYY-MM-DD-short-name.md`.

Replace this file with your own statements, then run `pubtool extract` and `pubtool update`.
"""


@dataclass(frozen=True)
class InitReport:
    """What `pubtool init` made: the folder, the files written, the next steps."""

    root: Path
    written: tuple[str, ...]
    kept: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "root": str(self.root),
            "written": list(self.written),
            "kept": list(self.kept),
            "warnings": list(self.warnings),
        }

    def lines(self) -> list[str]:
        lines = [f"wrote {name}" for name in self.written]
        lines += [f"kept {name} (already there)" for name in self.kept]
        lines.append(
            "next: edit statements/, then `pubtool extract`, `pubtool update`, translate, "
            "`pubtool status`, `pubtool build-pdf`"
        )
        return lines


def init_project(
    folder: Path | str = ".",
    languages: str | Sequence[str] = (),
    *,
    source_language: str = "en",
    title: str | None = None,
    templates: bool = False,
    today: dt.date | None = None,
) -> InitReport:
    """Start a project in `folder`: the `[tool.pubtool]` table (added to an existing
    pyproject.toml, never replacing one), `statements/` with an example, `locales/`, and
    `.gitignore` lines for what pubtool writes; `templates=True` also copies the templates."""
    root = Path(folder)
    codes = _languages(languages, source_language)
    source = _language(source_language, "--source-language")
    config = root / CONFIG_FILE
    existing = config.read_text(encoding="utf-8") if config.is_file() else ""
    if existing:
        try:
            data = tomllib.loads(existing)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"invalid TOML: {error}", file=config) from None
        if "pubtool" in data.get("tool", {}):
            raise ConfigError(
                "already has a [tool.pubtool] table; edit it rather than running init", file=config
            )
    root.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    kept: list[str] = []
    table = _config_table(title or _title_from(root), source, codes)
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    write_text_atomically(config, existing + separator + table)
    written.append(CONFIG_FILE)
    statements = root / "statements"
    statements.mkdir(exist_ok=True)
    if not any(statements.rglob("*.md")):
        day = (today or dt.date.today()).isoformat()
        name = f"{day}-example"
        write_text_atomically(
            statements / f"{name}.md", EXAMPLE_STATEMENT.format(id=name, date=day)
        )
        written.append(f"statements/{name}.md")
    else:
        kept.append("statements/")
    (root / "locales").mkdir(exist_ok=True)
    # the build cache sits beside the booklet, also where `-o` puts it outside the output folder
    ignored = [f"/{DEFAULT_OUTPUT}/", "*.mo", ".*.pubtool-cache.json"]
    if _add_gitignore_lines(root / ".gitignore", ignored):
        written.append(".gitignore")
    if templates:
        report = copy_templates(root / "templates")
        written += [f"templates/{Path(name).name}" for name in report.written]
        kept += [f"templates/{Path(name).name}" for name in report.kept]
    return InitReport(
        root.resolve(), tuple(written), tuple(kept), tuple(_label_warnings(codes, source))
    )


def _label_warnings(languages: Sequence[str], source_language: str) -> list[str]:
    """Languages whose booklet headings ("Contents", "Issued by") the package does not
    have: said at the start, not first noticed in a finished booklet."""
    from pubtool.checks.language import base_language
    from pubtool.publish.labels import load_labels
    from pubtool.publish.template_folders import default_templates

    known = load_labels([default_templates()])
    lacking = [
        code
        for code in dict.fromkeys((*languages, source_language))
        if code not in known and base_language(code) not in known
    ]
    if not lacking:
        return []
    return [
        f"no booklet labels for {', '.join(lacking)}: booklets will show English headings in "
        "those columns until you add them (`pubtool templates` copies labels.yaml to edit)"
    ]


def _languages(languages: str | Sequence[str], source_language: str) -> tuple[str, ...]:
    parts = [languages] if isinstance(languages, str) else list(languages)
    codes = [code.strip() for part in parts for code in part.split(",") if code.strip()]
    if not codes:
        raise ConfigError("--languages: name the languages to publish, e.g. --languages de,fr")
    result = tuple(dict.fromkeys(_language(code, "--languages") for code in codes))
    return result


def _language(code: str, option: str) -> str:
    language = normalise_language(code)
    if language is None:
        raise ConfigError(f"{option}: {code!r} is not a language code Babel knows")
    return language


def _title_from(root: Path) -> str:
    name = root.resolve().name.replace("-", " ").replace("_", " ").strip()
    return name[:1].upper() + name[1:] if name else "Statements"


def _config_table(title: str, source_language: str, languages: Sequence[str]) -> str:
    def text(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string

    return (
        "[tool.pubtool]\n"
        f"title = {text(title)}\n"
        f"source-language = {text(source_language)}\n"
        f"languages = [{', '.join(text(code) for code in languages)}]\n"
        'statements = "statements"\n'
        'locales = "locales"\n'
        f"output = {text(DEFAULT_OUTPUT)}\n"
        '# templates = "templates"   # only to restyle: `pubtool templates` copies the defaults\n'
        "# fail-under = { de = 100 }  # the bar `pubtool status` gates on\n"
    )


def _add_gitignore_lines(path: Path, wanted: Sequence[str]) -> bool:
    """Append the lines `.gitignore` lacks; True when it changed."""
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    present = {line.strip() for line in current.splitlines()}
    missing = [line for line in wanted if line not in present]
    if not missing:
        return False
    prefix = current if not current or current.endswith("\n") else current + "\n"
    block = "# pubtool: booklets (and their build cache), compiled catalogs\n"
    block += "\n".join(missing) + "\n"
    write_text_atomically(path, prefix + block)
    return True


@dataclass(frozen=True)
class TemplatesReport:
    """The default templates copied for restyling, and those left alone."""

    folder: str
    written: tuple[str, ...]
    kept: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"folder": self.folder, "written": list(self.written), "kept": list(self.kept)}

    def lines(self) -> list[str]:
        lines = [f"wrote {name}" for name in self.written]
        lines += [f"kept {name} (already there, not overwritten)" for name in self.kept]
        lines.append(
            f"{self.folder}: edit these files; any file you delete falls back to the default"
        )
        return lines


def copy_templates(folder: Path | str) -> TemplatesReport:
    """Copy the package's default templates into `folder` (`pubtool templates`); files
    already there are kept, so a restyled template is never overwritten."""
    from pubtool.publish.template_folders import copy_default_templates

    target = Path(folder)
    written, kept = copy_default_templates(target)
    return TemplatesReport(
        str(target), tuple(str(path) for path in written), tuple(str(path) for path in kept)
    )


#: `pubtool.init(...)`, the name the CLI command has.
init = init_project
