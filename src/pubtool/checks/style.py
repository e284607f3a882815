"""House style: quotation marks, dashes, spaces before punctuation, grouped numbers, centuries.

What a publisher's editor fixes once for a whole book and what should not come back: straight
quotes among curly ones, an en dash among em dashes, `20-го века` beside `XX века`. Each
language has defaults (the quotation marks of CLDR, the dash of its printing tradition) that
`[tool.pubtool.style.<lang>]` overrides; see docs/style.md.

The analysis finds *departures*; a departure with a replacement is mechanical and
`fix_text` applies it (`pubtool check --fix`). Markup is left alone: nothing inside a code
span, a link target, a URL or an HTML tag is read or changed, and Markdown emphasis markers
(`*`, `_`) are looked through, never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from pubtool.checks.language import base_language, with_hebrew_marks

if TYPE_CHECKING:
    from pubtool.checks.context import CheckContext
    from pubtool.files import PathLike
    from pubtool.project import Project, StyleSettings

STYLE = "style"

#: CLDR's quotation delimiters (`<delimiters>` in common/main/<lang>.xml): primary open and
#: close, nested open and close. Babel does not ship this part of CLDR, so the table is kept
#: here for the languages pubtool has booklet labels for; configure any other language.
CLDR_QUOTES: dict[str, tuple[str, str, str, str]] = {
    "az": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "en": ("“", "”", "‘", "’"),
    "es": ("«", "»", "“", "”"),
    "fr": ("«", "»", "«", "»"),
    "it": ("«", "»", "“", "”"),
    "ka": ("„", "“", "«", "»"),
    "pl": ("„", "”", "«", "»"),
    "pt": ("“", "”", "‘", "’"),
    "ru": ("«", "»", "„", "“"),
    "tr": ("“", "”", "‘", "’"),
    "uk": ("«", "»", "„", "“"),
    "zh": ("“", "”", "‘", "’"),
}

#: The dash between words and its spacing where a printing tradition is settled. English is
#: left out on purpose: American print closes an em dash up, British print spaces an en dash.
DEFAULT_DASHES: dict[str, tuple[str, str]] = {
    "az": ("–", "spaced"),
    "de": ("–", "spaced"),
    "fr": ("—", "spaced"),
    "pl": ("–", "spaced"),
    "ru": ("—", "spaced"),
    "tr": ("–", "spaced"),
    "uk": ("—", "spaced"),
}

#: Languages that set a no-break space before `; : ! ?` by default (French typography).
DEFAULT_SPACE_BEFORE = {"fr": "\u202f"}

#: The word for "century" (a stem, so inflected forms count) after which an ordinal number
#: is a century.
CENTURY_WORDS: dict[str, str] = {
    "az": r"əsr",
    "de": r"Jahrhundert",
    "en": r"[Cc]entur",
    "fr": r"siècle",
    "ru": r"(?:век(?!ов)|столети)",
    "tr": r"(?:yüzyıl|əsr)",
    "uk": r"(?:століт|вік|віц)",
}

_SPACE = " \u00a0\u202f\u2009"
_EMPHASIS = "*_"
_OPENERS = "«„‚‹"
_CLOSERS = "»›"
_QUOTE_MARKS = "\"'“”‘’«»„‚‹›"
_APOSTROPHES = "'’"
_QUOTE_MARK = re.compile(f"[{re.escape(_QUOTE_MARKS)}]")
#: Characters after which a quotation mark opens, and before which one closes. Every
#: quotation mark is in both, so that replacing one mark by another never changes how
#: its neighbour is read (which keeps `--fix` idempotent).
_BEFORE_OPENING = "([{–—-/\u2010" + _QUOTE_MARKS
_AFTER_CLOSING = ".,;:!?)]}…-" + _QUOTE_MARKS

_PROTECTED = re.compile(
    r"(?P<code>(`+).+?\2)"  # code span
    r"|\]\((?P<target>[^)\s]*(?:\s+\"[^\"]*\")?)\)"  # link target (and title)
    r"|<[^<>\n]+>"  # HTML tag or autolink
    r"|(?:https?|ftp|mailto):[^\s<>()\[\]]+[^\s<>()\[\].,;:!?\"'”»]"  # bare URL
    r"|www\.[^\s<>()\[\]]+[^\s<>()\[\].,;:!?\"'”»]",
    re.DOTALL,
)


@dataclass(frozen=True)
class HouseStyle:
    """One language's style with every default filled in; None means "not checked"."""

    language: str
    quotes: tuple[str, str, str, str] | None = None
    dash: str | None = None
    dash_spacing: str = "spaced"
    decimal: str | None = None
    group: str | None = None
    group_from: int = 5
    century: str | None = None
    space_before: str = ""


