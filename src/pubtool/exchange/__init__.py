"""Exchange with CAT tools: XLIFF 1.2 out and back in, TMX translation memories, TBX term bases.

    export_xliff(project, "az") -> bytes        import_files(project, paths) -> ImportReport
    export_tmx(project, "az") -> bytes          import_xliff(project, paths) -> ImportReport
                                                import_memory(project, paths) -> ImportReport
    export_tbx(project) -> bytes                import_tbx(project, paths) -> ImportReport
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from pubtool.catalogs import catalog_writes
from pubtool.errors import ExchangeError
from pubtool.exchange.memory import (
    apply_memories,
    check_memory_catalogs,
    import_memory,
    read_tmx,
)
from pubtool.exchange.report import ImportReport, StaleUnit
from pubtool.exchange.tbx import (
    GlossaryChanges,
    export_tbx,
    is_tbx,
    merge_into_glossary,
    read_tbx,
    write_glossary,
)
from pubtool.exchange.tmx import export_tmx
from pubtool.exchange.units import XmlFile, local_name, parse_xml, target_language
from pubtool.exchange.xliff import (
    Force,
    export_xliff,
    import_xliff,
    plan_xliff,
    write_catalogs,
)
from pubtool.files import PathLike, path_list, write_bytes_atomically
from pubtool.project import Project

__all__ = [
    "ExportReport",
    "ImportReport",
    "StaleUnit",
    "default_export_path",
    "export",
    "export_tbx",
    "export_tmx",
    "export_xliff",
    "import_files",
    "import_memory",
    "import_tbx",
    "import_xliff",
]

#: File name suffix of each export format.
SUFFIXES = {"xliff": "xlf", "tmx": "tmx", "tbx": "tbx"}


def default_export_path(project: Project, export_format: str, language: str | None) -> Path:
    """`build/xliff/az.xlf`, `build/tmx/en-az.tmx`, `build/tbx/glossary.tbx` by default."""
    folder = project.output_dir / export_format
    if export_format == "xliff":
        return folder / f"{language}.xlf"
    if export_format == "tmx":
        return folder / f"{project.source_language}-{language}.tmx"
    return folder / (f"glossary-{language}.tbx" if language else "glossary.tbx")


@dataclass(frozen=True)
class ExportReport:
    """One exported file: where it went (None: the caller writes `data` to standard output)."""

    export_format: str
    language: str | None
    path: str | None
    data: bytes

    def as_dict(self) -> dict[str, object]:
        return {
            "format": self.export_format,
            "language": self.language,
            "path": self.path,
            "bytes": len(self.data),
        }

    def lines(self) -> list[str]:
        return [f"{self.path}: written"] if self.path else []


def export(
    project: Project,
    export_format: str = "xliff",
    language: str | None = None,
    statement_ids: Sequence[str] = (),
    *,
    output: PathLike | None = None,
    to_stdout: bool = False,
    notice: Callable[[str], None] | None = None,
) -> ExportReport:
    """`pubtool export`: an XLIFF or TMX file for one target language, or the glossary as
    TBX, written atomically (to `output` or under the output folder) unless `to_stdout`."""
    if export_format not in SUFFIXES:
        raise ExchangeError(f"--format: {export_format!r} is not one of xliff, tmx, tbx")
    if export_format != "tbx" and not language:
        raise ExchangeError(f"--format {export_format} needs --lang (one target language)")
    if export_format == "tbx" and statement_ids:
        raise ExchangeError("--statement does not apply to --format tbx (the whole glossary)")
    if language:
        language = target_language(project, language)  # es-ES, es_ES: the project's es
    if export_format == "xliff":
        data = export_xliff(project, language or "", tuple(statement_ids), notice=notice)
    elif export_format == "tmx":
        data = export_tmx(project, language or "", tuple(statement_ids), notice=notice)
    else:
        data = export_tbx(project, language)
    if to_stdout:
        return ExportReport(export_format, language, None, data)
    target = (
        Path(output)
        if output is not None
        else default_export_path(project, export_format, language)
    )
    try:
        write_bytes_atomically(target, data)
    except OSError as error:
        raise ExchangeError(f"cannot write: {error.strerror}", file=target) from None
    return ExportReport(export_format, language, project.relative(target), data)


def import_tbx(project: Project, paths: PathLike | Sequence[PathLike]) -> ImportReport:
    """Merge TBX term bases into the glossary: new terms and renderings added, changed
    renderings replaced, nothing removed; the file's comments and layout are kept."""
    return import_files(project, paths, allowed=("tbx",))


def _check_forced_units(named: Collection[str], files: Sequence[XmlFile]) -> None:
    """`--force-unit ID` names a unit (XLIFF) or term entry (TBX) of the files imported: a
    mistyped ID would otherwise settle nothing, silently."""
    known = {
        element.get("id")
        for xml in files
        for element in xml.root.iter()
        if isinstance(element.tag, str) and local_name(element) in ("trans-unit", "termEntry")
    }
    unknown = [ident for ident in named if ident not in known]
    if unknown:
        raise ExchangeError(
            f"--force-unit {unknown[0]}: no unit or term entry of the imported files has this id"
        )


def import_files(
    project: Project,
    paths: PathLike | Sequence[PathLike],
    *,
    allowed: Sequence[str] = ("xliff", "tbx", "tmx"),
    force: Force = False,
    lock_timeout: float = 30.0,
) -> ImportReport:
    """Import XLIFF files into the catalogs, TMX memories into their untranslated entries
    and TBX files into the glossary, told apart by their content; every file is read and
    checked before anything is written."""
    parsed = [parse_xml(path) for path in path_list(paths)]
    xliffs: list[XmlFile] = []
    term_bases: list[XmlFile] = []
    memories: list[XmlFile] = []
    for xml in parsed:
        name = local_name(xml.root)
        kind = "tbx" if is_tbx(xml) else (name if name in ("xliff", "tmx") else None)
        if kind is None or kind not in allowed:
            what = {"tmx": "a TMX memory"}.get(name, f"<{name}>")
            expected = " or ".join(a.upper() for a in allowed)
            raise ExchangeError(f"not {expected}: the file is {what}", file=xml.shown)
        {"tbx": term_bases, "tmx": memories}.get(kind, xliffs).append(xml)
    if force is not True and force:
        _check_forced_units(force, [*xliffs, *term_bases])
    read_memories = [read_tmx(project, xml) for xml in memories]
    report = ImportReport()
    changes = GlossaryChanges()
    entries = []
    for xml in term_bases:
        found, ignored = read_tbx(project, xml)
        entries.extend(found)
        changes.ignored += ignored
    with catalog_writes(project, lock_timeout) as writes:
        planned = plan_xliff(project, xliffs, report, writes, force=force)
        if term_bases:
            writes.remember(project.glossary_path)
        glossary_text = (
            merge_into_glossary(project, entries, changes, force=force) if term_bases else None
        )
        report.conflicts.extend(changes.conflicts)
        check_memory_catalogs(project, read_memories)  # before any write: never half applied
        write_catalogs(project, planned, report, writes)
        if read_memories:  # after the XLIFF: a memory fills only what is still empty
            apply_memories(project, read_memories, report, writes, planned)
        if glossary_text is not None:
            write_glossary(project, glossary_text, writes)
    report.files.extend(xml.shown for xml in (*memories, *term_bases))
    if term_bases:
        report.glossary = changes.as_dict()
        report.glossary_written = glossary_text is not None
    return report
