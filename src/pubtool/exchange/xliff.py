"""XLIFF 1.2 for CAT tools: one `<file>` per statement, one `<trans-unit>` per message.

Written and read with lxml rather than translate-toolkit's XLIFF classes: the layout here
(a `<file>` per statement, notes by origin, `<g>`/`<x/>`/`<ph>` codes mapped back to the
source's own Markdown) needs control over every element, and reading must report the file,
line and unit of each problem. translate-toolkit reads what we write back in the tests.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
from lxml import etree

from pubtool.catalogs import catalog_writes, stage_catalog
from pubtool.errors import ExchangeError
from pubtool.exchange.inline import Atom, End, Piece, Segmented, Start, segment
from pubtool.exchange.report import Conflict, ImportReport, StaleUnit
from pubtool.exchange.units import (
    UNIT_ID,
    XmlFile,
    entry_statements,
    indent,
    live_entries,
    load_target_catalog,
    local_name,
    parse_xml,
    project_language,
    serialise,
    target_language,
    unit_id,
)
from pubtool.files import GuardedWrites
from pubtool.po.merge import RISK_NOTE
from pubtool.project import Project
from pubtool.statements import load_statements

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: pubtool's own attributes in an XLIFF file (XLIFF 1.2 allows other namespaces' attributes).
PUBTOOL_NS = "urn:pubtool:xliff"
#: On a `<trans-unit>`: the digest of the catalog's target as exported (text and fuzzy),
#: the base of the three-way merge on import.
BASE = f"{{{PUBTOOL_NS}}}base"
_STRUCTURAL = frozenset({"xliff", "file", "header", "body", "trans-unit", "context-group"})

#: Target states a CAT tool uses for finished work; every other state imports as fuzzy.
FINISHED_STATES = frozenset({"translated", "signed-off", "final"})


def _q(name: str) -> str:
    return f"{{{XLIFF_NS}}}{name}"


# --- export ---------------------------------------------------------------------------------


def export_xliff(
    project: Project,
    language: str,
    statement_ids: Sequence[str] = (),
    *,
    notice: Callable[[str], None] | None = None,
) -> bytes:
    """The catalog of `language` as XLIFF 1.2, for the statements chosen (default: all).

    A message used by several statements goes in the `<file>` of the first of them (in
    reading order) that the export includes; messages of no statement (the collection
    title) go in a `<file>` of their own, exported when no statement is chosen.
    """
    target_language(project, language)
    statements = load_statements(project.statements_dir, notice=notice, display=project.root)
    by_id = {statement.id: statement for statement in statements}
    for wanted in statement_ids:
        if wanted not in by_id:
            raise ExchangeError(f"--statement {wanted}: no statement with this id")
    chosen = [s for s in statements if not statement_ids or s.id in statement_ids]
    catalog = load_target_catalog(project, language)
    groups: dict[str, list[polib.POEntry]] = {s.id: [] for s in chosen}
    loose: dict[str, list[polib.POEntry]] = {}
    for entry in live_entries(catalog):
        owners = [owner for owner in entry_statements(entry) if owner in groups]
        if owners:
            groups[owners[0]].append(entry)
        elif not statement_ids and not entry_statements(entry):
            original = entry.occurrences[0][0] if entry.occurrences else project.domain
            loose.setdefault(original, []).append(entry)
    root = etree.Element(_q("xliff"), nsmap={None: XLIFF_NS, "pubtool": PUBTOOL_NS})
    root.set("version", "1.2")
    for original, entries in loose.items():
        _file(root, project, language, original, "The collection", entries)
    for statement in chosen:
        title = f"{statement.title.text} ({statement.date.isoformat()}, {statement.id})"
        original = project.relative(statement.path)
        _file(root, project, language, original, title, groups[statement.id])
    indent(root, _STRUCTURAL)
    return serialise(root)


def _file(
    root: etree._Element,
    project: Project,
    language: str,
    original: str,
    title: str,
    entries: list[polib.POEntry],
) -> None:
    file = etree.SubElement(root, _q("file"))
    file.set("original", original)
    file.set("source-language", project.source_language)
    file.set("target-language", language)
    file.set("datatype", "plaintext")
    file.set("product-name", project.title)
    header = etree.SubElement(file, _q("header"))
    tool = etree.SubElement(header, _q("tool"))
    tool.set("tool-id", "pubtool")
    tool.set("tool-name", "pubtool")
    etree.SubElement(header, _q("note")).text = title
    body = etree.SubElement(file, _q("body"))
    for entry in entries:
        _unit(body, entry)


def _unit(body: etree._Element, entry: polib.POEntry) -> None:
    unit = etree.SubElement(body, _q("trans-unit"))
    unit.set("id", unit_id(entry.msgid, entry.msgctxt))
    unit.set(XML_SPACE, "preserve")
    unit.set(BASE, target_digest(entry.msgstr, entry.fuzzy))
    source = segment(entry.msgid)
    _fill(etree.SubElement(unit, _q("source")), source.pieces)
    target = etree.SubElement(unit, _q("target"))
    if not entry.msgstr:
        target.set("state", "new")
    else:
        target.set("state", "needs-review-translation" if entry.fuzzy else "translated")
        unit.set("approved", "no" if entry.fuzzy else "yes")
        _fill(target, _target_pieces(entry.msgstr, source))
    for path, line in entry.occurrences:
        group = etree.SubElement(unit, _q("context-group"))
        group.set("purpose", "location")
        etree.SubElement(group, _q("context"), {"context-type": "sourcefile"}).text = path
        etree.SubElement(group, _q("context"), {"context-type": "linenumber"}).text = line
    if entry.comment:
        etree.SubElement(unit, _q("note"), {"from": "developer"}).text = entry.comment
    if entry.tcomment:
        etree.SubElement(unit, _q("note"), {"from": "translator"}).text = entry.tcomment
    if entry.fuzzy and entry.previous_msgid:
        note = etree.SubElement(unit, _q("note"), {"from": "pubtool", "annotates": "source"})
        note.text = f"Previous source: {entry.previous_msgid}"


def target_digest(translation: str, fuzzy: bool) -> str:
    """What a target was, in a few characters: the same text and fuzziness, the same digest."""
    marked = ("fuzzy\0" if fuzzy else "done\0") + translation
    return hashlib.sha256(marked.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _target_pieces(translation: str, source: Segmented) -> tuple[Piece, ...]:
    """The translation with the source's codes where it spells them the same way.

    Codes are matched to the source's by kind and spelling, in order; markup of the
    translation's own that the source does not have (a fuzzy translation of an older
    source, say) stays plain text, so the codes that do match are still codes, as in the
    `<source>`."""
    own = segment(translation)
    if not own.codes or not source.codes:
        return (translation,)
    available = {code.id: code for code in source.codes.values()}
    renamed: dict[str, str] = {}
    for code in own.codes.values():
        match = next(
            (
                candidate
                for candidate in available.values()
                if (candidate.element, candidate.markdown, candidate.closing)
                == (code.element, code.markdown, code.closing)
            ),
            None,
        )
        if match is not None:
            renamed[code.id] = match.id
            del available[match.id]
    pieces: list[Piece] = []
    for piece in own.pieces:
        if isinstance(piece, str):
            pieces.append(piece)
        elif piece.code.id in renamed:
            pieces.append(type(piece)(source.codes[renamed[piece.code.id]]))
        else:  # the translation's own markup, as it writes it
            pieces.append(piece.code.closing if isinstance(piece, End) else piece.code.markdown)
    return tuple(pieces)


def _fill(element: etree._Element, pieces: Iterable[Piece]) -> None:
    """Text and inline codes into `<source>` or `<target>`, lxml's text/tail way."""
    stack = [element]
    last: etree._Element | None = None

    def add_text(text: str) -> None:
        if last is None:
            stack[-1].text = (stack[-1].text or "") + text
        else:
            last.tail = (last.tail or "") + text

    for piece in pieces:
        if isinstance(piece, str):
            add_text(piece)
        elif isinstance(piece, Start):
            code = piece.code
            child = etree.SubElement(stack[-1], _q("g"), {"id": code.id, "ctype": code.ctype})
            stack.append(child)
            last = None
        elif isinstance(piece, End):
            last = stack.pop()
        elif isinstance(piece, Atom):
            code = piece.code
            child = etree.SubElement(stack[-1], _q(code.element), {"id": code.id})
            child.set("ctype", code.ctype)
            if code.element == "ph":
                child.text = code.markdown
            last = child


