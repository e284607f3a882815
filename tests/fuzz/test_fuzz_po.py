"""PO catalogs as translators' tools, scripts and accidents leave them: every keyword and
comment kind, escapes, plurals, charsets, other encodings, truncation, damaged lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fuzzing import FUZZ, assert_error_names, assert_outcome, changed, invoke, make_project, tree
from hypothesis import event, example, given
from hypothesis import strategies as st

from pubtool.errors import CatalogError
from pubtool.po import format_po, load_po

SOURCE_TEXTS = [
    "Fuzzed statements",
    "A statement that is always there",
    "The Ombudsman",
    "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*.",
    "A list item with 3 numbers: 1, 2 and 3.",
    "%d civilian",
]
ESCAPES = [
    "\\n", "\\t", '\\"', "\\\\", "\\a", "\\b", "\\f", "\\v", "\\r", "\\x41", "\\101", "\\0",
    "\\q", "\\x", "\\777", "\\xff\\xfe", "\\u00e9", "\\", '"', "\t", "\x00", "\x7f", "\u2028",
]
CHARSETS = ["UTF-8", "utf-8", "ISO-8859-1", "KOI8-R", "CHARSET", "", "UTF-8; x", "utf8"]
PLURAL_FORMS = [
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2);",
    "nplurals=2; plural=(n != 1);",
    "nplurals=1; plural=0;",
    "nplurals=0;",
    "nplurals=x; plural=n;",
    "nplurals=3; plural=n%;",
    "plural=n;",
    "",
]
FLAGS = ["fuzzy", "c-format", "no-c-format", "python-format", "no-wrap", "range: 1..5",
         "range: 5..1", "bogus", "fuzzy, c-format", ""]
REFERENCES = ["statements/2020-01-15-good.md:3", "pyproject.toml:2", "a.md", "a:b:c",
              "file with space.md:2", ":", "x.md:-1", "x.md:99999999999999999999"]

VALID_ESCAPES = ["\\n", "\\t", '\\"', "\\\\", "\\x41", "\\101"]


def rarely(one_in: int) -> st.SearchStrategy[bool]:
    return st.sampled_from([False] * (one_in - 1) + [True])


piece = st.one_of(
    st.sampled_from(SOURCE_TEXTS),
    st.sampled_from(SOURCE_TEXTS),
    st.sampled_from(VALID_ESCAPES),
    rarely(4).flatmap(lambda odd: st.sampled_from(ESCAPES if odd else VALID_ESCAPES)),
    st.text(st.characters(exclude_characters='"\\\n\r'), max_size=12),
    st.text(max_size=6),
)
po_string = st.lists(piece, max_size=4).map("".join)


def quoted(value: str, continued: bool) -> str:
    if not continued or len(value) < 4:
        return f'"{value}"'
    middle = len(value) // 2
    return f'""\n"{value[:middle]}"\n"{value[middle:]}"'


@st.composite
def header(draw: st.DrawFn) -> list[str]:
    fields = [
        "Project-Id-Version: statements",
        f"Language: {draw(st.sampled_from(['ru', 'xx', '', 'ru_RU']))}",
        "MIME-Version: 1.0",
        f"Content-Type: text/plain; charset={draw(st.sampled_from(['UTF-8'] * 8 + CHARSETS))}",
        "Content-Transfer-Encoding: 8bit",
        f"Plural-Forms: {draw(st.sampled_from(PLURAL_FORMS))}",
    ]
    if draw(rarely(5)):
        fields = draw(st.lists(st.sampled_from(fields), max_size=8))
    body = "".join(f"{field}\\n" for field in fields)
    return ["# Translator comment", 'msgid ""', "msgstr " + quoted(body, True), ""]


@st.composite
def entry(draw: st.DrawFn) -> list[str]:
    obsolete = draw(rarely(6))
    prefix = "#~ " if obsolete else ""
    lines: list[str] = []
    order = ["#", "#.", "#:", "#,", "#|"]
    kinds = draw(st.lists(st.sampled_from(order), max_size=4))
    if not draw(rarely(5)):  # gettext's order, which most tools keep
        kinds.sort(key=order.index)
    for kind in kinds:
        if kind == "#:":
            lines.append(f"#: {draw(st.sampled_from(REFERENCES))}")
        elif kind == "#,":
            lines.append(f"#, {draw(st.sampled_from(['fuzzy'] * 4 + FLAGS))}")
        elif kind == "#|":
            keyword = "msgid"
            if draw(rarely(4)):
                keyword = draw(st.sampled_from(["msgctxt", "msgid_plural", "msgstr"]))
            lines.append(f'#| {keyword} "{draw(po_string)}"')
        else:
            lines.append(f"{kind} {draw(st.text(max_size=20))}".rstrip())
    if draw(rarely(5)):
        lines.append(f"{prefix}msgctxt {quoted(draw(po_string), draw(st.booleans()))}")
    msgid = draw(po_string) or draw(st.sampled_from(SOURCE_TEXTS))
    lines.append(f"{prefix}msgid {quoted(msgid, draw(st.booleans()))}")
    if draw(rarely(4)):
        lines.append(f"{prefix}msgid_plural {quoted(draw(po_string), False)}")
        for index in range(draw(st.integers(0, 4))):
            lines.append(f"{prefix}msgstr[{index}] {quoted(draw(po_string), False)}")
    else:
        lines.append(f"{prefix}msgstr {quoted(draw(po_string), draw(st.booleans()))}")
    if obsolete:  # continuation lines of an obsolete message carry the marker too
        lines = [line if line.startswith("#") else f"#~ {line}" for line in "\n".join(
            lines).split("\n")]
    return [*lines, ""]


@st.composite
def po_bytes(draw: st.DrawFn) -> bytes:
    lines = draw(header()) if not draw(rarely(6)) else []
    for block in draw(st.lists(entry(), max_size=6)):
        lines.extend(block)
    damage = draw(st.sampled_from(["none"] * 8 + ["drop", "repeat", "swap", "garbage"]))
    if lines and damage != "none":
        at = draw(st.integers(0, len(lines) - 1))
        if damage == "drop":
            del lines[at]
        elif damage == "repeat":
            lines.insert(at, lines[at])
        elif damage == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif damage == "garbage":
            lines.insert(at, draw(st.text(max_size=20)))
    text = "\n".join(lines)
    text = text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n"])))
    encoding = draw(st.sampled_from(["utf-8"] * 8 + ["koi8-r", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    if draw(rarely(10)):
        data = b"\xef\xbb\xbf" + data
    cut = draw(st.sampled_from(["none"] * 8 + ["cut", "bytes"]))
    if cut == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif cut == "bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=6)) + data[at:]
    return data


def _load_and_round_trip(data: bytes) -> None:
    """Refused with one line naming the file, or read; what is read is written back
    identically however often it goes round."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ru.po"
        path.write_bytes(data)
        try:
            catalog = load_po(path)
        except CatalogError as error:
            assert_error_names(error, str(path))
            error.message.encode("utf-8")  # no lone surrogate: bytes that are not UTF-8 are named
            event(f"refused: {error.message[:30]}")
            return
        event("read")
        text = format_po(catalog, width=79)
        path.write_text(text, encoding="utf-8")
        assert format_po(load_po(path), width=79) == text


