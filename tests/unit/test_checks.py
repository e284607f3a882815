"""Publication checks: every check passes good Azerbaijani and Russian and fails bad ones."""

from __future__ import annotations

import importlib.metadata
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pubtool.checks import (
    BUILTIN_CHECKS,
    DEFAULT_SEVERITIES,
    CheckContext,
    Finding,
    available_checks,
    catalog_problems,
    check_catalog,
    check_entry,
    configure_checks,
    entry_kind,
    expected_plural_count,
    read_numbers,
    suppressed_checks,
)
from pubtool.checks.glossary import Glossary, Term
from pubtool.errors import ConfigError

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

GLOSSARY = Glossary(
    terms=(
        Term("Heydar Aliyev", (("az", "Heydər Əliyev"), ("ru", "Гейдар Алиев"))),
        Term("Haydar Aliyev", (("az", "Heydər Əliyev"), ("ru", "Гейдар Алиев"))),
        Term("Sumgayit", (("az", "Sumqayıt"), ("ru", "Сумгаит"))),
        Term("Alley of Martyrs", (("az", "Şəhidlər xiyabanı"), ("ru", "Аллея шехидов"))),
        Term("Black January", (("az", "Qara Yanvar"), ("ru", "Черный январь"))),
        Term("Human Rights Watch", (("ru", "Human Rights Watch"),)),
    )
)


def make_entry(
    source: str,
    translation: str,
    *,
    kind: str = "paragraph",
    tcomment: str = "",
    fuzzy: bool = False,
) -> polib.POEntry:
    return polib.POEntry(
        msgid=source,
        msgstr=translation,
        comment=f"kind: {kind}\nstatement: 2024-01-20-black-january-34th-anniversary",
        tcomment=tcomment,
        flags=["fuzzy"] if fuzzy else [],
        linenum=12,
    )


def run(
    code: str, source: str, translation: str, language: str, *, kind: str = "paragraph"
) -> list[str]:
    """The messages of one built-in check on one source/translation pair."""
    context = CheckContext("en", language, GLOSSARY, kind)
    return list(BUILTIN_CHECKS[code](make_entry(source, translation, kind=kind), context))


# --------------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------------

