"""Plain messages read whole give exactly what the line parser gives, errors included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pubtool.errors import CatalogError
from pubtool.po import format_po, load_po, read

REAL = sorted((Path(__file__).parents[1] / "data").glob("**/*.po"))
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
PLAIN = '#. note\n#: a.md:1\nmsgid "one"\nmsgstr "bir"\n\n'
CASES = [
    PLAIN + PLAIN,
    'msgid "a"\nmsgstr "b"\n  "c"\n"d\\x41"\n',
    'msgid "a"\nmsgstr "b"\nmsgstr[0] "c"\n',
    'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\nmsgstr[0] "c"\n',
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n',
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\nmsgstr[2] "d"\n',
    '# comment \\\nmsgid "a"\nmsgstr "b"\n',
    '#, fuzzy, bogus-flag\nmsgid "a"\nmsgstr "b"\n',
    '#, fuzzy\n#, range: 3..1\nmsgid "a"\nmsgstr "b"\n',
    'msgid "a"\nmsgstr "b\\"\n',
    'msgid "a"\nmsgstr "b" "c"\n',
    'msgid "a"\nmsgstr "b"c"\n',
    'msgid "a"\nmsgstr "b"\n"c\\"\n"n"\n',
    'msgid "a"\r\nmsgstr "b"\r\n# c\r\nmsgid "c"\nmsgstr "d\r"\n',
    'msgid "a"\nmsgstr "b"',
    'msgid "a"\nmsgstr "b"\n#. trailing comment\n',
    '#| msgid "old"\nmsgid "a"\nmsgstr "b"\n#~ msgid "a"\n#~ msgstr "c"\n',
    'msgid "a"\nmsgstr "\\303"\n"\\251"\n',
    'msgid "a"\nmsgstr "b"\n\n\n#: x.md:3 y.md:4 x.md:3\n#: x.md:3\n#: :5 z\n#: w: 7 v :8\n'
    'msgid "c"\nmsgstr "d"\n',
    '#: a.md:007\n#: b.md:1:2 c:d:3\nmsgid "a"\nmsgstr "b"\n',
    '#\n#  two spaces\n#!fuzzy\n#,\n#.\n#:\nmsgid "a"\nmsgstr "b"\n',
    ' msgid "a"\n msgstr "b"\nmsgid  "c"\nmsgstr "d"\t\n',
    'msgid "a"\nmsgstr ""\n"x"\n"y\\"z"\n"\\\\"\n"n"\n',
    'msgid "a"\nmsgstr "b"\n#, fuzzy\nmsgid "c"\nmsgid_plural "cs"\nmsgstr[0] "x"\nmsgstr[1] "y"\n'
    '"z"\n\nmsgid "c"\nmsgstr "dup"\n',
    'msgctxt "c"\nmsgid ""\nmsgstr "a context, not the header"\n',
    'msgid ""\nmsgstr "a second header"\n',
    'msgid "a"\nmsgstr "b"\n\x0c\n\u3000\nmsgid "c"\nmsgstr "d\\\ne"\n',
]


def outcome(path: Path, *, foreign: bool) -> object:
    """Everything a caller can see of a load: the entries, the header, the rewrite or the error."""
    try:
        po = load_po(path, foreign=foreign)
    except CatalogError as error:
        return str(error)
    entries = [sorted(vars(entry).items()) for entry in po]
    header = (po.has_header, po.header_text, po.header, po.metadata)
    return entries, header, format_po(po)


def outcomes(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """Read with blocks, then with every line through the line parser."""
    with_blocks = [outcome(path, foreign=foreign) for foreign in (False, True)]
    with monkeypatch.context() as patch:
        patch.setattr(read, "_PLAIN_BLOCK", re.compile("(?!)"))
        line_by_line = [outcome(path, foreign=foreign) for foreign in (False, True)]
    return with_blocks, line_by_line


@pytest.mark.parametrize("text", CASES)
def test_unusual_messages_read_as_the_line_parser_reads_them(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "messages.po"
    path.write_text(HEADER + text, encoding="utf-8", newline="")
    with_blocks, line_by_line = outcomes(path, monkeypatch)
    assert with_blocks == line_by_line


@pytest.mark.parametrize("path", REAL, ids=lambda path: str(path.relative_to(path.parents[2])))
def test_real_catalogs_read_as_the_line_parser_reads_them(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_blocks, line_by_line = outcomes(path, monkeypatch)
    assert with_blocks == line_by_line


# Well-formed messages of every kind, and what damaging them can insert.
MESSAGES = [
    PLAIN,
    '#, fuzzy, c-format\n#: b.md:2 c.md:3\nmsgid "%d a"\nmsgid_plural "%d as"\nmsgstr[0] "x"\n'
    '"y"\nmsgstr[1] "z"\n\n',
    '# tr\nmsgctxt "k"\nmsgid ""\n"long "\n"text\\n"\nmsgstr ""\n"uzun "\n"\\"q\\""\n\n',
    '#| msgid "old"\nmsgid "new"\nmsgstr "yeni"\n\n',
    '#~ msgid "gone"\n#~ msgstr "getdi"\n\n',
]
PIECES = ['"', "\\", "\n", "\r", " ", "#", "#~ ", "#| ", 'msgstr[1] "', 'msgid "', "\\x", "é", ":"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    messages=st.lists(st.sampled_from(MESSAGES), min_size=1, max_size=4),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(PIECES)), max_size=3),
)
def test_damaged_catalogs_fail_as_the_line_parser_fails(
    messages: list[str],
    edits: list[tuple[int, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = HEADER + "".join(messages)
    for position, piece in edits:
        position %= len(text) + 1
        text = text[:position] + piece + text[position:]
    path = tmp_path / "damaged.po"
    path.write_text(text, encoding="utf-8", newline="")
    with_blocks, line_by_line = outcomes(path, monkeypatch)
    assert with_blocks == line_by_line
