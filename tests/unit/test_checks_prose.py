"""Checks on press-release and documentation prose: amounts with scale words, versions kept
as written, whole dates, reversed ranges, lost negations, Hebrew abbreviation marks."""

from __future__ import annotations

import polib
import pytest
from babel import Locale

from pubtool.checks import BUILTIN_CHECKS, DEFAULT_SEVERITIES, CheckContext
from pubtool.checks.cldr import scale_words
from pubtool.checks.negation import NEGATION_WORDS
from pubtool.checks.registry import check_catalog

#: The checks that are errors: what a clean translation must not trip.
GATE = ("numbers", "dates", "markup", "script", "glossary", "bidi", "control")


def run(code: str, source: str, translation: str, language: str) -> list[str]:
    entry = polib.POEntry(msgid=source, msgstr=translation, linenum=7)
    return [str(message) for message in BUILTIN_CHECKS[code](entry, CheckContext("en", language))]


def errors(source: str, translation: str, language: str) -> list[str]:
    return [message for code in GATE for message in run(code, source, translation, language)]


AMOUNT = ("The council approved $1,284.5 million for 12 projects on March 3, 2025, "
          "and Python 3.6 support ends on June 30, 2026.")
AMOUNT_TRANSLATIONS = {
    "es": "El consejo aprobó 1.284,5 millones de dólares para 12 proyectos el 3 de marzo de "
          "2025, y el soporte de Python 3.6 termina el 30 de junio de 2026.",
    "uk": "Рада схвалила 1 284,5 млн доларів на 12 проєктів 3 березня 2025 року, а підтримка "
          "Python 3.6 закінчується 30 червня 2026 року.",
    "ru": "Совет одобрил 1 284,5 млн долларов на 12 проектов 3 марта 2025 года, а поддержка "
          "Python 3.6 заканчивается 30 июня 2026 года.",
    "de": "Der Rat bewilligte am 3. März 2025 1.284,5 Mio. Dollar für 12 Projekte, und die "
          "Unterstützung von Python 3.6 endet am 30. Juni 2026.",
    "fr": "Le conseil a approuvé 1 284,5 millions de dollars pour 12 projets le 3 mars 2025, "
          "et la prise en charge de Python 3.6 prend fin le 30 juin 2026.",
    "he": "המועצה אישרה 1,284.5 מיליון דולר ל-12 פרויקטים ב-3 במרץ 2025, והתמיכה ב-Python 3.6 "
          "תסתיים ב-30 ביוני 2026.",
}


@pytest.mark.parametrize("language", sorted(AMOUNT_TRANSLATIONS))
def test_correct_amounts_versions_and_dates_give_no_error(language: str) -> None:
    assert errors(AMOUNT, AMOUNT_TRANSLATIONS[language], language) == []


@pytest.mark.parametrize(
    ("language", "translation"),
    [("de", "1.284,5 Millionen Dollar"), ("ru", "1284,5 миллиона долларов"),
     ("uk", "1 284,5 мільйона доларів"), ("fr", "1 284,5 millions de dollars"),
     ("es", "1284,5 millones de dólares"), ("he", "1,284.5 מיליון דולר")],
)
def test_long_and_short_scale_words(language: str, translation: str) -> None:
    assert run("numbers", "$1,284.5 million", translation, language) == [], translation


def test_scale_words_come_from_cldr_compact_formats() -> None:
    # every long compact word CLDR has for a million is a scale word of 10**6
    for language in ("es", "uk", "ru", "de", "fr", "he"):
        millions = {
            str(getattr(pattern, "pattern", pattern)).replace("0", "").strip(" \u00a0\u200f")
            for forms in Locale.parse(language).compact_decimal_formats["long"].values()
            for magnitude, pattern in forms.items() if magnitude == "1000000"
        }
        words = dict(scale_words(language))
        for word in millions:
            assert words.get(word) == 10**6, (language, word)
    # "mil millones" is a Spanish billion, not a thousand millions read twice
    assert run("numbers", "$2 billion", "2 mil millones de dólares", "es") == []


