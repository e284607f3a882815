"""Every word of the raw corpus is in exactly one statement file, and nothing was reworded.

The raw captures sit beside the repository (`../shared/corpus`, or `PUBTOOL_CORPUS`); where
they are not, the test is skipped. Allowed differences are the repairs of
`statements/REPAIRS.md`: the index list and capture headers are dropped, date lines become the
`date` key, one editorial title is added and three sources are named from the text.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from pubtool.statements import load_statements

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("PUBTOOL_CORPUS", REPO.parent / "shared" / "corpus"))
EDITORIAL = "Ombudsman's statement on the 36th anniversary of the 20 January 1990 tragedy"
DERIVED_SOURCES = "APA Azernews AZERTAC"
MONTH = r"(?:January|February)"


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.replace("<sup>th</sup>", "th")))


def raw_words() -> Counter[str]:
    counted: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?s)^\s*STATEMENTS\n.*?\n\n(?=\S)(?!- )", "", text)  # the index list
        text = re.sub(
            r"(?m)^\s*date \d{4}-\d{2}-\d{2}( \d+ \w+ \d{4} [\d:]+ \(UTC[+\d:]+\))?", "", text
        )
        text = re.sub(rf"\({MONTH} \d+, \d{{4}}\)", "", text)  # a title's date line
        text = re.sub(rf"\A(.*\n\n){MONTH} \d+, \d{{4}}\n", r"\1", text)  # date under a title
        counted.update(words(text))
    return counted


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the raw corpus is not beside the repository")
def test_every_raw_word_is_in_one_statement() -> None:
    statements = load_statements(REPO / "statements")
    assert len(statements) == 21
    ours: Counter[str] = Counter()
    for statement in statements:
        for block in statement.blocks():
            if block.kind != "issuer":  # the issuer is metadata added for the booklet
                ours.update(words(block.text))
        ours.update(words(statement.source or ""))
    raw = raw_words()
    assert raw - ours == Counter(), "words of the raw corpus missing from statements/"
    assert ours - raw <= words(EDITORIAL) + words(DERIVED_SOURCES)