CASUALTIES = "During the attack, 150 civilians were killed and 744 wounded in Baku."
TROOPS = "By order of the USSR leadership, 26,000 Soviet troops invaded Baku."
ANNIVERSARY = "Order given these days affirmed the plan of the 17th anniversary of the tragedy."
AGGRESSION = (
    "Twenty percent of the country territory have been occupied, more than one million "
    "people have become refugees."
)


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        (CASUALTIES, "az",
         "Hücum zamanı Bakıda 150 mülki şəxs öldürülmüş, 744 nəfər yaralanmışdır."),
        (CASUALTIES, "ru",
         "Во время нападения в Баку были убиты 150 мирных жителей и ранены 744 человека."),
        (TROOPS, "az", "SSRİ rəhbərliyinin əmri ilə 26 000 sovet hərbçisi Bakıya soxuldu."),
        (TROOPS, "az", "SSRİ rəhbərliyinin əmri ilə 26.000 sovet hərbçisi Bakıya soxuldu."),
        (TROOPS, "az", f"SSRİ rəhbərliyinin əmri ilə 26{NBSP}000 sovet hərbçisi Bakıya soxuldu."),
        (TROOPS, "az", "SSRİ rəhbərliyinin əmri ilə 26 min sovet hərbçisi Bakıya soxuldu."),
        (TROOPS, "ru", "По приказу руководства СССР 26 000 советских военнослужащих вошли в Баку."),
        (TROOPS, "ru", f"По приказу руководства СССР 26{NBSP}000 советских военнослужащих вошли."),
        (TROOPS, "ru", f"По приказу руководства СССР 26{NARROW_NBSP}000 советских военных вошли."),
        (TROOPS, "ru", "По приказу руководства СССР 26 тыс. советских военнослужащих вошли."),
        (ANNIVERSARY, "az", "Bu günlərdə faciənin 17-ci ildönümü ilə bağlı "
                            "tədbirlər planı təsdiq edildi."),
        (ANNIVERSARY, "ru", "Распоряжением утверждён план мероприятий к 17-й годовщине трагедии."),
        (ANNIVERSARY, "ru", "Распоряжением утверждён план мероприятий к семнадцатой годовщине."),
        ("marking the 34th anniversary", "az", "34-cü ildönümü münasibətilə"),
        ("marking the 34th anniversary", "ru", "в связи с 34-й годовщиной"),
        ("marking the 34th anniversary", "ru", "в связи с тридцать четвёртой годовщиной"),
        ("the 30th anniversary", "az", "30-cu ildönümü"),
        ("the 20th anniversary", "ru", "20-летие"),
        ("the 21th anniversary", "az", "21-ci ildönümü"),  # the authors' "21th" is 21
        ("the 21th anniversary", "ru", "21-ю годовщину"),
        ("in 1990", "az", "1990-cı ildə"),
        ("in 1990", "ru", "в 1990 г."),
        ("in 1990", "ru", "в 1990 году"),
        (AGGRESSION, "az",
         "Ölkə ərazisinin 20 faizi işğal olunmuş, bir milyondan çox insan qaçqın düşmüşdür."),
        (AGGRESSION, "az",
         "Ölkə ərazisinin iyirmi faizi işğal olunmuş, 1 milyondan çox insan qaçqın olmuşdur."),
        (AGGRESSION, "az", "Ölkə ərazisinin %20-si işğal olunmuş, milyondan çox insan qaçqındır."),
        (AGGRESSION, "ru",
         "Двадцать процентов территории страны оккупированы, более миллиона человек — беженцы."),
        (AGGRESSION, "ru", "20% территории страны оккупированы, более 1 млн человек — беженцы."),
        (AGGRESSION, "ru", "20 % территории страны оккупированы, более 1 млн человек — беженцы."),
        ("Seventeen years have passed.", "az", "17 il keçdi."),
        ("Seventeen years have passed.", "az", "On yeddi il keçdi."),
        ("Seventeen years have passed.", "ru", "Прошло семнадцать лет."),
        ("Twenty-nine years have passed.", "az", "İyirmi doqquz il ötür."),
        ("Twenty-nine years have passed.", "ru", "Прошло 29 лет."),
        ("33 years have passed.", "az", "Otuz üç il keçib."),
        ("33 years have passed.", "ru", "Прошло тридцать три года."),
        ("on the night of January 19-20", "az", "yanvarın 19–20-nə keçən gecə"),
        ("on the night of January 19–20", "ru", "в ночь на 19-20 января"),
        ("in the history of the XX century", "az", "XX əsrin tarixində"),
        ("in the history of the XX century", "ru", "в истории XX века"),
        ("one of the serious crimes of the 20th century", "az", "XX əsrin ağır cinayətlərindən"),
        ("1.5 kilometres", "az", "1,5 kilometr"),
        ("1.5 kilometres", "ru", "1,5 километра"),
        # Written exactly as in the source: read as written, whatever the decimal symbol.
        ("1.5 kilometres", "az", "1.5 kilometr"),
        ("dated 19.01.2011", "az", "19 yanvar 2011-ci il tarixli"),
        ("dated 19.01.2011", "ru", "от 19.01.2011"),
        ("The report: http://www.ombudsman.gov.az/view.php?lang=en&menu=95&id=1025", "ru",
         "Доклад: http://www.ombudsman.gov.az/view.php?lang=en&menu=95&id=1025"),
    ],
)
def test_numbers_pass(source: str, language: str, translation: str) -> None:
    assert run("numbers", source, translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation", "expected"),
    [
        (CASUALTIES, "az",
         "Hücum zamanı Bakıda 147 mülki şəxs öldürülmüş, 744 nəfər yaralanmışdır.",
         "source has 150, missing from the translation; translation has 147, not in the source"),
        (CASUALTIES, "ru",
         "Во время нападения в Баку были убиты 174 мирных жителя и ранены 744 человека.",
         "source has 150, missing from the translation; translation has 174, not in the source"),
        (CASUALTIES, "az", "Hücum zamanı Bakıda 150 mülki şəxs öldürülmüş, çoxları yaralanmışdır.",
         "source has 744, missing from the translation"),
        (TROOPS, "ru", "По приказу руководства СССР 26 советских военнослужащих вошли в Баку.",
         "source has 26000, missing from the translation; translation has 26, not in the source"),
        (TROOPS, "az", "SSRİ rəhbərliyinin əmri ilə 2 600 sovet hərbçisi Bakıya soxuldu.",
         "source has 26000, missing from the translation; translation has 2600, not in the source"),
        (ANNIVERSARY, "az", "Faciənin 18-ci ildönümü ilə bağlı tədbirlər planı təsdiq edildi.",
         "source has 17, missing from the translation; translation has 18, not in the source"),
        (ANNIVERSARY, "ru", "Утверждён план мероприятий к 18-й годовщине трагедии.",
         "source has 17, missing from the translation; translation has 18, not in the source"),
        ("in 1990", "az", "1991-ci ildə",
         "source has 1990, missing from the translation; translation has 1991, not in the source"),
        ("in 1990", "ru", "в 1991 году",
         "source has 1990, missing from the translation; translation has 1991, not in the source"),
        ("1.5 kilometres", "az", "1.6 kilometr",  # an English decimal point in Azerbaijani
         "source has 1.5, missing from the translation; translation has 1, 6, not in the source"),
        ("1.5 kilometres", "ru", "15 километров",
         "source has 1.5, missing from the translation; translation has 15, not in the source"),
        ("in the history of the XX century", "az", "XXI əsrin tarixində",
         "source has 20, missing from the translation; translation has 21, not in the source"),
        ("in the history of the XX century", "ru", "в истории века",
         "source has 20, missing from the translation"),
        (AGGRESSION, "az", "Ölkə ərazisinin 30 faizi işğal olunmuş, milyondan çox insan qaçqındır.",
         "translation has 30, not in the source"),
        (AGGRESSION, "ru", "30% территории оккупированы, более миллиона человек — беженцы.",
         "translation has 30, not in the source"),
        ("33 years have passed.", "ru", "Прошло тридцать лет.",
         "source has 33, missing from the translation"),
    ],
)
def test_numbers_fail(source: str, language: str, translation: str, expected: str) -> None:
    assert run("numbers", source, translation, language) == [expected]


def test_numbers_compare_counts_not_just_values() -> None:
    source = "150 were killed on January 20 and 20 more on January 21."
    assert run("numbers", source, "20 yanvarda 150 nəfər öldürüldü, 21 yanvarda isə daha çox.",
               "az") == ["source has 20, missing from the translation"]