@lru_cache(maxsize=64)
def house_style(language: str, settings: StyleSettings | None = None) -> HouseStyle:
    """The language's defaults overridden by the project's settings for it."""
    base = base_language(language)
    dash, spacing = DEFAULT_DASHES.get(base, (None, "spaced"))
    style = HouseStyle(
        language=language,
        quotes=CLDR_QUOTES.get(base),
        dash=dash,
        dash_spacing=spacing,
        space_before=DEFAULT_SPACE_BEFORE.get(base, ""),
    )
    if settings is None:
        return style
    return HouseStyle(
        language=language,
        quotes=settings.quotes or style.quotes,
        dash=settings.dash or style.dash,
        dash_spacing=settings.dash_spacing or style.dash_spacing,
        decimal=settings.decimal,
        group=settings.group,
        group_from=settings.group_from or style.group_from,
        century=settings.century,
        space_before=(
            settings.space_before if settings.space_before is not None else style.space_before
        ),
    )


@dataclass(frozen=True)
class Departure:
    """One departure from the house style: where, what, and its mechanical fix if any."""

    start: int
    end: int
    message: str
    replacement: str | None = None


def protected_mask(text: str) -> list[bool]:
    """True for every character inside a code span, link target, URL or HTML tag."""
    mask = [False] * len(text)
    for match in _PROTECTED.finditer(text):
        start, end = match.span("target") if match.group("target") is not None else match.span()
        for index in range(start, end):
            mask[index] = True
    return mask


def _visible(text: str) -> str:
    """`text` with every protected character (see `protected_mask`) as NUL."""
    pieces, position = [], 0
    for match in _PROTECTED.finditer(text):
        start, end = match.span("target") if match.group("target") is not None else match.span()
        if start < position:
            start = position
        pieces.append(text[position:start])
        pieces.append("\x00" * max(0, end - start))
        position = max(position, end)
    pieces.append(text[position:])
    return "".join(pieces)


def departures(text: str, style: HouseStyle) -> list[Departure]:
    """Every departure of `text` from `style`, in text order."""
    # Protected text reads as an opaque letter: never a quote, dash, space or digit.
    visible = with_hebrew_marks(_visible(text))  # ד"ר: gershayim, not a quote
    found = [
        *_quote_departures(visible, style),
        *_dash_departures(visible, style),
        *_space_departures(visible, style),
        *_number_departures(visible, style),
        *_century_departures(visible, style),
    ]
    return sorted(found, key=lambda departure: (departure.start, departure.end))


def fix_text(text: str, style: HouseStyle) -> str:
    """`text` with every mechanical departure fixed; applying it again changes nothing.

    Rounds go on until nothing changes: a fix can bring the next departure into view
    (`a;;;` in French gets its no-break spaces from the last mark back, one a round).
    The bound only guards against two rules undoing each other.
    """
    for _ in range(len(text) + 2):
        fixed = _apply(text, departures(text, style))
        if fixed == text:
            break
        text = fixed
    return text


def _apply(text: str, found: list[Departure]) -> str:
    pieces: list[str] = []
    position = 0
    for departure in found:
        if departure.replacement is None or departure.start < position:
            continue  # not mechanical, or overlapping one already applied: the next round
        pieces.append(text[position : departure.start])
        pieces.append(departure.replacement)
        position = departure.end
    pieces.append(text[position:])
    return "".join(pieces)


def check_style(source: str, translation: str, context: CheckContext) -> Iterator[str]:
    """The translation follows the house style of its language.

    Quotation marks of the house at each level of nesting, the house dash and its spacing,
    no space before `, . ; : ! ? )` (French: a no-break space before `; : ! ?`), thousands
    grouped as configured, centuries in the configured numerals. The source language keeps
    the punctuation of the record and is not checked.
    """
    if base_language(context.language) == base_language(context.source_language):
        return
    style = house_style(context.language, context.style)
    for departure in departures(translation, style):
        yield f"{departure.message}: {_snippet(translation, departure)}"


def _snippet(text: str, departure: Departure, width: int = 18) -> str:
    start = max(0, departure.start - width)
    end = min(len(text), departure.end + width)
    inner = " ".join(text[start:end].split())
    return ("…" if start else "") + inner + ("…" if end < len(text) else "")


