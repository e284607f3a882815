"""A changed number is carried into a suggestion in the translation's own writing (CLDR's
symbols of its language, its own digits), and the note says only what is true."""

from __future__ import annotations

import re

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pubtool.catalogs import Message, build_template
from pubtool.po import number_forms
from pubtool.po.merge import RISK_NOTE, update_catalog

OLD = "The city spent 3,450 dollars on 12 new buses in 2025."
NEW = "The city spent 3,520 dollars on 12 new buses in 2025."

#: The old translation, and the suggestion update must make of it, in each language's own
#: number forms (as a translator types them, and as CLDR writes them).
CASES = {
    "es": ("La ciudad gastó 3.450 dólares en 12 autobuses nuevos en 2025.",
           "La ciudad gastó 3.520 dólares en 12 autobuses nuevos en 2025."),
    "de": ("Die Stadt gab 3.450 Dollar für 12 neue Busse im Jahr 2025 aus.",
           "Die Stadt gab 3.520 Dollar für 12 neue Busse im Jahr 2025 aus."),
    "uk": ("Місто витратило 3 450 доларів на 12 нових автобусів у 2025 році.",
           "Місто витратило 3 520 доларів на 12 нових автобусів у 2025 році."),
    "uk-nbsp": ("Місто витратило 3\u00a0450 доларів на 12 нових автобусів у 2025 році.",
                "Місто витратило 3\u00a0520 доларів на 12 нових автобусів у 2025 році."),
    "fr": ("La ville a dépensé 3\u202f450 dollars pour 12 nouveaux bus en 2025.",
           "La ville a dépensé 3\u202f520 dollars pour 12 nouveaux bus en 2025."),
    "ar": ("أنفقت المدينة ٣٬٤٥٠ دولارًا على ١٢ حافلة جديدة في عام ٢٠٢٥.",
           "أنفقت المدينة ٣٬٥٢٠ دولارًا على ١٢ حافلة جديدة في عام ٢٠٢٥."),
    "ar-plain": ("أنفقت المدينة ٣٤٥٠ دولارًا على ١٢ حافلة جديدة في عام ٢٠٢٥.",
                 "أنفقت المدينة ٣٥٢٠ دولارًا على ١٢ حافلة جديدة في عام ٢٠٢٥."),
    "he": ("העירייה הוציאה 3,450 דולר על 12 אוטובוסים חדשים ב-2025.",
           "העירייה הוציאה 3,520 דולר על 12 אוטובוסים חדשים ב-2025."),
}


def updated(old_source: str, new_source: str, translation: str, language: str) -> polib.POEntry:
    template = build_template(
        [Message(new_source, "paragraph", (("statements/2025-01-01-x.md", 5),), ("x",))],
        project_name="statements",
    )
    catalog = polib.POFile()
    catalog.metadata = {"Language": language}
    catalog.append(polib.POEntry(msgid=old_source, msgstr=translation))
    result, _ = update_catalog(template, catalog, language=language, source_language="en")
    return next(e for e in result if e.msgid == new_source)


def note(entry: polib.POEntry) -> str:
    return next(line for line in entry.comment.splitlines() if "only code, numbers" in line)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_number_is_carried_in_the_translations_form(case: str) -> None:
    old_translation, expected = CASES[case]
    entry = updated(OLD, NEW, old_translation, case.split("-")[0])
    assert entry.msgstr == expected
    assert entry.fuzzy and entry.previous_msgid == OLD
    assert note(entry) == (
        f"{RISK_NOTE} only code, numbers, links or markup changed (3,450 -> 3,520): "
        "carried into the suggestion"
    )


def test_a_number_the_translation_writes_in_words_is_not_carried_and_the_note_says_so() -> None:
    entry = updated("Only 3 buses were bought.", "Only 4 buses were bought.",
                    "Solo se compraron tres autobuses.", "es")
    assert entry.msgstr == "Solo se compraron tres autobuses."
    assert note(entry).endswith("not carried: 3 -> 4 (not found in the translation)")
    assert "carried into the suggestion" not in note(entry)


def test_only_the_numbers_found_are_carried_and_the_note_tells_which() -> None:
    old_source = "The city spent 3,450 dollars on 12 buses."
    new_source = "The city spent 3,520 dollars on 13 buses."
    entry = updated(old_source, new_source, "La ciudad gastó 3.450 dólares en doce autobuses.",
                    "es")
    assert entry.msgstr == "La ciudad gastó 3.520 dólares en doce autobuses."
    assert note(entry).endswith(
        "carried into the suggestion: 3,450 -> 3,520; "
        "not carried: 12 -> 13 (not found in the translation)"
    )


