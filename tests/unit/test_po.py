"""PO writing is byte-identical to GNU msgcat; PO loading refuses broken catalogs precisely."""

from __future__ import annotations

import gc
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pubtool.errors import CatalogError
from pubtool.po import (
    format_po,
    linebreak,
    linebreak_rules,
    linebreak_simple,
    load_po,
    read,
    syntax,
    write_po,
)

MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_msgcat = pytest.mark.skipif(
    MSGCAT is None, reason="GNU gettext's msgcat is not on PATH (Debian package: gettext)"
)
needs_msgfmt = pytest.mark.skipif(
    MSGFMT is None, reason="GNU gettext's msgfmt is not on PATH (Debian package: gettext)"
)
# Examples compared with msgcat per width; raise it locally for a thorough run.
EXAMPLES = int(os.environ.get("PUBTOOL_MSGCAT_EXAMPLES", "200"))

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'

PARAGRAPHS = {
    "en": (
        "On the night of January 19-20, 1990, 147 civilians were killed in Baku by Soviet "
        "troops — the tragedy is known as “Black January”; it’s a well-known, state-of-the-art "
        "example (see: p. 12–14) [ed.] of the co-operation… https://example.com/1990/statement"
    ),
    "az": (
        "1990-cı il yanvarın 19-dan 20-nə keçən gecə sovet qoşunları Bakıya daxil olaraq dinc "
        "əhaliyə qarşı amansız cinayət törətdilər; İstiqlal uğrunda şəhid olanların xatirəsi "
        "əbədidir: «Qara Yanvar» — ümummilli hüzn günü, çağırış və öyüd."
    ),
    "ru": (
        "В ночь с 19 на 20 января 1990 года советские войска вошли в Баку; погибли 147 мирных "
        "жителей… Это трагедия, которую «невозможно забыть» — так говорится в заявлении "
        "Омбудсмена (см. http://ombudsman.az/ru/view/news/1990)."
    ),
}


