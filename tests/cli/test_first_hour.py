"""A new user's first hour (issue 24): a project `pubtool init` made, used as the README says."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

import pubtool
from pubtool.cli import app

runner = CliRunner()
TITLE = "Harbor City Press Office"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def new_project(tmp_path: Path) -> Path:
    """What `pubtool init proj --languages es,uk,he --title ...` makes, with the example
    statement issued by the collection's own title (as a press office's statements are)."""
    root = tmp_path / "proj"
    code, _, err = invoke("init", str(root), "--languages", "es,uk,he", "--title", TITLE)
    assert code == 0, err
    (example,) = (root / "statements").glob("*.md")
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("issuer: The press office", f"issuer: {TITLE}"))
    return root


def in_project(root: Path, *args: str) -> tuple[int, str, str]:
    return invoke("-P", str(root), *args)


# --- blockers -------------------------------------------------------------------------------


def test_a_title_equal_to_an_issuer_is_one_message_with_both_references(
    new_project: Path,
) -> None:
    assert in_project(new_project, "extract")[0] == 0
    template = polib.pofile(str(new_project / "locales" / "statements.pot"))
    same = [entry for entry in template if entry.msgid == TITLE]
    assert len(same) == 1
    files = [path for path, _ in same[0].occurrences]
    assert files[0] == "pyproject.toml" and files[1].startswith("statements/")
    if shutil.which("msgfmt"):
        pot = new_project / "locales" / "statements.pot"
        checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(pot)], check=False)
        assert checked.returncode == 0
    code, _, err = in_project(new_project, "update")
    assert code == 0, err


def test_extract_rewrites_a_template_it_cannot_read(new_project: Path) -> None:
    pot = new_project / "locales" / "statements.pot"
    pot.write_text('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n\nmsgid "unterminated\n')
    code, out, err = in_project(new_project, "extract")
    assert code == 0, err
    assert "written" in out and "writing the template anew" in err
    assert polib.pofile(str(pot)).find(TITLE) is not None
    assert in_project(new_project, "extract")[1].strip().endswith("unchanged")


def test_update_says_how_to_repair_a_broken_template(new_project: Path) -> None:
    pot = new_project / "locales" / "statements.pot"
    pot.write_text('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n')
    code, _, err = in_project(new_project, "update")
    assert code == 2 and "`pubtool extract` writes it anew" in err


def test_xliff_round_trip_in_a_project_init_made(new_project: Path, tmp_path: Path) -> None:
    assert in_project(new_project, "extract")[0] == 0
    assert in_project(new_project, "update")[0] == 0
    exported = tmp_path / "es.xlf"
    assert in_project(new_project, "export", "--lang", "es", "-o", str(exported))[0] == 0
    code, _, err = in_project(new_project, "import", str(exported))
    assert code == 0, err


# --- language codes -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["es-ES", "es_ES", "ES", "es-419"])
def test_a_region_code_names_the_configured_language(new_project: Path, code: str) -> None:
    project = pubtool.Project.load(new_project)
    assert project.parse_languages(code) == ("es",)


def test_a_region_code_exports(new_project: Path, tmp_path: Path) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    code, _, err = in_project(new_project, "export", "-l", "es-ES", "-o", str(tmp_path / "x.xlf"))
    assert code == 0, err
    assert 'target-language="es"' in (tmp_path / "x.xlf").read_text(encoding="utf-8")


def test_a_country_code_suggests_the_language(new_project: Path) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    code, _, err = in_project(new_project, "status", "--lang", "ua")
    assert code == 2 and "did you mean uk?" in err


def test_an_unconfigured_language_says_how_to_add_it(new_project: Path) -> None:
    code, _, err = in_project(new_project, "update", "--lang", "fr,es")
    assert code == 2
    assert "fr is not one of this project's languages" in err
    assert "add it to `languages`" in err and "pyproject.toml" in err


# --- fmt ------------------------------------------------------------------------------------


def test_fmt_without_a_path_formats_the_projects_catalogs(
    new_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    catalog = new_project / "locales" / "es" / "LC_MESSAGES" / "statements.po"
    po = polib.pofile(str(catalog), wrapwidth=20)
    po.save()  # polib re-wraps: what msgcat would undo
    monkeypatch.chdir(new_project / "statements")  # the project is found walking up
    code, out, _ = invoke("fmt", "--check")
    assert code == 1 and "\n../locales/es/LC_MESSAGES/statements.po: would reformat" in "\n" + out
    assert "statements.pot" not in out and "unchanged" in out
    assert invoke("fmt")[0] == 0
    assert invoke("fmt", "--check")[0] == 0


def test_fmt_offers_only_the_formats_it_writes() -> None:
    code, out, _ = invoke("fmt", "--help")
    assert code == 0 and "text|json" in out and "table" not in out
    assert invoke("fmt", "--format", "table", "x.po")[0] == 2


# --- Ctrl-C ---------------------------------------------------------------------------------


def test_ctrl_c_says_interrupted(new_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pubtool, "extract", stopped)
    code, out, err = in_project(new_project, "extract")
    assert code == 130 and err == "pubtool: interrupted\n" and out == ""


# --- status ---------------------------------------------------------------------------------


def test_status_uses_the_projects_language_order_everywhere(new_project: Path) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    code, out, _ = in_project(new_project, "status", "--per-statement", "--fail-under", "0")
    assert code == 0
    main, _, detail = out.partition("By statement")
    rows = [
        line.split()[0]
        for line in main.splitlines()
        if line.split()[:1] in (["es"], ["uk"], ["he"])
    ]
    assert rows == ["es", "uk", "he"]
    header = next(line for line in detail.splitlines() if "statement" in line)
    assert header.split()[1:] == ["es", "uk", "he"]
    code, out, _ = in_project(new_project, "status", "-f", "json")
    report = json.loads(out)
    assert list(report["languages"]) == ["es", "uk", "he"]
    assert list(next(iter(report["statements"].values()))) == ["es", "uk", "he"]


def test_per_statement_without_a_bar_shows_statements_and_says_so(new_project: Path) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    code, out, err = in_project(new_project, "status", "--per-statement", "-f", "markdown")
    assert code == 0
    assert "| statement | es | uk | he |" in out and "example | 0 | 0 | 0 |" in out
    assert "--per-statement: no bar" in err


# --- check ----------------------------------------------------------------------------------


def test_check_table_reads_at_80_columns(new_project: Path) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    catalog = new_project / "locales" / "es" / "LC_MESSAGES" / "statements.po"
    po = polib.pofile(str(catalog))
    entry = next(e for e in po if e.msgid.startswith("This is an example statement"))
    entry.msgstr = "Esta es una declaración de ejemplo, con [enlaces](https://example.com) en 2027."
    po.save()
    result = runner.invoke(
        app, ["-P", str(new_project), "check", "-f", "table"], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = " ".join(" ".join(lines).split())
    assert "locales/es/LC_MESSAGES/statements.po" in text  # the catalog, once, whole
    assert "link target https://example.org missing from the translation" in text
    assert "translation has 2027, not in the source" in text
    assert "…" not in text.replace("source: This is an example statement. Each para…", "")


# --- init and compile -----------------------------------------------------------------------


def test_init_ignores_compiled_catalogs(new_project: Path) -> None:
    ignored = (new_project / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "*.mo" in ignored and "/booklets/" in ignored
    assert ".*.pubtool-cache.json" in ignored  # a booklet built with -o elsewhere
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(new_project)], check=True)
        in_project(new_project, "extract")
        in_project(new_project, "update")
        assert in_project(new_project, "compile")[0] == 0
        listed = subprocess.run(
            ["git", "-C", str(new_project), "status", "--porcelain", "--untracked-files=all"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert ".mo" not in listed and "statements.po" in listed


def test_init_warns_of_languages_without_booklet_labels(tmp_path: Path) -> None:
    code, _, err = invoke("init", str(tmp_path / "p"), "--languages", "es,he,pt-BR")
    assert code == 0
    assert "no booklet labels for he:" in err and "pt" not in err.split("labels for")[1]
    code, _, err = invoke("init", str(tmp_path / "q"), "--languages", "es,uk")
    assert code == 0 and "labels" not in err


def test_compile_writes_all_catalogs_or_none(new_project: Path) -> None:
    in_project(new_project, "extract")
    in_project(new_project, "update")
    broken = new_project / "locales" / "uk" / "LC_MESSAGES" / "statements.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "cut short\n', encoding="utf-8")
    code, _, err = in_project(new_project, "compile")
    assert code == 2 and "uk/LC_MESSAGES/statements.po" in err
    assert not list((new_project / "locales").rglob("*.mo"))  # es came first: not written


def test_compile_puts_back_what_it_wrote_when_a_write_fails(
    new_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pubtool.catalogs as catalogs

    in_project(new_project, "extract")
    in_project(new_project, "update")
    folder = new_project / "locales"
    es = folder / "es" / "LC_MESSAGES" / "statements.mo"
    es.write_bytes(b"the old es.mo")  # he has none yet
    real = catalogs.write_bytes_atomically

    def full_disk(path: Path, data: bytes) -> None:
        if "/uk/" in path.as_posix():
            raise pubtool.PubtoolError("cannot write: no space left on the device", file=path)
        real(path, data)

    monkeypatch.setattr(catalogs, "write_bytes_atomically", full_disk)
    code, _, err = in_project(new_project, "compile", "--lang", "es,he,uk")
    assert code == 2 and "no space left" in err
    assert es.read_bytes() == b"the old es.mo"
    assert not (folder / "he" / "LC_MESSAGES" / "statements.mo").exists()


# --- the Python API -------------------------------------------------------------------------


def test_dir_lists_the_public_api() -> None:
    names = dir(pubtool)
    for name in ("Project", "extract", "update", "status", "check", "build_pdf", "export"):
        assert name in names
    assert "importlib" not in names and "TYPE_CHECKING" not in names
    assert all(hasattr(pubtool, name) for name in pubtool.__all__)


def test_the_api_takes_paths_as_text(new_project: Path, tmp_path: Path) -> None:
    project = pubtool.load_project(str(new_project))
    pubtool.extract(project)
    pubtool.update(project)
    catalog = str(new_project / "locales" / "es" / "LC_MESSAGES" / "statements.po")
    assert [c.language for c in pubtool.status(project, catalog).catalogs] == ["es"]
    assert pubtool.check(project, catalog).catalogs == 1
    assert pubtool.fmt(catalog, check=True).exit_code == 0
    exported = pubtool.export(project, "xliff", "es", output=str(tmp_path / "es.xlf"))
    assert exported.path is not None and (tmp_path / "es.xlf").is_file()
    assert pubtool.import_files(project, str(tmp_path / "es.xlf")).exit_code == 0
    html = pubtool.build_html(project, "es,en", output=str(tmp_path / "b.html"))
    assert (tmp_path / "b.html").is_file() and html.path.endswith("b.html")
    pdf = pubtool.build_pdf(project, "es,en", output=str(tmp_path / "b.pdf"))
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF") and pdf.pages >= 1


# --- help -----------------------------------------------------------------------------------

COMMANDS = [
    "statements", "extract", "update", "compile", "init", "templates", "fmt", "status",
    "check", "build-pdf", "build-html", "build-md", "build-site", "seed", "export", "import",
]  # fmt: skip


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_shows_conventional_metavars(command: str) -> None:
    code, out, _ = invoke(*([command] if command else []), "--help")
    assert code == 0
    assert not re.search(r"<(list\[)?(str|Path|int|float|bool)", out), out  # <list[str]>, <Path>
    assert not re.search(r"\{\w+\}", out), out  # {paths}...
    assert not re.search(r"<\w+(\|\w+)+>", out), out  # <text|json>: [text|json] instead


def test_help_names_the_values_an_option_takes() -> None:
    out = invoke("build-pdf", "--help")[1]
    assert "--lang LANGS" in out and "--missing [mark|source|omit|fail]" in out
    assert "--output FILE" in out and "--paper [A4|A5|A6|letter|half-letter]" in out
    assert "--impose [saddle]" in out and "--creep MM" in out and "--pad-to N" in out
    assert "Usage: pubtool status [OPTIONS] [PATH]..." in invoke("status", "--help")[1]
    assert "Usage: pubtool import [OPTIONS] FILE..." in invoke("import", "--help")[1]


def test_export_output_help_states_the_real_default(new_project: Path) -> None:
    out = " ".join(invoke("export", "--help")[1].split())
    assert "build/" not in out and "xliff/LANG.xlf" in out and "output folder" in out
    in_project(new_project, "extract")
    in_project(new_project, "update")
    assert in_project(new_project, "export", "-l", "es")[0] == 0
    assert (new_project / "booklets" / "xliff" / "es.xlf").is_file()  # `output` of init


# --- checks on a new user's own text --------------------------------------------------------

AIR = """\
---
id: 2026-03-02-air
title: Air quality report
date: 2026-03-02
issuer: Harbor City Press Office
---

