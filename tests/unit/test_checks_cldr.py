"""Checks in every language Babel knows: CLDR numbers and dates, text hazards, no crash."""

from __future__ import annotations

import datetime
import textwrap
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from babel.dates import format_date
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pubtool
from pubtool.checks import BUILTIN_CHECKS, CheckContext, read_numbers
from pubtool.checks import registry as registry_module
from pubtool.checks.context import is_catalog_check
from pubtool.checks.registry import CheckCrashed, check_catalog
from pubtool.cli import app
from pubtool.errors import BUG_EXIT_CODE

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
DAY = datetime.date(1990, 1, 20)


def run(code: str, source: str, translation: str, language: str) -> list[str]:
    entry = polib.POEntry(msgid=source, msgstr=translation, linenum=7)
    return [str(message) for message in BUILTIN_CHECKS[code](entry, CheckContext("en", language))]


# --- the issue as reported --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "translation"),
    [("de", "Am 5. März 2024 wurden 150 Menschen verletzt."),
     ("fr", "Le 5 mars 2024, 150 personnes ont été blessées.")],
)
def test_a_german_or_french_digit_does_not_crash_the_numbers_check(
    language: str, translation: str
) -> None:
    assert run("numbers", "On 5 March 2024, 150 people were wounded.", translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [("On 5 March 2024 the statement was made.", "de", "Am 5. März 2024 wurde erklärt."),
     ("in June 2024", "fr", "en juin 2024"),
     ("in June 2024", "de", "im Juni 2024")],
)
def test_correct_german_and_french_dates_are_not_flagged(
    source: str, language: str, translation: str
) -> None:
    assert run("dates", source, translation, language) == []


# --- numbers from CLDR ---------------------------------------------------------------------------