@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_thousands_read_the_same_in_every_language(value: int) -> None:
    english = f"{value:,}"
    expected = read_numbers(english, "en").digits
    for language, separator in (("az", " "), ("az", "."), ("ru", NBSP), ("ru", NARROW_NBSP)):
        assert read_numbers(english.replace(",", separator), language).digits == expected


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=9))
def test_decimals_read_the_same_in_every_language(whole: int, tenths: int) -> None:
    expected = read_numbers(f"{whole}.{tenths}", "en").digits
    assert read_numbers(f"{whole},{tenths}", "az").digits == expected
    assert read_numbers(f"{whole},{tenths}", "ru").digits == expected


# --------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------

SPEECH = "On January 21, 1990, Heydar Aliyev held a press conference in Moscow."
NIGHT = "On the night from 19 to 20 January 1990 troops attacked Baku."


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        (SPEECH, "az", "1990-cı il yanvarın 21-də Heydər Əliyev "
                       "Moskvada mətbuat konfransı keçirdi."),
        (SPEECH, "az", "21 yanvar 1990-cı ildə Heydər Əliyev Moskvada mətbuat konfransı keçirdi."),
        (SPEECH, "ru", "21 января 1990 года Гейдар Алиев провёл пресс-конференцию в Москве."),
        (NIGHT, "az", "1990-cı il yanvarın 19-dan 20-nə keçən gecə qoşunlar Bakıya hücum etdi."),
        (NIGHT, "ru", "В ночь с 19 на 20 января 1990 года войска атаковали Баку."),
        (NIGHT, "ru", "В ночь с 19-го на 20-е января 1990 года войска атаковали Баку."),
        ("On the night of January 19-20, 1990", "az", "1990-cı il 19-20 yanvar gecəsi"),
        ("the tragedy of 20 January", "az", "20 Yanvar faciəsi"),
        ("the tragedy of 20 January", "ru", "трагедия 20 Января"),
        ("the January 20 tragedy", "az", "Yanvarın 20-si faciəsi"),
        ("dated 19.01.2011", "az", "19.01.2011 tarixli"),
        ("dated 19.01.2011", "ru", "от 19 января 2011 г."),
        ("Black January was a turning point.", "az", "Qara Yanvar dönüş nöqtəsi oldu."),
        ("Black January was a turning point.", "ru", "Черный январь стал поворотным моментом."),
        ("in March 1994 the decision was adopted", "az", "1994-cü ilin martında qərar "
                                                         "qəbul edildi"),
        ("in March 1994 the decision was adopted", "ru", "в марте 1994 года было принято решение"),
        ("May their souls rest in peace.", "ru", "Пусть земля им будет пухом."),
        ("May their souls rest in peace.", "az", "Allah rəhmət eləsin."),
    ],
)
def test_dates_pass(source: str, language: str, translation: str) -> None:
    assert run("dates", source, translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation", "expected"),
    [
        (SPEECH, "az", "1990-cı il fevralın 21-də Heydər Əliyev Moskvada çıxış etdi.",
         "'January 21, 1990': month January (yanvar) missing (translation has fevral)"),
        (SPEECH, "ru", "21 февраля 1990 года Гейдар Алиев выступил в Москве.",
         "'January 21, 1990': month January (январь) missing (translation has февраль)"),
        (SPEECH, "az", "1990-cı il yanvarın 22-də Heydər Əliyev Moskvada çıxış etdi.",
         "'January 21, 1990': day 21 not found next to January (yanvar)"),
        (SPEECH, "ru", "21 января 1991 года Гейдар Алиев выступил в Москве.",
         "'January 21, 1990': year 1990 missing"),
        (SPEECH, "az", "1991-ci il yanvarın 21-də Heydər Əliyev Moskvada çıxış etdi.",
         "'January 21, 1990': year 1990 missing"),
        (NIGHT, "ru", "В ночь на 20 января 1990 года войска атаковали Баку.",
         "'from 19 to 20 January 1990': day 19 not found next to January (январь)"),
        ("dated 19.01.2011", "az", "19.02.2011 tarixli",
         "'19.01.2011': month January (yanvar) missing (translation has fevral)"),
        ("Black January was a turning point.", "ru", "Черный февраль стал поворотным моментом.",
         "'January': month January (январь) missing (translation has февраль)"),
        ("the tragedy of 20 January", "az", "20 Yanvar və 26 Fevral faciələri",
         "translation names February (fevral), the source does not"),
        ("the events of 1990", "ru", "события января 1990 года",
         "translation names January (январь), the source does not"),
    ],
)
def test_dates_fail(source: str, language: str, translation: str, expected: str) -> None:
    assert run("dates", source, translation, language) == [expected]


# --------------------------------------------------------------------------------------------
# markup
# --------------------------------------------------------------------------------------------

BOLD = "**January 20, 2024, marks the 34th anniversary of the massacre.** Troops invaded Baku."
LINK = "See the [Human Rights Watch report](https://www.hrw.org/reports/1995/azerbaijan.htm)."
SIGNATURE = "Commissioner for Human Rights (Ombudsman)\nof the Republic of Azerbaijan"