PM2.5 levels fell by 12% in 2025, said Dr. Ana López, director of the agency.
"""

AIR_TRANSLATED = {
    "es": "Los niveles de PM2.5 bajaron un 12 % en 2025, dijo la Dra. Ana López, directora de "
    "la agencia.",
    "uk": "Рівень PM2.5 знизився на 12 % у 2025 році, повідомила д-р Ана Лопес, директорка "
    "агентства.",
    "he": 'רמות PM2.5 ירדו ב-12% בשנת 2025, אמרה ד"ר אנה לופס, מנהלת הסוכנות.',
}


@pytest.fixture
def air(new_project: Path) -> Path:
    for example in (new_project / "statements").glob("*.md"):
        example.unlink()
    (new_project / "statements" / "2026-03-02-air.md").write_text(AIR, encoding="utf-8")
    in_project(new_project, "extract")
    in_project(new_project, "update")
    for language, text in AIR_TRANSLATED.items():
        catalog = new_project / "locales" / language / "LC_MESSAGES" / "statements.po"
        po = polib.pofile(str(catalog))
        po.find(AIR.rsplit("\n\n", 1)[1].strip()).msgstr = text
        po.save()
    return new_project


def test_a_name_with_digits_kept_as_written_is_no_number(air: Path) -> None:
    code, out, err = in_project(air, "check", "--lang", "uk,es")
    assert code == 0, out + err
    assert "2.5" not in out


def test_a_hebrew_abbreviation_typed_with_a_straight_quote_is_not_a_quotation(air: Path) -> None:
    code, out, err = in_project(air, "check", "--lang", "he")
    assert code == 0 and "quotation marks" not in out, out + err
    catalog = air / "locales" / "he" / "LC_MESSAGES" / "statements.po"
    po = polib.pofile(str(catalog))
    entry = next(e for e in po if e.msgid.startswith("PM2.5"))
    entry.msgstr = entry.msgstr.replace("אמרה", '"אמרה')  # a real quotation mark left open
    po.save()
    assert "quotation marks: 1 left unbalanced" in in_project(air, "check", "--lang", "he")[1]


MONEY = """\
---
id: 2026-03-02-ferry
title: Ferry budget
date: 2026-03-02
issuer: Harbor City Press Office
---

