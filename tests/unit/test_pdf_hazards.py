"""Text that would make WeasyPrint's layout take minutes gets break opportunities, not edits."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pubtool.publish.hyphenation import (
    LONGEST_RUN,
    LONGEST_WORD,
    WORD_PIECE,
    ZERO_WIDTH_SPACE,
    break_overlong_words,
    split_overlong_run,
)
from pubtool.publish.render import inline_markdown, plain_text


def test_ordinary_words_are_left_whole() -> None:
    text = "Azərbaycanlılaşdırılmışlardanmışsınız, 20 Yanvar faciəsi. " * 3
    assert break_overlong_words(text) == text


def test_an_overlong_word_gets_a_break_every_few_letters() -> None:
    word = "abcdefghij" * 2_000
    broken = break_overlong_words(f"Mətn: {word} sonu.")
    assert broken.replace(ZERO_WIDTH_SPACE, "") == f"Mətn: {word} sonu."
    pieces = broken.split()[1].split(ZERO_WIDTH_SPACE)
    assert len(pieces) == 1_000 and {len(piece) for piece in pieces} == {WORD_PIECE}


def test_a_combining_mark_stays_with_its_letter() -> None:
    word = "e\u0301" * 40  # é written as e + combining acute accent
    for piece in break_overlong_words(word).split(ZERO_WIDTH_SPACE):
        assert not piece.startswith("\u0301")


@given(st.text(alphabet="ab əİ.\u0301\n", max_size=300))
def test_breaking_never_changes_the_text(text: str) -> None:
    assert break_overlong_words(text).replace(ZERO_WIDTH_SPACE, "") == text
    for word in re.split(r"\s|" + ZERO_WIDTH_SPACE, break_overlong_words(text)):
        assert len(word) <= max(LONGEST_WORD, WORD_PIECE + word.count("\u0301"))


def test_a_long_paragraph_is_cut_after_sentences() -> None:
    sentence = "Bakıda dinc sakinlər qətlə yetirildi. "
    text = sentence * 1_000
    runs = split_overlong_run(text)
    assert "".join(runs) == text
    assert len(runs) > 1 and all(len(run) <= LONGEST_RUN for run in runs)
    assert all(run.endswith(". ") for run in runs[:-1])
    # text already set since the last break counts towards the limit
    assert len(split_overlong_run("x " * 100, already=LONGEST_RUN - 10)[0]) <= 10


def test_a_run_without_spaces_is_cut_at_the_limit() -> None:
    runs = split_overlong_run("y" * (2 * LONGEST_RUN + 5))
    assert [len(run) for run in runs] == [LONGEST_RUN, LONGEST_RUN, 5]


def test_markdown_gets_breaks_but_keeps_its_text_and_markup() -> None:
    word = "Q" * 100
    html = inline_markdown(f"*{word}* [link](https://example.org/{word})")
    assert f'href="https://example.org/{word}"' in html  # an address is never altered
    assert html.count(ZERO_WIDTH_SPACE) == 4 and "<em>" in html
    long = inline_markdown("Bir cümlə burada. " * 2_000)
    assert long.count("<br />") == 4
    assert re.sub(r"<br />\n", "", long).strip() == ("Bir cümlə burada. " * 2_000).strip()


def test_plain_text_is_escaped_and_breakable() -> None:
    shown = plain_text("<b>" + "z" * 60)
    assert shown.count(ZERO_WIDTH_SPACE) == 3
    assert shown.replace(ZERO_WIDTH_SPACE, "") == "&lt;b&gt;" + "z" * 60