@pytest.mark.parametrize(
    ("source", "language", "translation", "kind"),
    [
        (BOLD, "az", "**20 yanvar 2024-cü il qırğının 34-cü ildönümüdür.** Qoşunlar Bakıya girdi.",
         "paragraph"),
        (BOLD, "ru", "**20 января 2024 года исполняется 34 года со дня бойни.** Войска вошли.",
         "paragraph"),
        (LINK, "az", "[Human Rights Watch "
                     "hesabatına](https://www.hrw.org/reports/1995/azerbaijan.htm) baxın.",
         "paragraph"),
        (LINK, "ru", "См. [доклад Human Rights Watch](https://www.hrw.org/reports/1995/azerbaijan.htm).",
         "paragraph"),
        ("Read *Black January* at <https://example.org/bj>.", "az",
         "*Qara Yanvar* kitabını <https://example.org/bj> ünvanında oxuyun.", "paragraph"),
        (SIGNATURE, "az", "İnsan Hüquqları üzrə Müvəkkil (Ombudsman)\nAzərbaycan Respublikasının",
         "signature"),
        (SIGNATURE, "ru", "Уполномоченный по правам человека "
                          "(омбудсман)\nАзербайджанской Республики",
         "signature"),
    ],
)
def test_markup_pass(source: str, language: str, translation: str, kind: str) -> None:
    assert run("markup", source, translation, language, kind=kind) == []


@pytest.mark.parametrize(
    ("source", "language", "translation", "kind", "expected"),
    [
        (BOLD, "az", "20 yanvar 2024-cü il qırğının 34-cü ildönümüdür. Qoşunlar Bakıya girdi.",
         "paragraph", "**strong** spans: source has 1, translation has 0"),
        (BOLD, "ru", "*20 января 2024 года — 34-я годовщина.* Войска вошли в Баку.",
         "paragraph", "**strong** spans: source has 1, translation has 0"),
        (LINK, "az", "[Hesabata](https://www.hrw.org/az/) baxın.", "paragraph",
         "link target "
         "https://www.hrw.org/reports/1995/azerbaijan.htm missing from the translation"),
        (LINK, "ru", "См. доклад Human Rights Watch.", "paragraph",
         "link target "
         "https://www.hrw.org/reports/1995/azerbaijan.htm missing from the translation"),
        ("Troops invaded Baku.", "az", "Qoşunlar Bakıya girdi.<img src=x onerror=alert(1)>",
         "paragraph", "raw HTML <img> is not in the source"),
        ("Troops invaded Baku.", "ru", "Войска вошли в Баку.<script>alert(1)</script>",
         "paragraph", "raw HTML <script> is not in the source"),
        ("Troops invaded Baku.", "ru", "Войска вошли в <a href='https://evil.example'>Баку</a>.",
         "paragraph", "raw HTML <a> is not in the source"),
        (SIGNATURE, "az", "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman)",
         "signature", "signature has 0 line breaks, the source has 1"),
        (SIGNATURE, "ru", "Уполномоченный\nпо правам человека\nАзербайджанской Республики",
         "signature", "signature has 2 line breaks, the source has 1"),
    ],
)
def test_markup_fail(
    source: str, language: str, translation: str, kind: str, expected: str
) -> None:
    assert expected in run("markup", source, translation, language, kind=kind)


def test_markup_reports_an_added_link_target() -> None:
    problems = run("markup", LINK, LINK.replace("hrw.org", "hrw.example"), "ru")
    assert "link target https://www.hrw.example/reports/1995/azerbaijan.htm is not in the source" \
        in problems


# --------------------------------------------------------------------------------------------
# whitespace
# --------------------------------------------------------------------------------------------

QUOTED = "This event went down in the history of modern Azerbaijan as “Black January”."
OPENS = "Human Rights Watch stated: “Indeed, the violence used by the Soviet Army was brutal."


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        (QUOTED, "az", "Bu hadisə müasir Azərbaycan tarixinə «Qara Yanvar» kimi daxil oldu."),
        (QUOTED, "az", "Bu hadisə müasir Azərbaycan tarixinə “Qara Yanvar” kimi daxil oldu."),
        (QUOTED, "ru", "Это событие вошло в историю современного "
                       "Азербайджана как «Черный январь»."),
        (OPENS, "az", "Human Rights Watch bildirdi: «Həqiqətən, Sovet "
                      "Ordusunun zorakılığı amansız idi."),
        (OPENS, "ru", "Human Rights Watch заявила: «Действительно, "
                      "насилие Советской армии было жестоким."),
        ("in his speech (see below).”", "ru", "в своей речи (см. ниже)»."),
        ("Commissioner for Human Rights", "az", "İnsan Hüquqları üzrə Müvəkkil"),
        ("Commissioner for Human Rights", "ru", "Уполномоченный по правам человека"),
        ("They wrote „Black January“.", "ru", "Они написали „Черный январь“."),
    ],
)
def test_whitespace_pass(source: str, language: str, translation: str) -> None:
    assert run("whitespace", source, translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation", "expected"),
    [
        (QUOTED, "az", "Bu hadisə tarixə «Qara Yanvar» kimi daxil oldu. ",
         "trailing whitespace ' ' differs from the source's ''"),
        (QUOTED, "ru", " Это событие вошло в историю как «Черный январь».",
         "leading whitespace ' ' differs from the source's ''"),
        (QUOTED, "az", "Bu hadisə  tarixə «Qara Yanvar» kimi daxil oldu.",
         "1 double space(s) the source does not have"),
        (QUOTED, "ru", f"Это событие вошло в историю как{NBSP} «Черный январь».",
         "1 double space(s) the source does not have"),
        (QUOTED, "az", "Bu hadisə tarixə «Qara Yanvar» kimi daxil oldu",
         "source ends with '.', translation has no end punctuation"),
        (QUOTED, "ru", "Это событие вошло в историю как «Черный январь»",
         "source ends with '.', translation has no end punctuation"),
        ("Commissioner for Human Rights", "az", "İnsan Hüquqları üzrə Müvəkkil.",
         "translation ends with '.', source has no end punctuation"),
        ("Commissioner for Human Rights", "ru", "Уполномоченный по правам человека.",
         "translation ends with '.', source has no end punctuation"),
        (QUOTED, "az", "Bu hadisə tarixə «Qara Yanvar kimi daxil oldu.",
         "quotation marks: 1 left unbalanced, the source leaves 0"),
        (QUOTED, "ru", "Это событие вошло в историю как «Черный январь“.",
         "quotation marks: 2 left unbalanced, the source leaves 0"),
        ("The Supreme Council (parliament) of Armenia decided.", "az",
         "Ermənistanın Ali Soveti (parlamenti qərar verdi.",
         "round brackets: +1 unclosed, the source has +0"),
        ("The Supreme Council (parliament) of Armenia decided.", "ru",
         "Верховный Совет (парламент) Армении [решил.",
         "square brackets: +1 unclosed, the source has +0"),
    ],
)
def test_whitespace_fail(source: str, language: str, translation: str, expected: str) -> None:
    assert run("whitespace", source, translation, language) == [expected]


