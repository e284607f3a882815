"""Numbers as a translation writes them, so that `update` can carry a changed number into a
suggestion in the translation's own form: "3.450" -> "3.520" in Spanish, "3 450" ->
"3 520" in Ukrainian, "٣٤٥٠" -> "٣٥٢٠" in Arabic.

The group and decimal symbols are CLDR's (Babel), for the language and for the digits the
translation uses; a group separator that is a space in CLDR (uk, ru, fr) is matched as any
of the spaces people type for it (space, no-break space, narrow no-break space), and the
rewritten number keeps the one the translator used.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import babel.numbers
from babel.core import UnknownLocaleError

__all__ = ["NumberSpan", "number_spans", "rewrite_number"]

_SPACES = " \u00a0\u202f"
_NOT_DIGIT = re.compile(r"\D")
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")
"""A decimal digit of a script other than ASCII's (Arabic-Indic, Devanagari, ...)."""

#: The numbering system of a script's digit zero, for CLDR's symbols of that script.
_NUMBERING = {"0": "latn", "\u0660": "arab", "\u06f0": "arabext"}


@dataclass(frozen=True)
class _Number:
    """A number's digits (ASCII) before and after its decimal symbol."""

    integer: str
    fraction: str


@dataclass(frozen=True)
class NumberSpan:
    """Where a translation writes a number, and how: `as_source` when exactly as the
    source spells it; else its script's zero and the group separator used (None: none)."""

    start: int
    end: int
    as_source: bool
    zero: str = "0"
    group: str | None = None


@functools.lru_cache(maxsize=256)
def _symbols(language: str, zero: str) -> tuple[str, str]:
    """CLDR's group and decimal symbols of `language` for the digits starting at `zero`."""
    system = _NUMBERING.get(zero, "latn")
    try:
        return (
            babel.numbers.get_group_symbol(language, numbering_system=system),
            babel.numbers.get_decimal_symbol(language, numbering_system=system),
        )
    except (UnknownLocaleError, ValueError, babel.numbers.UnsupportedNumberingSystemError):
        return ",", "."


def _read_source(token: str, language: str) -> _Number | None:
    """A source token as a number, by the source language's symbols; None for what is not
    a plain or grouped number (a time, a version, a date with dots)."""
    digits = "".join(c if (d := unicodedata.decimal(c, None)) is None else str(d) for c in token)
    match = _source_pattern(language).fullmatch(digits)
    if match is None:
        return None
    return _Number(_NOT_DIGIT.sub("", match[1]), match[2] or "")


@functools.lru_cache(maxsize=256)
def _source_pattern(language: str) -> re.Pattern[str]:
    """A plain or grouped number with `language`'s symbols, in ASCII digits."""
    group, decimal = _symbols(language, "0")
    group_class = re.escape(group) if group not in _SPACES else f"[{_SPACES}]"
    return re.compile(rf"(\d{{1,3}}(?:{group_class}\d{{3}})+|\d+)(?:{re.escape(decimal)}(\d+))?")


@functools.lru_cache(maxsize=1024)
def _exact_pattern(token: str) -> re.Pattern[str]:
    """`token` exactly as the source spells it, not inside a longer number.

    What may not come before it is checked after its first character, so that the
    search can skip ahead to that character (see `_pattern`)."""
    first, rest = re.escape(token[:1]), re.escape(token[1:])
    return re.compile(rf"{first}(?<![\d.,].){rest}(?![\d]|[.,]\d)")


@functools.lru_cache(maxsize=1024)
def _pattern(number: _Number, language: str, zero: str) -> re.Pattern[str]:
    """The number in `language`'s forms with the digits of `zero`'s script."""
    offset = ord(zero)

    def script(digits: str) -> str:
        return "".join(chr(offset + int(d)) for d in digits)

    group, decimal = _symbols(language, zero)
    separators = _SPACES if group in _SPACES else group
    group_class = "[" + re.escape(separators) + "]"
    head_length = len(number.integer) % 3 or 3
    head, rest = number.integer[:head_length], number.integer[head_length:]
    triples = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    grouped = script(head)[1:] + "".join(f"(?P<g{i}>{group_class})" + script(t)
                                         for i, t in enumerate(triples))
    plain = script(number.integer)[1:]
    integer = f"(?:{grouped}|{plain})" if triples else plain
    fraction = re.escape(decimal) + script(number.fraction) if number.fraction else ""
    separators_class = "[" + re.escape(_SPACES + ".," + group + decimal) + "]"
    after = rf"(?!\d|{separators_class}\d)"
    # No digit, nor a digit and a separator, before the number: checked after its first
    # digit (`.` is that digit), so that the search skips ahead to that digit instead of
    # trying the lookbehinds at every position of the translation.
    before = rf"(?<!\d.)(?<!\d{separators_class}.)"
    return re.compile(script(number.integer[0]) + before + integer + fraction + after)


def number_spans(
    translation: str, token: str, source_language: str, language: str
) -> list[NumberSpan]:
    """Every place `translation` writes the source's number `token`: exactly as the source
    does, or in `language`'s own forms, in Latin digits or in the script's digits the
    translation uses."""
    exact = _exact_pattern(token).finditer(translation)
    spans = [NumberSpan(m.start(), m.end(), True) for m in exact]
    number = _read_source(token, source_language)
    if number is None:
        return spans
    other_digits = _OTHER_DIGIT.findall(translation)
    zeros = {"0"} | {chr(ord(c) - unicodedata.decimal(c)) for c in other_digits}
    taken = {(s.start, s.end) for s in spans}
    for zero in sorted(zeros):
        for match in _pattern(number, language, zero).finditer(translation):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            used = next((g for name, g in match.groupdict().items() if g), None)
            spans.append(NumberSpan(match.start(), match.end(), False, zero, used))
            taken.add((match.start(), match.end()))
    return sorted(spans, key=lambda s: s.start)


def rewrite_number(
    span: NumberSpan, old_token: str, new_token: str, source_language: str, language: str
) -> str | None:
    """`new_token` written the way `span` writes `old_token`; None when it cannot be (the
    new token is not a number in the source's forms)."""
    if span.as_source:
        return new_token
    old, new = _read_source(old_token, source_language), _read_source(new_token, source_language)
    if old is None or new is None:
        return None
    group, decimal = _symbols(language, span.zero)
    if span.group is not None:
        group, grouped = span.group, True
    elif len(old.integer) > 3:
        grouped = False  # the translator wrote the old number without grouping
    else:  # too short to tell: as CLDR writes it in this language
        grouped = not babel.numbers.format_decimal(int(new.integer), locale=language).isdigit()
    integer = new.integer
    if grouped and len(integer) > 3:
        head = len(integer) % 3 or 3
        integer = group.join([integer[:head]] + [integer[i : i + 3]
                                                  for i in range(head, len(integer), 3)])
    text = integer + (decimal + new.fraction if new.fraction else "")
    offset = ord(span.zero)
    return "".join(chr(offset + int(c)) if c.isascii() and c.isdigit() else c for c in text)
