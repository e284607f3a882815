"""The booklet's XMP title in every language it is printed in.

WeasyPrint writes `dc:title` once, as `x-default` (the lead language's title). A booklet in
two or three languages has a title in each: they are added as language alternatives of the
same `rdf:Alt`, which is how XMP says "this title, in these languages" (a catalogue or a
screen reader picks the one in its user's language).
"""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf
from lxml import etree

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def add_title_languages(pdf: pikepdf.Pdf, titles: Sequence[tuple[str, str]]) -> None:
    """Each (language, title) as an `rdf:li xml:lang` of `dc:title`, after `x-default`.
    A PDF without XMP (the plain variant) is left as it is."""
    metadata = pdf.Root.get("/Metadata")
    if metadata is None or not titles:
        return
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)
    data = metadata.read_bytes()
    start, end = data.find(b"<x:xmpmeta"), data.rfind(b"</x:xmpmeta>")
    if start < 0 or end < 0:
        return
    tree = etree.fromstring(data[start : end + len(b"</x:xmpmeta>")], parser)
    alternatives = tree.findall(f".//{{{DC}}}title/{{{RDF}}}Alt")
    if len(alternatives) != 1:
        return
    (alternative,) = alternatives
    present = {item.get(XML_LANG) for item in alternative}
    for language, title in titles:
        if language in present or not title:
            continue
        item = etree.SubElement(alternative, f"{{{RDF}}}li")
        item.set(XML_LANG, language)
        item.text = title
        present.add(language)
    rewritten = data[:start] + etree.tostring(tree, encoding="utf-8") + data[end + 12 :]
    metadata.write(rewritten)