# --------------------------------------------------------------------------------------------
# untranslated-copy
# --------------------------------------------------------------------------------------------

PARAGRAPH = "Soldiers attacked brutally and crushed even the ambulance cars."


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        (PARAGRAPH, "az", "Əsgərlər amansızcasına hücum edərək hətta "
                          "təcili yardım maşınlarını əzdilər."),
        (PARAGRAPH, "ru", "Солдаты жестоко атаковали и давили даже машины скорой помощи."),
        ("E.Suleymanova", "az", "E.Suleymanova"),
        ("Human Rights Watch", "ru", "Human Rights Watch"),
        ("January 19, 2007", "ru", "January 19, 2007"),
        (PARAGRAPH, "en", PARAGRAPH),  # an English entry filled in is an editorial correction
    ],
)
def test_untranslated_copy_pass(source: str, language: str, translation: str) -> None:
    assert run("untranslated-copy", source, translation, language) == []


@pytest.mark.parametrize("language", ["az", "ru"])
def test_untranslated_copy_fail(language: str) -> None:
    assert run("untranslated-copy", PARAGRAPH, PARAGRAPH + " ", language) == [
        "translation is a copy of the source (9 words)"
    ]


# --------------------------------------------------------------------------------------------
# script
# --------------------------------------------------------------------------------------------

REPORT = "The OSCE and AZERTAC reported on the events of the XX century: http://azertac.az/en"


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        (REPORT, "az",
         "ATƏT və AZƏRTAC XX əsrin hadisələri barədə məlumat verdi: http://azertac.az/en"),
        ("Çıraq, Şəki, Göygöl, Ağdam, İsmayıllı, Qəbələ and Ordubad were honoured.", "az",
         "Çıraq, Şəki, Göygöl, Ağdam, İsmayıllı, Qəbələ və Ordubad şərəfləndirildi."),
        (REPORT, "ru",
         "OSCE и AZERTAC сообщили о событиях XX века: http://azertac.az/en"),
        ("The Human Rights Watch report", "ru", "Доклад Human Rights Watch"),
        ("The report of Human Rights Watch", "ru", "Доклад Human Rights Watch"),  # glossary
        ("The Milli Majlis adopted the decision.", "ru", "Милли Меджлис (Milli Majlis) принял."),
    ],
)
def test_script_pass(source: str, language: str, translation: str) -> None:
    assert run("script", source, translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation", "expected"),
    [
        ("Troops entered Baku.", "az", "Qoşunlar Баку şəhərinə daxil oldu.",
         "Cyrillic words not in the source or the glossary: Баку"),
        ("Troops entered Baku.", "az", "Qoşunlar Bakıya daxil oldu, Ә harfi.",
         "Cyrillic words not in the source or the glossary: Ә"),
        ("Heydar Aliyev condemned it.", "az", "Heydǝr Әliyev bunu pislədi.",
         "ǝ (U+01DD) used instead of ə (U+0259)"),
        ("The Milli Majlis adopted the decision.", "ru", "Milli Məclis принял решение.",
         "Latin words not in the source or the glossary: Məclis"),
        ("The parliament adopted the decision.", "ru", "Парламент qərar qəbul etdi.",
         "Latin words not in the source or the glossary: qərar, qəbul, etdi"),
        ("The parliament adopted the decision.", "ru", "Parliament принял решение.",
         "Latin words not in the source or the glossary: Parliament"),
        ("Troops entered Baku.", "ru", "Войска вошли в Бaку.",  # Latin a
         "words mixing Latin and Cyrillic letters: Бaку"),
        ("Troops entered Baku.", "az", "Qoşunlar Bakıyа daxil oldu.",  # Cyrillic а
         "words mixing Latin and Cyrillic letters: Bakıyа"),
        # every language's alphabet comes from CLDR, not only az, en and ru's
        ("The parliament adopted the decision.", "uk", "Парламент ухвалив resolution.",
         "Latin words not in the source or the glossary: resolution"),
        ("The parliament adopted the decision.", "sr", "Skupština je donela odluku.",
         "Latin words not in the source or the glossary: Skupština, je, donela, odluku"),
        ("The parliament adopted the decision.", "sr@latin", "Скупштина je donela odluku.",
         "Cyrillic words not in the source or the glossary: Скупштина"),
        ("The parliament adopted the decision.", "de", "Das Parlament приняло den Beschluss.",
         "Cyrillic words not in the source or the glossary: приняло"),
        ("Troops entered Baku.", "az-Cyrl", "Гошунлар Bakıya дахил олду.",
         "Latin words not in the source or the glossary: Bakıya"),
    ],
)
def test_script_fail(source: str, language: str, translation: str, expected: str) -> None:
    assert expected in run("script", source, translation, language)