# --- quotation marks -------------------------------------------------------------------------


def _neighbour(text: str, index: int, step: int) -> str | None:
    """The nearest character before (step -1) or after (+1), looking through emphasis."""
    index += step
    while 0 <= index < len(text) and text[index] in _EMPHASIS:
        index += step
    return text[index] if 0 <= index < len(text) else None


def _quote_departures(text: str, style: HouseStyle) -> Iterator[Departure]:
    if style.quotes is None:
        return
    primary_open, primary_close, nested_open, nested_close = style.quotes
    depth = 0
    for match in _QUOTE_MARK.finditer(text):
        index, char = match.start(), match.group(0)
        before, after = _neighbour(text, index, -1), _neighbour(text, index, +1)
        if char in _APOSTROPHES and _is_letter(before) and _is_letter(after):
            continue  # an apostrophe inside a word
        opens = _opens(char, before, after, depth)
        if opens:
            expected = primary_open if depth % 2 == 0 else nested_open
            level = "opening" if depth % 2 == 0 else "nested opening"
            depth += 1
        else:
            if depth == 0 and char in "'’›":
                continue  # an apostrophe after a word (peoples’), not a closing quote
            depth = max(0, depth - 1)
            expected = primary_close if depth % 2 == 0 else nested_close
            level = "closing" if depth % 2 == 0 else "nested closing"
        if char != expected:
            kind = "straight" if char in "\"'" else "wrong"
            yield Departure(
                index,
                index + 1,
                f"{kind} {level} quotation mark {char} (house style {expected})",
                expected,
            )


def _opens(char: str, before: str | None, after: str | None, depth: int) -> bool:
    """Whether a quotation mark opens a quotation, from the characters around it."""
    space_before = before is None or before.isspace() or before in _BEFORE_OPENING
    space_after = after is None or after.isspace() or after in _AFTER_CLOSING
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    if char in _OPENERS:
        return True
    if char in _CLOSERS:
        return False
    return depth == 0


def _is_letter(char: str | None) -> bool:
    return char is not None and (char.isalnum() or char == "\x00")


# --- dashes ----------------------------------------------------------------------------------

_SPACED_DASH = re.compile(rf"(?<=\S)([{_SPACE}]+)(--?|[–—])([{_SPACE}]+)(?=\S)")
_CLOSED_DASH = re.compile(r"(?<=[^\W\d_])(—|--)(?=[^\W\d_])")
_HALF_SPACED_DASH = re.compile(
    rf"(?<=[^\W\d_])(?:([–—])([{_SPACE}]+)(?=[^\W\d_])|([{_SPACE}]+)([–—])(?=[^\W\d_]))"
)


def _dash_departures(text: str, style: HouseStyle) -> Iterator[Departure]:
    dash = style.dash
    if dash is None:
        return
    spaced = style.dash_spacing == "spaced"
    wanted = f" {dash} " if spaced else dash
    for match in _SPACED_DASH.finditer(text):
        found = match.group(2)
        before = match.group(1)
        # spaces between a dash and a punctuation mark are the space rule's (French wants a
        # no-break space there): the dash's departure leaves them alone, or the two rules
        # would undo each other's fixes
        before_mark = _SPACE_BEFORE_MARK.match(text, match.start(3)) is not None
        after_ok = match.group(3) == " " or before_mark
        if found == dash and spaced and before in (" ", "\u00a0") and after_ok:
            continue
        if found == "-" and (match.group(1) != " " or match.group(3) != " "):
            continue  # a hyphen beside a no-break space is not a typed dash
        if found != dash:
            name = "hyphen" if found.startswith("-") else _dash_name(found)
            message = f"{name} used as a dash (house style {_dash_name(dash)})"
        else:
            message = (
                "dash spacing (house style: one space on each side)"
                if spaced
                else ("spaced dash (house style: no spaces)")
            )
        keep_nbsp = spaced and before == "\u00a0"
        replacement = f"\u00a0{dash} " if keep_nbsp else wanted
        if before_mark:
            yield Departure(match.start(1), match.end(2), message, replacement.rstrip(" "))
        else:
            yield Departure(match.start(1), match.end(3), message, replacement)
    if spaced:
        for match in _CLOSED_DASH.finditer(text):
            yield Departure(
                match.start(),
                match.end(),
                f"dash without spaces (house style {_dash_name(dash)} with a space on each side)",
                wanted,
            )
        for match in _HALF_SPACED_DASH.finditer(text):
            yield Departure(
                match.start(), match.end(), "dash with a space on one side only", wanted
            )


