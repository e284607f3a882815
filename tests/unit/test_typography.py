"""Typewriter punctuation set as print at render time; the text itself never changes."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from pubtool.checks.style import house_style
from pubtool.publish.render import inline_markdown
from pubtool.publish.typography import heading_breaks, set_punctuation


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


def spans(*runs: str) -> str:
    """The heading as `heading_breaks` sets it: runs in `[...]` are kept on one line."""
    return "".join(
        f'<span class="nowrap">{run[1:-1]}</span>' if run.startswith("[") else run
        for run in runs
    )


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # the last two words together, when short: no word alone on the last line
        ("Рада затвердила бюджет на 2027 рік", spans("Рада затвердила бюджет ", "[на 2027 рік]")),
        ("Stadtrat beschließt den Haushalt 2027.",
         spans("Stadtrat beschließt den ", "[Haushalt 2027.]")),
        ("ildönümü ilə bağlı bəyanatı", spans("ildönümü ilə ", "[bağlı bəyanatı]")),
        ("Statement on the commemorative anniversary",  # the two are too long together
         "Statement on the commemorative anniversary"),
        ("Two words", "Two words"),  # nothing to take along
        # a number with its suffix and the word after it; a month with its day
        ("ABŞ konqresmeni 20 Yanvar faciəsinin 30-cu ildönümü ilə bağlı bəyanat yayıb",
         spans("ABŞ konqresmeni ", "[20 Yanvar]", " faciəsinin ", "[30-cu ildönümü]",
               " ilə bağlı ", "[bəyanat yayıb]")),
        ("Statement on the anniversary of the January 20 tragedy of the people",
         spans("Statement on the anniversary of the ", "[January 20 tragedy]", " of ",
               "[the people]")),
        # not a day: a decimal, an ordinal after a lower-case word; a date stays as it is
        ("Python 3.11 adds new features for everyone",
         spans("Python 3.11 adds new features ", "[for everyone]")),
        ("faciəsinin 17-ci ildönümü, 2024-01-20 tədbir haqqında",
         spans("faciəsinin ", "[17-ci ildönümü,]", " 2024-01-20 ", "[tədbir haqqında]")),
        # markup stays as it is; the text between tags is what is joined
        ('A <a href="/x/30-cu">link</a> on 20 Yanvar', spans('A <a href="/x/30-cu">link</a> ',
                                                            "[on 20 Yanvar]")),
    ],
)
def test_a_heading_never_breaks_where_it_would_read_badly(heading: str, expected: str) -> None:
    assert heading_breaks(Markup(heading)) == Markup(expected)