# --- import ---------------------------------------------------------------------------------


class _LostCode(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def element_markdown(
    element: etree._Element, codes: dict[str, Any], *, lost_allowed: bool = False
) -> str:
    """`<source>`/`<target>` content back to Markdown, each code as the source spells it.

    Raises `_LostCode` when a code is missing (unless `lost_allowed`), repeated, unknown
    or of the wrong kind.
    """
    used: set[str] = set()
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):  # comments and processing instructions
                if child.tail:
                    parts.append(child.tail)
                continue
            name = local_name(child)
            if name == "mrk":  # an annotation (segment, term): its text is kept
                walk(child)
            elif name in ("g", "x", "ph"):
                code_id = child.get("id", "")
                code = codes.get(code_id)
                if code is None or code.element != name:
                    raise _LostCode(f"inline code <{name} id={code_id!r}> is not in the source",
                                    child.sourceline)
                if code_id in used:
                    raise _LostCode(f"inline code {code_id} ({code.ctype}) is repeated",
                                    child.sourceline)
                used.add(code_id)
                parts.append(code.markdown)
                if name == "g":
                    walk(child)
                    parts.append(code.closing)
            else:
                raise _LostCode(f"<{name}> is not an inline code pubtool wrote",
                                child.sourceline)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lost = [code for code_id, code in codes.items() if code_id not in used]
    if lost and not lost_allowed:
        names = ", ".join(f"{code.id} ({code.ctype} {code.markdown.strip() or 'line break'!r})"
                          for code in lost)
        raise _LostCode(f"inline code {names} lost", element.sourceline)
    return "".join(parts)


