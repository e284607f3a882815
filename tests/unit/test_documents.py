from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib
import pytest

from pubtool.errors import GateFailed
from pubtool.publish.documents import Missing, build_documents, fallback_count
from pubtool.statements import Block, Statement

STATEMENT = Statement(
    id="2020-01-15-x",
    path=Path("statements/2020-01-15-x.md"),
    date=dt.date(1990, 1, 20),
    title=Block("title", "Title", 3),
    issuer=Block("issuer", "Issuer", 5),
    body=(Block("paragraph", "First.", 9), Block("paragraph", "Second.", 11)),
)


def catalog(*entries: tuple[str, str, bool]) -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr, fuzzy in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    return po


AZ = catalog(
    ("Title", "Başlıq", False),
    ("Issuer", "Verən", False),
    ("First.", "Birinci.", False),
    ("Second.", "İkinci?", True),
)


def test_cells_follow_the_edition_languages_and_dates() -> None:
    (document,) = build_documents(
        [STATEMENT], {"az": AZ, "en": None}, ("az", "en"), source_language="en"
    )
    assert [cell.text for cell in document.dates] == ["20 yanvar 1990", "January 20, 1990"]
    assert [(c.language, c.text, c.state) for c in document.body[0].cells] == [
        ("az", "Birinci.", "translated"),
        ("en", "First.", "source"),
    ]


def test_fuzzy_is_never_printed_as_a_translation() -> None:
    (document,) = build_documents([STATEMENT], {"az": AZ}, ("az", "en"), source_language="en")
    fuzzy = document.body[1].cells[0]
    assert (fuzzy.text, fuzzy.marked, fuzzy.state) == ("Second.", True, "fuzzy")
    assert fallback_count([document]) == 1
    (omitted,) = build_documents(
        [STATEMENT], {"az": AZ}, ("az", "en"), source_language="en", missing=Missing.omit
    )
    assert omitted.body[1].cells[0].text == ""
    with pytest.raises(GateFailed, match="1 block .*:11 az paragraph 'Second.'"):
        build_documents(
            [STATEMENT], {"az": AZ}, ("az", "en"), source_language="en", missing=Missing.fail
        )


def test_english_edition_corrections_replace_the_source() -> None:
    en = catalog(("First.", "First (corrected).", False), ("Second.", "Ignored.", True))
    (document,) = build_documents([STATEMENT], {"en": en}, ("en",), source_language="en")
    assert [row.cells[0].text for row in document.body] == ["First (corrected).", "Second."]
    assert [row.cells[0].state for row in document.body] == ["corrected", "source"]
    assert fallback_count([document]) == 0


def test_the_imprint_names_translators_not_the_language_update_wrote(project_dir) -> None:  # type: ignore[no-untyped-def]
    """`update` fills Language-Team with the language's name: "Español: Ana, Spanish" in the
    imprint said nothing more; a real team's name is kept."""
    import polib

    from pubtool.project import load_project
    from pubtool.publish.booklet import translators

    project = load_project(project_dir)

    def catalog(team: str) -> polib.POFile:
        po = polib.POFile()
        po.metadata = {"Last-Translator": "Ana Ruiz <ana@example.org>", "Language-Team": team}
        return po

    assert translators(project, {"az": catalog("Azerbaijani")}) == (("az", "Ana Ruiz"),)
    assert translators(project, {"az": catalog("Bakı tərcümə qrupu <t@example.org>")}) == (
        ("az", "Ana Ruiz, Bakı tərcümə qrupu"),
    )
