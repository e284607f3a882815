"""Statement files as a hostile or unlucky user writes them: front matter YAML, Markdown
bodies, byte soup, other encodings, a BOM, CRLF and CR line endings, files cut short."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from fuzzing import (
    FUZZ,
    GOOD_STATEMENT,
    assert_error_names,
    assert_outcome,
    changed,
    invoke,
    make_project,
    tree,
)
from hypothesis import event, example, given
from hypothesis import strategies as st

from pubtool.errors import StatementError
from pubtool.statements import load_statement

NAME = "2024-03-04-fuzzed.md"
STEM = NAME.removesuffix(".md")

# Scalars as written in YAML: what users type, and what a parser can be made to do.
RAW_SCALARS = [
    "2024-03-04", "2024-02-30", "2024-03-04T10:00:00+04:00", "2024-03-04 10:00:00",
    "2024-13-01", "0001-01-01", "9999-12-31", "1990-01-20", "yes", "no", "null", "~", "''",
    "0x1F", "1e3", ".inf", ".nan", "-0", "12345678901234567890123",
    "!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary aGk=",
    "!!timestamp 2024-02-30", "!!int x", "!!float y", "!!str 2024-03-04", "!!set {a, b}",
    "!!omap [a: 1]", "!custom x", "&a x", "*a", "*missing", "[a, b]", "{a: b}", "[[[[]]]]",
    "'quoted'", '"double \\" quoted"', '"\\x00"', '"\\ud800"', '"\\U0010FFFF"', "|\n  block",
    ">-\n  folded", "|\n\tbad", "? x", "- item", "a: b: c", "@reserved", "`tick", "%TAG",
    "'unterminated", '"unterminated', "[unclosed", "{unclosed", "x #comment", "\x00", "\x1b",
    "\u2028", "\x85", "\ufeff", "\ud7ff", "Bakı şəhəri", "Баку", "\u202eRTL", "🕯️",
]
KEYS = ["id", "title", "date", "issuer", "source", "signature", "notes", "extra", "<<", "? [k]"]

scalar = st.one_of(
    st.sampled_from(RAW_SCALARS),
    st.text(max_size=30),
    st.dates().map(str),
    st.datetimes().map(lambda value: value.isoformat()),
)

BODY_FRAGMENTS = [
    "A paragraph.", "# Heading", "Setext\n===", "- item", "1. one", "> quote", "> > nested",
    "```\ncode\n```", "    indented code", "| a | b |\n|---|---|\n| 1 | 2 |", "<div>x</div>",
    "<b>bold</b>", "*em* **strong** `code`", "[link](http://x)", "![img](x.png)", "---",
    "***", "[ref]: http://x", "&amp; &#0; &#xD800; &bogus;", "\\", "<!-- c -->",
    "- a\n  - b\n    - c", ">" * 40 + " deep", "- " * 40 + "deep", "\x00", "\u2028", "\u0301",
    "\u200f", "text\twith\ttabs", "trailing  ", "   ", "Bakı, 20 Yanvar 1990", "Баку",
]

body = st.lists(st.one_of(st.sampled_from(BODY_FRAGMENTS), st.text(max_size=60)), max_size=8).map(
    "\n\n".join
)


def rarely(one_in: int) -> st.SearchStrategy[bool]:
    return st.sampled_from([False] * (one_in - 1) + [True])


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """Mostly valid front matter with a thing or two changed, or YAML from random values."""
    if draw(rarely(4)):
        leaves = st.one_of(
            st.text(max_size=20), st.integers(), st.booleans(), st.dates(), st.none()
        )
        data = draw(
            st.dictionaries(
                st.sampled_from(KEYS) | st.text(max_size=8),
                st.recursive(leaves, lambda inner: st.lists(inner, max_size=3), max_leaves=6),
                max_size=6,
            )
        )
        data.setdefault("id", STEM)
        return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False)
    values = {
        "id": STEM,
        "title": "A fuzzed statement",
        "date": "2024-03-04",
        "issuer": "Someone",
    }
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=2)):
        values[key] = draw(scalar)
    if draw(rarely(6)):
        values.pop(draw(st.sampled_from(list(values))))
    return "\n".join(f"{key}: {value}" for key, value in values.items())


@st.composite
def statement_text(draw: st.DrawFn) -> str:
    opening = "---" if not draw(rarely(8)) else draw(st.sampled_from(["--- ", "----", "", "+++"]))
    closing = "---" if not draw(rarely(8)) else draw(st.sampled_from(["...", "", "--- x"]))
    return f"{opening}\n{draw(front_matter())}\n{closing}\n\n{draw(body)}\n"


@st.composite
def statement_bytes(draw: st.DrawFn) -> bytes:
    """The text, saved the way some editor or tool might: endings, BOM, encoding, damage."""
    text = draw(statement_text())
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", ending)
    if draw(rarely(4)):
        text = "\ufeff" + text
    encoding = "utf-8"
    if draw(rarely(6)):
        encoding = draw(st.sampled_from(["utf-16", "latin-1", "cp1251"]))
    data = text.encode(encoding, errors="replace")
    damage = "none" if not draw(rarely(4)) else draw(st.sampled_from(["cut", "insert"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "insert":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return data


def _load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_bytes(data)
        try:
            statement = load_statement(path, notice=lambda message: None)
        except StatementError as error:
            assert_error_names(error, str(path))
            event(f"refused: {error.message[:24]}")
        else:
            event("read")
            assert statement.id == STEM and statement.body


@FUZZ
@given(statement_bytes())
@example(GOOD_STATEMENT.replace("2020-01-15-good", STEM).encode("utf-8"))
def test_load_statement_is_a_statement_or_one_line(data: bytes) -> None:
    _load(data)


@FUZZ
@given(st.binary(max_size=400))
def test_byte_soup_is_a_statement_or_one_line(data: bytes) -> None:
    _load(b"---\nid: " + STEM.encode() + b"\n" + data)
    _load(data)


@FUZZ
@given(statement_bytes())
def test_cli_on_a_fuzzed_statement(data: bytes) -> None:
    """`statements` changes nothing; `extract` only the template; whatever extract wrote,
    update, compile, status and check read back."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(
            Path(folder) / "project",
            statements={"2020-01-15-good.md": GOOD_STATEMENT, NAME: data},
        )
        names = [f"statements/{NAME}"]
        before = tree(root)
        result = invoke(root, "statements", "--format", "json")
        assert_outcome(result, names=names)
        assert result.exit_code in (0, 2)
        assert not changed(before, tree(root))

        result = invoke(root, "extract")
        assert_outcome(result, names=names)
        assert changed(before, tree(root)) <= {"locales/statements.pot"}
        assert (result.exit_code == 0) == (root / "locales/statements.pot").exists()
        if result.exit_code != 0:
            return
        for command, suffix in (("update", ".po"), ("compile", ".mo")):
            before = tree(root)
            result = invoke(root, command)
            assert_outcome(result)
            assert result.exit_code == 0, result.stderr  # pubtool reads what it wrote
            event(f"{command}: read back")
            for name in changed(before, tree(root)):
                assert name.endswith(suffix), name
        before = tree(root)
        for command in ("status", "check"):
            result = invoke(root, command)
            assert_outcome(result)
            assert result.exit_code in (0, 1), result.stderr
        assert not changed(before, tree(root))
