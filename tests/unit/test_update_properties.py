"""`update` on generated histories: twice is once, byte for byte, and nothing is lost.

A history is a first template, translations of some of its messages (some fuzzy, with or
without the text they were made from), and a second template that keeps, edits, drops and
adds messages.  The catalog is read back from the text `update` writes, as a translator's
next run would read it.
"""

from __future__ import annotations

from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pubtool.catalogs import Message, build_template
from pubtool.po.merge import update_catalog
from pubtool.po.read import load_po
from pubtool.po.write import format_po

WORDS = [
    "Baku",
    "January",
    "the",
    "army",
    "city",
    "night",
    "people",
    "1990",
    "20",
    "147",
    "was",
    "were",
    "not",
    "attacked",
    "killed",
    "tanks",
    "streets",
    "of",
    "and",
    "in",
]

sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(
    lambda words: " ".join(words).capitalize() + "."
)


def template(texts: list[str]) -> polib.POFile:
    messages = [
        Message(text, "paragraph", (("statements/2020-01-15-x.md", 3 + 2 * i),), ("x",))
        for i, text in enumerate(texts)
    ]
    return build_template(messages, project_name="statements")


@st.composite
def histories(draw: st.DrawFn) -> tuple[polib.POFile, polib.POFile, polib.POFile]:
    first = list(dict.fromkeys(draw(st.lists(sentences, min_size=1, max_size=12))))
    catalog = polib.POFile()
    catalog.metadata = {"Language": "az", "Content-Type": "text/plain; charset=UTF-8"}
    for text in first:
        kind = draw(st.sampled_from(["done", "done", "fuzzy", "fuzzy-previous", "empty"]))
        entry = polib.POEntry(msgid=text, msgstr="" if kind == "empty" else f"az: {text}")
        if kind.startswith("fuzzy"):
            entry.flags.append("fuzzy")
        if kind == "fuzzy-previous":
            entry.previous_msgid = draw(sentences)
        catalog.append(entry)
    second: list[str] = []
    for text in first:
        fate = draw(st.sampled_from(["keep", "keep", "edit", "drop"]))
        if fate == "keep":
            second.append(text)
        elif fate == "edit":
            second.append(text[:-1] + " " + draw(st.sampled_from(WORDS)) + ".")
    second += draw(st.lists(sentences, max_size=4))
    return template(first), catalog, template(list(dict.fromkeys(second)))


def updated_text(template_: polib.POFile, path: Path) -> str:
    result, _ = update_catalog(template_, load_po(path), language="az")
    return format_po(result)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories())
def test_update_twice_is_update_once(
    tmp_path: Path, history: tuple[polib.POFile, polib.POFile, polib.POFile]
) -> None:
    _, catalog, second = history
    path = tmp_path / "az.po"
    path.write_text(format_po(catalog), encoding="utf-8")
    once = updated_text(second, path)
    path.write_text(once, encoding="utf-8")
    twice = updated_text(second, path)
    assert twice == once


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories())
def test_update_loses_no_translation(
    tmp_path: Path, history: tuple[polib.POFile, polib.POFile, polib.POFile]
) -> None:
    _, catalog, second = history
    path = tmp_path / "az.po"
    path.write_text(format_po(catalog), encoding="utf-8")
    result = load_po_text(tmp_path / "new.po", updated_text(second, path))
    kept = {(e.msgid, e.msgstr) for e in result if not e.obsolete}
    kept |= {(e.msgid, e.msgstr) for e in result if e.obsolete}
    kept |= {(e.previous_msgid, e.msgstr) for e in result if e.previous_msgid}
    for entry in catalog:
        if entry.msgstr:
            source = entry.previous_msgid if entry.fuzzy and entry.previous_msgid else entry.msgid
            assert (entry.msgid, entry.msgstr) in kept or (source, entry.msgstr) in kept


def load_po_text(path: Path, text: str) -> polib.POFile:
    path.write_text(text, encoding="utf-8")
    return load_po(path)
