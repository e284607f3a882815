"""Seeding: translated statements paired block by block with their sources."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from pubtool.seed import Misaligned, SeedReport, align, fill_catalog, is_copy_of_source
from pubtool.statements import parse_statement

HEAD = "---\nid: 2020-01-15-a\ntitle: {title}\ndate: 2020-01-15\nissuer: {issuer}\n---\n\n"


def statement(title: str, issuer: str, body: str, folder: str = "statements") -> object:
    text = HEAD.format(title=title, issuer=issuer) + body
    return parse_statement(text, Path(folder) / "2020-01-15-a.md")


def test_blocks_pair_in_reading_order() -> None:
    source = statement("Title", "Issuer", "## Heading\n\nText.\n\n- Item\n")
    translated = statement("Başlıq", "Verən", "## Başlıq\n\nMətn.\n\n- Bənd\n", "az")
    pairs = [(a.text, b.text) for a, b in align(source, translated)]  # type: ignore[arg-type]
    assert pairs == [
        ("Title", "Başlıq"),
        ("Issuer", "Verən"),
        ("Heading", "Başlıq"),
        ("Text.", "Mətn."),
        ("Item", "Bənd"),
    ]


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("Başlıq\n\nMətn.\n\n- Bənd\n", "a paragraph where the source has a heading", 8),
        ("## Başlıq\n\nMətn.\n", "2 blocks where the source has 3", 10),
        ("## Başlıq\n\nMətn.\n\n- Bənd\n\nArtıq.\n", "has no counterpart", 14),
    ],
)
def test_a_different_structure_is_named_with_its_line(body: str, message: str, line: int) -> None:
    source = statement("Title", "Issuer", "## Heading\n\nText.\n\n- Item\n")
    translated = statement("Başlıq", "Verən", body, "az")
    with pytest.raises(Misaligned, match=message) as caught:
        align(source, translated)  # type: ignore[arg-type]
    assert caught.value.line == line
    assert caught.value.file == "az/2020-01-15-a.md"


def test_only_empty_entries_are_filled_and_copies_of_the_source_are_not() -> None:
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="Text.", msgstr=""))
    catalog.append(polib.POEntry(msgid="Done.", msgstr="Hazır."))
    catalog.append(polib.POEntry(msgid="Baku", msgstr=""))
    catalog.append(polib.POEntry(msgid="19.01.2011", msgstr=""))
    report = SeedReport("az", "az.po", confirmed=False)
    pairs = [
        ("Text.", "Mətn."),
        ("Done.", "Başqa."),
        ("Baku", "Baku"),
        ("19.01.2011", "19.01.2011"),
    ]
    assert fill_catalog(catalog, pairs, report, confirmed=False)
    entries = {entry.msgid: entry for entry in catalog}
    assert entries["Text."].msgstr == "Mətn." and entries["Text."].fuzzy
    assert entries["Done."].msgstr == "Hazır." and not entries["Done."].fuzzy
    assert entries["Baku"].msgstr == ""
    assert entries["19.01.2011"].msgstr == "19.01.2011"
    assert (report.filled, report.already_translated, report.same_as_source) == (2, 1, 1)
    assert is_copy_of_source("Baku", "Baku") and not is_copy_of_source("19.01.2011", "19.01.2011")


def test_a_short_title_pairs_with_its_translation() -> None:
    head = HEAD.replace("date:", "short-title: {short}\ndate:")
    source = parse_statement(
        head.format(title="T", short="Short", issuer="I") + "Text.\n",
        Path("statements/2020-01-15-a.md"),
    )
    translated = parse_statement(
        head.format(title="B", short="Qısa", issuer="V") + "Mətn.\n", Path("az/2020-01-15-a.md")
    )
    assert [(a.text, b.text) for a, b in align(source, translated)] == [
        ("T", "B"), ("Short", "Qısa"), ("I", "V"), ("Text.", "Mətn.")
    ]  # fmt: skip


def test_two_joined_paragraphs_are_named_where_their_run_starts_not_at_the_end() -> None:
    source = statement("T", "I", "One.\n\nTwo.\n\n## Heading\n\nA.\n\nB.\n\nC.\n\n## End\n")
    # lines 8 "Bir.", 10 "İki.", 12 heading, 14 "A və B." (two joined), 16 "C.", 18 heading
    translated = statement("B", "V", "Bir.\n\nİki.\n\n## Başlıq\n\nA və B.\n\nC.\n\n## Son\n", "az")
    with pytest.raises(Misaligned, match="2 paragraphs from here where the source has 3") as caught:
        align(source, translated)  # type: ignore[arg-type]
    assert caught.value.line == 14
    assert "source lines 14-18" in caught.value.message


def test_a_report_counts_one_file_in_the_singular() -> None:
    report = SeedReport("az", "az.po", confirmed=False, files=1, skipped=["x"])
    assert "from 1 file," in report.lines()[0] and "1 file skipped;" in report.lines()[0]
