"""Typewriter punctuation set as print at render time; the text itself never changes."""

from __future__ import annotations

import pytest

from pubtool.checks.style import house_style
from pubtool.publish.render import inline_markdown
from pubtool.publish.typography import set_punctuation, without_runt


def test_straight_quotes_take_the_column_languages_marks() -> None:
    assert set_punctuation('the "Black January"', house_style("en")) == "the “Black January”"
    assert set_punctuation('"Qara Yanvar"', house_style("ru")) == "«Qara Yanvar»"
    assert set_punctuation("didn't say 'no'", house_style("en")) == "didn’t say ‘no’"


def test_a_spaced_hyphen_is_the_languages_dash_and_a_range_takes_an_en_dash() -> None:
    assert set_punctuation("the republic - Baku", house_style("en")) == "the republic\u00a0– Baku"
    assert set_punctuation("столице - Баку", house_style("ru")) == "столице\u00a0— Баку"
    assert set_punctuation("January 19-20, 1990", house_style("en")) == "January 19–20, 1990"
    # a word's own hyphen, a date and an address stay as they are
    for text in ("SSR-in", "2020-01-15", "view.php?id=95-1"):
        assert set_punctuation(text, house_style("az")) == text


def test_inline_sets_punctuation_outside_code_and_addresses_only() -> None:
    html = str(
        inline_markdown(
            'He said "no" - see `a "b"` and http://x.org/a-1-2 19-20',
            style=house_style("en"),
        )
    )
    assert "“no”\u00a0– see" in html
    assert '<code>a &quot;b&quot;</code>' in html
    assert "x.<wbr>org/<wbr>a-<wbr>1-<wbr>2" in html and "19–20" in html
    assert "“" not in str(inline_markdown('"plain"'))  # no style given: the text as it is


def test_hebrew_abbreviation_marks_are_gershayim_and_geresh_not_quotes() -> None:
    """ד"ר typed with a straight quote is an abbreviation: a closing quotation mark there
    reads as the end of a quotation."""
    text = 'ד"ר כהן אמר "שלום" לג\'ורג\''
    assert set_punctuation(text, house_style("he")) == "ד\u05f4ר כהן אמר “שלום” לג\u05f3ורג\u05f3"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Рада затвердила бюджет на 2027 рік", "Рада затвердила бюджет на 2027\u00a0рік"),
        ("Stadtrat beschließt den Haushalt 2027.", "Stadtrat beschließt den Haushalt\u00a02027."),
        ("A heading ending in *рік*.", "A heading ending in\u00a0*рік*."),
        ("Statement on the 36th anniversary", "Statement on the 36th anniversary"),  # long
        ("Two words", "Two words"),  # nothing to take along
        ("Bakı, 20 Yanvar", "Bakı, 20 Yanvar"),
    ],
)
def test_a_short_last_word_of_a_heading_never_stands_alone(heading: str, expected: str) -> None:
    assert without_runt(heading) == expected
