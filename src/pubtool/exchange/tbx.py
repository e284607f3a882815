"""TBX term base: the glossary (`locales/glossary.yaml`) out to a CAT tool and back.

Written as TBX 2 (`<martif>`, the TBX-Basic layout MultiTerm, memoQ and translate-toolkit
read): one `<termEntry>` per glossary entry, one `<langSet>` per language. Import reads
TBX 2 and TBX 3 (`<conceptEntry>`/`<langSec>`) and edits the glossary file in place, line by
line, so its comments and layout stay as the team wrote them: new terms are appended, new
renderings added to their entry, changed renderings replaced, and nothing is removed.

A term base pubtool exported records each entry's renderings as they were
(`pubtool:base`); on import a rendering changed in the glossary since is kept, and one
changed on both sides differently is a conflict (not applied; `--force` takes the term
base's). A term base from elsewhere has no such record: its renderings replace.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import etree

from pubtool.checks.glossary import Glossary, load_glossary
from pubtool.errors import ConfigError, ExchangeError
from pubtool.exchange.report import Conflict
from pubtool.exchange.units import (
    XmlFile,
    indent,
    local_name,
    project_language,
    serialise,
    target_language,
    xml_lang,
)
from pubtool.files import GuardedWrites
from pubtool.project import Project

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PUBTOOL_NS = "urn:pubtool:xliff"
#: On a `<termEntry>`: each target language's rendering as exported, `lang=digest;...`.
BASE = f"{{{PUBTOOL_NS}}}base"
_STRUCTURAL = frozenset(
    {"martif", "martifHeader", "fileDesc", "sourceDesc", "text", "body", "termEntry",
     "langSet", "tig"}
)


def export_tbx(project: Project, language: str | None = None) -> bytes:
    """The glossary as a TBX term base: every language, or the source and `language`."""
    if language is not None:
        target_language(project, language)
    glossary = _project_glossary(project)
    languages = [project.source_language] + [
        code for code in project.languages
        if code != project.source_language and language in (None, code)
    ]
    root = etree.Element("martif", type="TBX", nsmap={"pubtool": PUBTOOL_NS})
    root.set(XML_LANG, project.source_language)
    header = etree.SubElement(root, "martifHeader")
    description = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(description, "p").text = (
        f"Glossary of {project.title} ({project.relative(project.glossary_path)})"
    )
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    seen: dict[str, int] = {}
    for term in glossary.terms:
        ident = "t" + hashlib.sha256(term.source.encode("utf-8")).hexdigest()[:16]
        seen[ident] = seen.get(ident, 0) + 1
        entry = etree.SubElement(
            body, "termEntry", id=ident if seen[ident] == 1 else f"{ident}-{seen[ident]}"
        )
        entry.set(BASE, ";".join(
            f"{code}={rendering_digest(term.rendering(code))}"
            for code in languages if code != project.source_language
        ))
        if term.note:
            etree.SubElement(entry, "note").text = term.note
        for code in languages:
            text = term.source if code == project.source_language else term.rendering(code)
            if text is None:
                continue
            lang_set = etree.SubElement(entry, "langSet")
            lang_set.set(XML_LANG, code)
            etree.SubElement(etree.SubElement(lang_set, "tig"), "term").text = text
    indent(root, _STRUCTURAL)
    return serialise(root)


def rendering_digest(rendering: str | None) -> str:
    """A rendering in a few characters (none at all is the empty one)."""
    text = " ".join((rendering or "").split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _project_glossary(project: Project) -> Glossary:
    if not project.glossary_path.exists():
        return Glossary.empty()
    return load_glossary(project.glossary_path, source_language=project.source_language)


def is_tbx(xml: XmlFile) -> bool:
    return local_name(xml.root) in ("martif", "tbx")


@dataclass(frozen=True)
class TermEntry:
    """A concept read from TBX: its source terms, one rendering per language, a note."""

    sources: tuple[str, ...]
    renderings: tuple[tuple[str, str], ...]
    note: str | None
    line: int | None
    ident: str = "?"
    base: tuple[tuple[str, str], ...] | None = None  # language -> digest, when exported
    file: str = ""


@dataclass
class GlossaryChanges:
    added_terms: int = 0
    added_renderings: int = 0
    changed_renderings: int = 0
    unchanged: int = 0
    ignored: int = 0  # further terms of a language; the glossary keeps one rendering
    kept: int = 0  # changed in the glossary only since the export: the glossary's stays
    conflicts: list[Conflict] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "added_terms": self.added_terms,
            "added_renderings": self.added_renderings,
            "changed_renderings": self.changed_renderings,
            "unchanged": self.unchanged,
            "ignored": self.ignored,
            **({"kept": self.kept} if self.kept else {}),
            **({"conflicts": len(self.conflicts)} if self.conflicts else {}),
        }


def read_tbx(project: Project, xml: XmlFile) -> tuple[list[TermEntry], int]:
    """The term entries of a TBX file, languages checked against the project's."""
    entries: list[TermEntry] = []
    ignored = 0
    for node in xml.root.iter():
        if local_name(node) not in ("termEntry", "conceptEntry"):
            continue
        ident = node.get("id", "?")
        sources: list[str] = []
        renderings: dict[str, str] = {}
        note: str | None = None
        for child in node:
            name = local_name(child)
            if name == "note" and child.text and child.text.strip():
                note = " ".join(child.text.split())
            if name not in ("langSet", "langSec"):
                continue
            tag = xml_lang(child)
            language = project_language(project, tag)
            if language is None:
                raise ExchangeError(
                    f"term entry {ident}: language {tag!r} is not one of this project's "
                    f"({', '.join(project.languages)})",
                    xml.shown, child.sourceline,
                )
            terms = [
                " ".join("".join(term.itertext()).split())
                for term in child.iter()
                if local_name(term) == "term"
            ]
            terms = [term for term in terms if term]
            if language == project.source_language:
                sources.extend(terms)
            elif terms:
                if language in renderings:
                    ignored += len(terms)
                    continue
                renderings[language] = terms[0]
                ignored += len(terms) - 1
        if not sources:
            raise ExchangeError(
                f"term entry {ident} has no {project.source_language} term",
                xml.shown, node.sourceline,
            )
        entries.append(TermEntry(tuple(sources), tuple(renderings.items()), note,
                                 node.sourceline, ident, _read_base(node), xml.shown))
    return entries, ignored