@dataclass
class _Change:
    entry: polib.POEntry
    msgstr: str
    fuzzy: bool
    apply: bool = True  # False: the catalog's text stays (newer, or in conflict)


#: `force`: take the XLIFF's side in every conflict (True), in those of the units named,
#: or in none (False).
Force = bool | Collection[str]


def import_xliff(
    project: Project,
    paths: Sequence[Path],
    *,
    force: Force = False,
    lock_timeout: float = 30.0,
) -> ImportReport:
    """Merge the targets of XLIFF files into the catalogs; all files checked before any write.

    Finished states (translated, signed-off, final; or no state and `approved="yes"`) become
    translations, any other state or `approved="no"` fuzzy; an empty target changes nothing.
    Each unit is merged three ways against its target as exported (`pubtool:base`): a
    catalog unchanged since takes the XLIFF's target; a catalog changed when the XLIFF's is
    not keeps its own; both changed differently is a conflict (`ImportReport.conflicts`),
    the catalog's text kept unless `force` names the unit (or is True).
    A unit whose source is no longer the catalog's is left out and listed
    (`ImportReport.raise_for_stale`). Bad input of any kind raises ExchangeError and writes
    nothing; a catalog saved by another program during the import is not written either
    (ChangedOnDiskError).
    """
    report = ImportReport()
    parsed = [parse_xml(Path(path)) for path in paths]
    with catalog_writes(project, lock_timeout) as writes:
        planned = plan_xliff(project, parsed, report, writes, force=force)
        write_catalogs(project, planned, report, writes)
    return report


_Planned = dict[str, tuple[polib.POFile, dict[str, tuple["_Change", str]]]]


def plan_xliff(
    project: Project,
    parsed: Sequence[XmlFile],
    report: ImportReport,
    writes: GuardedWrites,
    *,
    force: Force = False,
) -> _Planned:
    """Read and check every XLIFF file; the changes per language, nothing written yet."""
    planned: _Planned = {}
    for xml in parsed:
        report.files.append(xml.shown)
        check_xliff_root(xml)
        for file in xml.root:
            if local_name(file) != "file":
                continue
            language = _file_language(project, xml, file)
            if language not in planned:
                writes.remember(project.catalog_path(language))
                planned[language] = (load_target_catalog(project, language), {})
            catalog, units = planned[language]
            _read_file(project, xml, file, language, catalog, units, report, force)
    return planned