def msgcat(path: Path, width: int) -> bytes:
    result = subprocess.run(
        [MSGCAT or "msgcat", f"--width={width}", str(path)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def golden_catalog() -> polib.POFile:
    """Every part of a message msgcat writes, in the three languages of the statements."""
    po = polib.POFile()
    po.header = "Azerbaijani translation of the statements.\nCreated by hand.\n\nAfter a blank."
    po.metadata = {
        "Project-Id-Version": "statements",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2024-01-20 09:00+0400",
        "PO-Revision-Date": "2024-01-21 10:00+0400",
        "Last-Translator": "Translator <translator@example.org>",
        "Language-Team": "Azerbaijani <>",
        "Language": "az",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Long-Field": "a header line long enough to be wrapped by msgcat at any width " * 2,
    }
    po.metadata["X-Long-Field"] = po.metadata["X-Long-Field"].strip()
    references = [
        ("statements/1990-01-21-gafarova-supreme-council.md", "12"),
        ("statements/2024-01-20-black-january-34th-anniversary.md", "3"),
        ("./statements/2026-01-19-ombudsman-36th-anniversary.md", "140"),
        ("statements/REPAIRS.md", ""),
    ]
    po.append(
        polib.POEntry(
            msgid=PARAGRAPHS["en"],
            msgstr=PARAGRAPHS["az"],
            tcomment="Checked against the printed original.\nSecond translator line.",
            comment="kind: paragraph\nstatement: 1990-01-21-gafarova-supreme-council",
            occurrences=references,
        )
    )
    po.append(
        polib.POEntry(
            msgid=PARAGRAPHS["az"],
            msgstr=PARAGRAPHS["ru"],
            flags=["fuzzy"],
            previous_msgctxt="older context",
            previous_msgid=PARAGRAPHS["en"],
            occurrences=references[:1],
        )
    )
    po.append(
        polib.POEntry(
            msgctxt="title",
            msgid='Line one\nLine two with "quotes", a backslash \\ and a\ttab\n',
            msgstr='Birinci sətir\nİkinci sətir: "dırnaq", \\ və\ttab\n',
        )
    )
    po.append(polib.POEntry(msgid="Untranslated but fuzzy", msgstr="", flags=["fuzzy"]))
    po.append(
        polib.POEntry(
            msgid="%d statement was issued on January 20",
            msgid_plural="%d statements were issued on January 20",
            msgstr_plural={0: "%d bəyanat verildi", 1: "%d bəyanat 20 Yanvarda verildi"},
            flags=["c-format"],
        )
    )
    po.append(polib.POEntry(msgid="no-wrap " * 15, msgstr="sarınmır " * 12, flags=["no-wrap"]))
    po.append(
        polib.POEntry(
            msgid="An old sentence that left the statements, " * 3,
            msgstr="Bəyanatlardan çıxmış köhnə cümlə, " * 3,
            obsolete=True,
            flags=["fuzzy"],
            previous_msgid="the even older sentence",
            tcomment="kept for reference",
        )
    )
    po.append(polib.POEntry(msgid="obsolete, never translated", msgstr="", obsolete=True))
    return po


# --- writing: the same bytes as msgcat -------------------------------------------------------


@needs_msgcat
@pytest.mark.parametrize("width", [79, 60, 100, 10, 0])
def test_golden_catalog_is_what_msgcat_writes(tmp_path: Path, width: int) -> None:
    """Also at 10 (gettext widens any page below 20 to 20) and 0 (no limit)."""
    path = tmp_path / "az.po"
    text = format_po(golden_catalog(), width)
    path.write_text(text, encoding="utf-8")
    assert msgcat(path, width) == text.encode("utf-8")


@needs_msgcat
def test_a_file_in_another_layout_reads_and_writes_as_msgcat_does(tmp_path: Path) -> None:
    """polib wraps differently: loading its file and writing it gives msgcat's output."""
    path = tmp_path / "az.po"
    golden_catalog().save(str(path))
    assert format_po(load_po(path)).encode("utf-8") == msgcat(path, 79)


@pytest.mark.parametrize(
    ("value", "width", "expected"),
    [
        (
            "Soviet troops entered Baku on the night of 19–20 January 1990 — a well-known date.",
            40,
            [
                'msgid ""',
                '"Soviet troops entered Baku on the "',
                '"night of 19–20 January 1990 — a well-"',
                '"known date."',
            ],
        ),
        (
            "See https://example.com/statements/black-january for details",
            40,
            ['msgid ""', '"See https://example.com/statements/"', '"black-january for details"'],
        ),
        (
            "The “Black January” tragedy: «Qara Yanvar» (1990)…",
            30,
            ['msgid ""', '"The “Black January” "', '"tragedy: «Qara "', '"Yanvar» (1990)…"'],
        ),
        (
            'Quote "inside" and back\\slash\\es \\\\ everywhere """',
            20,
            [
                'msgid ""',
                '"Quote \\"inside\\" "',
                '"and "',
                '"back\\\\slash\\\\es \\\\"',
                '"\\\\ everywhere "',
                '"\\"\\"\\""',
            ],
        ),
        ("One line\nTwo", 79, ['msgid ""', '"One line\\n"', '"Two"']),
        ("Ends with a newline\n", 79, ['msgid "Ends with a newline\\n"']),
    ],
)
def test_strings_wrap_where_gettext_wraps_them(value: str, width: int, expected: list[str]) -> None:
    """Layouts msgcat produced, kept here so they are checked where gettext is missing too.

    gettext breaks after a hyphen or a slash, never before closing punctuation and never
    inside an escape sequence.
    """
    po = polib.POFile()
    po.append(polib.POEntry(msgid=value, msgstr=""))
    block = format_po(po, width).split("\n\n")[1]
    assert block.splitlines()[:-1] == expected


WORDS = [
    "January",
    "civilians",
    "well-known",
    "state-of-the-art",
    "Azərbaycan",
    "şəhid",
    "İstiqlal",
    "ölkə",
    "çağırış",
    "Qarabağ",
    "ğ",
    "гражданских",
    "январь",
    "Россия",
    "https://example.com/a/b?x=1",
    "and/or",
    "1990",
    "20",
    "147",
    "3,5",
    "12.5%",
    "e.g.",
]
PUNCTUATION = list(".,;:!?()[]{}“”«»–—’‘…-/'") + ["\u00a0", "-", "—"]
SEPARATORS = [" ", " ", " ", "", "  ", "\n", '"', "\\", "\t", " \n"]
ALPHABET = "abcxyzəğıİşçöüАБВабв0123456789 .,;:!?()[]{}“”«»–—’…-/'\"\\\n\t\u00a0"

words_and_punctuation = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION)),
        st.sampled_from(SEPARATORS),
    ),
    max_size=40,
).map(lambda pairs: "".join(token + separator for token, separator in pairs))
texts = st.one_of(words_and_punctuation, st.text(alphabet=ALPHABET, max_size=160))


