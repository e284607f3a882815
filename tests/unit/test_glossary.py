"""The glossary file: loading, its errors with lines, and matching of terms and renderings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pubtool.checks.context import CheckContext
from pubtool.checks.glossary import (
    Glossary,
    Term,
    check_glossary,
    contains_rendering,
    load_glossary,
)
from pubtool.checks.language import fold_case
from pubtool.errors import ConfigError

GLOSSARY = """\
# Names and terms with one spelling throughout. Used by translators and `pubtool check`.
terms:
  - en: Heydar Aliyev
    az: Heydər Əliyev
    ru: Гейдар Алиев
  - en: Haydar Aliyev   # a variant spelling in the sources, same person
    az: Heydər Əliyev
    ru: Гейдар Алиев
  - en: Alley of Martyrs
    az: Şəhidlər xiyabanı
    ru: Аллея шехидов
    note: the memorial in Baku
  - en: Human Rights Watch
    ru: Human Rights Watch
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> ConfigError:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_glossary(path)
    assert caught.value.file == str(path)
    return caught.value


# Loading


def test_load_reads_terms_renderings_notes_and_lines(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, GLOSSARY))
    assert len(glossary) == 4
    first = glossary.terms[0]
    assert first.source == "Heydar Aliyev"
    assert first.rendering("az") == "Heydər Əliyev"
    assert first.rendering("ru") == "Гейдар Алиев"
    assert first.rendering("de") is None
    assert first.line == 3
    assert glossary.terms[1].source == "Haydar Aliyev"  # the YAML comment is not part of it
    assert glossary.terms[2].note == "the memorial in Baku"
    assert glossary.terms[3].rendering("az") is None


def test_load_accepts_a_path_given_as_text(tmp_path: Path) -> None:
    assert len(load_glossary(str(write(tmp_path, GLOSSARY)))) == 4


def test_an_empty_file_or_empty_terms_is_an_empty_glossary(tmp_path: Path) -> None:
    assert len(load_glossary(write(tmp_path, "# nothing yet\n"))) == 0
    assert len(load_glossary(write(tmp_path, "terms:\n"))) == 0
    assert len(load_glossary(write(tmp_path, "terms: []\n"))) == 0


def test_empty_glossary_enforces_nothing() -> None:
    empty = Glossary.empty()
    assert len(empty) == 0
    assert list(empty.expected_in("Heydar Aliyev visited Baku.", "az")) == []
    assert empty.names_for("ru") == frozenset()


def test_invalid_yaml_names_the_line_of_the_problem(tmp_path: Path) -> None:
    error = load_error(tmp_path, "terms:\n  - en: Baku\n    az: [Bakı\n    ru: Баку\n")
    assert "invalid YAML" in error.message
    assert error.line is not None and error.line >= 3


def test_unclosed_quote_is_invalid_yaml(tmp_path: Path) -> None:
    error = load_error(tmp_path, "terms:\n  - en: 'Baku\n")
    assert "invalid YAML" in error.message
    assert error.line is not None


def test_missing_source_term_names_the_entry_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, "terms:\n  - en: Baku\n    az: Bakı\n  - az: Sumqayıt\n")
    assert "no `en:` term" in error.message
    assert error.line == 4


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("- en: Baku\n", 1, "mapping with a `terms:` list"),
        ("terms: Baku\n", 1, "must be a list"),
        ("terms:\n  - Baku\n", 2, "must be a mapping"),
        ("terms:\n  - en: Baku\n    az: [Bakı, Baki]\n", 3, "must be text, got a list"),
        ("terms:\n  - en: Baku\n    az: {x: y}\n", 3, "must be text, got a mapping"),
        ("terms:\n  - en: 1990\n", 2, "must be text, got '1990' (put it in quotes)"),
        ("terms:\n  - en: Baku\n    ru: yes\n", 3, "must be text"),
        ("terms:\n  - en: Baku\n    az:\n", 3, "has no value"),
        ("terms:\n  - en: Baku\n    notes: the capital\n", 3, "unknown key 'notes'"),
        ("words:\n  - en: Baku\n", 1, "unknown key 'words'"),
        ("{}\n", 1, "must have a `terms:` list"),
    ],
)
def test_wrong_shapes_and_types_are_config_errors_with_lines(
    tmp_path: Path, text: str, line: int, expected: str
) -> None:
    error = load_error(tmp_path, text)
    assert expected in error.message
    assert error.line == line


