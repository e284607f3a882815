from __future__ import annotations

from pathlib import Path

import pytest

from pubtool.errors import ConfigError
from pubtool.project import find_project_root, load_project


def test_defaults_and_paths(project_dir: Path) -> None:
    project = load_project(project_dir)
    assert project.source_language == "en"
    assert project.languages == ("az", "en", "ru")
    assert project.catalog_path("az") == project_dir / "locales/az/LC_MESSAGES/statements.po"
    assert project.template_path == project_dir / "locales/statements.pot"
    assert project.output_dir == project_dir / "build"


def test_found_by_walking_up(project_dir: Path) -> None:
    nested = project_dir / "statements"
    assert find_project_root(nested) == project_dir.resolve()
    assert load_project(search_from=nested).root == project_dir.resolve()


def test_no_project_above(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no pyproject.toml with a \\[tool.pubtool\\]"):
        find_project_root(tmp_path)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('languages = ["az", "xx-nope"]', "languages: 'xx-nope' is not a language code"),
        ('source-language = "qq"', "source-language: 'qq' is not a language code"),
        ("languages = 5", "languages: expected a list of language codes"),
        ('languages = ["az", "az"]', "languages: a language is listed twice"),
        ('statements = "missing"', "statements: folder 'missing' does not exist"),
        ('width = "wide"', "width: expected a whole number"),
        ("fail-under = { de = 90 }", "fail-under: 'de' is not one of the project's languages"),
        ("fail-under = { az = 120 }", "fail-under: threshold for 'az' must be between 0 and 100"),
        ('colour = "blue"', "colour: unknown key"),
        ('domain = "../x"', "domain: '../x' must be a plain name"),
    ],
)
def test_invalid_configuration_names_file_and_key(
    project_dir: Path, config: str, message: str
) -> None:
    languages = "" if config.startswith("languages") else 'languages = ["az", "en", "ru"]\n'
    (project_dir / "pyproject.toml").write_text(
        f"[tool.pubtool]\n{languages}{config}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_project(project_dir)
    text = str(caught.value)
    assert text.startswith(str(project_dir / "pyproject.toml"))
    assert message in text


def test_invalid_toml(project_dir: Path) -> None:
    (project_dir / "pyproject.toml").write_text("[tool.pubtool\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_project(project_dir)


def test_languages_option(project_dir: Path) -> None:
    project = load_project(project_dir)
    assert project.parse_languages("az, ru") == ("az", "ru")
    assert project.parse_languages(None) == ("az", "en", "ru")
    with pytest.raises(ConfigError, match="de is not one of this project's languages"):
        project.parse_languages("az,de")
