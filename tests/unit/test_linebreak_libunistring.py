"""pubtool's line breaking against libunistring itself, the library gettext's writer calls.

`pubtool.po.linebreak_tables` is generated from libunistring (tools/linebreak_tables.py);
these tests ask the installed library again, over every code point: column widths, the
line break class each character behaves as, the rules between classes, and whole layouts.
They run where the library of the tables' version is installed (it is wherever gettext is,
on Debian 12) and are skipped elsewhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import itertools
import random
from array import array

import pytest

from pubtool.po import linebreak, linebreak_rules
from pubtool.po import linebreak_tables as tables


def load_library() -> ctypes.CDLL | None:
    for name in ("libunistring.so.2", ctypes.util.find_library("unistring")):
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError:
                pass
    return None


LIBRARY = load_library()


def library_version() -> str | None:
    if LIBRARY is None:
        return None
    number = ctypes.c_int.in_dll(LIBRARY, "_libunistring_version").value
    return f"{number >> 16}.{(number >> 8) & 0xFF}.{number & 0xFF}"


VERSION = library_version()
pytestmark = pytest.mark.skipif(
    VERSION != tables.LIBUNISTRING_VERSION,
    reason=f"the tables are libunistring {tables.LIBUNISTRING_VERSION}'s; "
    + ("libunistring is not installed" if VERSION is None else f"this machine has {VERSION}"),
)

PROHIBITED, POSSIBLE, MANDATORY = 1, 2, 3  # libunistring's UC_BREAK_* values
OURS = {
    linebreak_rules.Break.PROHIBITED: PROHIBITED,
    linebreak_rules.Break.POSSIBLE: POSSIBLE,
    linebreak_rules.Break.MANDATORY: MANDATORY,
}
# Every code point but the surrogates (no UTF-8 text holds them) and the carriage return
# (libunistring marks a CR before a LF apart; gettext writes both escaped, as \r and \n).
CODE_POINTS = array("I", [c for c in range(0x110000) if not 0xD800 <= c < 0xE000 and c != 0x0D])


def first_of_each_class() -> dict[str, str]:
    """One character of each class: where its first run starts (the tables decide)."""
    first: dict[str, str] = {}
    for start, letter in zip(tables.CLASS_STARTS, tables.CLASS_RUNS, strict=True):
        if start != 0x0D:
            first.setdefault(tables.CLASSES[ord(letter) - ord("A")], chr(start))
    return first


SAMPLES = first_of_each_class()


def library_breaks(codes: array[int]) -> bytes:
    """`u32_possible_linebreaks_v2`: what may happen before each code point."""
    assert LIBRARY is not None
    function = LIBRARY.u32_possible_linebreaks_v2
    function.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p]
    result = ctypes.create_string_buffer(len(codes))
    function(codes.buffer_info()[0], len(codes), b"UTF-8", result)
    return result.raw


def u8_breaks(text: str) -> list[int]:
    """`u8_possible_linebreaks_v2` (what gettext's writer calls) per character of `text`."""
    assert LIBRARY is not None
    encoded = text.encode()
    result = ctypes.create_string_buffer(len(encoded))
    LIBRARY.u8_possible_linebreaks_v2(encoded, len(encoded), b"UTF-8", result)
    starts = itertools.accumulate((len(c.encode()) for c in text[:-1]), initial=0)
    return [result.raw[start] for start in starts]


def test_every_width_is_libunistring_width() -> None:
    assert LIBRARY is not None
    LIBRARY.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    width = linebreak_rules.column_width.__wrapped__
    wrong = [
        f"U+{code:04X}"
        for code in CODE_POINTS
        if width(chr(code)) != max(LIBRARY.uc_width(code, b"UTF-8"), 0)
    ]
    assert wrong == []


@functools.cache
def class_numbers() -> bytes:
    """pubtool's class of every code point, as its number in `SAMPLES`."""
    classify = linebreak_rules.line_break_class.__wrapped__
    numbers = {name: number for number, name in enumerate(SAMPLES)}
    return bytes(numbers[classify(chr(code))] for code in CODE_POINTS)


@functools.cache
def probe_text(size: int, offset: int) -> array[int]:
    """Every code point at `offset` of its own piece of `size` code points, newlines elsewhere."""
    codes = array("I", [0x0A]) * (size * len(CODE_POINTS))
    codes[offset::size] = CODE_POINTS
    return codes


def position(code: int) -> int:
    """Where a code point is in CODE_POINTS."""
    return code - (code > 0x0D) - 0x800 * (code > 0xDFFF)


@pytest.mark.parametrize("neighbour_class", sorted(SAMPLES))
def test_every_character_breaks_as_its_class_does(neighbour_class: str) -> None:
    """Next to a character of each class, with and without a space between, every code point
    behaves in libunistring exactly as the first character of its class (pubtool's view)."""
    class_of_code = class_numbers()
    neighbour = ord(SAMPLES[neighbour_class])
    templates = [  # None: the code point under test; then where to read the break
        ([neighbour, None], 1),
        ([None, neighbour], 1),
        ([neighbour, 0x20, None], 2),
        ([None, 0x20, neighbour], 2),
        ([ord(SAMPLES["HL"]), None, neighbour], 2),
    ]
    for template, index in templates:
        size = len(template) + 1  # and a newline, which starts afresh
        codes = probe_text(size, template.index(None))[:]
        for offset, code in enumerate(template):
            if code is not None:
                codes[offset::size] = array("I", [code]) * len(CODE_POINTS)
        answers = library_breaks(codes)[index::size]
        expected_of_class = bytes(answers[position(ord(c))] for c in SAMPLES.values())
        expected = class_of_code.translate(expected_of_class.ljust(256, b"\0"))
        if answers != expected:
            wrong = [
                f"U+{code:04X}"
                for code, got, want in zip(CODE_POINTS, answers, expected, strict=True)
                if got != want
            ]
            pytest.fail(f"{template}: {len(wrong)} code points, e.g. {wrong[:10]}")


def test_break_opportunities_are_libunistring_ones_for_every_triple_of_classes() -> None:
    """Every sequence of three characters of any classes (spaces included): the pair table
    and the rules beyond it (combining marks, joiners, Hebrew hyphens) as the library."""
    wrong = []
    for triple in itertools.product(SAMPLES.values(), repeat=3):
        text = "".join(triple)
        ours = [OURS[b] for b in linebreak_rules.break_opportunities(text)]
        if ours != u8_breaks(text):
            wrong.append(" ".join(f"U+{ord(c):04X}" for c in text))
    assert wrong == []


def test_break_opportunities_are_libunistring_ones_on_random_text() -> None:
    """Longer runs: regional indicators counted in pairs, marks after spaces, and so on."""
    alphabet = [*SAMPLES.values(), " ", " ", "a", "\U0001f1e6", "\u0cbf", "\u17d4", "\u200b"]
    generator = random.Random(14)
    for _ in range(5000):
        text = "".join(generator.choices(alphabet, k=generator.randint(1, 12)))
        ours = [OURS[b] for b in linebreak_rules.break_opportunities(text)]
        assert ours == u8_breaks(text), [f"U+{ord(c):04X}" for c in text]


KANNADA = "ಈ ಮೌಲ್ಯವು %(limit_value)s ಕ್ಕಿಂತ ಕಡಿಮೆಯ ಅಥವ ಸಮನಾದ ಮೌಲ್ಯವಾಗಿದೆ ಎಂದು ಖಾತ್ರಿ ಮಾಡಿಕೊಳ್ಳಿ."
KHMER = "ការលប់ %(object_name)s អាចធ្វើអោយ\u200bកម្មវិធីដែលពាក់\u200bព័ន្ធបាត់បង់\u00a0។\u00a0ក៏ប៉ន្តែ"
JAPANESE = "「日本語」のテキスト、句読点。ｶﾀｶﾅとＡＢＣ、😀と🇯🇵🇯🇵の絵文字も。"


@pytest.mark.parametrize("text", [KANNADA, KHMER, JAPANESE], ids=["kn", "km", "ja"])
def test_layout_is_libunistring_width_linebreaks(text: str) -> None:
    """Where `u8_width_linebreaks_v2` starts lines, for every width and start column."""
    assert LIBRARY is not None
    encoded = text.encode()
    starts_of = list(itertools.accumulate((len(c.encode()) for c in text[:-1]), initial=0))
    characters, glued = linebreak._escaped(text)
    assert "".join(characters) == text  # nothing to escape: indexes are the same
    opportunities = linebreak._portion_opportunities(characters, glued)
    for width, start_column in itertools.product(range(1, 100), (0, 5, 20)):
        result = ctypes.create_string_buffer(len(encoded))
        LIBRARY.u8_width_linebreaks_v2(
            encoded, len(encoded), width, start_column, 0, None, b"UTF-8", result
        )
        theirs = [result.raw[start] == POSSIBLE for start in starts_of]
        ours = linebreak_rules.line_starts(characters, opportunities, width, start_column)
        assert ours == theirs, (width, start_column)