def _read_base(node: etree._Element) -> tuple[tuple[str, str], ...] | None:
    recorded = node.get(BASE)
    if recorded is None:
        return None
    pairs = [item.partition("=") for item in recorded.split(";") if item]
    return tuple((language, digest) for language, _, digest in pairs)


def merge_into_glossary(
    project: Project,
    entries: Sequence[TermEntry],
    changes: GlossaryChanges,
    *,
    force: bool | Collection[str] = False,
) -> str | None:
    """The glossary's new text with the entries merged in, or None when nothing changes.
    A rendering is merged three ways where the entry records its base (see the module)."""
    path = project.glossary_path
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if path.exists():
        load_glossary(path, source_language=project.source_language)  # refuse a broken one
    edits: list[tuple[int, int, str]] = []
    known, items_indent, terms_node = _glossary_nodes(text, project, path)
    appended: list[str] = []
    for entry in entries:
        for source in entry.sources:
            found = known.get(source)
            if found is None:
                known[source] = _NewEntry()
                block = [f"{project.source_language}: {_scalar(source)}"]
                block += [f"{lang}: {_scalar(value)}" for lang, value in entry.renderings]
                if entry.note:
                    block.append(f"note: {_scalar(entry.note)}")
                appended.append(
                    " " * (items_indent - 2) + "- "
                    + ("\n" + " " * items_indent).join(block) + "\n"
                )
                changes.added_terms += 1
                continue
            if isinstance(found, _NewEntry):
                continue
            for lang, value in entry.renderings:
                node = found.values.get(lang)
                side = _merge_side(entry, lang, node, value, force)
                if side == "glossary":
                    changes.kept += 1
                    continue
                if side == "conflict":
                    changes.conflicts.append(Conflict(
                        entry.file, entry.line, entry.ident, lang,
                        project.relative(path),
                        (node.start_mark.line + 1) if node is not None else None,
                        "changed in the glossary and in the term base since the export; "
                        "the glossary's rendering kept",
                    ))
                    continue
                if node is None:
                    if found.mapping.flow_style:
                        raise ExchangeError(
                            f"the entry for {source!r} is written in flow style ({{...}}); "
                            "write it as a block to import renderings into it",
                            file=project.relative(path), line=found.mapping.start_mark.line + 1,
                        )
                    at = _line_end(text, found.last_end)
                    edits.append((at, at, f"\n{' ' * found.indent}{lang}: {_scalar(value)}"))
                    changes.added_renderings += 1
                elif " ".join(str(node.value).split()) != value:
                    edits.append((node.start_mark.index, node.end_mark.index, _scalar(value)))
                    changes.changed_renderings += 1
                else:
                    changes.unchanged += 1
    if appended:
        if terms_node is not None and not terms_node.value:  # `terms:` or `terms: []`
            start, end = terms_node.start_mark.index, terms_node.end_mark.index
            edits.append((start, end, "\n" + "".join(appended).rstrip("\n")))
        elif text:
            edits.append((len(text), len(text), ("" if text.endswith("\n") else "\n")
                          + "".join(appended)))
        else:
            edits.append((0, 0, "terms:\n" + "".join(appended)))
    if not edits:
        return None
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    _validate(text, project)
    return text