def _dash_name(dash: str) -> str:
    return {"–": "en dash –", "—": "em dash —"}.get(dash, repr(dash))


# --- spaces before punctuation ---------------------------------------------------------------

#: Both start with what they look for, not with a lookbehind, so that the regex engine
#: skips to it; what stands before a space is tested in `_space_departures`.
_SPACE_BEFORE_MARK = re.compile(rf"([{_SPACE}\t]+)([,;:!?)]|\.(?![.\d]))")
_SPACE_AFTER_BRACKET = re.compile(rf"[(\[]([{_SPACE}]+)(?=\S)")
_FRENCH_MARKS = ";:!?"
_TIGHT_FRENCH_MARK = re.compile(
    rf"(?<=[^\s{_SPACE}(\[«„“\x00])([{_FRENCH_MARKS}])(?=\s|$|[»”)\]*_])"
)


def _space_departures(text: str, style: HouseStyle) -> Iterator[Departure]:
    french = style.space_before
    for match in _SPACE_BEFORE_MARK.finditer(text):
        if match.start() == 0 or text[match.start() - 1].isspace():
            continue  # the spaces must follow a word or a mark, as in "word ,"
        mark = match.group(2)
        if french and mark in _FRENCH_MARKS:
            if match.group(1) in ("\u00a0", "\u202f"):
                continue
            yield Departure(
                match.start(1),
                match.end(1),
                f"plain space before {mark} (house style: a no-break space)",
                french,
            )
        else:
            yield Departure(match.start(1), match.end(1), f"space before {mark}", "")
    for match in _SPACE_AFTER_BRACKET.finditer(text):
        yield Departure(match.start(1), match.end(1), "space after an opening bracket", "")
    if french:
        for match in _TIGHT_FRENCH_MARK.finditer(text):
            mark = match.group(1)
            yield Departure(
                match.start(),
                match.start(),
                f"no space before {mark} (house style: a no-break space)",
                french,
            )


# --- numbers ---------------------------------------------------------------------------------

_GROUPED = re.compile(
    r"(?<![\d.,\w\x00])(\d{1,3})([ \u00a0\u202f\u2009.,'’])\d{3}(?:\2\d{3})*(?![\d\w\x00])"
)
_DECIMAL_POINT = re.compile(r"(?<![\d.,\w])\d+([.,])\d{1,2}(?![\d.,\w])")


def _number_departures(text: str, style: HouseStyle) -> Iterator[Departure]:
    if style.group is not None:
        for match in _GROUPED.finditer(text):
            separator = match.group(2)
            if separator == style.decimal:
                continue  # `1,500` may be a decimal number here: the numbers check compares it
            digits = re.sub(r"\D", "", match.group())
            if len(digits) < style.group_from:
                yield Departure(
                    match.start(),
                    match.end(),
                    f"{len(digits)}-digit number grouped (house style: written solid)",
                    digits,
                )
            elif separator != style.group:
                grouped = _group(digits, style.group)
                yield Departure(
                    match.start(),
                    match.end(),
                    f"thousands separator {separator!r} (house style {style.group!r})",
                    grouped,
                )
    if style.decimal is not None and style.group != ".":
        for match in _DECIMAL_POINT.finditer(text):
            if match.group(1) != style.decimal and match.group(1) != style.group:
                yield Departure(
                    match.start(),
                    match.end(),
                    f"decimal mark {match.group(1)!r} (house style {style.decimal!r})",
                )


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


# --- centuries -------------------------------------------------------------------------------

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(number: int) -> str:
    """20 → XX."""
    result = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        result.append(letters * count)
    return "".join(result)


@lru_cache(maxsize=32)
def _century_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    word = CENTURY_WORDS.get(base_language(language))
    if word is None:
        return None
    arabic = re.compile(
        rf"(?<![\w\-\x00])(\d{{1,2}})(-[^\W\d_]{{1,4}}|st|nd|rd|th|e|\.)(?=[ \u00a0]+{word})"
    )
    roman = re.compile(rf"(?<![\w\x00])([IVXL]{{1,6}})(?=(?:-[^\W\d_]{{1,4}})?[ \u00a0]+{word})")
    return arabic, roman


