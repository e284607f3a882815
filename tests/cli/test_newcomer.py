"""A newcomer's own project: `pubtool init`, templates from the package, overrides file by file."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pubtool
from pubtool.cli import app
from pubtool.errors import ConfigError
from pubtool.project import load_project
from pubtool.publish.render import ConfinedFetcher
from pubtool.publish.template_folders import (
    DEFAULT_TEMPLATE_FILES,
    default_templates,
    template_folders,
)

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- templates inside the package -----------------------------------------------------------


def test_the_package_ships_every_default_template() -> None:
    for name in DEFAULT_TEMPLATE_FILES:
        assert (default_templates() / name).is_file(), name


def test_a_project_without_templates_builds_a_booklet(project_dir: Path) -> None:
    assert not (project_dir / "templates").exists()
    assert invoke("-P", str(project_dir), "extract")[0] == 0
    assert invoke("-P", str(project_dir), "update")[0] == 0
    code, _, err = invoke("-P", str(project_dir), "build-html", "--lang", "ru,en")
    assert code == 0, err
    html = (project_dir / "build" / "booklet-ru-en.html").read_text(encoding="utf-8")
    assert "@page" in html and "Содержание" in html  # the default CSS and Russian labels


def test_a_project_template_overrides_one_file_and_labels_merge(project_dir: Path) -> None:
    templates = project_dir / "templates"
    templates.mkdir()
    (templates / "booklet.css").write_text("/* house style */ body { color: red; }\n")
    (templates / "labels.yaml").write_text("ru:\n  contents: Оглавление\n", encoding="utf-8")
    invoke("-P", str(project_dir), "extract")
    invoke("-P", str(project_dir), "update")
    code, _, err = invoke("-P", str(project_dir), "build-html", "--lang", "ru,en")
    assert code == 0, err
    html = (project_dir / "build" / "booklet-ru-en.html").read_text(encoding="utf-8")
    assert "/* house style */" in html and "@top-center" not in html  # the CSS is the project's
    assert "Оглавление" in html and "Содержание" not in html  # one label replaced
    assert 'class="statement"' in html  # the HTML template is still the default


def test_templates_is_optional_unless_configured(project_dir: Path) -> None:
    project = load_project(project_dir)
    assert template_folders(project.templates_dir) == [default_templates()]
    config = project_dir / "pyproject.toml"
    config.write_text(config.read_text() + 'templates = "styles"\n')
    with pytest.raises(ConfigError, match="templates: folder 'styles' does not exist"):
        load_project(project_dir)


def test_the_pdf_fetcher_allows_the_package_templates_and_nothing_else(project_dir: Path) -> None:
    fetcher = ConfinedFetcher(template_folders(project_dir / "templates"))
    response = fetcher((default_templates() / "booklet.css").as_uri())
    assert response is not None
    with pytest.raises(Exception, match="only its own template files"):
        fetcher((project_dir / "pyproject.toml").as_uri())
    assert fetcher.refused == [(project_dir / "pyproject.toml").as_uri()]


def test_badges_need_no_templates_folder(project_dir: Path, tmp_path: Path) -> None:
    invoke("-P", str(project_dir), "extract")
    invoke("-P", str(project_dir), "update")
    code, _, err = invoke("-P", str(project_dir), "status", "--badge", str(tmp_path / "badges"))
    assert code == 0, err
    assert "<svg" in (tmp_path / "badges" / "coverage-az.svg").read_text()


# --- languages are required -----------------------------------------------------------------


def test_a_table_without_languages_is_an_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "statements").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.pubtool]\ntitle = "Mine"\n')
    code, out, err = invoke("-P", str(tmp_path), "status")
    assert code == 2 and "languages: missing" in err and "az" not in err
    assert len(err.strip().splitlines()) == 1


def test_the_default_output_folder_is_not_setuptools_build(tmp_path: Path) -> None:
    (tmp_path / "statements").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.pubtool]\nlanguages = ["de"]\n')
    assert load_project(tmp_path).output_dir == tmp_path / "booklets"


# --- pubtool init ---------------------------------------------------------------------------


def test_init_makes_a_project_that_loads_and_extracts(tmp_path: Path) -> None:
    target = tmp_path / "press"
    code, out, err = invoke("init", str(target), "--languages", "DE,fr", "--title", "Presse")
    assert code == 0, err
    project = load_project(target)
    assert project.languages == ("de", "fr") and project.source_language == "en"
    assert project.title == "Presse" and project.output_dir == target / "booklets"
    (example,) = (target / "statements").glob("*.md")
    assert invoke("-P", str(target), "extract")[0] == 0
    listed = pubtool.list_statements(project)
    (statement,) = listed.statements
    assert statement.signature and any(b.kind == "list-item" for b in statement.body)
    assert example.stem == statement.id
    ignored = (target / ".gitignore").read_text().splitlines()
    assert "/booklets/" in ignored and "lock" not in ignored  # the lock is not in the project
    assert (target / "locales").is_dir()


def test_init_adds_the_table_to_an_existing_pyproject(tmp_path: Path) -> None:
    original = '[project]\nname = "mine"\n\n[tool.black]\nline-length = 88\n'
    (tmp_path / "pyproject.toml").write_text(original)
    (tmp_path / ".gitignore").write_text("*.pyc\n/booklets/")
    report = pubtool.init(tmp_path, ["de"], source_language="fr", today=dt.date(2024, 7, 1))
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith(original)
    data = tomllib.loads(text)
    assert data["project"]["name"] == "mine" and data["tool"]["black"]["line-length"] == 88
    assert data["tool"]["pubtool"]["languages"] == ["de"]
    assert data["tool"]["pubtool"]["source-language"] == "fr"
    assert (tmp_path / "statements" / "2024-07-01-example.md").is_file()
    assert "statements/2024-07-01-example.md" in report.written
    gitignore = (tmp_path / ".gitignore").read_text().splitlines()
    assert gitignore.count("/booklets/") == 1


def test_init_refuses_to_overwrite_a_table(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path), "--languages", "de")[0] == 0
    before = (tmp_path / "pyproject.toml").read_text()
    code, _, err = invoke("init", str(tmp_path), "--languages", "fr")
    assert code == 2 and "already has a [tool.pubtool] table" in err
    assert len(err.strip().splitlines()) == 1
    assert (tmp_path / "pyproject.toml").read_text() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [([], "--languages: name the languages"), (["--languages", "xx-nope"], "'xx-nope'")],
)
def test_init_needs_known_languages(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = invoke("init", str(tmp_path), *args)
    assert code == 2 and message in err
    assert not (tmp_path / "pyproject.toml").exists()


def test_init_templates_and_the_templates_command_copy_without_overwriting(
    tmp_path: Path,
) -> None:
    code, _, err = invoke("init", str(tmp_path), "--languages", "de", "--templates")
    assert code == 0, err
    copied = sorted(p.name for p in (tmp_path / "templates").iterdir())
    assert copied == sorted(DEFAULT_TEMPLATE_FILES)
    (tmp_path / "templates" / "booklet.css").write_text("/* mine */\n")
    (tmp_path / "templates" / "labels.yaml").unlink()
    code, out, err = invoke("-P", str(tmp_path), "templates")
    assert code == 0, err
    assert (tmp_path / "templates" / "booklet.css").read_text() == "/* mine */\n"
    assert (tmp_path / "templates" / "labels.yaml").is_file()
    assert "kept" in out and "booklet.css" in out


# --- wording a newcomer meets ---------------------------------------------------------------


def test_help_gives_no_examples_from_this_repository_s_languages() -> None:
    code, out, _ = invoke("build-pdf", "--help")
    assert code == 0
    assert "az," not in out and "de,en" in out


def test_one_statement_is_not_counted_as_statements(project_dir: Path) -> None:
    (project_dir / "statements" / "2021-01-19-second.md").unlink()
    invoke("-P", str(project_dir), "extract")
    invoke("-P", str(project_dir), "update", "--lang", "ru")
    code, out, err = invoke("-P", str(project_dir), "build-html", "--lang", "ru,en")
    assert code == 0, err
    assert "1 statement" in out and "1 statements" not in out
    assert "blocks without a finished translation" in err


def test_the_pdf_author_can_be_configured(project_dir: Path) -> None:
    from pypdf import PdfReader

    config = project_dir / "pyproject.toml"
    config.write_text(config.read_text() + 'author = "City press office"\n')
    invoke("-P", str(project_dir), "extract")
    invoke("-P", str(project_dir), "update", "--lang", "ru")
    code, _, err = invoke("-P", str(project_dir), "build-pdf", "--lang", "ru,en")
    assert code == 0, err
    metadata = PdfReader(project_dir / "build" / "booklet-ru-en.pdf").metadata
    assert metadata is not None and metadata.author == "City press office"
