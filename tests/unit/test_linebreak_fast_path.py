"""The fast path for prose strings lays them out exactly as the general layout does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pubtool.po import linebreak, linebreak_prose, linebreak_simple

PARAGRAPHS = [
    "On the night of January 19-20, 1990, 147 civilians were killed in Baku by Soviet "
    "troops — the tragedy is known as “Black January”; it’s a well-known, state-of-the-art "
    "example (see: p. 12–14) [ed.] of the co-operation… https://example.com/1990/statement",
    "1990-cı il yanvarın 19-dan 20-nə keçən gecə sovet qoşunları Bakıya daxil olaraq dinc "
    "əhaliyə qarşı amansız cinayət törətdilər; İstiqlal uğrunda şəhid olanların xatirəsi "
    "əbədidir: «Qara Yanvar» — ümummilli hüzn günü, çağırış və öyüd.",
    "В ночь с 19 на 20 января 1990 года советские войска вошли в Баку; погибли 147 мирных "
    "жителей… Это трагедия, которую «невозможно забыть» — так говорится в заявлении "
    'Омбудсмена (см. http://ombudsman.az/ru/view/news/1990), "в кавычках" и \\ слэш.',
]

# Characters of every class the pair table knows (letters, digits, quotes, brackets,
# dashes, slashes, prefix and postfix signs, ideographs...), some the fast path must leave
# alone (tabs and backslashes are escaped; combining marks, zero width characters, wide
# ones, newlines), and spaces, single and double.
PUNCTUATION = "()[]{}«»“”\"'.,;:!?-‐–—/\\%$+±°‰…|·¡¿‼\u00a0\u2060\u00ad\u2e3a\u3001\uff08\uff09"
OTHERS = "\t\n\u0301\u200b\u200d\ufeff\u4e2d\U0001f600"
words = st.text(alphabet="abzAZəİı019ЖжΩ", min_size=1, max_size=12)
punctuation = st.sampled_from(list(PUNCTUATION))


def joined(tokens: st.SearchStrategy[str], separators: list[str]) -> st.SearchStrategy[str]:
    parts = st.lists(st.tuples(tokens, st.sampled_from(separators)), max_size=60)
    return parts.map(lambda parts: "".join(token + separator for token, separator in parts))


# What the fast path takes (single spaces inside), and what it must hand on.
prose = joined(st.one_of(words, words, punctuation), [" ", " ", " ", ""]).map(str.strip)
rough = joined(st.one_of(words, punctuation, st.sampled_from(list(OTHERS))), [" ", " ", "", "  "])
texts = st.one_of(prose, rough, st.sampled_from(PARAGRAPHS), st.text(max_size=80))


@settings(max_examples=1500, deadline=None)
@given(
    value=texts,
    prefix=st.sampled_from(["", "#~ ", "#| ", "#~| "]),
    keyword=st.sampled_from(["msgid", "msgstr", "msgstr[1]", "msgctxt"]),
    width=st.one_of(st.none(), st.integers(20, 120)),
    stuck=st.frozensets(st.integers(0, 300), max_size=12),
)
def test_the_fast_path_agrees_with_string_lines(
    value: str, prefix: str, keyword: str, width: int | None, stuck: frozenset[int]
) -> None:
    expected = linebreak._general_string_lines(prefix, keyword, value, width, stuck)
    assert linebreak.string_lines(prefix, keyword, value, width, stuck) == expected


def simple_line_starts(value: str, stuck: frozenset[int], room: int) -> list[int] | None:
    """What `_simple_line_starts` makes of all the breaks at once, None with no break."""
    escaped = linebreak._escape(value)
    breaks = linebreak_simple.simple_breaks(escaped, ends_with_newline=False)
    assert breaks is not None
    removed = set(linebreak._escaped_indexes(value, stuck))
    breaks = [index for index in breaks if index not in removed]
    return linebreak_simple.simple_line_starts(breaks, len(escaped), room, 0) if breaks else None


# Escapes, and words longer than a line (a URL, a long word) so that lines overflow.
escapes = st.sampled_from(['"', "\\", "\\\\", '\\"', "\t", "a\\", '"a"'])
long_words = st.text(alphabet="abz019-/.:", min_size=10, max_size=40)
prose_with_escapes = joined(
    st.one_of(words, punctuation, escapes, long_words), [" ", " ", " ", ""]
).map(str.strip)


@settings(max_examples=3000, deadline=None)
@given(
    value=st.one_of(prose, prose_with_escapes),
    room=st.integers(1, 90),
    stuck=st.one_of(st.just(frozenset()), st.frozensets(st.integers(0, 200), max_size=30)),
)
def test_lazy_breaks_start_the_lines_simple_line_starts_does(
    value: str, room: int, stuck: frozenset[int]
) -> None:
    escaped = linebreak._escape(value)
    classes = linebreak_prose.prose_classes(escaped) if escaped else None
    if classes is not None:
        stuck_escaped = frozenset(linebreak._escaped_indexes(value, stuck))
        breaks = linebreak_prose.ProseBreaks(escaped, classes, stuck_escaped)
        assert breaks.line_starts(room) == simple_line_starts(value, stuck, room)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("room", [1, 5, 12, 40, 71])
def test_paragraphs_break_as_simple_line_starts_does(paragraph: str, room: int) -> None:
    """The three languages take the fast path, narrow rooms overflowing at every word."""
    escaped = linebreak._escape(paragraph)
    classes = linebreak_prose.prose_classes(escaped)
    assert classes is not None
    starts = linebreak_prose.ProseBreaks(escaped, classes, frozenset()).line_starts(room)
    assert starts == simple_line_starts(paragraph, frozenset(), room)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from('"\\\n\t\a\x7f\u00a0'), max_size=40
    )
)
def test_escaping_skips_the_pattern_only_where_it_would_find_nothing(text: str) -> None:
    assert linebreak._escape(text) == linebreak._NEEDS_ESCAPE.sub(linebreak._escape_match, text)