# --------------------------------------------------------------------------------------------
# glossary
# --------------------------------------------------------------------------------------------

LEADER = "By initiative of the national leader Heydar Aliyev the parliament gave an assessment."


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        (LEADER, "az", "Ümummilli lider Heydər Əliyevin təşəbbüsü ilə parlament qiymət verdi."),
        (LEADER, "ru", "По инициативе общенационального лидера Гейдара "
                       "Алиева парламент дал оценку."),
        ("Troops attacked Sumgayit.", "az", "Qoşunlar Sumqayıta hücum etdi."),
        ("Troops attacked Sumgayit.", "ru", "Войска атаковали Сумгаит."),
        ("in the Alley of Martyrs", "az", "Şəhidlər xiyabanında"),
        ("in the Alley of Martyrs", "ru", "в Аллее шехидов"),
        ("Black January", "ru", "Чёрный январь"),
        (LEADER, "en", LEADER.replace("assessment", "evaluation")),
    ],
)
def test_glossary_pass(source: str, language: str, translation: str) -> None:
    assert run("glossary", source, translation, language) == []


@pytest.mark.parametrize(
    ("source", "language", "translation", "expected"),
    [
        (LEADER, "az", "Ümummilli lider Heydar Aliyevin təşəbbüsü ilə parlament qiymət verdi.",
         "'Heydar Aliyev' should be rendered 'Heydər Əliyev'"),
        (LEADER, "ru", "По инициативе общенационального лидера Хейдара "
                       "Алиева парламент дал оценку.",
         "'Heydar Aliyev' should be rendered 'Гейдар Алиев'"),
        ("in the Alley of Martyrs", "az", "Şəhid xiyabanında",
         "'Alley of Martyrs' should be rendered 'Şəhidlər xiyabanı'"),
        ("in the Alley of Martyrs", "ru", "в Аллее мучеников",
         "'Alley of Martyrs' should be rendered 'Аллея шехидов'"),
        ("Heydar Aliyev (Haydar Aliyev) spoke.", "ru", "Хейдар Алиев выступил.",
         "'Heydar Aliyev' should be rendered 'Гейдар Алиев'"),
    ],
)
def test_glossary_fail(source: str, language: str, translation: str, expected: str) -> None:
    assert run("glossary", source, translation, language) == [expected]


# --------------------------------------------------------------------------------------------
# catalog
# --------------------------------------------------------------------------------------------

HEADERS = {
    "az": "nplurals=2; plural=(n != 1);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}


def catalog(language: str, body: str = "", **header: str) -> polib.POFile:
    fields = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        "Plural-Forms": HEADERS[language],
        **header,
    }
    lines = "".join(f'"{key}: {value}\\n"\n' for key, value in fields.items() if value != "-")
    return polib.pofile(f'msgid ""\nmsgstr ""\n{lines}\n{textwrap.dedent(body)}')


@pytest.mark.parametrize("language", ["az", "ru"])
def test_catalog_header_pass(language: str) -> None:
    assert list(catalog_problems(catalog(language), CheckContext("en", language))) == []


@pytest.mark.parametrize(
    ("language", "header", "expected"),
    [
        ("az", {"Content-Type": "-"}, "header has no Content-Type (text/plain; charset=UTF-8)"),
        ("ru", {"Content-Type": "text/plain; charset=CP1251"},
         "header Content-Type is 'text/plain; charset=CP1251', expected charset=UTF-8"),
        ("az", {"Language": "-"}, "header has no Language (expected 'az')"),
        ("ru", {"Language": "az"}, "header Language is 'az', the catalog is for 'ru'"),
        ("az", {"Plural-Forms": "-"}, "header has no Plural-Forms (nplurals=2 for az)"),
        ("ru", {"Plural-Forms": HEADERS["az"]},
         "header Plural-Forms says nplurals=2, ru has 3 plural forms"),
        ("ru", {"Plural-Forms": "plural=0;"}, "header Plural-Forms 'plural=0;' has no nplurals"),
    ],
)
def test_catalog_header_fail(language: str, header: dict[str, str], expected: str) -> None:
    problems = list(catalog_problems(catalog(language, **header), CheckContext("en", language)))
    assert (1, expected) in problems


def test_catalog_without_header_is_reported() -> None:
    po = polib.pofile('msgid "Baku"\nmsgstr "Bakı"\n')
    assert [line for line, _ in catalog_problems(po, CheckContext("en", "az"))] == [1]


def test_language_with_region_matches_its_language() -> None:
    assert list(catalog_problems(catalog("az", Language="az_AZ"), CheckContext("en", "az"))) == []


def test_nplurals_come_from_babels_gettext_table() -> None:
    assert expected_plural_count("az") == 2
    assert expected_plural_count("ru") == 3  # CLDR's plural_form would say 4 ("other")
    assert expected_plural_count("xx-unknown") is None


