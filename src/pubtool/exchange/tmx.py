"""TMX 1.4 translation memory: every finished translation of a language, for a CAT tool.

Inline Markdown travels as TMX inline codes holding the Markdown itself (`<bpt>`/`<ept>`
around emphasis and links, `<ph>` for code spans and line breaks), so a CAT tool's memory
matches text and protects markup, and the text of a `<seg>` is the message as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from pubtool import __version__
from pubtool.errors import ExchangeError
from pubtool.exchange.inline import Atom, End, Start, segment
from pubtool.exchange.units import (
    entry_statements,
    indent,
    live_entries,
    load_target_catalog,
    serialise,
    target_language,
    unit_id,
)
from pubtool.project import Project
from pubtool.statements import load_statements

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STRUCTURAL = frozenset({"tmx", "body", "tu", "tuv"})


def export_tmx(
    project: Project,
    language: str,
    statement_ids: Sequence[str] = (),
    *,
    notice: Callable[[str], None] | None = None,
) -> bytes:
    """Source and translation of every translated, not fuzzy message, one `<tu>` each.

    `statement_ids` keeps the messages of those statements only; `tuid` is the same unit
    id as in XLIFF, so memory and exchange files name a message alike.
    """
    target_language(project, language)
    if statement_ids:
        known = {s.id for s in load_statements(project.statements_dir, notice=notice)}
        for wanted in statement_ids:
            if wanted not in known:
                raise ExchangeError(f"--statement {wanted}: no statement with this id")
    catalog = load_target_catalog(project, language)
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header")
    for name, value in (
        ("creationtool", "pubtool"),
        ("creationtoolversion", __version__),
        ("segtype", "paragraph"),
        ("o-tmf", "PO"),
        ("adminlang", project.source_language),
        ("srclang", project.source_language),
        ("datatype", "plaintext"),
    ):
        header.set(name, value)
    body = etree.SubElement(root, "body")
    for entry in live_entries(catalog):
        if not entry.msgstr or entry.fuzzy:
            continue
        owners = entry_statements(entry)
        if statement_ids and not set(owners) & set(statement_ids):
            continue
        unit = etree.SubElement(body, "tu", tuid=unit_id(entry.msgid, entry.msgctxt))
        for owner in owners:
            etree.SubElement(unit, "prop", type="x-pubtool-statement").text = owner
        for lang, text in ((project.source_language, entry.msgid), (language, entry.msgstr)):
            variant = etree.SubElement(unit, "tuv")
            variant.set(XML_LANG, lang)
            _fill_segment(etree.SubElement(variant, "seg"), text)
    indent(root, _STRUCTURAL)
    return serialise(root)


def _fill_segment(seg: etree._Element, text: str) -> None:
    last: etree._Element | None = None
    for piece in segment(text).pieces:
        if isinstance(piece, str):
            if last is None:
                seg.text = (seg.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        code = piece.code
        if isinstance(piece, Start):
            last = etree.SubElement(seg, "bpt", i=code.id)
            last.text = code.markdown
        elif isinstance(piece, End):
            last = etree.SubElement(seg, "ept", i=code.id)
            last.text = code.closing
        elif isinstance(piece, Atom):
            last = etree.SubElement(seg, "ph", type=code.ctype)
            last.text = code.markdown