def test_a_number_still_in_the_new_source_is_not_guessed_at() -> None:
    """"5 of 5" -> "5 of 6": which 5 changed cannot be told from the translation."""
    entry = updated("Passed 5 of 5 checks.", "Passed 5 of 6 checks.",
                    "Pasó 5 de 5 controles.", "es")
    assert entry.msgstr == "Pasó 5 de 5 controles."
    assert "not carried: 5 -> 6 (the new source still has it elsewhere)" in note(entry)


def test_a_decimal_number_is_read_by_the_sources_symbols() -> None:
    """In English 3.45 is a decimal: the German translation writes it 3,45."""
    entry = updated("Inflation was 3.45 percent.", "Inflation was 3.52 percent.",
                    "Die Inflation betrug 3,45 Prozent.", "de")
    assert entry.msgstr == "Die Inflation betrug 3,52 Prozent."
    assert note(entry).endswith("carried into the suggestion")


def test_the_note_stays_true_on_the_next_update() -> None:
    first = updated(OLD, NEW, CASES["uk"][0], "uk")
    template = build_template(
        [Message(NEW, "paragraph", (("statements/2025-01-01-x.md", 5),), ("x",))],
        project_name="statements",
    )
    catalog = polib.POFile()
    catalog.metadata = {"Language": "uk"}
    catalog.append(first)
    again, _ = update_catalog(template, catalog, language="uk", source_language="en")
    entry = next(e for e in again if e.msgid == NEW)
    assert note(entry) == note(first)


def test_superscript_digits_in_a_translation_are_not_read_as_a_number() -> None:
    """`²` is a digit to `str.isdigit` but not a decimal one: it once stopped the update."""
    entry = updated("The hall covers 3,450 m².", "The hall covers 3,520 m².",
                    "Zalın sahəsi 3.450 m²-dir.", "az")
    assert entry.msgstr == "Zalın sahəsi 3.520 m²-dir."
    assert entry.fuzzy


# The number patterns check what stands before a number after its first digit, so that the
# regex engine can skip ahead to that digit; they must find what the plain form (the
# lookbehinds first, tried at every position) finds.


def _plain_exact(token: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,]){re.escape(token)}(?![\d]|[.,]\d)")


def _plain_forms(integer: str, fraction: str, language: str, zero: str) -> re.Pattern[str]:
    offset = ord(zero)

    def script(digits: str) -> str:
        return "".join(chr(offset + int(d)) for d in digits)

    group, decimal = number_forms._symbols(language, zero)
    separators = number_forms._SPACES if group in number_forms._SPACES else group
    group_class = "[" + re.escape(separators) + "]"
    head_length = len(integer) % 3 or 3
    head, rest = integer[:head_length], integer[head_length:]
    triples = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    grouped = script(head) + "".join(f"(?P<g{i}>{group_class})" + script(t)
                                     for i, t in enumerate(triples))
    whole = f"(?:{grouped}|{script(integer)})" if triples else script(integer)
    tail = re.escape(decimal) + script(fraction) if fraction else ""
    around = re.escape(number_forms._SPACES + ".," + group + decimal)
    return re.compile(rf"(?<!\d)(?<!\d[{around}])" + whole + tail + rf"(?!\d|[{around}]\d)")


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]


_AROUND = st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩ .,\u00a0\u202f٬٫ab\n", max_size=6)


@settings(max_examples=400, deadline=None)
@given(
    integer=st.from_regex(r"[1-9][0-9]{0,6}", fullmatch=True),
    fraction=st.from_regex(r"([0-9]{1,2})?", fullmatch=True),
    language=st.sampled_from(["en", "es", "uk", "fr", "ar", "de"]),
    separator=st.sampled_from(["", " ", ".", ",", "\u00a0", "\u202f", "٬"]),
    decimal=st.sampled_from([".", ",", "٫"]),
    arabic=st.booleans(),
    as_source=st.booleans(),
    joint=st.sampled_from(list(" .,\u00a0a1٫٬")),
    before=_AROUND,
    after=_AROUND,
)
def test_number_patterns_find_what_the_plain_patterns_find(
    integer: str, fraction: str, language: str, separator: str, decimal: str, arabic: bool,
    as_source: bool, joint: str, before: str, after: str,
) -> None:
    """The number is written in a random form (or as the source writes it) twice, between
    random neighbours."""
    head = len(integer) % 3 or 3
    written = separator.join([integer[:head]] + [integer[i : i + 3]
                                                 for i in range(head, len(integer), 3)])
    written += decimal + fraction if fraction else ""
    if arabic:
        written = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in written)
    token = integer + ("." + fraction if fraction else "")
    if as_source:
        written = token
    text = before + written + after + joint + written
    assert _found(number_forms._exact_pattern(token), text) == _found(_plain_exact(token), text)
    number = number_forms._Number(integer, fraction)
    for zero in ("0", "\u0660"):
        fast = number_forms._pattern(number, language, zero)
        assert _found(fast, text) == _found(_plain_forms(integer, fraction, language, zero), text)