def test_one_term_with_two_renderings_is_rejected(tmp_path: Path) -> None:
    text = "terms:\n  - en: Baku\n    ru: Баку\n  - en: Baku\n    ru: Бакы\n"
    error = load_error(tmp_path, text)
    assert "'Baku' is rendered 'Баку' in ru at line 2" in error.message
    assert error.line == 4


def test_the_same_term_twice_with_the_same_rendering_is_fine(tmp_path: Path) -> None:
    text = "terms:\n  - en: Baku\n    ru: Баку\n  - en: Baku\n    ru: Баку\n    az: Bakı\n"
    assert len(load_glossary(write(tmp_path, text))) == 2


def test_a_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_bytes("terms:\n  - en: Baku\n    az: Bakı\n".encode("cp1254"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_glossary(path)


def test_a_missing_file_is_a_config_error_for_callers_that_did_not_check(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_glossary(tmp_path / "absent.yaml")


def test_source_language_other_than_english(tmp_path: Path) -> None:
    path = write(tmp_path, "terms:\n  - az: Bakı\n    en: Baku\n")
    glossary = load_glossary(path, source_language="az")
    assert glossary.terms[0].source == "Bakı"
    assert glossary.terms[0].rendering("en") == "Baku"


def test_the_shipped_glossary_loads(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "locales" / "glossary.yaml"
    if not shipped.is_file():
        pytest.skip("no glossary shipped in this tree")
    glossary = load_glossary(shipped)
    assert all(term.source for term in glossary.terms)


#: Addressees as the shipped catalogs once wrote them, before one form was chosen (issue 25):
#: English source, the old translation, the form the glossary holds now.
OLD_ADDRESSEE_VARIANTS = [
    (
        "Asian Ombudsman Association",
        "az",
        "Asiya Ombudsman Assosiasiyasına",
        "Asiya Ombudsmanlar Assosiasiyasına",
    ),
    (
        "UN Office of High Commissioner for Human Rights",
        "az",
        "BMT-nin İnsan Hüquqları üzrə Ali Komissarının Ofisinə",
        "BMT-nin İnsan Hüquqları üzrə Ali Komissarlığına",
    ),
    (
        "United Nations High Commissioner for Human Rights",
        "az",
        "Birləşmiş Millətlər Təşkilatının İnsan hüquqları üzrə Ali Komissarına",
        "BMT-nin İnsan Hüquqları üzrə Ali Komissarına",
    ),
    (
        "United Nations Educational, Scientific and Cultural Organization",
        "az",
        "Birləşmiş Millətlər Təşkilatının Təhsil, Elm və Mədəniyyət Təşkilatına",
        "Birləşmiş Millətlər Təşkilatının Təhsil, Elm və Mədəniyyət Məsələləri üzrə Təşkilatına",
    ),
    (
        "International and European Ombudsman Institutions",
        "ru",
        "Международному и Европейскому институтам омбудсмена",
        "Международному и Европейскому институтам омбудсменов",
    ),
    (
        "International and European Ombudsman Institutions",
        "ru",
        "международным и европейским институтам омбудсменов",
        "Международному и Европейскому институтам омбудсменов",
    ),
    (
        "foreign ombudsmen and national human rights institutions",
        "ru",
        "зарубежным омбудсменам и национальным учреждениям по правам человека",
        "зарубежным омбудсменам и национальным правозащитным институтам",
    ),
]


@pytest.mark.parametrize(("source", "language", "old", "current"), OLD_ADDRESSEE_VARIANTS)
def test_the_shipped_glossary_reports_an_old_addressee_variant(
    source: str, language: str, old: str, current: str
) -> None:
    shipped = Path(__file__).resolve().parents[2] / "locales" / "glossary.yaml"
    if not shipped.is_file():
        pytest.skip("no glossary shipped in this tree")
    context = CheckContext("en", language, load_glossary(shipped))
    assert list(check_glossary(f"Sent to the {source}.", f"{old}.", context))
    assert not list(check_glossary(f"Sent to the {source}.", f"{current}.", context))


# Source terms: case-sensitive, whole words


def test_source_term_matches_whole_words_case_sensitively() -> None:
    term = Term("Heydar Aliyev", (("az", "Heydər Əliyev"),))
    assert term.occurs_in("National leader Heydar Aliyev condemned the massacre.")
    assert term.occurs_in("Heydar Aliyev's statement of January 21, 1990")
    assert term.occurs_in("national leader Heydar\nAliyev")  # a wrapped line
    assert not term.occurs_in("national leader heydar aliyev")
    assert not term.occurs_in("Heydar Aliyeva")
    assert not Term("Baku", ()).occurs_in("the Bakuvian streets")


def test_expected_in_gives_each_rendering_once_for_variant_spellings(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, GLOSSARY))
    source = "Heydar Aliyev (also written Haydar Aliyev) spoke at the Alley of Martyrs."
    expected = [rendering for _, rendering in glossary.expected_in(source, "ru")]
    assert expected == ["Гейдар Алиев", "Аллея шехидов"]


def test_names_for_gives_the_renderings_of_a_language(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, GLOSSARY))
    assert "Human Rights Watch" in glossary.names_for("ru")
    assert "Human Rights Watch" not in glossary.names_for("az")
    assert "Şəhidlər xiyabanı" in glossary.names_for("az")


# Renderings in translations: inflected forms


@pytest.mark.parametrize(
    "text",
    [
        "Ümummilli lider Heydər Əliyevin təşəbbüsü ilə",
        "HEYDƏR ƏLİYEV",
        "Heydər Əliyev Moskvada bəyanat verdi.",
    ],
)
def test_azerbaijani_rendering_with_suffixes_matches(text: str) -> None:
    assert contains_rendering(text, "Heydər Əliyev", "az")


@pytest.mark.parametrize(
    ("text", "rendering"),
    [
        ("1990-cı ildə Sumqayıtda və digər bölgələrdə", "Sumqayıt"),
        ("Şəhidlər xiyabanında yatan qəhrəmanlar", "Şəhidlər xiyabanı"),
        ("Dağlıq Qarabağın azad edilməsi", "Dağlıq Qarabağ"),
        ("İnsan Hüquqları Ümumi Bəyannaməsinin prinsipləri", "İnsan Hüquqları Ümumi Bəyannaməsi"),
    ],
)
def test_azerbaijani_inflected_renderings_match(text: str, rendering: str) -> None:
    assert contains_rendering(text, rendering, "az")


@pytest.mark.parametrize(
    "text",
    [
        "Heydar Aliyevin təşəbbüsü ilə",  # English spelling left in
        "Əliyev Heydər",  # words out of order
        "Heydər bəy və Əliyev",  # words apart
    ],
)
def test_azerbaijani_wrong_renderings_do_not_match(text: str) -> None:
    assert not contains_rendering(text, "Heydər Əliyev", "az")


@pytest.mark.parametrize(
    ("text", "rendering"),
    [
        ("по инициативе Гейдара Алиева", "Гейдар Алиев"),
        ("с Гейдаром Алиевым", "Гейдар Алиев"),
        ("в Баку и Сумгаите", "Сумгаит"),
        ("память похороненных в Аллее шехидов", "Аллея шехидов"),
        ("цветы к Аллее Шехидов", "Аллея шехидов"),
        ("Чёрный январь стал поворотным моментом", "Черный январь"),
        ("в Москве", "Москв"),
        ("нарушение Всеобщей декларации прав человека", "Всеобщая декларация прав человека"),
    ],
)
def test_russian_renderings_with_changed_endings_match(text: str, rendering: str) -> None:
    assert contains_rendering(text, rendering, "ru")


@pytest.mark.parametrize(
    ("text", "rendering"),
    [
        ("по инициативе Хейдара Алиева", "Гейдар Алиев"),
        ("Аллея мучеников", "Аллея шехидов"),
        ("в Сумгайыте", "Сумгаит"),
        ("Гейдар", "Гейдар Алиев"),
    ],
)
def test_russian_wrong_renderings_do_not_match(text: str, rendering: str) -> None:
    assert not contains_rendering(text, rendering, "ru")


def test_azerbaijani_case_folding_keeps_dotted_and_dotless_i() -> None:
    assert fold_case("İYUN", "az") == "iyun"
    assert fold_case("ILIN", "az") == "ılın"
    assert fold_case("İlham Əliyev", "az") == "ilham əliyev"
    assert fold_case("Чёрный", "ru") == "черный"
    assert fold_case("İlham", "en") != "ilham"  # only Azerbaijani and Turkish pair İ with i


def test_russian_fleeting_vowel_forms_match() -> None:
    from pubtool.checks.glossary import contains_rendering

    term = "День всенародной скорби"
    for text in ("провозгласил Днем всенародной скорби", "накануне Дня всенародной скорби",
                 "к Дню всенародной скорби"):
        assert contains_rendering(text, term, "ru"), text
    assert not contains_rendering("к Дому всенародной скорби", term, "ru")
