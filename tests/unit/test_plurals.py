"""Plural-Forms: gettext's conventional headers, checked by what they compute, not their text."""

from __future__ import annotations

import gettext

import pytest
from babel.messages.plurals import get_plural

from pubtool.catalogs import Message, build_template
from pubtool.po.merge import update_catalog
from pubtool.po.plurals import (
    CONVENTIONAL_PLURAL_FORMS,
    parse_plural_forms,
    plural_count,
    plural_forms,
)


def forms(header: str) -> list[int]:
    parsed = parse_plural_forms(header)
    assert parsed is not None, header
    rule = gettext.c2py(parsed[1])
    return [rule(n) for n in range(1001)]


@pytest.mark.parametrize("language", sorted(CONVENTIONAL_PLURAL_FORMS))
def test_every_table_entry_is_a_header_gettext_can_evaluate(language: str) -> None:
    nplurals, _ = parse_plural_forms(CONVENTIONAL_PLURAL_FORMS[language]) or (0, "")
    assert set(forms(CONVENTIONAL_PLURAL_FORMS[language])) == set(range(nplurals))


def test_russian_forms_are_one_few_many() -> None:
    computed = forms(plural_forms("ru"))
    assert [computed[n] for n in (1, 21, 101, 2, 3, 4, 22, 5, 11, 12, 14, 25, 111, 0)] == [
        0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2,
    ]


def test_french_follows_gettext_not_the_newest_cldr() -> None:
    assert parse_plural_forms(plural_forms("fr")) == (2, "(n > 1)")
    assert forms(plural_forms("fr"))[:3] == [0, 0, 1]


def test_region_and_case_variants_find_the_language() -> None:
    assert plural_forms("pt-BR") == plural_forms("pt_BR") != plural_forms("pt")
    assert plural_forms("ru_RU") == plural_forms("ru")


def test_a_language_outside_the_table_gets_a_working_header_from_babel() -> None:
    assert "cy" not in CONVENTIONAL_PLURAL_FORMS  # Welsh: not in the table
    expected = get_plural("cy").num_plurals  # whatever the installed Babel's CLDR says
    assert plural_count("cy") == expected
    assert len(set(forms(plural_forms("cy")))) == expected


@pytest.mark.parametrize(
    "header", ["", "plural=0;", "nplurals=2;", "nplurals=0; plural=0;", "nplurals=2; plural=(n>;"]
)
def test_unusable_headers_are_recognised(header: str) -> None:
    assert parse_plural_forms(header) is None


def template() -> object:
    message = Message("A.", "paragraph", (("statements/2020-01-15-x.md", 9),), ("2020-01-15-x",))
    return build_template([message], project_name="statements")


def test_update_never_rewrites_a_valid_header_and_keeps_its_order() -> None:
    import polib

    catalog = polib.POFile()
    catalog.metadata = {
        "Language": "ru",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11) ? 0 : "
        "((n%10>=2 && n%10<=4 && (n%100<12 || n%100>14)) ? 1 : 2);",
        "Project-Id-Version": "someone else's",
        "X-Generator": "Poedit 3.4",
    }
    result, _ = update_catalog(template(), catalog, language="ru")  # type: ignore[arg-type]
    assert result.metadata["Plural-Forms"] == catalog.metadata["Plural-Forms"]
    assert list(result.metadata)[:4] == ["Language", "Plural-Forms", "Project-Id-Version",
                                          "X-Generator"]
    assert result.metadata["X-Generator"] == "Poedit 3.4"


def test_update_repairs_a_missing_or_broken_plural_header() -> None:
    import polib

    catalog = polib.POFile()
    catalog.metadata = {"Language": "ru", "Plural-Forms": "nplurals=INTEGER; plural=EXPRESSION;"}
    result, _ = update_catalog(template(), catalog, language="ru")  # type: ignore[arg-type]
    assert parse_plural_forms(result.metadata["Plural-Forms"]) is not None
    assert plural_count("ru") == 3