PLURALS = """\
    msgid "{n} statement"
    msgid_plural "{n} statements"
    msgstr[0] "{n} bəyanat"
    msgstr[1] "{n} bəyanat"
"""


def test_plural_entry_with_nplurals_forms_passes() -> None:
    assert list(catalog_problems(catalog("az", PLURALS), CheckContext("en", "az"))) == []


def test_plural_entry_with_too_few_forms_fails() -> None:
    po = catalog("ru", PLURALS.replace("bəyanat", "заявление"))
    assert list(catalog_problems(po, CheckContext("en", "ru"))) == [
        (7, "plural entry has 2 forms, nplurals is 3")
    ]


@pytest.mark.parametrize(
    ("language", "translation"),
    [("az", "Qoşunlar Bakıya girdi.\n"), ("ru", "Войска вошли в Баку.\n")],
)
def test_catalog_newlines_pass(language: str, translation: str) -> None:
    assert run("catalog", "Troops entered Baku.\n", translation, language) == []


@pytest.mark.parametrize(
    ("language", "source", "translation", "expected"),
    [
        ("az", "Troops entered Baku.\n", "Qoşunlar Bakıya girdi.",
         "msgid and msgstr differ in ending with a newline (msgfmt -c rejects this)"),
        ("ru", "\nTroops entered Baku.", "Войска вошли в Баку.",
         "msgid and msgstr differ in beginning with a newline (msgfmt -c rejects this)"),
    ],
)
def test_catalog_newlines_fail(language: str, source: str, translation: str, expected: str) -> None:
    assert run("catalog", source, translation, language) == [expected]


# --------------------------------------------------------------------------------------------
# Entries: kind, suppression, severities
# --------------------------------------------------------------------------------------------

AZ = CheckContext("en", "az", GLOSSARY)
RU = CheckContext("en", "ru", GLOSSARY)
BAD_AZ = "1990-cı il fevralın 21-də 147 nəfər öldürüldü"  # month, number and full stop wrong
BAD_SOURCE = "On January 21, 1990, 150 people were killed."


def codes(problems: list[tuple[str, str, str]]) -> list[str]:
    return sorted({code for code, _, _ in problems})


def test_entry_kind_is_read_from_extracted_comments() -> None:
    assert entry_kind(make_entry("x", "y", kind="signature")) == "signature"
    assert entry_kind(polib.POEntry(msgid="x", msgstr="y")) is None


def test_check_entry_runs_the_enabled_checks_with_default_severities() -> None:
    problems = check_entry(make_entry(BAD_SOURCE, BAD_AZ), AZ, BUILTIN_CHECKS, {})
    assert codes(problems) == ["dates", "numbers", "whitespace"]
    severities = {code: severity for code, severity, _ in problems}
    assert severities == {"dates": "error", "numbers": "error", "whitespace": "warning"}


def test_check_entry_fills_the_kind_from_the_entry() -> None:
    signature = make_entry(SIGNATURE, SIGNATURE.replace("\n", " ") + "x", kind="signature")
    problems = check_entry(signature, RU, ["markup"], {})
    assert problems == [("markup", "error", "signature has 0 line breaks, the source has 1")]


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("pubtool: ignore numbers", ["dates", "whitespace"]),
        ("pubtool: ignore numbers, dates", ["whitespace"]),
        ("pubtool: ignore numbers,dates,whitespace (the source counts twice)", []),
        ("checked with the editor\npubtool: ignore dates", ["numbers", "whitespace"]),
        ("pubtool: ignore all", []),
        ("pubtool ignore numbers", ["dates", "numbers", "whitespace"]),  # not the syntax
    ],
)
def test_translator_comment_suppresses_checks(comment: str, expected: list[str]) -> None:
    entry = make_entry(BAD_SOURCE, BAD_AZ, tcomment=comment)
    assert codes(check_entry(entry, AZ, BUILTIN_CHECKS, {})) == expected


def test_suppression_is_read_from_translator_comments_only() -> None:
    entry = polib.POEntry(msgid="x", msgstr="y", comment="pubtool: ignore all")
    assert suppressed_checks(entry) == frozenset()
    entry.tcomment = "pubtool: ignore numbers, untranslated-copy"
    assert suppressed_checks(entry) == {"numbers", "untranslated-copy"}


def test_severities_are_overridable_and_off_skips() -> None:
    entry = make_entry(BAD_SOURCE, BAD_AZ)
    problems = check_entry(entry, AZ, BUILTIN_CHECKS, {"numbers": "warning", "dates": "off"})
    assert {(code, severity) for code, severity, _ in problems} == {
        ("numbers", "warning"), ("whitespace", "warning")
    }


def test_unknown_check_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown check 'number'"):
        check_entry(make_entry("a", "b"), AZ, ["number"], {})


def test_default_severities_cover_every_builtin_check() -> None:
    assert set(DEFAULT_SEVERITIES) == set(BUILTIN_CHECKS)
    assert {code for code, level in DEFAULT_SEVERITIES.items() if level == "warning"} == {
        "untranslated-copy", "whitespace", "style", "consistency", "bidi-isolates",
        "invisible", "long-word", "verbatim-tokens", "negation",
    }


def test_configure_checks_reads_project_settings() -> None:
    enabled, severities = configure_checks(
        {"whitespace": "off", "untranslated-copy": "error"}, BUILTIN_CHECKS
    )
    assert "whitespace" not in enabled and "numbers" in enabled
    assert severities == {"untranslated-copy": "error"}
    with pytest.raises(ConfigError, match="unknown check 'numbrs'"):
        configure_checks({"numbrs": "error"}, BUILTIN_CHECKS)
    with pytest.raises(ConfigError, match="expected one of error, warning, off"):
        configure_checks({"numbers": "fatal"}, BUILTIN_CHECKS)


