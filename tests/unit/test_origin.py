"""Front matter saying which language a statement was issued in, and the booklet's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pubtool.errors import StatementError
from pubtool.publish.documents import Origin, build_documents, origin
from pubtool.statements import load_statements, parse_statement

REPO = Path(__file__).resolve().parents[2]
PATH = Path("statements/2020-01-15-first.md")


def statement(extra: str) -> str:
    return (
        "---\nid: 2020-01-15-first\ntitle: First\ndate: 2020-01-15\nissuer: Someone\n"
        f"{extra}---\n\nBody text.\n"
    )


def test_original_language_and_translations_are_read_and_normalised() -> None:
    parsed = parse_statement(statement("original-language: [ru, AZ]\ntranslations:\n- az\n"), PATH)
    assert parsed.original_languages == ("ru", "az")
    assert parsed.translations == ("az",)
    assert parsed.origin("ru") == ("original", ("ru",))
    assert parsed.origin("az") == ("translated_from", ("ru", "az"))
    assert parsed.origin("en") == ("translated_from", ("ru", "az"))
    single = parse_statement(statement("original-language: pt-BR\n"), PATH)
    assert single.original_languages == ("pt_BR",)
    assert parse_statement(statement(""), PATH).origin("en") is None


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ("original-language: xx-nowhere\n", 6, "'xx-nowhere' is not a language code"),
        ("original-language: [ru, 7]\n", 6, "7 is not a language code"),
        ("original-language:\n- ru\n- qq\n", 8, "'qq' is not a language code"),
        ("original-language: [ru, ru]\n", 6, "ru is listed twice"),
        ("original-language: []\n", 6, "must be a language code or a list"),
        ("translations: [az]\n", 6, "translations needs original-language"),
        ("original-language: ru\ntranslations:\n- ru\n- en\n", 9, "en is not an original"),
    ],
)
def test_bad_origin_keys_are_one_error_with_file_and_line(
    extra: str, line: int, message: str
) -> None:
    with pytest.raises(StatementError) as raised:
        parse_statement(statement(extra), PATH)
    assert raised.value.line == line
    assert message in str(raised.value)
    assert str(PATH) in str(raised.value)


def test_the_1990_statement_records_its_original_languages() -> None:
    statements = load_statements(REPO / "statements")
    by_id = {s.id: s for s in statements}
    gafarova = by_id["1990-01-21-gafarova-supreme-council"]
    assert gafarova.original_languages == ("ru", "az")
    assert {gafarova.origin(language)[0] for language in ("az", "en", "ru")} == {  # type: ignore[index]
        "translated_from"
    }
    assert all(s.origin("en") is None for s in statements if s is not gafarova)


def test_documents_name_the_original_languages_in_each_columns_language() -> None:
    parsed = parse_statement(statement("original-language: [ru, az]\ntranslations: [az]\n"), PATH)
    assert origin(parsed, "en") == Origin("translated_from", "Russian and Azerbaijani")
    assert origin(parsed, "ru") == Origin("original", "русский")
    (document,) = build_documents([parsed], {}, ["az", "en", "ru"], source_language="en")
    assert [o.key if o else None for o in document.origins] == [
        "translated_from",
        "translated_from",
        "original",
    ]
    assert document.origins[0] is not None and "azərbaycan" in document.origins[0].language


def test_the_booklet_prints_the_line_under_the_issuer(tmp_path: Path) -> None:
    import pubtool

    project = pubtool.Project.load(REPO)
    output = tmp_path / "booklet.html"
    pubtool.build_html(project, "az,en,ru", output=output)
    html = output.read_text(encoding="utf-8")
    assert html.count('<p class="origin">') == 3
    assert "Translated from Russian and Azerbaijani" in html
    assert "Перевод; язык оригинала: русский и азербайджанский" in html
    assert "Rus və azərbaycan dilindən tərcümə" in html
