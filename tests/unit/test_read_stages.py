"""The reader's stages: pubtool's Catalog fields, and one error order whatever the file's order."""

from __future__ import annotations

import codecs
import gc
from pathlib import Path

import polib
import pytest

from pubtool.errors import CatalogError
from pubtool.po import format_po, load_po
from pubtool.po.catalog import Catalog
from pubtool.po.entries import copy_entry
from pubtool.po.write import encode_po, has_header

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def test_a_catalog_built_in_memory_has_explicit_defaults() -> None:
    catalog = Catalog()
    assert catalog.file_encoding == "utf-8"
    assert catalog.has_header is True
    assert catalog.header_text is None
    assert catalog.header_fields_read is None
    assert catalog.header_comment_lines is None
    assert catalog.header_as_read() is None


def test_a_plain_polib_catalog_is_written_as_a_new_catalog() -> None:
    """The writer reads pubtool's fields only from a Catalog; polib's own gets the defaults."""
    plain, ours = polib.POFile(), Catalog()
    for catalog in (plain, ours):
        catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        catalog.append(polib.POEntry(msgid="a", msgstr="b"))
    assert has_header(plain) and has_header(ours)
    assert format_po(plain) == format_po(ours)
    assert encode_po(plain, "ə") == encode_po(ours, "ə") == "ə".encode()


def test_load_fills_the_fields_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text('msgid "a"\nmsgstr "b"\n', encoding="ascii")
    headerless = load_po(path)
    assert isinstance(headerless, Catalog) and headerless.has_header is False
    assert format_po(headerless) == 'msgid "a"\nmsgstr "b"\n'

    path.write_text("# note\n" + HEADER + 'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    catalog = load_po(path)
    assert catalog.has_header is True
    assert catalog.header_comment_lines == ["note"]
    assert catalog.header_as_read() == catalog.header_text
    catalog.metadata["Language"] = "az"
    assert catalog.header_as_read() is None  # changed since read: written from the fields


def test_a_foreign_catalog_remembers_its_charset(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    header = HEADER.replace("UTF-8", "KOI8-R")
    path.write_bytes((header + 'msgid "a"\nmsgstr "б"\n').encode("koi8-r"))
    catalog = load_po(path, foreign=True)
    assert codecs.lookup(catalog.file_encoding) == codecs.lookup("KOI8-R")
    assert encode_po(catalog, format_po(catalog)) == path.read_bytes()


# Each file has two errors; the one reported does not depend on which comes first.
ORDER = [
    (  # a duplicate is reported before a flag gettext does not know
        '#, bogus-flag\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n\nmsgid "c"\nmsgstr "e"\n',
        13,
        "duplicate message 'c', first defined on line 10",
    ),
    (  # plural forms against nplurals, before the flag
        '#, bogus-flag\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgid_plural "cs"\nmsgstr[0] "x"\n',
        12,
        "1 plural forms, but the header says nplurals=2",
    ),
    (  # bytes that are not UTF-8, before the duplicate
        'msgid "c"\nmsgstr "d"\n\nmsgid "c"\nmsgstr "e"\n\nmsgid "z"\nmsgstr "\\377"\n',
        13,
        "msgstr has escaped bytes that are not valid UTF-8",
    ),
]


@pytest.mark.parametrize(("messages", "line", "message"), ORDER)
def test_the_first_kind_of_error_is_reported(
    tmp_path: Path, messages: str, line: int, message: str
) -> None:
    path = tmp_path / "az.po"
    path.write_text(HEADER + messages, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_po(path)
    assert (caught.value.line, caught.value.message) == (line, message)


def test_a_header_after_the_messages_still_counts(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text('msgid "c"\nmsgid_plural "cs"\nmsgstr[0] "x"\n\n' + HEADER, encoding="utf-8")
    with pytest.raises(CatalogError, match="nplurals=2") as caught:
        load_po(path)
    assert caught.value.line == 3


def test_loading_leaves_the_garbage_collector_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library call changes no process-wide state: the collector is never switched off."""

    def refuse() -> None:
        raise AssertionError("gc.disable() called")

    monkeypatch.setattr(gc, "disable", refuse)
    path = tmp_path / "az.po"
    path.write_text(HEADER + 'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert [entry.msgstr for entry in load_po(path)] == ["b"]


def test_entries_have_exactly_the_attributes_polib_gives_its_own(tmp_path: Path) -> None:
    """The reader and `copy_entry` set polib's attributes directly, without its constructor:
    each entry must hold what polib's own parser makes of the same file, attribute for
    attribute, so that a polib release that adds or changes one fails here."""
    path = tmp_path / "az.po"
    path.write_text(
        HEADER + '#. kind: paragraph\n#: a.md:3\nmsgctxt "c"\nmsgid "one"\nmsgstr "bir"\n\n'
        '#, fuzzy\n#| msgid "days"\nmsgid "day"\nmsgid_plural "days"\nmsgstr[0] "gün"\n'
        'msgstr[1] "gün"\n\n#~ msgid "old"\n#~ msgstr "köhnə"\n',
        encoding="utf-8",
    )
    shipped = sorted(Path(__file__).parents[2].glob("locales/*/LC_MESSAGES/*.po"))
    assert shipped
    for catalog in [path, *shipped]:
        ours, polibs = list(load_po(catalog)), list(polib.pofile(str(catalog)))
        assert len(ours) == len(polibs)
        for entry, expected in zip(ours, polibs, strict=True):
            assert type(entry) is polib.POEntry
            assert vars(entry) == vars(expected)
    entries = list(load_po(path))
    copied = copy_entry(entries[0], msgstr="", flags=["fuzzy"])
    changed = {"msgstr": "", "flags": ["fuzzy"], "linenum": None}
    constructed = polib.POEntry(**{**vars(entries[0]), **changed})
    assert vars(copied) == vars(constructed)
    assert copied.occurrences is not entries[0].occurrences
    assert copy_entry(entries[1]).msgstr_plural == {0: "gün", 1: "gün"}


def test_copy_entry_refuses_what_is_not_an_entry_field() -> None:
    with pytest.raises(TypeError, match="msgtsr"):
        copy_entry(polib.POEntry(msgid="a"), msgtsr="typo")