The line costs $12.5 million, and the port plan $1.2 billion.
"""

MONEY_TRANSLATED = {
    "es": "La línea cuesta 12,5 millones de dólares, y el plan del puerto, 1200 millones.",
    "uk": "Лінія коштує 12,5 мільйона доларів, а план порту — 1,2 мільярда.",
    "he": "הקו עולה 12.5 מיליון דולר, ותוכנית הנמל 1.2 מיליארד.",
}


def test_millions_in_words_are_read_in_every_language(new_project: Path) -> None:
    for example in (new_project / "statements").glob("*.md"):
        example.unlink()
    (new_project / "statements" / "2026-03-02-ferry.md").write_text(MONEY, encoding="utf-8")
    in_project(new_project, "extract")
    in_project(new_project, "update")
    for language, text in MONEY_TRANSLATED.items():
        catalog = new_project / "locales" / language / "LC_MESSAGES" / "statements.po"
        po = polib.pofile(str(catalog))
        po.find(MONEY.rsplit("\n\n", 1)[1].strip()).msgstr = text
        po.save()
    code, out, err = in_project(new_project, "check")
    assert code == 0, out + err
    catalog = new_project / "locales" / "es" / "LC_MESSAGES" / "statements.po"
    po = polib.pofile(str(catalog))
    entry = po.find(MONEY.rsplit("\n\n", 1)[1].strip())
    entry.msgstr = entry.msgstr.replace("12,5 millones", "12,5 mil millones")  # a billion
    po.save()
    code, out, _ = in_project(new_project, "check", "--lang", "es")
    assert code == 1 and "12500000" in out


def test_ctrl_c_while_the_command_line_loads_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Ctrl-C before any command runs (typer and the library still loading) is the same
    one line and exit 130 as one during a command, not a KeyboardInterrupt traceback."""
    import pubtool.__main__
    import pubtool.cli

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pubtool.cli, "main", interrupted)
    with pytest.raises(SystemExit) as stopped:
        pubtool.__main__.run()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "pubtool: interrupted\n"
