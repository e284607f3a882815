"""What an import did: per catalog, in all, and the units it left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pubtool.errors import GateFailed


@dataclass(frozen=True)
class StaleUnit:
    """A unit not applied: its source is no longer the catalog's."""

    file: str
    line: int | None
    unit: str
    language: str
    reason: str
    source: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        excerpt = " ".join(self.source.split())
        excerpt = excerpt if len(excerpt) <= 50 else excerpt[:49] + "…"
        return f"{where}: unit {self.unit} ({self.language}): {self.reason} [{excerpt}]"


@dataclass(frozen=True)
class Conflict:
    """A unit changed both in the catalog and in the XLIFF since the export, differently:
    not applied, the catalog's text kept (`--force` takes the XLIFF's)."""

    file: str
    line: int | None
    unit: str
    language: str
    catalog: str
    catalog_line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        there = f"{self.catalog}:{self.catalog_line}" if self.catalog_line else self.catalog
        return f"{where}: unit {self.unit} ({self.language}): {self.reason} ({there})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "unit": self.unit,
            "language": self.language,
            "catalog": self.catalog,
            "catalog_line": self.catalog_line,
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    """What an import did, per catalog and in all; `as_dict()` is `--format json`."""

    files: list[str] = field(default_factory=list)
    catalogs: dict[str, bool] = field(default_factory=dict)  # shown path -> written
    translated: int = 0
    fuzzy: int = 0
    unchanged: int = 0
    empty: int = 0
    stale: list[StaleUnit] = field(default_factory=list)
    kept: int = 0  # changed in the catalog only since the export: the catalog's text stays
    forced: int = 0  # conflicts settled for the XLIFF by --force
    conflicts: list[Conflict] = field(default_factory=list)
    glossary: dict[str, int] = field(default_factory=dict)
    glossary_written: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": list(self.files),
            "catalogs": [{"path": p, "written": w} for p, w in sorted(self.catalogs.items())],
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "unchanged": self.unchanged,
            "empty": self.empty,
            "stale": [
                {
                    "file": s.file,
                    "line": s.line,
                    "unit": s.unit,
                    "language": s.language,
                    "reason": s.reason,
                    "source": s.source,
                }
                for s in self.stale
            ],
            "kept": self.kept,
            "forced": self.forced,
            "conflicts": [conflict.as_dict() for conflict in self.conflicts],
            "glossary": dict(self.glossary),
            "glossary_written": self.glossary_written,
        }

    @property
    def exit_code(self) -> int:
        """1 when units were left out because their source changed or because they
        conflict with the catalog (a gate), else 0."""
        return 1 if self.stale or self.conflicts else 0

    def lines(self) -> list[str]:
        lines = [
            f"{path}: {'written' if written else 'unchanged'}"
            for path, written in sorted(self.catalogs.items())
        ]
        if self.catalogs:
            lines.append(
                f"{self.translated} translated, {self.fuzzy} fuzzy, {self.unchanged} unchanged, "
                f"{self.empty} without a target, {len(self.stale)} stale"
                + (f", {self.kept} kept (newer in the catalog)" if self.kept else "")
                + (f", {len(self.conflicts)} in conflict" if self.conflicts else "")
                + (f", {self.forced} forced" if self.forced else "")
            )
        if self.glossary:
            g = self.glossary
            lines.append(
                f"glossary: {'written' if self.glossary_written else 'unchanged'}, "
                f"{g['added_terms']} new terms, {g['added_renderings']} renderings added, "
                f"{g['changed_renderings']} changed, {g['unchanged']} unchanged, "
                f"{g['ignored']} further synonyms ignored"
            )
        return lines

    def stale_summary(self) -> list[str]:
        lines = []
        if self.stale:
            lines.append(
                f"{len(self.stale)} unit(s) not applied: their source changed since the "
                "export; export again for these"
            )
        if self.conflicts:
            lines.append(
                f"{len(self.conflicts)} unit(s) not applied: changed in the project and in the "
                "imported file since the export; the project's text kept (--force-unit ID or "
                "--force takes the imported one)"
            )
        return lines

    def raise_for_stale(self) -> None:
        """The gate: units left out because their source changed, or because they conflict
        with the catalog, fail the import (exit 1)."""
        summary = self.stale_summary()
        if summary:
            raise GateFailed("; ".join(summary))
