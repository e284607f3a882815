"""Translated Markdown: the source file is the pattern, only translatable text changes."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from pubtool.errors import RenderError
from pubtool.publish.documents import Missing, Translations
from pubtool.publish.markdown import escape_line_start, translate_statement
from pubtool.statements import parse_statement

SOURCE = """\
---
id: 2020-01-15-rich
# the title as the agency sent it
title: "Rich: a statement"
date: 2020-01-15
issuer: The Ombudsman  # who signed
signature:
- E. Suleymanova
- |-
  Commissioner
  of Azerbaijan
notes:
- A note.
---

## A heading

Setext heading
==============

A paragraph with *emphasis* and a [link](https://example.org),
over two lines.

- First item
- Second item

1. Ordered item

> A quote
> over two lines.
"""

AZ = {
    "Rich: a statement": "Zəngin: bəyanat",
    "The Ombudsman": "Ombudsman",
    "A heading": "Başlıq",
    "Setext heading": "Setext başlığı",
    "A paragraph with *emphasis* and a [link](https://example.org), over two lines.": (
        "*Vurğulu* və [keçidli](https://example.org) paraqraf, iki sətirdə."
    ),
    "First item": "Birinci bənd",
    "Second item": "İkinci bənd",
    "Ordered item": "Nömrəli bənd",
    "A quote over two lines.": "İki sətirlik sitat.",
    "E. Suleymanova": "E. Süleymanova",
    "Commissioner\nof Azerbaijan": "Azərbaycanın\nmüvəkkili",
    "A note.": "Qeyd.",
}


def lookup(translations: dict[str, str], fuzzy: tuple[str, ...] = ()) -> Translations:
    catalog = polib.POFile()
    for msgid, msgstr in translations.items():
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
        if msgid in fuzzy:
            entry.flags.append("fuzzy")
        catalog.append(entry)
    return Translations("az", catalog, is_source=False)


def source() -> tuple[str, object]:
    path = Path("statements/2020-01-15-rich.md")
    return SOURCE, parse_statement(SOURCE, path)


def test_every_block_is_translated_and_reads_back_as_its_translation() -> None:
    raw, statement = source()
    result = translate_statement(raw, statement, lookup(AZ), Missing.mark)  # type: ignore[arg-type]
    again = parse_statement(result.text, Path("2020-01-15-rich.md"))
    assert [block.text for block in again.blocks()] == [
        AZ[block.text]
        for block in statement.blocks()  # type: ignore[attr-defined]
    ]
    assert [block.kind for block in again.blocks()] == [
        block.kind
        for block in statement.blocks()  # type: ignore[attr-defined]
    ]
    assert result.fallbacks == [] and result.gaps == []


def test_front_matter_keeps_key_order_comments_and_block_style() -> None:
    raw, statement = source()
    text = translate_statement(raw, statement, lookup(AZ), Missing.mark).text  # type: ignore[arg-type]
    front = text.split("---\n")[1]
    keys = [line.split(":")[0] for line in front.splitlines() if line[:1].isalpha()]
    assert keys == ["id", "title", "date", "issuer", "signature", "notes"]
    assert "# the title as the agency sent it\n" in front
    assert "issuer: Ombudsman  # who signed\n" in front
    assert "- |-\n  Azərbaycanın\n  müvəkkili\n" in front
    assert "title: 'Zəngin: bəyanat'" in front or 'title: "Zəngin: bəyanat"' in front


def test_body_keeps_the_markdown_constructs() -> None:
    raw, statement = source()
    text = translate_statement(raw, statement, lookup(AZ), Missing.mark).text  # type: ignore[arg-type]
    body = text.split("---\n", 2)[2]
    assert "## Başlıq\n" in body
    assert "Setext başlığı\n==============\n" in body
    assert "- Birinci bənd\n- İkinci bənd\n" in body
    assert "1. Nömrəli bənd\n" in body
    assert "> İki sətirlik sitat." in body
    assert "*Vurğulu* və [keçidli](https://example.org) paraqraf" in body


def test_missing_mark_keeps_the_source_and_says_so_in_the_front_matter() -> None:
    raw, statement = source()
    partial = {k: v for k, v in AZ.items() if k != "First item"}
    partial["Second item"] = "İkinci bənd"
    result = translate_statement(
        raw,
        statement,
        lookup(partial, fuzzy=("Second item",)),
        Missing.mark,  # type: ignore[arg-type]
    )
    assert [block.text for block in result.fallbacks] == ["First item", "Second item"]
    assert "- First item\n- Second item\n" in result.text
    front = result.text.split("---\n")[1]
    assert "# pubtool: not translated into az yet" in front
    assert "source lines 24, 25" in front


def test_missing_omit_leaves_the_blocks_out_and_fail_lists_them() -> None:
    raw, statement = source()
    partial = {k: v for k, v in AZ.items() if k not in ("First item", "A note.")}
    omitted = translate_statement(raw, statement, lookup(partial), Missing.omit)  # type: ignore[arg-type]
    assert "First item" not in omitted.text and "A note." not in omitted.text
    assert "- İkinci bənd\n" in omitted.text
    assert "notes:\n---" in omitted.text  # the key stays, empty, as YAML allows
    failed = translate_statement(raw, statement, lookup(partial), Missing.fail)  # type: ignore[arg-type]
    assert [block.text for block in failed.gaps] == ["First item", "A note."]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1990. il", "1990\\. il"),
        ("# nömrə", "\\# nömrə"),
        ("- tire", "\\- tire"),
        ("> böyük", "\\> böyük"),
        ("<b>", "\\<b>"),
        ("20 Yanvar", "20 Yanvar"),
        ("– tire", "– tire"),
    ],
)
def test_a_translation_that_would_start_another_construct_is_escaped(
    text: str, escaped: str
) -> None:
    assert escape_line_start(text) == escaped


def test_an_escaped_translation_stays_a_paragraph() -> None:
    raw, statement = source()
    odd = {**AZ, "First item": "1990. ildə"}
    result = translate_statement(raw, statement, lookup(odd), Missing.mark)  # type: ignore[arg-type]
    assert "- 1990\\. ildə\n" in result.text


def test_a_translation_markdown_cannot_keep_as_one_block_is_an_error() -> None:
    raw, statement = source()
    broken = {**AZ, "A heading": "Başlıq ##"}
    with pytest.raises(RenderError, match="does not stay one block") as caught:
        translate_statement(raw, statement, lookup(broken), Missing.mark)  # type: ignore[arg-type]
    assert caught.value.line == 16


def test_a_short_title_is_translated_like_the_title() -> None:
    raw = SOURCE.replace("date: 2020-01-15\n", "short-title: Short\ndate: 2020-01-15\n")
    statement = parse_statement(raw, Path("statements/2020-01-15-rich.md"))
    result = translate_statement(raw, statement, lookup({**AZ, "Short": "Qısa"}), Missing.mark)
    assert "\nshort-title: Qısa\n" in result.text
    again = parse_statement(result.text, Path("2020-01-15-rich.md"))
    assert again.short_title is not None and again.short_title.text == "Qısa"
    fallback = translate_statement(raw, statement, lookup(AZ), Missing.mark)
    assert "\nshort-title: Short\n" in fallback.text
    assert [block.text for block in fallback.fallbacks] == ["Short"]
    omitted = translate_statement(raw, statement, lookup(AZ), Missing.omit)
    assert "short-title" not in omitted.text  # the running head falls back to the title
    assert parse_statement(omitted.text, Path("2020-01-15-rich.md")).short_title is None


def test_the_manifest_never_removes_a_file_outside_its_folder(tmp_path: Path) -> None:
    from pubtool.publish.manifest import MANIFEST, sweep

    folder = tmp_path / "out"
    (folder / "sub").mkdir(parents=True)
    assert sweep(folder, {"sub/a.md": "A\n", "b.md": "B\n"}, suffix=".md") == []
    for name, text in (("sub/a.md", "A\n"), ("b.md", "B\n")):
        (folder / name).write_text(text, encoding="utf-8")
    outside = tmp_path / "outside.md"
    outside.write_text("B\n", encoding="utf-8")
    manifest = (folder / MANIFEST).read_text(encoding="utf-8")
    (folder / MANIFEST).write_text(manifest.replace('"b.md"', '"../outside.md"'), "utf-8")
    assert sweep(folder, {"b.md": "B\n"}, suffix=".md", partial=True) == []
    assert sweep(folder, {"b.md": "B\n"}, suffix=".md") == [str(folder / "sub" / "a.md")]
    assert outside.is_file() and not (folder / "sub").exists()
