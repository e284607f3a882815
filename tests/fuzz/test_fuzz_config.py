"""Configuration as users write it: `[tool.pubtool]` tables, the glossary and the booklet
labels (YAML), from nearly right to byte soup."""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import yaml
from fuzzing import (
    FUZZ,
    assert_error_names,
    assert_outcome,
    changed,
    invoke,
    make_project,
    tree,
)
from hypothesis import event, given
from hypothesis import strategies as st

from pubtool.checks.glossary import load_glossary
from pubtool.errors import ConfigError, RenderError
from pubtool.publish.labels import load_labels

KEYS = [
    "source-language", "languages", "domain", "statements", "locales", "templates", "output",
    "glossary", "width", "fail-under", "checks", "title", "unknown",
]
LANGUAGE_CODES = ["en", "az", "ru", "de", "fr", "EN", "en_US", "en-US", "zz", "", "x" * 300,
                  "sr_Latn", "und", "root", "i-klingon", "en\x00", "../en"]
# no "/": a statements or locales folder at the root would have pubtool search the whole
# file system, minutes on a machine full of catalogs; "/dev/null" is absolute and no folder
PATHS = ["statements", "locales", "templates", "build", "", ".", "..", "/dev/null", "/nonexistent",
         "a/b/c", "x" * 300, "statements/../statements", "nul\x00here", "~",
         "locales/glossary.yaml", "pyproject.toml", "tab\there"]

leaf = st.one_of(
    st.text(max_size=12),
    st.sampled_from(LANGUAGE_CODES + PATHS),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    st.booleans(),
    st.dates(),
)
toml_value = st.recursive(
    leaf,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(LANGUAGE_CODES[:6] + ["*"]), inner, max_size=3),
    max_leaves=6,
)


def toml(value: Any) -> str:
    """A TOML value, written here: the standard library reads TOML but does not write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, (int, dt.date)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml(v)}" for k, v in value.items()) + "}"


@st.composite
def pyproject(draw: st.DrawFn) -> bytes:
    table: dict[str, Any] = {"title": "Fuzzed", "languages": ["az", "en", "ru"]}
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=3)):
        table[key] = draw(toml_value)
    lines = ["[project]", 'name = "x"', "", "[tool.pubtool]"]
    lines += [f"{json.dumps(key)} = {toml(value)}" for key, value in table.items()]
    text = "\n".join(lines) + "\n"
    if draw(st.sampled_from([False] * 5 + [True])):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(max_size=8)) + text[at:]
    data = text.encode("utf-8")
    if draw(st.sampled_from([False] * 7 + [True])):
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b""])) + data
    if draw(st.sampled_from([False] * 7 + [True])):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@FUZZ
@given(pyproject())
def test_cli_on_a_fuzzed_pyproject(data: bytes) -> None:
    """Every command reads the configuration first: one line naming pyproject.toml (or the
    file it points at), and nothing written when it is refused."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "project", pyproject=data)
        before = tree(root)
        for command in ("statements", "status", "check"):
            result = invoke(root, command)
            assert_outcome(result, names=["pyproject.toml", "glossary", "locales", "statements"])
            event(f"{command}: exit {result.exit_code}")
        assert changed(before, tree(root)) <= set()


@FUZZ
@given(st.binary(max_size=200))
def test_pyproject_byte_soup(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "project", pyproject=b"[tool.pubtool]\n" + data)
        before = tree(root)
        result = invoke(root, "statements")
        assert_outcome(result, names=["pyproject.toml"])
        assert not changed(before, tree(root))


# --- glossary.yaml and labels.yaml ----------------------------------------------------------

YAML_SCALARS = [
    "Baku", "Bakı", "Баку", "''", "~", "null", "yes", "12", "1.5", "2024-02-30", "2024-03-04",
    "!!python/object/apply:os.system ['true']", "!!binary aGk=", "&a x", "*a", "[a]", "{a: b}",
    "'unterminated", "\x00", "\x1b", "\u2028", "|\n    block", "@", "%", "? x", "- x",
]
yaml_scalar = st.one_of(st.sampled_from(YAML_SCALARS), st.text(max_size=12))
GLOSSARY_KEYS = ["en", "az", "ru", "note", "de", "EN", "xx-yy", "", "terms", "1"]


@st.composite
def glossary_yaml(draw: st.DrawFn) -> bytes:
    if draw(st.sampled_from([False] * 5 + [True])):
        return draw(st.binary(max_size=200))
    lines = [draw(st.sampled_from(["terms:"] * 6 + ["terms: x", "term:", "- terms", ""]))]
    for _ in range(draw(st.integers(0, 4))):
        keys = draw(st.lists(st.sampled_from(GLOSSARY_KEYS), min_size=1, max_size=4))
        for index, key in enumerate(keys):
            bullet = "  - " if index == 0 else "    "
            lines.append(f"{bullet}{key}: {draw(yaml_scalar)}")
    text = "\n".join(lines) + "\n"
    if draw(st.sampled_from([False] * 5 + [True])):
        text = "\ufeff" + text
    return text.encode("utf-8")


@FUZZ
@given(glossary_yaml())
def test_glossary_is_loaded_or_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.yaml"
        path.write_bytes(data)
        try:
            load_glossary(path, source_language="en")
            event("read")
        except ConfigError as error:
            assert_error_names(error, str(path))
            event("refused")


@FUZZ
@given(glossary_yaml())
def test_check_with_a_fuzzed_glossary(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "project")
        assert invoke(root, "extract").exit_code == 0
        assert invoke(root, "update").exit_code == 0
        (root / "locales/glossary.yaml").write_bytes(data)
        before = tree(root)
        result = invoke(root, "check")
        assert_outcome(result, names=["locales/glossary.yaml"])
        assert not changed(before, tree(root))


LABEL_NAMES = ["contents", "issued_by", "source", "untranslated", "fuzzy", "edition",
               "generated"]


@st.composite
def labels_yaml(draw: st.DrawFn) -> bytes:
    if draw(st.sampled_from([False] * 5 + [True])):
        return draw(st.binary(max_size=200))
    data: dict[Any, Any] = {}
    for language in draw(st.lists(st.sampled_from(["en", "az", "ru", "de", ""]), max_size=4)):
        names = draw(st.lists(st.sampled_from(LABEL_NAMES), max_size=7))
        data[language] = {name: draw(st.text(max_size=10)) for name in names}
    text = yaml.safe_dump(data, allow_unicode=True)
    if draw(st.sampled_from([False] * 3 + [True])):
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = lines[at].split(":")[0] + ": " + draw(yaml_scalar)
        text = "\n".join(lines)
    return text.encode("utf-8")


@FUZZ
@given(labels_yaml())
def test_labels_are_loaded_or_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "labels.yaml"
        path.write_bytes(data)
        try:
            load_labels([Path(folder)])
            event("read")
        except RenderError as error:
            assert_error_names(error, str(path))
            event("refused")


@FUZZ
@given(labels_yaml())
def test_build_html_with_fuzzed_labels(data: bytes) -> None:
    """build-html writes its page or says in one line which file is wrong."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "project")
        assert invoke(root, "extract").exit_code == 0
        assert invoke(root, "update").exit_code == 0
        (root / "templates/labels.yaml").write_bytes(data)
        before = tree(root)
        output = str(root / "build/booklet.html")
        result = invoke(root, "build-html", "--lang", "az,en", "-o", output)
        assert_outcome(result, names=["labels.yaml", "booklet.html.j2"])
        assert changed(before, tree(root)) <= {"build/booklet.html"}
        assert (result.exit_code == 0) == (root / "build/booklet.html").exists()
