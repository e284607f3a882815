"""`pubtool check --fix`: mechanical house-style fixes, written safely, then the check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pubtool.cli import app
from pubtool.po import load_po, write_po

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def shipped(shipped_project: Path) -> Path:
    return shipped_project


def catalog_path(root: Path, language: str) -> Path:
    return root / "locales" / language / "LC_MESSAGES" / "statements.po"


def edit(root: Path, language: str, edited: str, original: str) -> str:
    """Replace text in the first translation that has it; returns that entry's msgid."""
    path = catalog_path(root, language)
    po = load_po(path)
    entry = next(e for e in po if edited in e.msgstr)
    entry.msgstr = entry.msgstr.replace(edited, original, 1)
    write_po(po, path, width=79)
    return str(entry.msgid)


def test_fix_restores_the_editorial_pass_and_is_idempotent(shipped: Path) -> None:
    edit(shipped, "az", "“Qara Yanvar”", '"Qara Yanvar"')
    edit(shipped, "az", "XX əsr", "20-ci əsr")
    edit(shipped, "ru", "20 января — Днем", "20 января – Днем")
    edit(shipped, "ru", "23\u00a0000", "23 000")
    before = runner.invoke(app, ["--project", str(shipped), "check"])
    assert before.exit_code == 1  # the glossary finds 20-ci əsr; style only warns
    assert before.stdout.count(": warning: style: ") == 5  # a straight pair is two marks

    fixed = runner.invoke(app, ["--project", str(shipped), "check", "--fix"])
    assert fixed.exit_code == 0, fixed.stdout + fixed.stderr
    assert "4 entries fixed in 2 catalogs" in fixed.stderr
    assert fixed.stdout == ""
    for language in ("az", "en", "ru"):
        assert catalog_path(shipped, language).read_bytes() == (
            catalog_path(REPO, language).read_bytes()
        )
    again = runner.invoke(app, ["--project", str(shipped), "check", "--fix"])
    assert again.exit_code == 0
    assert "0 entries fixed in 0 catalogs" in again.stderr


def test_fix_keeps_json_output_clean_and_only_fixes_the_languages_asked_for(
    shipped: Path,
) -> None:
    edit(shipped, "az", "“Qara Yanvar”", '"Qara Yanvar"')
    edit(shipped, "ru", "20 января — Днем", "20 января – Днем")
    result = runner.invoke(
        app, ["--project", str(shipped), "check", "--fix", "--lang", "ru", "--format", "json"]
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["findings"] == []
    assert catalog_path(shipped, "ru").read_bytes() == catalog_path(REPO, "ru").read_bytes()
    assert any('"Qara Yanvar"' in e.msgstr for e in load_po(catalog_path(shipped, "az")))


def test_fix_never_touches_markup(shipped: Path) -> None:
    path = catalog_path(shipped, "az")
    po = load_po(path)
    entry = next(e for e in po if "“Qara Yanvar”" in e.msgstr)
    entry.msgstr = (
        '**"Qara Yanvar"** - `"kod" - x` [keçid](https://example.org/a"b" "ad") , '
        '<span title="a - b">x</span> https://example.org/"q"/r _‘termin’_'
    )
    write_po(po, path, width=79)
    result = runner.invoke(app, ["--project", str(shipped), "check", "--fix", "--lang", "az"])
    assert "1 entry fixed in 1 catalog" in result.stderr
    fixed = next(e for e in load_po(path) if e.msgid == entry.msgid).msgstr
    assert fixed == (
        '**“Qara Yanvar”** – `"kod" - x` [keçid](https://example.org/a"b" "ad"), '
        '<span title="a - b">x</span> https://example.org/"q"/r _“termin”_'
    )


def test_fix_on_a_catalog_given_by_path_uses_the_languages_defaults(tmp_path: Path) -> None:
    po_path = tmp_path / "fr" / "LC_MESSAGES" / "x.po"
    po_path.parent.mkdir(parents=True)
    po_path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "He said: \\"no\\"!"\nmsgstr "Il a dit : \\"non\\"!"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--fix", str(po_path)])
    assert "1 entry fixed in 1 catalog" in result.stderr
    assert 'msgstr "Il a dit\u202f: «non»\u202f!"' in po_path.read_text(encoding="utf-8")


def test_fix_reports_an_unreadable_catalog_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "--fix", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "bad.po" in result.stderr
