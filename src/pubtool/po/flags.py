"""Flags (`#,` lines) as gettext reads and writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# gettext 0.21's format languages, in the order `msgcat` writes their flags.
FORMAT_LANGUAGES = (
    *("c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript"),
    *("scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal"),
    *("smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace"),
    *("php", "gcc-internal", "gfc-internal", "ycp"),
)
# `no-X-format` says X is not a format string; `impossible-X-format` takes back what was said.
_FORMAT_QUALIFIERS = (("no-", "no"), ("possible-", "yes"), ("impossible-", None))
_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")


@dataclass
class Flags:
    """The flags of one message as gettext holds them: the last word about a language wins."""

    fuzzy: bool = False
    formats: dict[str, str] = field(default_factory=dict)  # language -> "yes" or "no"
    range: tuple[int, int] | None = None
    no_wrap: bool = False

    def words(self, *, translated: bool) -> list[str]:
        """The flags in msgcat's order; it leaves out `fuzzy` on an untranslated message."""
        words = ["fuzzy"] if self.fuzzy and translated else []
        for language in FORMAT_LANGUAGES:
            state = self.formats.get(language)
            if state is not None:
                words.append(f"{language}-format" if state == "yes" else f"no-{language}-format")
        if self.range is not None:
            words.append(f"range: {self.range[0]}..{self.range[1]}")
        if self.no_wrap:
            words.append("no-wrap")
        return words


def parse_flags(flags: Iterable[str]) -> Flags:
    """Read flag words as gettext's `po_parse_comment_special` does, refusing unknown ones.

    gettext silently drops a flag it does not know, so a catalog holding one could not be
    written back without losing it: better to say so when it is read.
    """
    words = [word for word in _FLAG_SEPARATORS.split(", ".join(flags)) if word]
    parsed = Flags()
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "range:" and index < len(words):
            parsed.range = _parse_range(words[index])
            index += 1
        elif not _apply_flag(parsed, word):
            raise ValueError(f"unknown flag {word!r} (GNU gettext would drop it)")
    return parsed


def _parse_range(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"([0-9]+)\.\.([0-9]+)", text)
    if match is None or int(match[1]) > int(match[2]):
        raise ValueError(f"invalid flag 'range: {text}'")
    return int(match[1]), int(match[2])


def _apply_flag(parsed: Flags, word: str) -> bool:
    """Record one flag word; False if gettext does not know it."""
    if word == "fuzzy":
        parsed.fuzzy = True
    elif word in ("wrap", "no-wrap"):
        parsed.no_wrap = word == "no-wrap"
    elif word.endswith("-format"):
        return _apply_format_flag(parsed, word.removesuffix("-format"))
    else:
        return False
    return True


def _apply_format_flag(parsed: Flags, name: str) -> bool:
    """Record `[qualifier-]language`; msgcat writes `possible-X-format` as `X-format`."""
    state: str | None = "yes"
    for qualifier, qualified_state in _FORMAT_QUALIFIERS:
        if name.startswith(qualifier):
            name, state = name.removeprefix(qualifier), qualified_state
            break
    if name not in FORMAT_LANGUAGES:
        return False
    if state is None:
        parsed.formats.pop(name, None)
    else:
        parsed.formats[name] = state
    return True