def _merge_side(
    entry: TermEntry,
    language: str,
    node: yaml.Node | None,
    value: str,
    force: bool | Collection[str],
) -> str:
    """Whose rendering stays: "tbx" (apply), "glossary" (changed only there since the
    export), or "conflict". Without a recorded base (a term base from elsewhere), "tbx"."""
    base = dict(entry.base or ()).get(language)
    if base is None or force is True or entry.ident in (force or ()):
        return "tbx"
    ours = rendering_digest(str(node.value) if node is not None else None)
    if ours == rendering_digest(value) or ours == base:
        return "tbx"
    if rendering_digest(value) == base:
        return "glossary"
    return "conflict"


class _NewEntry:
    """A source term appended by this import (a second TBX entry for it adds nothing)."""


@dataclass
class _Existing:
    mapping: yaml.MappingNode
    values: dict[str, yaml.Node]
    last_end: int
    indent: int


def _glossary_nodes(
    text: str, project: Project, path: Path
) -> tuple[dict[str, _Existing | _NewEntry], int, yaml.Node | None]:
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    known: dict[str, _Existing | _NewEntry] = {}
    items_indent = 4
    terms_node: yaml.Node | None = None
    if root is None:
        return known, items_indent, None
    for key, value in root.value:
        if key.value == "terms":
            terms_node = value
    if not isinstance(terms_node, yaml.SequenceNode):
        return known, items_indent, terms_node
    for item in terms_node.value:
        values = {str(k.value): v for k, v in item.value}
        source = " ".join(str(values[project.source_language].value).split())
        column = item.value[0][0].start_mark.column
        items_indent = column
        known.setdefault(
            source, _Existing(item, values, item.value[-1][1].end_mark.index, column)
        )
    return known, items_indent, terms_node


def _line_end(text: str, index: int) -> int:
    if index > 0 and text[index - 1] == "\n":
        return index - 1
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as `value`: plain where safe, else double-quoted."""
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok and value == value.strip() and "#" not in value:
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _validate(text: str, project: Project) -> None:
    """The edited glossary must load as a glossary; a failure here is pubtool's own bug."""
    with tempfile.TemporaryDirectory() as folder:
        candidate = Path(folder) / "glossary.yaml"
        candidate.write_text(text, encoding="utf-8")
        try:
            load_glossary(candidate, source_language=project.source_language)
        except ConfigError as error:
            raise ExchangeError(
                f"the import would leave the glossary invalid ({error.message}); "
                "nothing was written",
                file=project.relative(project.glossary_path),
            ) from None


def write_glossary(project: Project, text: str, writes: GuardedWrites) -> None:
    """Stage the glossary; written with the catalogs, unless it changed since it was read."""
    writes.stage(project.glossary_path, text.encode("utf-8"))
