"""`pubtool status`: coverage of the project's catalogs or of given files, formats and gate."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from pubtool.cli import app

runner = CliRunner()

LANGUAGES = ("az", "en", "ru")
FIRST = "2020-01-15-first"
SECOND = "2021-01-19-second"
SVG = "{http://www.w3.org/2000/svg}"


def run(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def catalog_path(project: Path, language: str) -> Path:
    return project / "locales" / language / "LC_MESSAGES" / "statements.po"


def in_statement(entry: polib.POEntry, statement: str) -> bool:
    return any(path.endswith(f"/{statement}.md") for path, _ in entry.occurrences)


def translated_project(project: Path) -> Path:
    """extract + update, then
    az: everything but "A heading" (10 of 11; 7/7 in the first statement, 4/5 in the second),
    en: the source language, empty and complete,
    ru: the collection title and the second statement (6), the first title fuzzy (1),
        4 untranslated; 2 of 7 in the first statement, 5 of 5 in the second.
    """
    assert run(project, "extract")[0] == 0
    assert run(project, "update")[0] == 0
    az = polib.pofile(str(catalog_path(project, "az")))
    for entry in az:
        if entry.msgid != "A heading":
            entry.msgstr = f"AZ {entry.msgid}"
    az.save()
    ru = polib.pofile(str(catalog_path(project, "ru")))
    for entry in ru:
        if entry.msgid == "Test statements" or in_statement(entry, SECOND):
            entry.msgstr = f"RU {entry.msgid}"
        elif entry.msgid == "First statement on the 30th anniversary":
            entry.msgstr = "RU draft"
            entry.flags.append("fuzzy")
    ru.save()
    return project


@pytest.fixture
def project(project_dir: Path) -> Path:
    return translated_project(project_dir)


def status_json(project: Path, *args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(project, "status", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def gate_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("pubtool: below the bar: ")]


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("pubtool: error: ")]


# --- output formats -------------------------------------------------------------------------


def test_table_mentions_each_catalog(project: Path) -> None:
    code, out, err = run(project, "status")
    assert code == 0 and err == ""
    assert "Translation coverage" in out
    for language in LANGUAGES:
        assert f"locales/{language}/LC_MESSAGES/statements.po" in out
    rows = {
        words[0]: words[1:]
        for words in (line.split() for line in out.splitlines())
        if len(words) > 5 and words[0] in LANGUAGES
    }
    assert list(rows) == list(LANGUAGES)
    assert rows["az"][:6] == ["10", "0", "1", "0", "70/72", "90.9"]
    assert rows["en"][:6] == ["11", "0", "0", "0", "72/72", "100.0"]
    assert rows["ru"][:3] == ["6", "1", "4"]
    assert FIRST in out and SECOND in out  # the by-statement table


COUNT_KEYS = {"translated", "fuzzy", "untranslated", "obsolete", "words", "percent"}
WORD_KEYS = {"total", "translated", "fuzzy", "untranslated"}


def assert_counts(counts: dict) -> None:  # type: ignore[type-arg]
    assert set(counts) >= COUNT_KEYS
    for key in ("translated", "fuzzy", "untranslated", "obsolete"):
        assert type(counts[key]) is int
    assert set(counts["words"]) >= WORD_KEYS
    assert all(type(counts["words"][key]) is int for key in WORD_KEYS)
    assert isinstance(counts["percent"], (int, float)) and 0 <= counts["percent"] <= 100
    words = counts["words"]
    assert words["total"] == words["translated"] + words["fuzzy"] + words["untranslated"]


def test_json_follows_the_documented_schema(project: Path) -> None:
    data = status_json(project)
    assert {"schema", "catalogs", "languages", "statements"} <= set(data)
    assert data["schema"] == 1
    assert data["errors"] == []
    assert isinstance(data["catalogs"], list) and len(data["catalogs"]) == 3
    for item in data["catalogs"]:
        assert {"path", "language"} <= set(item)
        assert isinstance(item["path"], str) and isinstance(item["language"], str)
        assert_counts(item)
    assert [c["path"] for c in data["catalogs"]] == [
        f"locales/{language}/LC_MESSAGES/statements.po" for language in LANGUAGES
    ]
    assert list(data["languages"]) == list(LANGUAGES)
    for counts in data["languages"].values():
        assert_counts(counts)
    assert list(data["statements"]) == [FIRST, SECOND]
    for per_language in data["statements"].values():
        assert list(per_language) == list(LANGUAGES)
        for counts in per_language.values():
            assert_counts(counts)
    # the numbers
    az, en, ru = data["catalogs"]
    assert (az["translated"], az["fuzzy"], az["untranslated"], az["obsolete"]) == (10, 0, 1, 0)
    assert az["percent"] == pytest.approx(90.91)
    assert az["words"] == {"total": 72, "translated": 70, "fuzzy": 0, "untranslated": 2}
    assert (en["translated"], en["untranslated"], en["percent"]) == (11, 0, 100)
    assert (ru["translated"], ru["fuzzy"], ru["untranslated"]) == (6, 1, 4)
    assert ru["words"]["fuzzy"] == 6  # "First statement on the 30th anniversary"
    assert data["languages"]["ru"]["translated"] == 6
    assert data["statements"][FIRST]["ru"]["translated"] == 2
    assert data["statements"][FIRST]["ru"]["fuzzy"] == 1
    assert data["statements"][SECOND]["ru"]["percent"] == 100
    assert data["statements"][SECOND]["az"]["untranslated"] == 1


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) not installed")
def test_counts_agree_with_msgfmt_on_the_project(project: Path) -> None:
    data = status_json(project)
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "LANGUAGE": ""}
    for item in data["catalogs"]:
        if item["language"] == "en":
            continue  # the source language's empty entries are complete for pubtool only
        result = subprocess.run(
            ["msgfmt", "--statistics", "-o", os.devnull, str(project / item["path"])],
            capture_output=True, text=True, env=env, check=True,
        )
        numbers = {
            kind: int(match[1]) if (match := re.search(rf"(\d+) {kind}", result.stderr)) else 0
            for kind in ("translated message", "fuzzy translation", "untranslated message")
        }
        assert (item["translated"], item["fuzzy"], item["untranslated"]) == tuple(numbers.values())


def test_lang_option_limits_the_catalogs(project: Path) -> None:
    data = status_json(project, "--lang", "az")
    assert [c["language"] for c in data["catalogs"]] == ["az"]
    assert list(data["languages"]) == ["az"]


def test_markdown_table(project: Path) -> None:
    code, out, _ = run(project, "status", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("| language | translated | fuzzy | untranslated | obsolete |")
    assert re.fullmatch(r"\|(?:-*:?-+:?\|)+", lines[1].replace(" ", ""))
    columns = lines[0].count("|")
    rows = [line for line in lines[2:] if line.startswith("| ")]
    assert [row.split("|")[1].strip() for row in rows] == list(LANGUAGES)
    assert all(row.count("|") == columns for row in rows)
    assert "| az | 10 | 0 | 1 | 0 | 70 / 72 | 90.9 |" in lines
    assert "| ru | 6 | 1 | 4 | 0 |" in out


def test_badges(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "badges"
    code, _, err = run(project, "status", "--badge", str(folder))
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"coverage-{language}.svg" for language in LANGUAGES]
    for language, shown in (("az", "91%"), ("en", "100%"), ("ru", "55%")):
        root = ET.parse(folder / f"coverage-{language}.svg").getroot()
        assert root.tag == f"{SVG}svg"
        assert root.findtext(f"{SVG}title") == f"{language}: {shown}"
        texts = [element.text for element in root.iter(f"{SVG}text")]
        assert texts == [language, shown]


# --- the gate -------------------------------------------------------------------------------


def test_fail_under_one_bar(project: Path) -> None:
    code, out, err = run(project, "status", "--fail-under", "95")
    assert code == 1
    assert out  # the report is still printed
    assert gate_lines(err) == [
        "pubtool: below the bar: az: 90.9% translated, below 95%",
        "pubtool: below the bar: ru: 54.5% translated, below 95%",
    ]
    code, _, err = run(project, "status", "--fail-under", "50")
    assert code == 0 and gate_lines(err) == []


def test_fail_under_per_language(project: Path) -> None:
    code, _, err = run(project, "status", "--fail-under", "az=0,ru=0")
    assert code == 0 and gate_lines(err) == []
    code, _, err = run(project, "status", "--fail-under", "az=90,ru=80")
    assert code == 1
    assert gate_lines(err) == ["pubtool: below the bar: ru: 54.5% translated, below 80%"]
    # repeatable, and a language's own bar wins over the default
    code, _, err = run(project, "status", "--fail-under", "100", "--fail-under", "az=90,ru=50")
    assert code == 0, err


def test_fail_under_per_statement(project: Path) -> None:
    code, _, err = run(project, "status", "--fail-under", "az=90,ru=50")
    assert code == 0 and gate_lines(err) == []
    code, _, err = run(project, "status", "--fail-under", "az=90,ru=50", "--per-statement")
    assert code == 1
    assert gate_lines(err) == [
        f"pubtool: below the bar: ru {FIRST}: 28.6% translated, below 50%",
        f"pubtool: below the bar: az {SECOND}: 80.0% translated, below 90%",
    ]


def test_fail_under_bad_value_is_a_usage_error(project: Path) -> None:
    code, out, err = run(project, "status", "--fail-under", "az=lots")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("pubtool: error: --fail-under: ")


def set_fail_under(project: Path, value: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + f"fail-under = {value}\n",
                         encoding="utf-8")


def test_default_bar_from_pyproject_table(project: Path) -> None:
    set_fail_under(project, "{ ru = 60 }")
    code, _, err = run(project, "status")
    assert code == 1
    assert gate_lines(err) == ["pubtool: below the bar: ru: 54.5% translated, below 60%"]
    code, _, err = run(project, "status", "--fail-under", "ru=50")  # the command line wins
    assert code == 0 and gate_lines(err) == []


def test_default_bar_from_pyproject_number(project: Path) -> None:
    set_fail_under(project, "50")
    assert run(project, "status")[0] == 0
    code, _, err = run(project, "status", "--per-statement")
    assert code == 1
    assert gate_lines(err) == [f"pubtool: below the bar: ru {FIRST}: 28.6% translated, below 50%"]


# --- given paths ----------------------------------------------------------------------------


def test_status_of_a_file(project: Path) -> None:
    path = catalog_path(project, "ru")
    data = status_json(project, str(path))
    assert len(data["catalogs"]) == 1
    item = data["catalogs"][0]
    assert item["path"] == str(path) and item["language"] == "ru"
    assert (item["translated"], item["fuzzy"], item["untranslated"]) == (6, 1, 4)
    assert list(data["statements"]) == [FIRST, SECOND]


def test_status_of_a_folder(project: Path) -> None:
    data = status_json(project, str(project / "locales"))
    assert [c["language"] for c in data["catalogs"]] == list(LANGUAGES)
    assert data["languages"]["en"]["percent"] == 100  # the source language, as the project says
    assert data["languages"]["az"]["translated"] == 10


def test_language_from_the_path_when_the_header_has_none(project: Path, tmp_path: Path) -> None:
    catalog = polib.pofile(str(catalog_path(project, "ru")))
    del catalog.metadata["Language"]
    target = tmp_path / "other" / "xx" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    catalog.save(str(target))
    data = status_json(project, str(tmp_path / "other"))
    assert [c["language"] for c in data["catalogs"]] == ["xx"]


def test_a_path_that_is_not_a_catalog_is_named(project: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a catalog\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing.po"
    good = catalog_path(project, "az")
    code, out, err = run(project, "status", "--format", "json",
                         str(notes), str(good), str(empty), str(missing))
    assert code == 2
    assert error_lines(err) == [
        f"pubtool: error: {notes}: not a catalog (.po file)",
        f"pubtool: error: {empty}: no .po files in this folder",
        f"pubtool: error: {missing}: no such file or folder",
    ]
    data = json.loads(out)
    assert [c["path"] for c in data["catalogs"]] == [str(good)]


# --- broken and stale catalogs --------------------------------------------------------------


def break_catalog(path: Path) -> int:
    """Append an unterminated string; return its line number."""
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    path.write_text(text + '\nmsgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    return line


@pytest.mark.parametrize("given", ["project", "folder"])
def test_broken_catalog_among_good_ones(project: Path, given: str) -> None:
    line = break_catalog(catalog_path(project, "az"))
    args = [] if given == "project" else [str(project / "locales")]
    code, out, err = run(project, "status", "--format", "json", "--fail-under", "0", *args)
    assert code == 2
    errors = error_lines(err)
    assert len(errors) == 1 and "Traceback" not in err
    assert re.search(rf"az/LC_MESSAGES/statements\.po:{line}: ", errors[0]), errors[0]
    data = json.loads(out)
    assert [c["language"] for c in data["catalogs"]] == ["en", "ru"]
    assert len(data["errors"]) == 1 and f"statements.po:{line}: " in data["errors"][0]
    assert data["catalogs"][1]["translated"] == 6
    # in a table too, the good catalogs are shown
    code, out, err = run(project, "status", *args)
    assert code == 2 and "en" in out and "ru" in out and len(error_lines(err)) == 1


def test_broken_catalog_wins_over_the_gate(project: Path) -> None:
    break_catalog(catalog_path(project, "az"))
    code, _, err = run(project, "status", "--fail-under", "100")
    assert code == 2
    assert len(error_lines(err)) == 1 and gate_lines(err)  # the shortfalls are still listed


def test_stale_catalog(project: Path) -> None:
    statement = project / "statements" / f"{FIRST}.md"
    statement.write_text(
        statement.read_text(encoding="utf-8") + "\nA new paragraph was added later.\n",
        encoding="utf-8",
    )
    assert run(project, "extract")[0] == 0  # but no update
    code, out, err = run(project, "status", "--format", "json")
    assert code == 0
    hints = [line for line in err.splitlines() if "run `pubtool update`" in line]
    assert len(hints) == 3
    assert "locales/az/LC_MESSAGES/statements.po: 1 message(s) of the template" in hints[0]
    data = json.loads(out)
    az, en, ru = data["catalogs"]
    assert (az["translated"], az["untranslated"]) == (10, 2)
    assert az["words"]["untranslated"] == 2 + 6  # "A heading" and the new paragraph
    assert (en["translated"], en["untranslated"]) == (11, 1)  # missing is not complete
    assert (ru["translated"], ru["fuzzy"], ru["untranslated"]) == (6, 1, 5)
    assert data["statements"][FIRST]["az"]["untranslated"] == 1
    assert all(item["missing_from_catalog"] == 1 for item in data["catalogs"])
    # after update the hint is gone and the source language is complete again
    assert run(project, "update")[0] == 0
    code, out, err = run(project, "status", "--format", "json")
    assert code == 0 and "pubtool update" not in err
    assert json.loads(out)["languages"]["en"]["percent"] == 100


def test_no_template_yet(project_dir: Path) -> None:
    code, out, err = run(project_dir, "status")
    assert code == 2 and out == ""
    assert err == (
        "pubtool: error: locales/statements.pot: no template yet: run `pubtool extract` first\n"
    )
