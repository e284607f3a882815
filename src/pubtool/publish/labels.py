"""The booklet's own words in each language (Contents, Issued by, Source…): the package's
`labels.yaml`, a project's overrides word by word, language names and dates from CLDR."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import yaml
from babel.core import Locale, UnknownLocaleError

from pubtool.checks.language import base_language
from pubtool.errors import RenderError
from pubtool.po.entries import language_name


def load_labels(template_dirs: Sequence[Path]) -> dict[str, dict[str, str]]:
    """The booklet's own words (Contents, Source…) per language, from every `labels.yaml`.

    The folders are read last to first and merged word by word, so a folder earlier in the
    list (`--templates`, then the project's `templates/`) overrides one language, or one word,
    of the folders after it.
    """
    merged: dict[str, dict[str, str]] = {}
    found = False
    for folder in reversed(template_dirs):
        path = folder / "labels.yaml"
        if path.is_file():
            found = True
            for language, words in _read_labels(path).items():
                merged.setdefault(language, {}).update(words)
    if not found:
        raise RenderError("no labels.yaml in the template folders")
    return merged


def labels_for(
    languages: Sequence[str],
    labels: Mapping[str, Mapping[str, str]],
    *,
    source_language: str = "en",
    notice: Callable[[str], None] | None = None,
) -> dict[str, dict[str, str]]:
    """Every label for each language of an edition, gaps filled from a fallback language.

    The fallback is the language's base (`pt` for `pt_BR`), then the source language, then
    English. A language without labels, or with some missing, is reported (one notice for
    each kind): a German column that says "Contents" is a fault someone should see.
    """
    table: dict[str, dict[str, str]] = {}
    borrowed: list[str] = []
    incomplete: list[str] = []
    for language in languages:
        chain = _label_chain(language, labels, source_language)
        if not chain:
            raise RenderError(
                f"labels.yaml has no labels for {language}, nor for the source language "
                f"{source_language}, nor for en"
            )
        words: dict[str, str] = {}
        for code in reversed(chain):
            words.update(labels[code])
        table[language] = words
        if language not in labels:
            borrowed.append(f"{language} (using {chain[0]}'s)")
        else:
            lacking = sorted(set(words) - set(labels[language]))
            if lacking:
                incomplete.append(f"{language} lacks {', '.join(lacking)} (using {chain[1]}'s)")
    if notice and borrowed:
        notice(
            f"no booklet labels for {', '.join(borrowed)}: add them to "
            "the project's templates/labels.yaml"
        )
    if notice and incomplete:
        notice(f"booklet labels incomplete: {'; '.join(incomplete)}")
    return table


def _label_chain(
    language: str, labels: Mapping[str, Mapping[str, str]], source_language: str
) -> list[str]:
    """Where a column's labels come from, first choice first: its language, its base
    language, the source language, English (those that labels.yaml has)."""
    chain = [language, base_language(language), source_language, "en"]
    return [code for code in dict.fromkeys(chain) if code in labels]


def label_languages(
    languages: Sequence[str], labels: Mapping[str, Mapping[str, str]], *, source_language: str
) -> dict[str, dict[str, str]]:
    """The language each column's labels are written in, word by word: a borrowed English
    "Issued by" in a Hebrew column is marked English, so it keeps its own direction."""
    found: dict[str, dict[str, str]] = {}
    for language in languages:
        words: dict[str, str] = {}
        for code in reversed(_label_chain(language, labels, source_language)):
            words.update(dict.fromkeys(labels[code], code))
        found[language] = words
    return found


def fill_label(text: str, column: str, /, **values: str) -> str:
    """A label with its `{placeholders}` filled; one that begins with a value is capitalised.

    `column` is the column's language, whose rules capitalise (Azerbaijani and Turkish `i` is `İ`):
    "{language} dilindən tərcümə" with "ingilis" gives "İngilis dilindən tərcümə".
    """
    try:
        filled = text.format_map(values)
    except (KeyError, IndexError, ValueError) as error:
        raise RenderError(f"label {text!r}: cannot fill its placeholders ({error})") from None
    if text.startswith("{"):
        filled = _capitalise(filled, column)
    return filled


def _long_date(moment: str, language: str) -> str:
    """A W3C date as the language writes it in full (CLDR): "25 noyabr 2026"."""
    if not moment:
        return ""
    from babel.dates import format_date

    day = dt.date.fromisoformat(moment[:10])
    try:
        return format_date(day, format="long", locale=language)
    except (ValueError, UnknownLocaleError):
        return day.isoformat()


def text_direction(language: str) -> str:
    """`rtl` for a language CLDR writes right to left (ar, fa, he, ur, …), else `ltr`."""
    try:
        order = Locale.parse(language).character_order
    except (ValueError, TypeError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def _own_name(language: str) -> str:
    """The language's name in itself, capitalised as a cover shows it: Azərbaycan, Русский."""
    return _capitalise(language_name(language, language), language)


def _capitalise(text: str, language: str) -> str:
    """The first letter in title case: Georgian stays as it is (upper() would make it Mtavruli)."""
    if base_language(language) in ("az", "tr") and text.startswith("i"):
        return "İ" + text[1:]  # Python's casing knows no language: it would give a dotless I
    return text[:1].title() + text[1:]


def _read_labels(path: Path) -> dict[str, dict[str, str]]:
    """`language: {label: text}`; every problem is one RenderError naming the file (and line)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise RenderError(f"cannot read: {error.strerror or error}", file=path) from None
    except UnicodeDecodeError as error:
        raise RenderError(f"not UTF-8 text ({error.reason})", file=path) from None
    try:
        data = yaml.safe_load(text.removeprefix("\ufeff"))
    except yaml.MarkedYAMLError as error:  # syntax, and tags such as !!python/object
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "cannot be parsed"
        raise RenderError(
            f"invalid YAML: {problem}", file=path, line=mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as error:  # control characters: the reader's error has no mark
        reason = getattr(error, "reason", None) or "cannot be parsed"
        raise RenderError(f"invalid YAML: {reason}", file=path) from None
    except ValueError as error:  # PyYAML's bare ValueError for dates such as 2011-02-30
        raise RenderError(f"invalid YAML: {error}", file=path) from None
    except RecursionError:
        raise RenderError("invalid YAML: nested too deeply", file=path) from None
    shape = "expected a mapping of language: {label: text}"
    if not isinstance(data, dict):
        raise RenderError(shape, file=path)
    for language, labels in data.items():
        if not isinstance(language, str):
            # YAML 1.1 reads a bare `no` (Norwegian) as false: such a key must be quoted
            raise RenderError(f"language {language!r} is not a code: quote it", file=path)
        if not isinstance(labels, dict) or not all(
            isinstance(name, str) and isinstance(value, str) for name, value in labels.items()
        ):
            raise RenderError(f"{language}: expected a mapping of label: text", file=path)
        for name, value in labels.items():
            try:  # a stray brace would only fail later, mid-render, naming no file
                list(string.Formatter().parse(value))
            except ValueError as error:
                raise RenderError(
                    f"{language}.{name}: {error} (write {{{{ for a brace)", file=path
                ) from None
    return data
