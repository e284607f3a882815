"""The booklet's own words: every language complete, fallbacks reported, names from Babel."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
import yaml
from babel.core import Locale
from typer.testing import CliRunner

from pubtool import __version__
from pubtool.cli import app
from pubtool.errors import RenderError
from pubtool.po.entries import language_name
from pubtool.publish.documents import Cell, Document, Row
from pubtool.publish.labels import fill_label, labels_for, load_labels
from pubtool.publish.render import Edition, render_html

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "src" / "pubtool" / "publish" / "templates"
LABELS_FILE = TEMPLATES / "labels.yaml"
# The languages issue 13 asks for; more may come, none may go.
REQUIRED = [
    "ar",
    "az",
    "de",
    "en",
    "es",
    "fr",
    "it",
    "ka",
    "kk",
    "pl",
    "pt",
    "ru",
    "tr",
    "uk",
    "zh",
]
KEYS = {
    "contents",
    "issued_by",
    "source",
    "colon",
    "untranslated",
    "fuzzy",
    "edition",
    "generated",
    "translated_from",
    "original",
    "translators",
    "license",
    "notes",
    "repairs",
    "publisher",
}


def shipped() -> dict[str, dict[str, str]]:
    return load_labels([TEMPLATES])


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_required_language_has_every_key() -> None:
    labels = shipped()
    assert set(REQUIRED) <= set(labels)
    for language, words in labels.items():
        assert set(words) == KEYS, language
        for key, text in words.items():
            assert text.strip(), f"{language}.{key} is empty"


def test_languages_are_sorted_by_code_in_the_file() -> None:
    codes = list(yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8")))
    assert codes == sorted(codes)


def test_placeholders_are_the_same_in_every_language() -> None:
    labels = shipped()
    for key in KEYS:
        expected = placeholders(labels["en"][key])
        for language, words in labels.items():
            assert placeholders(words[key]) == expected, f"{language}.{key}"
    assert placeholders(labels["en"]["translated_from"]) == {"language"}
    assert placeholders(labels["en"]["original"]) == {"language"}
    assert placeholders(labels["en"]["generated"]) == {"version"}


def test_every_label_fills_without_leftover_braces() -> None:
    for language, words in shipped().items():
        for key, text in words.items():
            filled = fill_label(text, language, language="X", version="1.0")
            assert "{" not in filled and "}" not in filled, f"{language}.{key}"


def test_the_words_are_not_english_in_other_languages() -> None:
    labels = shipped()
    for language in REQUIRED:
        if language == "en":
            continue
        for key in ("contents", "issued_by", "untranslated", "fuzzy", "translated_from"):
            assert labels[language][key] != labels["en"][key], f"{language}.{key}"


def test_docs_describe_every_key() -> None:
    docs = (REPO / "docs" / "labels.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"`{key}`" in docs, key


def test_a_language_without_labels_falls_back_to_the_source_language_with_one_notice() -> None:
    notices: list[str] = []
    labels = {"en": {"contents": "Contents"}, "de": {"contents": "Inhalt"}}
    table = labels_for(["sv", "fi", "en"], labels, source_language="de", notice=notices.append)
    assert table["sv"] == {"contents": "Inhalt"}
    assert table["fi"] == {"contents": "Inhalt"}
    assert table["en"] == {"contents": "Contents"}
    assert len(notices) == 1
    assert "sv" in notices[0] and "fi" in notices[0] and "de" in notices[0]


def test_then_english_when_the_source_language_has_none_either() -> None:
    notices: list[str] = []
    table = labels_for(
        ["sv"], {"en": {"contents": "Contents"}}, source_language="is", notice=notices.append
    )
    assert table["sv"] == {"contents": "Contents"}
    assert len(notices) == 1


def test_a_regional_variant_uses_its_base_language_and_says_so() -> None:
    notices: list[str] = []
    labels = {"en": {"contents": "Contents"}, "pt": {"contents": "Sumário"}}
    assert labels_for(["pt_BR"], labels, notice=notices.append)["pt_BR"] == {"contents": "Sumário"}
    assert len(notices) == 1 and "pt_BR" in notices[0]


def test_missing_keys_are_filled_from_the_fallback_and_named() -> None:
    notices: list[str] = []
    labels = {
        "en": {"contents": "Contents", "source": "Source", "fuzzy": "to be reviewed"},
        "de": {"contents": "Inhalt"},
    }
    table = labels_for(["de"], labels, notice=notices.append)
    assert table["de"] == {"contents": "Inhalt", "source": "Source", "fuzzy": "to be reviewed"}
    assert len(notices) == 1
    assert "de" in notices[0] and "fuzzy" in notices[0] and "source" in notices[0]


def test_complete_labels_give_no_notice() -> None:
    notices: list[str] = []
    labels_for(REQUIRED, shipped(), notice=notices.append)
    assert notices == []


def test_no_labels_at_all_is_an_error() -> None:
    with pytest.raises(RenderError, match="sv"):
        labels_for(["sv"], {"de": {"contents": "Inhalt"}}, source_language="fi")


def test_an_earlier_folder_overrides_one_word(tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text(
        "de:\n  issued_by: Veröffentlicht von\nsv:\n  contents: Innehåll\n", encoding="utf-8"
    )
    labels = load_labels([tmp_path, TEMPLATES])
    assert labels["de"]["issued_by"] == "Veröffentlicht von"
    assert labels["de"]["contents"] == shipped()["de"]["contents"]
    assert labels["sv"] == {"contents": "Innehåll"}
    assert labels["fr"] == shipped()["fr"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("de: [Inhalt]\n", "de: expected a mapping"),
        ("no:\n  contents: Innhold\n", "quote it"),
        ("de:\n  contents: 3\n", "de: expected a mapping"),
        ("- de\n", "expected a mapping"),
        ("de:\n  contents: [\n", "invalid YAML"),
    ],
)
def test_malformed_labels_name_the_file(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "labels.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RenderError, match=problem) as caught:
        load_labels([tmp_path])
    assert caught.value.file and caught.value.file.endswith("labels.yaml")


def test_fill_label_capitalises_a_leading_name_by_the_columns_rules() -> None:
    assert fill_label("{language} dilindən tərcümə", "az", language="ingilis") == (
        "İngilis dilindən tərcümə"
    )
    assert fill_label("Übersetzung aus: {language}", "de", language="Englisch") == (
        "Übersetzung aus: Englisch"
    )
    assert fill_label("{language} est ici", "fr", language="anglais") == "Anglais est ici"
    with pytest.raises(RenderError, match="placeholders"):
        fill_label("Translated from {langauge}", "en", language="Russian")


def test_language_names_come_from_babel() -> None:
    for code in ("az", "ru", "ka", "ar"):
        for column in ("de", "zh", "kk"):
            assert language_name(code, column) == Locale.parse(code).get_display_name(column)
    assert language_name("not-a-language", "en") == "not-a-language"


def booklet_document(languages: tuple[str, ...]) -> Document:
    def row(kind: str, marked: bool = False) -> Row:
        state = "untranslated" if marked else "translated"
        return Row(kind, 1, tuple(Cell(lang, kind, marked, state) for lang in languages))

    return Document(
        id="2020-01-15-x",
        date=dt.date(2020, 1, 15),
        dates=tuple(Cell(language, "2020") for language in languages),
        source="AZERTAC",
        title=row("title"),
        issuer=row("issuer"),
        body=(row("paragraph", marked=True),),
        signature=(),
        notes=(),
    )


def test_the_booklet_prints_each_columns_own_words() -> None:
    languages = ("ka", "fr", "zh")
    edition = Edition(languages=languages, title=tuple(Cell(lang, "T") for lang in languages))
    notices: list[str] = []
    html = render_html([booklet_document(languages)], edition, [TEMPLATES], notice=notices.append)
    labels = shipped()
    assert notices == []
    for language in languages:
        words = labels[language]
        assert f'<span lang="{language}">{words["contents"]}</span>' in html
        assert f"{words['issued_by']}{words['colon'].rstrip()}</span>" in html
        assert f"{words['source']}{words['colon'].rstrip()}</span>" in html
        assert f'data-mark="{words["untranslated"]}"' in html
        # the cover names each language in itself, as CLDR (through Babel) spells it
        own = Locale.parse(language).get_display_name(language) or ""
        assert own and own[1:] in html
    assert fill_label(labels["ka"]["generated"], "ka", version=__version__) in html
    body = html[html.index("<body") :]
    # Georgian has no capitals in running text: its name stays as CLDR writes it, not Mtavruli
    assert (Locale.parse("ka").get_display_name("ka") or "-") in body
    assert not any("\u1c90" <= char <= "\u1cbf" for char in body)
    for english in ("Issued by", "Source:", "Contents", "not yet translated", "Typeset"):
        assert english not in body


runner = CliRunner()


def test_build_html_warns_once_for_a_language_without_labels(project_dir: Path) -> None:
    pyproject = project_dir / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace('["az", "en", "ru"]', '["de", "sv"]'),
        encoding="utf-8",
    )

    def invoke(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--project", str(project_dir), *args])
        return result.exit_code, result.stderr

    assert invoke("extract")[0] == 0
    assert invoke("update")[0] == 0
    output = project_dir / "build" / "x.html"
    code, err = invoke("build-html", "--lang", "de,sv", "--output", str(output))
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "labels" in line]
    assert len(warnings) == 1 and "sv" in warnings[0], err
    html = output.read_text(encoding="utf-8")
    german, english = shipped()["de"], shipped()["en"]
    assert f'<span lang="de">{german["contents"]}</span>' in html
    assert f'<span lang="en">{english["contents"]}</span>' in html  # borrowed, and says so