LANGUAGES = ["de", "fr", "de_CH", "ru", "uk", "ar", "fa", "he", "hi", "ja", "zh", "el", "ka", "tr",
             "es", "pt_BR", "pl", "sv", "bn", "my", "sr_Latn"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("value", [Decimal("26000"), Decimal("1.5"), Decimal("1234567.25")])
def test_numbers_formatted_by_babel_read_as_the_source_value(language: str, value: Decimal) -> None:
    english = format_decimal(value, locale="en")
    translated = format_decimal(value, locale=language)
    assert read_numbers(translated, language).digits == read_numbers(english, "en").digits


@pytest.mark.parametrize(
    ("language", "digits"), [("ar", ARABIC_INDIC), ("fa", PERSIAN), ("hi", DEVANAGARI)]
)
def test_native_digits_are_read_as_numbers(language: str, digits: dict[int, int]) -> None:
    source = "In 1990, 150 people were killed and 26,000 troops came."
    translation = f"{'1990'.translate(digits)} ... {'150'.translate(digits)} ... " + (
        format_decimal(26000, locale=language, numbering_system="arab").translate(digits)
        if language == "ar" else "26,000".translate(digits)
    )
    assert run("numbers", source, translation, language) == []
    changed = translation.replace("150".translate(digits), "147".translate(digits))
    assert run("numbers", source, changed, language) == [
        "source has 150, missing from the translation; translation has 147, not in the source"
    ]


@pytest.mark.parametrize(
    ("language", "translation"),
    [("fr", "26\u202f000 soldats"), ("fr", "26 000 soldats"), ("de_CH", "26'000 Soldaten"),
     ("de_CH", "26’000 Soldaten"), ("de", "26.000 Soldaten"), ("ru", "26\u00a0000 солдат")],
)
def test_group_symbols_of_cldr_and_their_look_alikes(language: str, translation: str) -> None:
    assert run("numbers", "26,000 soldiers", translation, language) == []


def test_a_changed_number_is_caught_in_a_language_without_number_words() -> None:
    assert run("numbers", "150 people", "147 Menschen", "de") == [
        "source has 150, missing from the translation; translation has 147, not in the source"
    ]


@pytest.mark.parametrize(
    ("source", "translation"),
    [("%(count)s of %(total)s selected", "%(count)s von %(total)s ausgewählt"),
     ("Ensure this value has at most %(limit_value)d characters.",
      "Dieser Wert darf maximal %(limit_value)d Zeichen haben."),
     ("{0} files, %1$s", "%1$s, {0} Dateien"),
     ("See <h2>the list</h2> &#8212; done", "Siehe <h2>die Liste</h2> &#8212; fertig"),
     ("conf value should not be empty for EPUB3", "Wert darf für EPUB3 nicht leer sein"),
     ("Python 2.5.1 or 10.0.0.1", "Python 2.5.1 oder 10.0.0.1"),
     ("6 p.m.", "18 Uhr"),
     ("Noon", "12 Uhr")],
)
def test_placeholders_names_and_versions_are_not_numbers(source: str, translation: str) -> None:
    assert run("numbers", source, translation, "de") == []


def test_a_version_kept_as_written_where_a_full_stop_is_no_number_symbol() -> None:
    assert run("numbers", "Python 3.10 or 2.5", "Python 3.10 ou 2.5", "fr") == []
    # Written exactly as in the source, a number is accepted even where the full stop
    # groups thousands (de, az): versions, identifiers and code are kept as written.
    assert run("numbers", "1.5 km", "1.5 km", "de") == []
    assert run("numbers", "Python 3.6", "Python 3.6", "es") == []
    # Anything else is read by the language's rules: 1.6 is no version of the source's.
    assert run("numbers", "1.5 km", "1.6 km", "de") != []


def test_a_placeholder_broken_into_a_digit_is_caught() -> None:
    assert run("numbers", "%(count)s codes", "هناك 6(count)s رموز", "ar") == [
        "translation has 6, not in the source"
    ]


def test_japanese_month_numbers_belong_to_the_dates_check() -> None:
    assert run("numbers", "January 20, 1990", format_date(DAY, "long", locale="ja"), "ja") == []


# --- dates from CLDR ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES + ["az", "ru", "ko", "vi", "fi", "hu", "cs"])
@pytest.mark.parametrize("length", ["long", "medium", "full"])
def test_dates_formatted_by_babel_pass(language: str, length: str) -> None:
    translation = format_date(DAY, length, locale=language)
    source = "On January 20, 1990 troops invaded Baku."
    assert run("dates", source, translation, language) == []
    assert run("numbers", source, translation, language) == []


@pytest.mark.parametrize("language", ["de", "fr", "ar", "he", "el", "ka", "uk", "tr", "hi", "fa"])
def test_a_changed_month_is_caught(language: str) -> None:
    translation = format_date(DAY, "long", locale=language)
    changed = format_date(DAY.replace(month=2), "long", locale=language)
    assert translation != changed
    assert run("dates", "On January 20, 1990 troops invaded Baku.", changed, language)


@pytest.mark.parametrize(
    ("language", "translation"),
    [("uk", "у січні 1990 року"), ("ar", "في كانون الثاني 1990"), ("he", "בינואר 1990"),
     ("fi", "tammikuussa 1990"), ("ru", "в январе 1990 года"), ("az", "1990-cı ilin yanvarında")],
)
def test_inflected_and_regional_month_names_are_found(language: str, translation: str) -> None:
    assert run("dates", "in January 1990", translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [("jan", "az", "ynv"), ("feb", "ru", "фев"), ("Sept.", "hi", "सितम्बर."), ("Mar", "de", "Mrz"),
     ("May", "de", "Mai"), ("Nov.", "el", "Νοέμ.")],
)
def test_calendar_labels_shortened_by_translators_pass(
    source: str, language: str, translation: str
) -> None:
    assert run("dates", source, translation, language) == []


def test_a_calendar_label_with_another_month_is_caught() -> None:
    assert run("dates", "June", "Juillet", "fr") == [
        "'June': month June (juin) missing (translation has juillet)"
    ]


def test_a_month_that_is_also_a_word_is_no_extra_month() -> None:
    # Turkish "aralık" is December and "range"
    assert run("dates", "out of range (1-%d)", "aralık dışında (1-%d)", "tr") == []


@pytest.mark.parametrize(
    ("language", "translation"),
    [("sr@latin", "20. januar 1990."), ("sr", "20. јануар 1990."), ("zh-Hant", "1990年1月20日"),
     ("pt_BR", "20 de janeiro de 1990")],
)
def test_gettext_language_codes_find_their_cldr_locale(language: str, translation: str) -> None:
    assert run("dates", "On January 20, 1990", translation, language) == []


def test_an_unknown_language_gets_no_false_month_error() -> None:
    assert run("dates", "On January 20, 1990", "Gennar 20, 1990", "xx") == []
    assert run("numbers", "On January 20, 1990", "20 ... 1990", "xx") == []


# --- new checks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "language", "translation", "expected"),
    [("bidi", "ar", "اسم\u202e آخر", "bidi control characters: U+202E right-to-left override"),
     ("bidi-isolates", "de", "Name \u2068Baku\u2069", "bidi isolates in left-to-right text"),
     ("bidi-isolates", "ar", "اسم \u2068Baku", "bidi isolates: 1 opened, 0 closed"),
     ("invisible", "ru", "отправлена\u200b на", "invisible characters: U+200B zero width space"),
     ("invisible", "de", "Wort\ufeff", "invisible characters: U+FEFF"),
     ("invisible", "de", "Bun\u00ad\u00addestag", "1 run(s) of soft hyphens"),
     ("invisible", "de", "Bundes\u200ctag", "zero-width joiners outside a script"),
     ("control", "el", "στατική\x7f μέθοδος", "control characters: U+007F"),
     ("long-word", "de", "Donau" * 13, "a word of 65 characters"),
     ("verbatim-tokens", "el", "σύμφωνα με POP-0420", "not kept as written: PEP-0420"),
     ("verbatim-tokens", "ru", "адрес 10.0.0.2", "not kept as written: 10.0.0.1")],
)
def test_text_hazards_are_found(code: str, language: str, translation: str, expected: str) -> None:
    source = {"verbatim-tokens": "according to PEP-0420" if "POP" in translation
              else "address 10.0.0.1"}.get(code, "some text")
    found = run(code, source, translation, language)
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.mark.parametrize(
    ("code", "language", "translation"),
    [("bidi-isolates", "ar", "اسم \u2068Baku\u2069"),
     ("invisible", "fa", "می\u200cشود"),
     ("invisible", "hi", "क्\u200dष"),
     ("invisible", "de", "Bun\u00addes\u00adtag"),
     ("long-word", "ja", "このメッセージが表示されている理由は" * 5),
     ("long-word", "de", "https://example.org/" + "a" * 80),
     ("verbatim-tokens", "ja", "IPv4アドレスと EPUB3 と RFC 2369")],
)
def test_legitimate_text_is_not_flagged(code: str, language: str, translation: str) -> None:
    source = "IPv4 address, EPUB3, RFC 2369" if code == "verbatim-tokens" else "some text"
    assert run(code, source, translation, language) == []