def test_a_wrong_amount_with_a_scale_word_is_caught() -> None:
    assert run("numbers", "$1,284.5 million", "1.248,5 millones de dólares", "es") != []
    assert run("numbers", "$1,284.5 million", "1 284,5 млрд доларів", "uk") != []


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [("$12.7 million", "12.7 אלף דולר", "he"), ("$12.7 million", "12.7 מיליארד דולר", "he"),
     ("$1,284.5 million", "1,284.5 אלף דולר", "he"), ("$12.7 million", "התקציב: $12.7.", "he"),
     ("$12.7 million", "12.7 mil dólares", "es"), ("$12.7 million", "12,7 mil dólares", "es"),
     ("$12.7 million", "12,7 млрд доларів", "uk"), ("$12.7 million", "12,7 тыс. долларов", "ru"),
     ("$12.7 million", "12.7 Mrd. Dollar", "de"), ("$12.7 million", "12,7 Mrd. Dollar", "de"),
     ("$12.7 million", "12.7 milliards de dollars", "fr"),
     ("$12.7 million", "12,7 milliards de dollars", "fr")],
)
def test_a_number_written_as_in_the_source_keeps_its_scale_word(
    source: str, translation: str, language: str
) -> None:
    # 12.7 is written alike, but 12.7 thousand is not 12.7 million
    found = errors(source, translation, language)
    assert len(found) == 1 and "missing from the translation" in found[0], found


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [("$12.7 million", "12.7 מיליון דולר", "he"), ("$1,284.5 million", "1,284.5 מיליון דולר", "he"),
     ("$12.7 million", "12.7 millones de dólares", "es"),
     ("$1.5 billion", "1.5 mil millones de dólares", "es"),
     ("$12.7 million", "12.7 млн доларів", "uk"), ("$12.7 million", "12.7 Mio. Dollar", "de"),
     ("$12.7 million", "12.7 millions de dollars", "fr"),
     ("$12.7M for Python 3.6", "12.7 מיליון דולר עבור Python 3.6", "he")],
)
def test_a_number_written_as_in_the_source_with_the_same_scale_passes(
    source: str, translation: str, language: str
) -> None:
    assert errors(source, translation, language) == []


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [("New in Python 3.6.", "Nuevo en Python 3.6.", "es"),
     ("Defaults to 1.0.", "El valor por defecto es 1.0.", "es"),
     ("Month as a decimal number [01,12].", "Mes como número decimal [01,12].", "es"),
     ("PM2.5 levels rose to 35.5.", "Рівень PM2.5 зріс до 35,5.", "uk"),
     ("Tk 8.5 or 8.6", "Tk 8.5 oder 8.6", "de")],
)
def test_a_number_written_as_in_the_source_is_accepted(
    source: str, translation: str, language: str
) -> None:
    assert run("numbers", source, translation, language) == []


def test_a_number_not_written_as_in_the_source_is_still_read() -> None:
    assert run("numbers", "New in Python 3.6.", "Nuevo en Python 3.7.", "es") != []


def test_not_set_is_no_month() -> None:
    assert run("dates", "Set to ``NOT_SET`` (0).", "Establece a ``NOT_SET`` (0).", "es") == []
    assert run("dates", "Level NOT_SET (0).", "Nivel NOT_SET (0).", "es") == []
    assert run("dates", "Due on 5 Sep", "Vence el 5 de set", "es") == []  # still a month


SWAPPED = ("The works run from January 5, 2025 until March 3, 2026.",
           "Las obras van del 5 de enero de 2026 hasta el 3 de marzo de 2025.")


def test_years_swapped_between_two_dates_give_one_error() -> None:
    source, translation = SWAPPED
    assert run("dates", source, translation.replace("2026", "X").replace("2025", "2026")
               .replace("X", "2025"), "es") == []
    found = errors(source, translation, "es")
    assert len(found) == 1 and "2026 there" in found[0] and "2025 there" in found[0], found


def test_a_changed_count_gives_one_error() -> None:
    found = errors(AMOUNT, AMOUNT_TRANSLATIONS["uk"].replace("12 проєктів", "13 проєктів"), "uk")
    assert len(found) == 1 and "12" in found[0], found


def test_a_reversed_date_range_is_caught() -> None:
    source = "Registration runs from January 5 to March 3, 2026."
    assert run("dates", source, "La inscripción va del 5 de enero al 3 de marzo de 2026.",
               "es") == []
    assert len(run("dates", source, "La inscripción va del 3 de marzo al 5 de enero de 2026.",
                   "es")) == 1


