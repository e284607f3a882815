"""The fast path for prose strings lays them out exactly as the general layout does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pubtool.po import linebreak

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


@settings(max_examples=1500, deadline=None)
@given(value=prose)
def test_prose_breaks_are_the_simple_breaks(value: str) -> None:
    escaped = linebreak._escape(value)
    if not escaped:
        return
    breaks = linebreak._prose_breaks(escaped, value, frozenset())
    if breaks is not None:
        assert breaks == linebreak._simple_breaks(escaped, ends_with_newline=False)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_prose_takes_the_fast_path(paragraph: str) -> None:
    """So that the tests above compare something: paragraphs of the three languages."""
    escaped = linebreak._escape(paragraph)
    assert linebreak._prose_breaks(escaped, paragraph, frozenset()) is not None