# --- no crash reads as a finding ---------------------------------------------------------------


def _explode(entry: polib.POEntry, context: CheckContext) -> list[str]:
    raise IndexError("no such group")


def test_a_crashing_check_is_a_bug_naming_the_check_file_and_line() -> None:
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="150", msgstr="150", linenum=12))
    context = CheckContext("en", "de")
    with pytest.raises(CheckCrashed) as raised:
        check_catalog(catalog, "locales/de/x.po", context, ["boom"], registry={"boom": _explode})
    assert raised.value.exit_code == BUG_EXIT_CODE
    assert str(raised.value).startswith("internal error in check boom at locales/de/x.po:12")
    assert isinstance(raised.value.__cause__, IndexError)


def _project(root: Path, languages: list[str]) -> Path:
    (root / "statements").mkdir(parents=True)
    (root / "locales").mkdir()
    (root / "templates").mkdir()
    (root / "pyproject.toml").write_text(textwrap.dedent(f"""
        [tool.pubtool]
        title = "Test"
        source-language = "en"
        languages = {languages!r}
        """).replace("'", '"'), encoding="utf-8")
    (root / "statements" / "1990-01-21-statement.md").write_text(textwrap.dedent("""
        ---
        id: 1990-01-21-statement
        title: Statement
        date: 1990-01-21
        issuer: The Chairman
        ---

        On January 20, 1990, 26,000 troops entered Baku.

        The 150 victims were buried on 22 January 1990.
        """).lstrip(), encoding="utf-8")
    return root


