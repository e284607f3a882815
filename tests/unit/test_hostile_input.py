"""Regression tests for what hand-testing and the fuzzers (tests/fuzz/) found: each input
here once gave a traceback, a refusal of something users expect accepted, or two lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pubtool.catalogs import catalog_files
from pubtool.checks.glossary import load_glossary
from pubtool.cli import app
from pubtool.errors import ConfigError, PubtoolError, RenderError, StatementError, one_line
from pubtool.project import load_project
from pubtool.publish.labels import load_labels
from pubtool.statements import load_statement

NAME = "2024-03-04-x.md"
GOOD = "---\nid: 2024-03-04-x\ntitle: T\ndate: 2024-03-04\nissuer: I\n---\n\nBody text.\n"


def statement(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / NAME
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def refused(path: Path) -> StatementError:
    with pytest.raises(StatementError) as caught:
        load_statement(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(str(path))
    return caught.value


def test_python_tag_is_one_line_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = statement(
        tmp_path,
        GOOD.replace("title: T", f"title: !!python/object/apply:os.system ['touch {marker}']"),
    )
    error = refused(path)
    assert error.line == 3 and "tag" in error.message
    assert not marker.exists()


def test_python_tag_through_the_cli(project_dir: Path) -> None:
    bad = project_dir / "statements" / NAME
    bad.write_text(GOOD.replace("title: T", "title: !!python/name:os.system"), encoding="utf-8")
    result = CliRunner().invoke(app, ["--project", str(project_dir), "statements"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"statements/{NAME}:3:" in result.stderr


@pytest.mark.parametrize(
    "content",
    [
        "\ufeff" + GOOD,
        GOOD.replace("\n", "\r\n"),
        GOOD.replace("\n", "\r"),
        "\ufeff" + GOOD.replace("\n", "\r\n"),
    ],
    ids=["bom", "crlf", "cr", "bom-crlf"],
)
def test_bom_and_line_endings_are_accepted_with_the_same_lines(
    tmp_path: Path, content: str
) -> None:
    loaded = load_statement(statement(tmp_path, content))
    (tmp_path / "plain").mkdir()
    plain = load_statement(statement(tmp_path / "plain", GOOD))
    assert [(b.kind, b.text, b.line) for b in loaded.blocks()] == [
        (b.kind, b.text, b.line) for b in plain.blocks()
    ]


def test_datetime_is_taken_as_its_date_with_a_notice(tmp_path: Path) -> None:
    notices: list[str] = []
    path = statement(tmp_path, GOOD.replace("2024-03-04\n", "2024-03-04T23:30:00+04:00\n"))
    loaded = load_statement(path, notice=notices.append)
    assert loaded.date == dt.date(2024, 3, 4)  # the date as written, not shifted to UTC
    assert len(notices) == 1 and f"{path}:4:" in notices[0] and "2024-03-04" in notices[0]


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (("date: 2024-03-04", "date: 2024-02-30"), 4),
        (("title: T", "title: 2024-02-30"), 3),
        (("issuer: I", "issuer: I\x01"), 5),
        (("title: T", "title: " + "[" * 5000), None),
        (("title: T", "? [a]\n: b\ntitle: T"), 3),
    ],
    ids=["impossible-date", "impossible-date-elsewhere", "control-character", "deep", "list-key"],
)
def test_yaml_errors_name_the_line(
    tmp_path: Path, change: tuple[str, str], line: int | None
) -> None:
    error = refused(statement(tmp_path, GOOD.replace(*change)))
    assert error.line is not None
    if line is not None:
        assert error.line == line


def test_merge_keys_have_no_line_but_no_traceback(tmp_path: Path) -> None:
    loaded = load_statement(
        statement(tmp_path, GOOD.replace("title: T\n", "<<: {title: T}\n"))
    )
    assert loaded.title.text == "T"


def test_vanished_or_unreadable_statement_is_one_line(tmp_path: Path) -> None:
    refused(tmp_path / NAME)  # listed, then gone
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(StatementError):
        load_statement(tmp_path / "folder.md")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    error = refused(statement(tmp_path, GOOD.encode() + b"\n\xff\n"))
    assert error.line == 10


# --- configuration --------------------------------------------------------------------------


def test_glossary_bom_accepted_and_control_characters_one_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("\ufeffterms:\n  - en: Baku\n    az: Bakı\n", encoding="utf-8")
    assert len(load_glossary(path)) == 1
    path.write_text("terms:\n  - en: Baku\x01\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_glossary(path)
    assert caught.value.line == 2
    path.write_text("terms: " + "[" * 5000, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_glossary(path)


@pytest.mark.parametrize(
    "content",
    [
        "en: !!python/object/apply:os.system ['true']\n",
        "en:\n  contents: 2024-02-30\n",
        "en: [a, b]\n",
        "- en\n",
        "en:\n  contents: [a]\n",
        b"en:\n  contents: \xff\n",
        "en: " + "[" * 5000,
    ],
    ids=["python-tag", "impossible-date", "list", "not-a-mapping", "not-text", "not-utf8",
         "deep"],
)
def test_labels_errors_are_one_line(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "labels.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    with pytest.raises(RenderError) as caught:
        load_labels([tmp_path])
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))


def test_a_label_the_template_needs_is_missing(project_dir: Path) -> None:
    runner = CliRunner()
    for command in ("extract", "update"):
        assert runner.invoke(app, ["--project", str(project_dir), command]).exit_code == 0
    (project_dir / "templates").mkdir(exist_ok=True)
    (project_dir / "templates/booklet.html.j2").write_text(
        "{{ label(lead, 'no-such-label') }}", "utf-8"
    )
    output = project_dir / "build/x.html"
    result = runner.invoke(
        app, ["--project", str(project_dir), "build-html", "--lang", "az,en", "-o", str(output)]
    )
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "booklet.html.j2" in result.stderr and not output.exists()


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"[tool.pubtool]\ntitle = \"\xff\"\n", None),
        (b"[tool.pubtool]\ntitle = \"x\"\nwidth = = 3\n", 3),
        (b'[tool.pubtool]\nstatements = "nul\\u0000byte"\n', None),
        (b'[tool.pubtool]\nlocales = "' + b"x" * 300 + b'"\n', None),
        (b'[tool.pubtool]\nglossary = "a\\nb"\n', None),
    ],
    ids=["not-utf8", "toml-error-line", "nul-in-folder", "name-too-long", "newline-in-path"],
)
def test_pyproject_errors_are_one_line(tmp_path: Path, content: bytes, line: int | None) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    for folder in ("statements", "locales", "templates"):
        (tmp_path / folder).mkdir()
    with pytest.raises(ConfigError) as caught:
        load_project(tmp_path)
    assert "\n" not in str(caught.value) and "pyproject.toml" in str(caught.value)
    if line:
        assert caught.value.line == line


def test_catalog_paths_too_long_twice_or_with_a_newline(tmp_path: Path) -> None:
    long_name = tmp_path / ("x" * 300)
    files, problems = catalog_files([long_name, long_name, tmp_path / "a\nb.po"])
    assert files == [] and len(problems) == 2
    assert all("\n" not in problem for problem in problems)


def test_one_line_escapes_line_breaks() -> None:
    assert one_line("a\nb\rc\x00d\u2028e") == "a\\nb\\rc\\x00d\\u2028e"
    assert str(PubtoolError("bad", file="a\nb.md", line=3)) == "a\\nb.md:3: bad"


@pytest.mark.parametrize("output", ["az", "pyproject.toml"])
def test_build_html_writes_only_an_html_file(project_dir: Path, output: str) -> None:
    """Found by tests/fuzz/test_fuzz_cli.py: `build-html -o az` wrote a file named `az`
    (and `-o pyproject.toml` would have replaced the configuration)."""
    runner = CliRunner()
    for command in ("extract", "update"):
        assert runner.invoke(app, ["--project", str(project_dir), command]).exit_code == 0
    target = project_dir / output
    before = target.read_bytes() if target.exists() else None
    result = runner.invoke(
        app, ["--project", str(project_dir), "build-html", "--lang", "az,en", "-o", str(target)]
    )
    assert result.exit_code == 2 and ".html" in result.stderr
    assert (target.read_bytes() if target.exists() else None) == before


@pytest.mark.parametrize("invisible", ["\u2028", "\u00a0", "\u3000"])
def test_a_paragraph_of_invisible_spaces_is_no_message(tmp_path: Path, invisible: str) -> None:
    """Found by tests/fuzz/test_fuzz_statements.py: a body line of only U+2028 became an
    empty message, and `extract` then failed with an error naming no file."""
    loaded = load_statement(statement(tmp_path, GOOD + f"\n{invisible}\n"))
    assert [block.text for block in loaded.body] == ["Body text."]
