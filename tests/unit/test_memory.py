"""An outside translation memory filling a catalog: exact, close, and never over a translation."""

from __future__ import annotations

import polib

from pubtool.po.memory import fill_from_memory, memory_by_source

MEMORY = {
    "According to official figures, 147 people were killed that night.": (
        "По официальным данным, в ту ночь погибли 147 человек."
    ),
    "To stop all this, troops were sent to Baku.": "Чтобы остановить всё это, в Баку ввели войска.",
}


def catalog(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.extend(entries)
    return po


def test_exact_matches_fill_and_close_ones_are_fuzzy_suggestions_with_the_number_carried() -> None:
    exact = polib.POEntry(msgid="To stop all this, troops were sent to Baku.")
    close = polib.POEntry(msgid="According to official figures, 148 people were killed that night.")
    far = polib.POEntry(msgid="The Alley of Martyrs is a holy place.")
    report = fill_from_memory(catalog(exact, close, far), MEMORY)
    assert (report.exact, report.suggested) == (1, 1)
    assert exact.msgstr == MEMORY[exact.msgid] and not exact.fuzzy
    assert close.fuzzy and close.previous_msgid.startswith("According to official figures, 147")
    assert close.msgstr == "По официальным данным, в ту ночь погибли 148 человек."
    assert "147 -> 148" in close.comment
    assert far.msgstr == "" and not far.fuzzy


def test_a_translation_fuzzy_or_not_is_never_replaced() -> None:
    mine = polib.POEntry(msgid="To stop all this, troops were sent to Baku.", msgstr="Мой перевод.")
    review = polib.POEntry(
        msgid="According to official figures, 147 people were killed that night.",
        msgstr="Черновик.",
        flags=["fuzzy"],
    )
    report = fill_from_memory(catalog(mine, review), MEMORY)
    assert (report.exact, report.suggested) == (0, 0)
    assert mine.msgstr == "Мой перевод." and review.msgstr == "Черновик." and review.fuzzy


def test_an_empty_fuzzy_entry_is_filled_and_loses_its_flag() -> None:
    empty = polib.POEntry(msgid="To stop all this, troops were sent to Baku.", flags=["fuzzy"])
    fill_from_memory(catalog(empty), MEMORY)
    assert empty.msgstr and empty.flags == []


def test_a_memory_with_two_translations_of_a_text_chooses_the_same_whatever_the_order() -> None:
    pairs = [("Baku", "Баку"), ("Baku", "Баку́"), ("", "x"), ("Text", "")]
    assert memory_by_source(pairs) == memory_by_source(reversed(pairs)) == {"Baku": "Баку"}
