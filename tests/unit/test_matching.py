from __future__ import annotations

from pubtool.po.matching import match_changed

OLD = [
    "On the night of January 19-20, 1990, 147 civilians were killed in Baku.",
    "The Alley of Martyrs became a holy place and sanctuary for our nation.",
    "The statement is addressed to the UN Secretary-General and the OSCE.",
]


def test_edited_texts_find_their_predecessors() -> None:
    new = [
        "The statement is addressed to the UN Secretary-General, the OSCE and UNESCO.",
        "On the night of January 19-20, 1990, 150 civilians were killed in Baku.",
        "Something else entirely, with no old text behind it.",
    ]
    pairs = {(m.new, m.old) for m in match_changed(new, OLD)}
    assert pairs == {(0, 2), (1, 0)}


def test_an_old_text_may_serve_two_new_ones() -> None:
    new = [
        "The Alley of Martyrs became a holy place for our nation.",
        "The Alley of Martyrs became a holy place and sanctuary for our nation!",
    ]
    matches = match_changed(new, OLD)
    assert [(m.new, m.old) for m in matches] == [(0, 1), (1, 1)]
    assert matches[1].score > 95 > matches[0].score


def test_nothing_to_match() -> None:
    assert match_changed([], OLD) == []
    assert match_changed(["x"], []) == []


def test_short_texts_of_common_words_still_match() -> None:
    old = [f"Paragraph number {i} of the text." for i in range(300)] + ["of the the"]
    assert [(m.new, m.old) for m in match_changed(["of the the."], old)] == [(0, 300)]