def write_catalogs(
    project: Project, planned: _Planned, report: ImportReport, writes: GuardedWrites
) -> None:
    """Stage each changed catalog; the caller's `catalog_writes` writes them at its end."""
    for language, (catalog, units) in planned.items():
        changed = False
        for change, _where in units.values():
            changed |= _apply(change)
        path = project.catalog_path(language)
        written = changed and stage_catalog(writes, catalog, path, project.width)
        report.catalogs[project.relative(path)] = written


def check_xliff_root(xml: XmlFile) -> None:
    root = xml.root
    if local_name(root) != "xliff":
        raise ExchangeError(f"not an XLIFF file (root element <{local_name(root)}>)", xml.shown)
    namespace = etree.QName(root).namespace
    version = root.get("version", "")
    if namespace not in (XLIFF_NS, None) or not version.startswith("1."):
        raise ExchangeError(
            f"XLIFF {version or namespace} is not supported; pubtool reads XLIFF 1.2",
            xml.shown, root.sourceline,
        )


def _file_language(project: Project, xml: XmlFile, file: etree._Element) -> str:
    where = f"<file original={file.get('original')!r}>"
    product = file.get("product-name")
    if product is not None and product != project.title:
        raise ExchangeError(
            f"{where} is from another project ({product!r}, this is {project.title!r})",
            xml.shown, file.sourceline,
        )
    source = project_language(project, file.get("source-language"))
    if source != project.source_language:
        raise ExchangeError(
            f"{where}: source-language {file.get('source-language')!r} is not this project's "
            f"source language {project.source_language!r}",
            xml.shown, file.sourceline,
        )
    tag = file.get("target-language")
    language = project_language(project, tag)
    if language is None or language == project.source_language:
        targets = ", ".join(x for x in project.languages if x != project.source_language)
        raise ExchangeError(
            f"{where}: target-language {tag!r} is not one of this project's ({targets})",
            xml.shown, file.sourceline,
        )
    return language


