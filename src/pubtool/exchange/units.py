"""What XLIFF, TMX and TBX share: stable unit ids, languages, the catalog as units."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
from lxml import etree

from pubtool.catalogs import load_catalog
from pubtool.errors import ExchangeError
from pubtool.project import Project

#: `m` and 16 hex digits of SHA-256 over msgctxt and msgid: the same message gets the same
#: id in every export, and a unit names the exact source text it was made from.
UNIT_ID = re.compile(r"^m[0-9a-f]{16}$")
_STATEMENT_COMMENT = re.compile(r"^statement: (\S+)$")


def unit_id(msgid: str, msgctxt: str | None = None) -> str:
    key = msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"
    return "m" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def entry_statements(entry: polib.POEntry) -> list[str]:
    """The statements a message belongs to, in reading order (its `#. statement:` lines)."""
    return [
        match.group(1)
        for line in (entry.comment or "").splitlines()
        if (match := _STATEMENT_COMMENT.match(line.strip()))
    ]


def live_entries(catalog: polib.POFile) -> Iterator[polib.POEntry]:
    """The messages a translator works on: not the header, not obsolete, not plural."""
    for entry in catalog:
        if entry.msgid and not entry.obsolete and not entry.msgid_plural:
            yield entry


def target_language(project: Project, language: str) -> str:
    """`language` checked as one of the project's languages a translator translates into."""
    configured = project.configured_language(language)
    if configured is None:
        raise ExchangeError(str(project.unknown_language(language, "--lang")))
    language = configured
    if language == project.source_language:
        raise ExchangeError(
            f"{language!r} is the source language; export a language it is translated into"
        )
    return language


def project_language(project: Project, tag: str | None) -> str | None:
    """The project language an XML `xml:lang` names: `az`, `az-AZ` and `az_Latn_AZ` are az;
    the source language is one of them whether or not `languages` lists it."""
    return project.configured_language(tag) if tag else None


def load_target_catalog(project: Project, language: str) -> polib.POFile:
    path = project.catalog_path(language)
    if not path.exists():
        raise ExchangeError(
            "no catalog yet: run `pubtool extract` and `pubtool update`",
            file=project.relative(path),
        )
    return load_catalog(project, path)


@dataclass(frozen=True)
class XmlFile:
    """A parsed XML file and the name it is shown by in messages."""

    root: etree._Element
    shown: str


def parse_xml(path: Path) -> XmlFile:
    """Parse without fetching or expanding anything: no DTDs, no entities, no network."""
    shown = str(path)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExchangeError(f"cannot read: {error.strerror}", file=shown) from None
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        message = str(error.msg or error).split(", line ")[0]
        raise ExchangeError(f"not well-formed XML: {message}", file=shown, line=line) from None
    if root.getroottree().docinfo.internalDTD is not None or any(
        isinstance(node, etree._Entity) for node in root.iter()
    ):
        raise ExchangeError("a DOCTYPE with entities is not accepted", file=shown)
    return XmlFile(root, shown)


def local_name(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return ""
    return str(etree.QName(element).localname)


def xml_lang(element: etree._Element) -> str | None:
    value = element.get("{http://www.w3.org/XML/1998/namespace}lang")
    return None if value is None else str(value)


def indent(element: etree._Element, structural: frozenset[str], level: int = 0) -> None:
    """Indent only elements that hold other elements; text-bearing ones are left exact."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children or local_name(element) not in structural:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        indent(child, structural, level + 1)
    children[-1].tail = "\n" + "  " * level


def serialise(root: etree._Element) -> bytes:
    body = bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=False))
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"