def _century_departures(text: str, style: HouseStyle) -> Iterator[Departure]:
    patterns = _century_patterns(style.language)
    if style.century is None or patterns is None:
        return
    arabic, roman = patterns
    if style.century == "roman":
        for match in arabic.finditer(text):
            number = int(match.group(1))
            if 1 <= number <= 30:
                yield Departure(
                    match.start(),
                    match.end(),
                    f"century in Arabic numerals (house style: Roman, {to_roman(number)})",
                    to_roman(number),
                )
    else:
        for match in roman.finditer(text):
            yield Departure(
                match.start(), match.end(), "century in Roman numerals (house style: Arabic)"
            )


# --- fixing catalogs (`pubtool check --fix`) --------------------------------------------------


@dataclass(frozen=True)
class StyleFix:
    """One entry whose translation `--fix` rewrote."""

    file: str
    line: int
    before: str
    after: str


@dataclass
class StyleFixReport:
    """What `pubtool check --fix` rewrote, entry by entry, and the catalogs it wrote."""

    fixes: list[StyleFix] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "fixed": [
                {"file": fix.file, "line": fix.line, "before": fix.before, "after": fix.after}
                for fix in self.fixes
            ],
            "written": list(self.written),
        }

    def lines(self) -> list[str]:
        shown = [f"{fix.file}:{fix.line}: style fixed" for fix in self.fixes]
        return shown + [
            f"{len(self.fixes)} entr{'y' if len(self.fixes) == 1 else 'ies'} fixed in "
            f"{len(self.written)} catalog{'' if len(self.written) == 1 else 's'}"
        ]


def fix_catalog(po: polib.POFile, style: HouseStyle) -> list[tuple[polib.POEntry, str, str]]:
    """Fix the mechanical departures of every translated entry in place; returns (entry,
    before, after) for each entry changed. Obsolete entries and those whose translator
    comment says `pubtool: ignore style` (or `all`) are left as they are."""
    from pubtool.checks.context import IGNORE_ALL, suppressed_checks

    changed = []
    for entry in po:
        if entry.obsolete or {STYLE, IGNORE_ALL} & suppressed_checks(entry):
            continue
        before = entry.msgstr or "\n".join(entry.msgstr_plural.values())
        if entry.msgstr:
            entry.msgstr = fix_text(entry.msgstr, style)
        for index, text in list(entry.msgstr_plural.items()):
            if text:
                entry.msgstr_plural[index] = fix_text(text, style)
        after = entry.msgstr or "\n".join(entry.msgstr_plural.values())
        if after != before:
            changed.append((entry, before, after))
    return changed


def fix_style(
    project: Project | None,
    paths: PathLike | Sequence[PathLike] = (),
    languages: str | Sequence[str] | None = None,
    *,
    lock_timeout: float = 30.0,
) -> StyleFixReport:
    """Rewrite the mechanical departures from the house style (quotation marks, dashes,
    spaces before punctuation, grouped numbers, centuries) in the project's catalogs, or in
    the catalogs in `paths`; each catalog is written atomically, in msgcat's layout, and
    only when it changed. The source language's catalog is never touched."""
    from pubtool.catalogs import catalog_files, language_from, stage_catalog
    from pubtool.errors import ConfigError
    from pubtool.files import catalog_folder, guarded_writes
    from pubtool.po import load_po

    files: list[tuple[Path, str, str | None]]
    if paths:
        found, unreadable = catalog_files(paths)
        if unreadable:
            raise ConfigError(unreadable[0])
        files = [(path, str(path), None) for path in found]
    elif project is None:
        raise ConfigError("no project: give catalogs to fix, or --project DIR")
    else:
        files = [
            (project.catalog_path(lang), project.relative(project.catalog_path(lang)), lang)
            for lang in project.parse_languages(languages)
            if project.catalog_path(lang).exists()
        ]
    source = project.source_language if project else "en"
    report = StyleFixReport()
    for path, shown, language in files:
        # Each catalog under its folder's lock, written only if no other program saved it
        # since it was read (ChangedOnDiskError, exit 1: the catalogs before it stay fixed).
        folder = project.locales_dir if project else catalog_folder(path)
        with guarded_writes(folder, lock_timeout) as writes:
            writes.remember(path)
            po = load_po(path)
            language = language or language_from(po, path)
            if base_language(language) == base_language(source):
                continue
            settings = project.style.get(language) if project else None
            changed = fix_catalog(po, house_style(language, settings))
            report.fixes.extend(
                StyleFix(shown, entry.linenum or 0, before, after)
                for entry, before, after in changed
            )
            if changed and stage_catalog(writes, po, path, project.width if project else 79):
                report.written.append(shown)
    return report