DAY_RANGES = [
    ("Registration is open from April 2 to 9.", "La inscripción está abierta del 2 al 9 de abril.",
     "La inscripción está abierta del 9 al 2 de abril.", "es"),
    ("Registration is open April 2–9.", "La inscripción está abierta del 2 al 9 de abril.",
     "La inscripción está abierta del 9 al 2 de abril.", "es"),
    ("The fair runs from 27 to 28 September.", "La feria va del 27 al 28 de septiembre.",
     "La feria va del 28 al 27 de septiembre.", "es"),
    ("Registration is open from April 2 to 9.", "Реєстрація відкрита з 2 до 9 квітня.",
     "Реєстрація відкрита з 9 до 2 квітня.", "uk"),
    ("Registration is open from April 2 to 9.", "ההרשמה פתוחה בין 2 ל-9 באפריל.",
     "ההרשמה פתוחה בין 9 ל-2 באפריל.", "he"),
    ("Registration is open from April 2 to 9.", "Регистрация открыта с 2-го по 9-е апреля.",
     "Регистрация открыта с 9-го по 2-е апреля.", "ru"),
    ("Registration is open from April 2 to April 9.",
     "Die Anmeldung ist vom 2. bis 9. April offen.",
     "Die Anmeldung ist vom 9. bis 2. April offen.", "de"),
    ("Registration is open April 2–9.", "Les inscriptions sont ouvertes du 2 au 9 avril.",
     "Les inscriptions sont ouvertes du 9 au 2 avril.", "fr"),
]


@pytest.mark.parametrize(("source", "correct", "reversed_", "language"), DAY_RANGES)
def test_a_reversed_range_of_days_in_words_gives_one_error(
    source: str, correct: str, reversed_: str, language: str
) -> None:
    assert errors(source, correct, language) == []
    found = errors(source, reversed_, language)
    assert len(found) == 1 and "range reversed" in found[0], found


def test_a_range_of_days_with_a_dash_on_both_sides_is_reported_once() -> None:
    found = errors("Open April 2–9.", "Abierto 9–2 de abril.", "es")
    assert found == ["range 2–9 is reversed in the translation"]


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [("The vote is on April 9 and the count on April 2.",
      "El recuento es el 2 de abril y la votación el 9 de abril.", "es"),
     ("The vote is on April 9 and the count on April 2.",
      "Підрахунок голосів 2 квітня, а голосування 9 квітня.", "uk"),
     ("Open from April 2 to 9, and from 9 to 12 May.",
      "Abierto del 2 al 9 de abril y del 9 al 12 de mayo.", "es")],
)
def test_days_of_separate_dates_may_change_order(
    source: str, translation: str, language: str
) -> None:
    assert errors(source, translation, language) == []


def test_a_reversed_range_of_years_is_caught() -> None:
    assert run("numbers", "the 2025–2026 season", "la temporada 2025–2026", "es") == []
    assert run("numbers", "the 2025–2026 season", "la temporada 2026–2025", "es") == [
        "range 2025–2026 is reversed in the translation"]


# --- negation ---------------------------------------------------------------------------------

NEGATED = "No lives were lost."
NEGATED_TRANSLATIONS = {
    "es": "No se perdió ninguna vida.", "ru": "Никто не погиб.", "uk": "Ніхто не загинув.",
    "de": "Es gab keine Todesopfer.", "fr": "Aucune vie n'a été perdue.",
    "he": "לא אבדו חיים.", "az": "Heç kim həlak olmayıb.",
}
AFFIRMED_TRANSLATIONS = {
    "es": "Se perdieron vidas.", "ru": "Люди погибли.", "uk": "Люди загинули.",
    "de": "Es gab Todesopfer.", "fr": "Des vies ont été perdues.", "he": "אבדו חיים.",
    "az": "İnsanlar həlak oldu.",
}


@pytest.mark.parametrize("language", sorted(NEGATED_TRANSLATIONS))
def test_a_kept_negation_passes(language: str) -> None:
    assert run("negation", NEGATED, NEGATED_TRANSLATIONS[language], language) == []


@pytest.mark.parametrize("language", sorted(AFFIRMED_TRANSLATIONS))
def test_a_dropped_negation_is_a_warning(language: str) -> None:
    assert len(run("negation", NEGATED, AFFIRMED_TRANSLATIONS[language], language)) == 1
    assert DEFAULT_SEVERITIES["negation"] == "warning"


def test_negation_table_covers_the_project_languages_and_reuses_the_update_words() -> None:
    assert {"az", "ru", "de", "fr", "es", "uk", "he"} <= set(NEGATION_WORDS)
    # English sources are read with the words `update` uses for its risk notes
    assert run("negation", "This is not new.", "Это новое.", "ru") != []
    assert run("negation", "It can't be undone.", "Es lässt sich rückgängig machen.", "de") != []
    # "No. 5" and "whether or not" negate nothing; a language without a table is skipped
    assert run("negation", "See No. 5.", "Véase el n.º 5.", "es") == []
    assert run("negation", "whether or not it runs", "si se ejecuta o no", "es") == []
    assert run("negation", NEGATED, "Ingen liv gik tabt.", "da") == []