def _read_file(
    project: Project,
    xml: XmlFile,
    file: etree._Element,
    language: str,
    catalog: polib.POFile,
    known: dict[str, tuple[_Change, str]],
    report: ImportReport,
    force: Force = False,
) -> None:
    entries = {unit_id(e.msgid, e.msgctxt): e for e in live_entries(catalog)}
    originals = {path for e in catalog for path, _ in e.occurrences}
    changed = {  # old source -> the message `pubtool update` matched it to
        unit_id(e.previous_msgid, e.previous_msgctxt): unit_id(e.msgid, e.msgctxt)
        for e in entries.values()
        if e.fuzzy and e.previous_msgid
    }
    original = file.get("original", "")
    if original not in originals:
        raise ExchangeError(
            f"<file original={original!r}> names no statement of this project",
            xml.shown, file.sourceline,
        )
    for unit in file.iter(_q("trans-unit"), "trans-unit"):
        ident = unit.get("id", "")
        where = f"{xml.shown}:{unit.sourceline}"
        if not UNIT_ID.match(ident):
            raise ExchangeError(
                f"unit {ident!r}: unknown unit id (pubtool's ids are 'm' and 16 hex digits)",
                xml.shown, unit.sourceline,
            )
        source_element = _child(unit, "source")
        target_element = _child(unit, "target")
        entry = entries.get(ident)
        source_text = "".join(source_element.itertext()) if source_element is not None else ""
        if entry is None:
            successor = changed.get(ident)
            reason = (
                f"source changed since the export (now unit {successor}, fuzzy)"
                if successor
                else "source no longer in the catalog"
            )
            report.stale.append(
                StaleUnit(xml.shown, unit.sourceline, ident, language, reason, source_text)
            )
            continue
        codes = segment(entry.msgid).codes
        try:
            source = element_markdown(source_element, codes) if source_element is not None else None
        except _LostCode:
            source = None
        if source != entry.msgid:
            report.stale.append(StaleUnit(xml.shown, unit.sourceline, ident, language,
                                          "source differs from the catalog's", source_text))
            continue
        if target_element is None or _is_empty(target_element):
            report.empty += 1
            continue
        finished = _finished(unit, target_element)
        try:
            translation = element_markdown(target_element, codes)
        except _LostCode as problem:
            # Some of the source's codes are not in the target: fine for the catalog's own
            # translation coming back as it went (its markup differs from the source's), and
            # for a draft still to review (fuzzy); a finished translation must have them all.
            try:
                lenient = element_markdown(target_element, codes, lost_allowed=True)
            except _LostCode:
                lenient = None
            if lenient is not None and (lenient == entry.msgstr or not finished):
                translation = lenient
            else:
                raise ExchangeError(f"unit {ident}: target: {problem.message}", xml.shown,
                                    problem.line or target_element.sourceline) from None
        change = _Change(entry, translation, fuzzy=not finished)
        if ident in known and (known[ident][0].msgstr, known[ident][0].fuzzy) != (
            change.msgstr, change.fuzzy
        ):
            raise ExchangeError(
                f"unit {ident} has another target at {known[ident][1]}",
                xml.shown, unit.sourceline,
            )
        if ident in known:
            continue
        known[ident] = (change, where)
        if (entry.msgstr, entry.fuzzy) == (translation, change.fuzzy):
            report.unchanged += 1
            continue
        forced = force is True or ident in (force or ())
        side = "xliff" if forced else _merge_side(unit.get(BASE), entry, change)
        if side == "catalog":
            report.kept += 1
            change.apply = False
            continue
        if side == "conflict":
            report.conflicts.append(Conflict(
                xml.shown, unit.sourceline, ident, language,
                project.relative(project.catalog_path(language)), entry.linenum or None,
                "changed in the catalog and in the XLIFF since the export; "
                "the catalog's text kept",
            ))
            change.apply = False
            continue
        if forced and _merge_side(unit.get(BASE), entry, change) != "xliff":
            report.forced += 1
        if change.fuzzy:
            report.fuzzy += 1
        else:
            report.translated += 1


def _finished(unit: etree._Element, target: etree._Element) -> bool:
    """A finished translation, or one to review (fuzzy)? The target's state says, when it
    has one: a CAT tool marks a unit translated by its state and may leave `approved` as
    it found it; `approved` decides only for a target without a state."""
    state = target.get("state")
    if state is not None:
        return state in FINISHED_STATES
    return bool(unit.get("approved") == "yes")


def _merge_side(base: str | None, entry: polib.POEntry, change: _Change) -> str:
    """Whose target a unit takes when the catalog's and the XLIFF's differ: "xliff" when
    the catalog is as exported, "catalog" when the XLIFF is, else "conflict". A unit
    exported without a base (by an older pubtool, or stripped by a tool) can only be
    applied where the catalog has no translation to lose."""
    if base is None:
        return "xliff" if not entry.msgstr else "conflict"
    if target_digest(entry.msgstr, entry.fuzzy) == base:
        return "xliff"
    if target_digest(change.msgstr, change.fuzzy) == base:
        return "catalog"
    return "conflict"


def _child(unit: etree._Element, name: str) -> etree._Element | None:
    for child in unit:
        if local_name(child) == name:
            return child
    return None


def _is_empty(element: etree._Element) -> bool:
    return not (element.text or "") and len(element) == 0


_RISK_LINE = re.compile("^" + re.escape(RISK_NOTE))


def _apply(change: _Change) -> bool:
    """Put a translation into its entry; True when the entry changed."""
    entry = change.entry
    if not change.apply or (entry.msgstr, entry.fuzzy) == (change.msgstr, change.fuzzy):
        return False
    entry.msgstr = change.msgstr
    if change.fuzzy:
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
    else:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = None
        entry.previous_msgctxt = None
        # The number/date/negation notes compare with the previous source, now gone.
        entry.comment = "\n".join(
            line for line in (entry.comment or "").splitlines() if not _RISK_LINE.match(line)
        )
    return True