def test_the_cli_prints_one_line_and_exits_3_for_a_crashing_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "p", ["de"])
    project = pubtool.Project.load(root)
    pubtool.extract(project)
    pubtool.update(project, "de")
    catalog = polib.pofile(str(project.catalog_path("de")))
    for entry in catalog:
        entry.msgstr = entry.msgid
    catalog.save()
    monkeypatch.setitem(registry_module.BUILTIN_CHECKS, "numbers", _explode)
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--project", str(root)])
    assert result.exit_code == BUG_EXIT_CODE
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error in check numbers at locales/de/" in lines[0]
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["--debug", "check", "--project", str(root)])
    assert debug.exit_code == BUG_EXIT_CODE
    assert "IndexError: no such group" in debug.stderr


_PIECES = st.sampled_from(
    list("0123456789٠١٢٣٤٥۱۲۳०१२.,:;%$'’ -–/()[]{}<>&#*_\n\t\u00a0\u202f\u200b\u200c"
         "\u200d\u202e\u2066\u2069\u00ad\u200fIVXLCabcxyzJanuMayéöçəАяЖ月年日يناير׳॰")
    + ["January", "März", "января", "yanvarın", "%(count)s", "{0}", "%1$s", "EPUB3",
       "10.0.0.1", "RFC 2369", "p.m.", "1990-cı", "17-й", "XXe", "http://x.org/1", "20/01/1990",
       "1990. 1. 20.", "1.000.000", "12,34,567", " ", " "]
)
_MIXED_TEXT = st.lists(_PIECES, max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(sorted(locale_identifiers())),
    source=_MIXED_TEXT,
    translation=_MIXED_TEXT,
)
def test_no_builtin_check_raises_in_any_language(
    language: str, source: str, translation: str
) -> None:
    entry = polib.POEntry(msgid=source or "x", msgstr=translation or "y", linenum=1)
    twin = polib.POEntry(msgid=source or "x", msgctxt="twin", msgstr=source or "z", linenum=5)
    catalog = polib.POFile()
    catalog.extend([entry, twin])
    for context in (CheckContext("en", language), CheckContext(language, "en")):
        for check in BUILTIN_CHECKS.values():
            # whole-catalog checks (consistency) take the catalog, the others one entry
            list(check(catalog if is_catalog_check(check) else entry, context))  # type: ignore[arg-type]


# --- done when: a de, fr, ar project with CLDR-correct translations -----------------------------


def _cldr_translation(source: str, language: str) -> str:
    """What a careful translator writes: the dates and numbers as CLDR formats them."""
    digits = ARABIC_INDIC if language == "ar" else {}
    system = "arab" if language == "ar" else "latn"
    first = format_date(DAY, "long", locale=language).translate(digits)
    second = format_date(DAY.replace(day=22), "long", locale=language).translate(digits)
    troops = format_decimal(26000, locale=language, numbering_system=system).translate(digits)
    victims = "150".translate(digits)
    if source.startswith("On January 20"):
        return f"{first}: {troops} …"
    if source.startswith("The 150"):
        return f"{victims} … {second}."
    return source


def test_a_de_fr_ar_project_with_cldr_correct_translations_passes_and_a_changed_number_fails(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path / "p", ["de", "fr", "ar"])
    project = pubtool.Project.load(root)
    pubtool.extract(project)
    pubtool.update(project, "de,fr,ar")
    for language in ("de", "fr", "ar"):
        path = project.catalog_path(language)
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = _cldr_translation(entry.msgid, language)
        catalog.save()
    report = pubtool.check(project)
    assert report.catalogs == 3
    assert [f for f in report.findings if f.severity == "error"] == []
    assert report.exit_code == 0

    path = project.catalog_path("ar")
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = entry.msgstr.replace("١٥٠", "١٤٧")
    catalog.save()
    report = pubtool.check(project)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.code, f.message) for f in errors] == [
        ("numbers", "source has 150, missing from the translation; "
                    "translation has 147, not in the source")
    ]
    assert report.exit_code == 1