@needs_msgcat
@pytest.mark.parametrize("width", [79, 60, 100])
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(msgid=texts, msgstr=texts, fuzzy=st.booleans(), obsolete=st.booleans())
def test_any_text_is_written_as_msgcat_writes_it(
    tmp_path: Path, width: int, msgid: str, msgstr: str, fuzzy: bool, obsolete: bool
) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    flags = ["fuzzy"] if fuzzy else []
    po.append(polib.POEntry(msgctxt="a", msgid=msgid, msgstr=msgstr, flags=flags))
    po.append(polib.POEntry(msgctxt="b", msgid=msgstr, msgstr=msgid, previous_msgid=msgid))
    po.append(polib.POEntry(msgctxt="c", msgid=msgid, msgstr=msgstr + "x", obsolete=obsolete))
    text = format_po(po, width)
    path = tmp_path / "random.po"
    path.write_text(text, encoding="utf-8")
    assert msgcat(path, width) == text.encode("utf-8")
    assert format_po(load_po(path), width) == text


@needs_msgfmt
def test_msgfmt_check_accepts_what_is_written(tmp_path: Path) -> None:
    po = golden_catalog()
    po[2].msgid, po[2].msgstr = "Line one\nLine two", "Birinci sətir\nİkinci sətir"
    path = tmp_path / "az.po"
    write_po(po, path)
    result = subprocess.run(
        [MSGFMT or "msgfmt", "--check", "-o", str(tmp_path / "az.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


# --- write_po ---------------------------------------------------------------------------------


def test_write_then_load_then_format_is_identity(tmp_path: Path) -> None:
    path = tmp_path / "locales" / "az.po"
    write_po(golden_catalog(), path, width=79)
    text = path.read_text(encoding="utf-8")
    assert format_po(load_po(path), 79) == text
    assert text == format_po(golden_catalog(), 79)


def test_write_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text(HEADER, encoding="utf-8")
    path.chmod(0o600)
    write_po(golden_catalog(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["az.po"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (polib.POEntry(msgid="a", msgstr="b", flags=["read-only"]), "unknown flag"),
        (polib.POEntry(msgid="a", previous_msgctxt="old"), "needs a previous msgid"),
        (polib.POEntry(msgid="a", msgstr_plural={0: "x", 2: "y"}), "numbered"),
        (polib.POEntry(msgid="a", tcomment="C:\\"), "ends in a backslash"),
        (polib.POEntry(msgid="a", occurrences=[("a.md", "x")]), "not a number"),
        (polib.POEntry(msgid=""), "header belongs in po.metadata"),
    ],
)
def test_what_gettext_would_read_differently_is_not_written(
    entry: polib.POEntry, message: str
) -> None:
    po = polib.POFile()
    po.append(entry)
    with pytest.raises(CatalogError, match=message):
        format_po(po)


def test_a_catalog_that_cannot_be_written_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text(HEADER, encoding="utf-8")
    po = golden_catalog()
    po[0].flags.append("read-only")  # gettext drops flags it does not know
    with pytest.raises(CatalogError, match="unknown flag 'read-only'"):
        write_po(po, path)
    assert path.read_text(encoding="utf-8") == HEADER


# --- load_po: what round-trips ------------------------------------------------------------


def test_load_keeps_every_part_of_a_message(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    write_po(golden_catalog(), path)
    po = load_po(path)
    assert po.metadata["Language"] == "az"
    assert po.header.startswith("Azerbaijani translation")
    first, fuzzy, multiline, _, plural, nowrap, obsolete = po
    assert first.tcomment == "Checked against the printed original.\nSecond translator line."
    assert first.comment == "kind: paragraph\nstatement: 1990-01-21-gafarova-supreme-council"
    assert first.occurrences[2] == ("statements/2026-01-19-ombudsman-36th-anniversary.md", "140")
    assert first.occurrences[3] == ("statements/REPAIRS.md", "")
    assert fuzzy.fuzzy and fuzzy.previous_msgid == PARAGRAPHS["en"]
    assert fuzzy.previous_msgctxt == "older context"
    assert multiline.msgctxt == "title" and multiline.msgstr.endswith("\\ və\ttab\n")
    assert plural.msgstr_plural == {0: "%d bəyanat verildi", 1: "%d bəyanat 20 Yanvarda verildi"}
    assert plural.flags == ["c-format"]
    assert nowrap.flags == ["no-wrap"]
    assert obsolete.obsolete and obsolete.fuzzy and obsolete.previous_msgid
    assert len(po) == 7  # msgcat drops the untranslated obsolete message, and so do we


def test_load_reads_flags_as_gettext_does(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text(
        HEADER
        + "\n#, no-c-format, fuzzy,python-format, impossible-sh-format, wrap, range: 1..5\n"
        + 'msgid "a"\nmsgstr "b"\n',
        encoding="utf-8",
    )
    (entry,) = load_po(path)
    assert entry.flags == ["fuzzy", "no-c-format", "python-format", "range: 1..5"]


def test_load_reads_lines_as_gettext_does(tmp_path: Path) -> None:
    """A backslash before a newline joins lines; `#~ #.` is a comment; a bare `#~` is nothing."""
    path = tmp_path / "az.po"
    path.write_text(
        HEADER
        + '\n#~ #. note\n#~\n#~ msgid "a"\n#~ msgstr "b"\n'
        + '\n# one\\\n line\nmsgid "ab\\\ncd"\nmsgstr "x"\n',
        encoding="utf-8",
    )
    obsolete, live = load_po(path)
    assert (obsolete.obsolete, obsolete.comment, obsolete.msgid) == (True, "note", "a")
    assert (live.tcomment, live.msgid) == ("one line", "abcd")


def test_load_accepts_crlf_and_several_strings_on_a_line(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_bytes(
        (HEADER + '\nmsgid "a" "b"\n  msgstr "c"\n"\\x41\\102"\n').replace("\n", "\r\n").encode()
    )
    (entry,) = load_po(path)
    assert (entry.msgid, entry.msgstr) == ("ab", "cAB")


# --- load_po: what is refused, and where --------------------------------------------------

MALFORMED = {
    "unterminated string": (HEADER + '\nmsgid "abc\nmsgstr ""\n', 5, "unterminated string"),
    "bad escape": (HEADER + '\nmsgid "a\\qb"\nmsgstr ""\n', 5, "invalid escape sequence \\q"),
    "not PO syntax": (HEADER + '\nmsgid "a"\nmsgstr ""\nmsgfoo "b"\n', 7, "not valid PO"),
    "text after a string": (HEADER + '\nmsgid "a" b\nmsgstr ""\n', 5, "unexpected text"),
    "cut short": (HEADER + '\nmsgid "a"\nmsgstr ""\n\n#: x.md:1\nmsgid "x"\n', 9, "ends early"),
    "comments at the end": (HEADER + '\nmsgid "a"\nmsgstr ""\n\n#: x.md:1\n', 8, "no message"),
    "comment inside a message": (HEADER + '\nmsgid "a"\n# no\nmsgstr ""\n', 6, "no msgstr"),
    "msgstr before msgid": (HEADER + '\nmsgstr "a"\n', 5, "msgstr without a msgid"),
    "duplicate msgid": (
        HEADER + '\nmsgid "a"\nmsgstr ""\n\nmsgid "b"\nmsgstr ""\n\nmsgid "a"\nmsgstr "x"\n',
        11,
        "duplicate message 'a', first defined on line 5",
    ),
    "duplicate of an obsolete msgid": (
        HEADER + '\nmsgctxt "c"\nmsgid "a"\nmsgstr ""\n\n#~ msgctxt "c"\n#~ msgid "a"\n'
        '#~ msgstr "x"\n',
        10,
        "duplicate message",
    ),
    "charset not UTF-8": (
        'msgid ""\nmsgstr ""\n"Language: az\\n"\n'
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
        4,
        "charset ISO-8859-1",
    ),
    "non-ASCII without charset": ('msgid "a"\nmsgstr ""\n\nmsgid "b"\nmsgstr "ə"\n', 5, "charset"),
    "plural forms short of nplurals": (
        HEADER
        + '"Plural-Forms: nplurals=3; plural=n%3;\\n"\n'
        + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        9,
        "2 plural forms, but the header says nplurals=3",
    ),
    "plural forms beyond nplurals": (
        HEADER
        + '"Plural-Forms: nplurals=1; plural=0;\\n"\n'
        + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        9,
        "2 plural forms, but the header says nplurals=1",
    ),
    "plural forms out of order": (
        HEADER + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[1] ""\nmsgstr[0] ""\n',
        7,
        "msgstr[1] where msgstr[0] was expected",
    ),
    "plural forms without msgid_plural": (
        HEADER + '\nmsgid "a"\nmsgstr[0] ""\n',
        6,
        "msgstr[N] cannot follow msgid",
    ),
    "obsolete and live lines mixed": (
        HEADER + '\n#~ msgid "a"\nmsgstr "b"\n',
        6,
        "mixes obsolete",
    ),
    "unknown flag": (HEADER + '\n#, fuzzy, read-only\nmsgid "a"\nmsgstr "b"\n', 5, "read-only"),
    "comment ending in a backslash": (
        HEADER + '\n# C:\\\\\n\nmsgid "a"\nmsgstr "b"\n',  # spliced: "# C:\\" + ""
        5,
        "ends in a backslash",
    ),
    "header field twice": (HEADER + '"Content-Type: text/plain\\n"\n', 4, "appears twice"),
    "previous msgctxt without previous msgid": (
        HEADER + '\n#| msgctxt "old"\nmsgid "a"\nmsgstr "b"\n',
        6,
        "msgid cannot follow #| msgctxt",
    ),
    "domain directive": (HEADER + '\ndomain "other"\n', 5, "domain"),
    "a string continuing a previous msgid": (
        HEADER + '\n#| msgid "a"\n"b"\nmsgid "c"\nmsgstr ""\n',
        6,
        "this string continues a different kind of line",
    ),
    "a string continuing an obsolete msgid": (
        HEADER + '\n#~ msgid "a"\n"b"\n#~ msgstr "c"\n',
        6,
        "this string continues a different kind of line",
    ),
    "a string after a comment": (HEADER + '\n# comment\n"a"\n', 6, "a string outside any"),
}


@pytest.mark.parametrize(("text", "line", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_catalogs_are_refused_at_their_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "az.po"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(CatalogError) as raised:
        load_po(path)
    assert (raised.value.file, raised.value.line) == (str(path), line)
    assert message in raised.value.message
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        ((HEADER + '\nmsgid "a"\nmsgstr "\xff"\n').encode("latin-1"), 6, "not valid UTF-8"),
        (b"\xef\xbb\xbf" + HEADER.encode(), 1, "byte order mark"),
        ((HEADER + '\nmsgid "a"\nmsgstr "\\xff"\n').encode(), 6, "not valid UTF-8"),
    ],
    ids=["invalid bytes", "byte order mark", "invalid escaped byte"],
)
def test_bytes_that_are_not_utf8_are_refused(
    tmp_path: Path, data: bytes, line: int, message: str
) -> None:
    path = tmp_path / "az.po"
    path.write_bytes(data)
    with pytest.raises(CatalogError, match=message) as raised:
        load_po(path)
    assert raised.value.line == line
    assert path.read_bytes() == data


def test_same_msgid_in_different_contexts_is_not_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text(
        HEADER + '\nmsgid "a"\nmsgstr ""\n\nmsgctxt "title"\nmsgid "a"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert [entry.msgctxt for entry in load_po(path)] == [None, "title"]


def test_a_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        load_po(tmp_path / "missing.po")


def test_error_message_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text(HEADER + '\nmsgid "a\\qb"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_po(path)
    assert str(raised.value) == f"{path}:5: invalid escape sequence \\q"


# --- fast paths: each agrees with the exact path it stands in for -------------------------

# Every class the line breaker knows, characters of other widths, escapes and newlines.
LAYOUT_ALPHABET = (
    ALPHABET
    + "\u0301\u200b\u200d\u2060\ufeff\u0085\u2028\u00ad\u2014\u2e3a\u2026\u00b4\u00a1\u203c"
    + "%$+±°‰\u2010\u2013|\x01\x7f\r\a\u1160\u4e2d\u6587\u3001\uff08\uff09\U0001f600\ufffe"
)
layout_texts = st.one_of(words_and_punctuation, st.text(alphabet=LAYOUT_ALPHABET, max_size=200))


@settings(max_examples=max(EXAMPLES, 500), deadline=None)
@given(text=layout_texts, room=st.integers(1, 120), start_column=st.integers(0, 130))
def test_the_fast_layout_agrees_with_the_exact_one(text: str, room: int, start_column: int) -> None:
    for portion in linebreak._portions(text):
        escaped, line_starts = linebreak._portion_layout(portion)
        exact_escaped, exact_line_starts = linebreak._exact_layout(portion)
        assert escaped == exact_escaped
        for column in (start_column, 0):
            assert line_starts(room, column) == exact_line_starts(room, column)
        breaks = linebreak_simple.simple_breaks(escaped, portion.endswith("\n"))
        if breaks is not None:
            opportunities = linebreak._portion_opportunities(*linebreak._escaped(portion))
            assert breaks == [
                index
                for index, opportunity in enumerate(opportunities)
                if opportunity is not linebreak_rules.Break.PROHIBITED
            ]


@pytest.mark.parametrize("language", PARAGRAPHS)
def test_ordinary_text_takes_the_fast_layout(language: str) -> None:
    """So that the test above compares something: the fast path is the common one."""
    text = PARAGRAPHS[language] + ' "quoted" back\\slash'
    assert linebreak_simple.simple_breaks(linebreak._escape(text), ends_with_newline=False)


def exact_string_lines(prefix: str, keyword: str, value: str, width: int | None) -> list[str]:
    """`_string_lines` without its shortcut for short strings, on the exact layout."""
    continuation_column = len(prefix) + 1
    room = (linebreak.UNLIMITED if width is None else width) - 1 - continuation_column
    lines: list[str] = []
    first_line = True
    portions = linebreak._portions(value)
    for number, portion in enumerate(portions, start=1):
        escaped, line_starts = linebreak._exact_layout(portion)
        start_column = len(prefix) + len(keyword) + 2 - continuation_column if first_line else 0
        starts = line_starts(room, start_column)
        if first_line and escaped and (number < len(portions) or start_column > room or starts):
            lines.append(f'{prefix}{keyword} ""')
            first_line = False
            starts = line_starts(room, 0)
        pieces = [escaped[a:b] for a, b in zip([0, *starts], [*starts, None], strict=True)]
        lines.append(f'{prefix}{keyword} "{pieces[0]}"' if first_line else f'{prefix}"{pieces[0]}"')
        lines.extend(f'{prefix}"{piece}"' for piece in pieces[1:])
        first_line = False
    return lines


@settings(max_examples=max(EXAMPLES, 500), deadline=None)
@given(
    value=layout_texts,
    prefix=st.sampled_from(["", "#~ ", "#| ", "#~| "]),
    keyword=st.sampled_from(["msgid", "msgstr", "msgstr[1]", "msgctxt", "msgid_plural"]),
    width=st.one_of(st.none(), st.integers(20, 120)),
)
def test_string_lines_agree_with_the_exact_layout(
    value: str, prefix: str, keyword: str, width: int | None
) -> None:
    expected = exact_string_lines(prefix, keyword, value, width)
    assert linebreak.string_lines(prefix, keyword, value, width) == expected


def test_the_class_encoder_agrees_with_translate_beyond_its_256_bytes() -> None:
    encoder = linebreak_simple.ClassEncoder()  # a fresh one: the module's has learnt other text
    texts = [
        "".join(map(chr, range(0x400, 0x460))),  # Cyrillic: learnt
        "ə ğ ı İ ş ç ö ü “” « » — …",
        "".join(map(chr, range(0x370, 0x3FF))) + "".join(map(chr, range(0x100, 0x180))),  # full
        "a\ufffe b\U0001f600 c\U00010000",  # characters a charmap cannot hold
        "abc əğı",
    ]
    for text in texts:
        assert encoder.encode(text) == text.translate(linebreak_simple.CLASS_CODES).encode("ascii")


# Pieces of strings: simple ones (the fast path), escaped bytes, and errors (raw bytes too).
SIMPLE_TOKENS = ["z", "ə", " ", "\\n", '\\"', "\\\\", "\\t", "\\a", "\t"]
BYTE_TOKENS = ["\\x41", "\\xc3", "\\xa9", "\\303"]
BAD_TOKENS = ["\\q", "\\0", "\\400", "\\", '"', "\\xg", "\udcc3", "\udca9", "x\udcff"]
valid_bodies = st.lists(st.sampled_from(SIMPLE_TOKENS + BYTE_TOKENS), max_size=8).map("".join)
bad_bodies = st.tuples(valid_bodies, st.sampled_from(BAD_TOKENS), valid_bodies).map("".join)
simple_bodies = st.lists(st.sampled_from(SIMPLE_TOKENS), max_size=8).map("".join)
string_bodies = st.integers(0, 49).flatmap(  # an error now and then, not in every file
    lambda n: bad_bodies if n == 0 else simple_bodies if n % 2 else valid_bodies
)


@given(body=string_bodies)
def test_simple_strings_unescape_as_the_exact_parser_does(body: str) -> None:
    text = f'"{body}"'
    match = syntax.SIMPLE_STRING.match(text)
    if match is not None and match.end() == len(text):
        assert syntax.unescaped(match[1]) == syntax.parse_string(text, 1, 1)[0]


@given(first=st.binary(max_size=6), second=st.binary(max_size=6))
def test_strings_join_as_bytes(first: bytes, second: bytes) -> None:
    joined = syntax.joined(
        first.decode("utf-8", "surrogateescape"), second.decode("utf-8", "surrogateescape")
    )
    assert joined == (first + second).decode("utf-8", "surrogateescape")


# Messages as they come (`{c}` a continuation line), and lines that may stray among them.
PO_MESSAGES = [
    ["# comment", "#: a.md:1", "msgid {s}", "{c}", "msgstr {s}", "{c}", "{c}"],
    ["#, fuzzy", "msgctxt {s}", "{c}", "msgid {s}", "msgstr {s}", "{c}"],
    ["#| msgctxt {s}", "#| msgid {s}", "#| {c}", "msgid {s}", "{c}", "msgstr {s}"],
    ["#| msgid {s}", "#| msgid_plural {s}", "#| {c}", "msgid {s}", "msgstr {s}"],
    ["#~ msgid {s}", "#~ {c}", "#~ msgstr {s}", "#~ {c}"],
    ["#~| msgid {s}", "#~| {c}", "#~ msgid {s}", "#~ msgstr {s}", "#~ {c}"],
    ["msgid {s}", "msgid_plural {s}", "{c}", "msgstr[0] {s}", "{c}", "msgstr[1] {s}", "{c}"],
]
CONTINUATIONS = ["{s}", "{s}", "{s}", "  {s}  ", "\t{s}\r", "{s}\r\r", "{s} {s}", "{s}\\"]
PO_LINES = [
    "",
    "#",
    "#~",
    "# comment",
    "msgid {s}",
    "msgstr {s}",
    "msgstr[1] {s}",
    "#~ msgstr {s}",
    "#| msgid {s}",
    "{s}",
    "{s} x",
    "#~ {s}",
    "#| {s}",
]


@st.composite
def po_files(draw: st.DrawFn) -> str:
    """Catalogs that are mostly right, so that their later lines are read too."""
    lines = []
    for number in range(draw(st.integers(0, 5))):
        for line in draw(st.sampled_from(PO_MESSAGES)):
            change = draw(st.integers(0, 20))
            if change == 0:  # a stray line
                line = draw(st.sampled_from(PO_LINES))
            elif change <= 2:  # the line of another kind of message
                kind = draw(st.sampled_from(["", "#~ ", "#| ", "#~| "]))
                line = kind + re.sub(r"^#[~|]+ ", "", line)
            line = line.replace("{c}", draw(st.sampled_from(CONTINUATIONS)))
            first = True
            while "{s}" in line:
                body = draw(string_bodies)
                if first and "msgid " in line:  # a different msgid in each message, mostly
                    body = f"{number}{body}"
                line, first = line.replace("{s}", f'"{body}"', 1), False
            lines.append(line)
        lines.append("")
    return HEADER + "\n".join(lines) + "\n"


def load_outcome(path: Path) -> tuple[object, ...]:
    """What load_po makes of a file: its error and line, or every part of every message."""
    try:
        po = load_po(path)
    except CatalogError as error:
        return ("error", error.message, error.line)
    entries = [
        (e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural, e.previous_msgctxt)
        + (e.previous_msgid, e.previous_msgid_plural, e.tcomment, e.comment, e.occurrences)
        + (e.flags, e.obsolete, e.linenum)
        for e in po
    ]
    return ("catalog", po.header, po.metadata, po.metadata_is_fuzzy, entries)


@settings(
    max_examples=max(EXAMPLES, 300),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=po_files())
def test_fast_loading_agrees_with_the_exact_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "random.po"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    fast = load_outcome(path)
    with monkeypatch.context() as patch:
        never = re.compile("(?!)")
        patch.setattr(syntax, "SIMPLE_STRING", never)
        patch.setattr(read, "_SIMPLE_CONTINUATION", never)
        exact = load_outcome(path)
    assert fast == exact


@pytest.mark.parametrize("enabled", [True, False])
def test_load_leaves_the_garbage_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    path = tmp_path / "az.po"
    was_enabled = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        path.write_text(HEADER + '\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
        load_po(path)
        assert gc.isenabled() == enabled
        path.write_text(HEADER + '\nmsgid "a\\q"\n', encoding="utf-8")
        with pytest.raises(CatalogError):
            load_po(path)
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_a_new_catalog_gets_the_mode_the_umask_gives(tmp_path: Path) -> None:
    """As a file made by `open()`: a umask of 077 keeps a new catalog private, 022 makes it
    readable by all (not the 0o600 of a temporary file, nor a fixed 0o644)."""
    for umask, expected in ((0o077, 0o600), (0o022, 0o644), (0o002, 0o664)):
        path = tmp_path / f"new-{umask:o}.po"
        previous = os.umask(umask)
        try:
            write_po(golden_catalog(), path)
        finally:
            os.umask(previous)
        assert stat.S_IMODE(path.stat().st_mode) == expected


def test_a_rewrite_keeps_the_setgid_bit(tmp_path: Path) -> None:
    path = tmp_path / "az.po"
    path.write_text(HEADER, encoding="utf-8")
    path.chmod(0o2640)
    write_po(golden_catalog(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o2640


def test_the_temporary_copy_of_a_private_catalog_is_private_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody may read a 0o600 catalog's text through its temporary copy, not even for the
    moment between the copy's creation and the mode set on it."""
    path = tmp_path / "az.po"
    path.write_text(HEADER, encoding="utf-8")
    path.chmod(0o600)
    modes = []
    real_fdopen = os.fdopen

    def fdopen(descriptor: int, *args: object, **kwargs: object) -> object:
        modes.append(stat.S_IMODE(os.fstat(descriptor).st_mode))
        return real_fdopen(descriptor, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("pubtool.files.os.fdopen", fdopen)
    write_po(golden_catalog(), path)
    assert modes and all(mode & 0o077 == 0 for mode in modes)