@FUZZ
@given(po_bytes())
@example(b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
def test_load_po_refuses_in_one_line_or_round_trips(data: bytes) -> None:
    _load_and_round_trip(data)


@FUZZ
@given(st.binary(max_size=300))
def test_po_byte_soup(data: bytes) -> None:
    _load_and_round_trip(data)
    _load_and_round_trip(b'msgid ""\nmsgstr ""\n' + data)


@FUZZ
@given(po_bytes())
def test_cli_on_a_fuzzed_catalog(data: bytes) -> None:
    """status and check change nothing; update changes only the catalog (and never a
    catalog it refuses); compile only the .mo."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "project")
        assert invoke(root, "extract").exit_code == 0
        catalog = root / "locales/ru/LC_MESSAGES/statements.po"
        catalog.parent.mkdir(parents=True)
        catalog.write_bytes(data)
        names = ["locales/ru/LC_MESSAGES/statements.po"]
        before = tree(root)
        for command in ("status", "check"):
            result = invoke(root, command, "--lang", "ru")
            assert_outcome(result, names=names)
        assert not changed(before, tree(root))

        result = invoke(root, "compile", "--lang", "ru")
        assert_outcome(result, names=names)
        assert changed(before, tree(root)) <= {"locales/ru/LC_MESSAGES/statements.mo"}

        before = tree(root)
        result = invoke(root, "update", "--lang", "ru")
        assert_outcome(result, names=names)
        assert result.exit_code in (0, 2)
        allowed = {names[0]} if result.exit_code == 0 else set()
        assert changed(before, tree(root)) <= allowed
        if result.exit_code == 0:  # what update wrote, every command reads
            for command in ("status", "check", "compile", "update"):
                result = invoke(root, command, "--lang", "ru")
                assert_outcome(result)
                assert result.exit_code in (0, 1), result.stderr