# --- Hebrew abbreviation marks ------------------------------------------------------------------


@pytest.mark.parametrize(
    "translation",
    ['ד"ר כהן, מנכ"לית החברה, אמרה.', 'ד"ר כהן אמרה.', "ד״ר כהן אמרה.", "ג'ורג' אמר."],
)
def test_hebrew_gershayim_and_geresh_are_no_quotes(translation: str) -> None:
    assert run("whitespace", "Dr. Cohen said.", translation, "he") == []


def test_a_real_hebrew_quote_left_open_is_still_caught() -> None:
    assert run("whitespace", "Dr. Cohen said.", 'ד"ר כהן אמרה "כן.', "he") != []


def test_the_prose_catalog_runs_clean_through_the_runner() -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "uk",
                   "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 "
                                   "&& n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"}
    po.append(polib.POEntry(msgid=AMOUNT, msgstr=AMOUNT_TRANSLATIONS["uk"], linenum=3))
    po.append(polib.POEntry(msgid=NEGATED, msgstr=AFFIRMED_TRANSLATIONS["uk"], linenum=9))
    findings = check_catalog(po, "uk.po", CheckContext("en", "uk"))
    assert [(finding.line, finding.code, finding.severity) for finding in findings] == [
        (9, "negation", "warning")]


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [("January", "जून", "hi"), ("June", "जन॰", "hi"), ("mar", "მაი", "ka")],
)
def test_a_calendar_label_naming_another_month_is_caught(
    source: str, translation: str, language: str
) -> None:
    assert len(run("dates", source, translation, language)) == 1


def test_a_calendar_label_shortened_by_the_translator_passes() -> None:
    assert run("dates", "Jul", "jui", "fr") == []  # juillet, though fr_CA's June is "jui"
    assert run("dates", "Jan.", "ynv", "az") == []


# --- format directives by the entry's flags (pubtool.po.directives) ----------------------------


def run_flagged(code: str, source: str, translation: str, language: str,
                flags: list[str]) -> list[str]:
    entry = polib.POEntry(msgid=source, msgstr=translation, flags=flags, linenum=7)
    findings = check_catalog(_catalog(entry), "x.po", CheckContext("en", language), [code])
    return [finding.message for finding in findings]


def _catalog(entry: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(entry)
    return po


@pytest.mark.parametrize(
    ("flags", "source", "translation"),
    [(["c-format"], "%s of %s", "%2$s de %1$s"),
     (["python-brace-format"], "{} of {}", "{1} de {0}"),
     (["python-format"], "%(count)d of %(total)d", "%(total)d: %(count)d")],
)
def test_format_directives_come_from_the_entry_flags(
    flags: list[str], source: str, translation: str
) -> None:
    assert run_flagged("numbers", source, translation, "es", flags) == []


def test_without_a_format_flag_a_percent_and_digits_are_text() -> None:
    # gettext reads no directives in a message without a *-format flag: "%2$s" is text
    assert run_flagged("numbers", "%s of %s", "%2$s de %1$s", "es", []) != []


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [("Ensure there are no more than 5 digits.", "Höchstens 5 Ziffern.", "de"),
     ("No", "Nein", "de"), ("No", "Xeyr", "az"),
     ("The page could not be found.", "La page demandée est introuvable.", "fr"),
     ("Ensure there are no more than 5 digits.", 'נא לוודא שאין יותר מ־5 ספרות.', "he")],
)
def test_idiomatic_negations_and_comparisons_pass(
    source: str, translation: str, language: str
) -> None:
    assert run("negation", source, translation, language) == []


def test_gershayim_are_no_quotes_to_the_house_style() -> None:
    from pubtool.checks.style import check_style
    from pubtool.project import StyleSettings

    context = CheckContext("en", "he", style=StyleSettings(quotes=("”", "”", "’", "’")))
    assert list(check_style("Dr. Cohen said.", 'ד"ר כהן אמרה.', context)) == []
    assert list(check_style("She said yes.", 'היא אמרה "כן".', context)) != []


def test_dates_in_code_are_kept_as_written_on_both_sides() -> None:
    source = "For example ``time.strptime('30 Nov 00', '%d %b %y')`` or ``'June 5, 2024'``."
    translation = "Por ejemplo ``time.strptime('30 Nov 00', '%d %b %y')`` o ``'June 5, 2024'``."
    assert run("dates", source, translation, "es") == []