# --------------------------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------------------------

CATALOG_BODY = """\
    #. kind: paragraph
    #. statement: 2007-01-19-ombudsman-17th-anniversary
    msgid "Only in Baku city over 130 civilians were killed."
    msgstr "Təkcə Bakı şəhərində 130-dan çox dinc sakin öldürüldü."

    #. kind: paragraph
    #. statement: 2007-01-19-ombudsman-17th-anniversary
    msgid "More than 600 were injured."
    msgstr "600-dən çox insan yaralandı."

    #. kind: paragraph
    #. statement: 2007-01-19-ombudsman-17th-anniversary
    #, fuzzy
    msgid "On January 21, 1990, 150 people were killed."
    msgstr "1990-cı il fevralın 21-də 150 nəfər öldürüldü."

    #. kind: paragraph
    msgid "Soldiers attacked brutally."
    msgstr ""

    #~ msgid "Old text with 12 numbers."
    #~ msgstr "Köhnə mətn 13."
"""


def test_check_catalog_reports_translated_and_fuzzy_entries_with_lines() -> None:
    po = catalog("az", CATALOG_BODY.replace("130-dan", "13-dən"))
    findings = check_catalog(po, "locales/az/LC_MESSAGES/statements.po", AZ)
    assert [(f.line, f.code, f.fuzzy) for f in findings] == [
        (7, "numbers", False),
        (17, "dates", True),
    ]
    fuzzy = findings[1]
    assert fuzzy.message.startswith("(fuzzy) 'January 21, 1990': month January")
    assert fuzzy.msgid == "On January 21, 1990, 150 people were killed."
    assert fuzzy.severity == "error"
    assert str(findings[0]) == (
        "locales/az/LC_MESSAGES/statements.po:7: error: [numbers] "
        "source has 130, missing from the translation; translation has 13, not in the source"
    )


def test_check_catalog_includes_header_problems_when_catalog_is_enabled() -> None:
    po = catalog("ru", CATALOG_BODY, Language="az")
    findings = check_catalog(po, "ru.po", RU, enabled=["catalog"])
    assert findings == [
        Finding("ru.po", 1, "catalog", "error",
                "header Language is 'az', the catalog is for 'ru'", msgid="")
    ]
    assert check_catalog(po, "ru.po", RU, enabled=["numbers"]) == []
    assert check_catalog(po, "ru.po", RU, enabled=["catalog"], severities={"catalog": "off"}) == []


def test_check_catalog_applies_severity_overrides() -> None:
    po = catalog("az", CATALOG_BODY.replace("130-dan", "13-dən"))
    findings = check_catalog(po, "az.po", AZ, severities={"numbers": "warning"})
    assert {(f.code, f.severity) for f in findings} == {("numbers", "warning"), ("dates", "error")}


def test_check_catalog_rejects_unknown_enabled_names() -> None:
    with pytest.raises(ConfigError, match="unknown check"):
        check_catalog(catalog("az"), "az.po", AZ, enabled=["spelling"])


# --------------------------------------------------------------------------------------------
# Plugins: the `pubtool.checks` entry-point group
# --------------------------------------------------------------------------------------------

PLUGIN = '''\
def no_placeholder(entry, context):
    """Translators sometimes leave the editor's placeholder in."""
    if "TODO" in entry.msgstr:
        yield "translation still has the TODO placeholder"


NOT_A_CHECK = 42
'''


@pytest.fixture
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    name = "pubtool_test_plugin_checks"
    (tmp_path / f"{name}.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


def install_entry_points(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    points = [
        importlib.metadata.EntryPoint(name=name.replace("_", "-"), value=value,
                                      group="pubtool.checks")
        for name, value in values.items()
    ]

    def entry_points(*, group: str) -> list[importlib.metadata.EntryPoint]:
        return [point for point in points if point.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)


def test_plugin_checks_are_found_by_entry_point(
    plugin_module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_entry_points(monkeypatch, no_placeholder=f"{plugin_module}:no_placeholder")
    registry = available_checks()
    assert set(registry) == {*BUILTIN_CHECKS, "no-placeholder"}
    findings = check_catalog(
        catalog("az", 'msgid "Baku was attacked."\nmsgstr "TODO"\n'), "az.po", AZ,
        enabled=["no-placeholder"],
    )
    assert [(f.code, f.severity, f.message) for f in findings] == [
        ("no-placeholder", "error", "translation still has the TODO placeholder")
    ]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("numbers", "{module}:no_placeholder", "reuses a reserved name"),
        ("missing", "{module}:absent", "cannot load plugin check 'missing'"),
        ("nowhere", "pubtool_no_such_module:check", "cannot load plugin check 'nowhere'"),
        ("constant", "{module}:NOT_A_CHECK", "is not callable"),
    ],
)
def test_broken_plugins_are_config_errors(
    plugin_module: str, monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    install_entry_points(monkeypatch, **{name: value.format(module=plugin_module)})
    with pytest.raises(ConfigError, match=expected):
        available_checks()


def test_without_plugins_the_registry_is_the_builtin_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install_entry_points(monkeypatch)
    assert available_checks() == BUILTIN_CHECKS
