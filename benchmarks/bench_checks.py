"""Precision and recall of the numbers and dates checks on real, human-reviewed catalogs.

Downloads pinned wheels of public projects that ship their translations as .po files into
`benchmarks/.work/` (gitignored), reads every catalog of the languages below, and runs
the `numbers` and `dates` checks on every translated message (English source, as in those
projects), reporting findings per 1,000 translated messages per language. The shipped
`locales/az` and `locales/ru` catalogs are measured the same way, and so is documentation
prose full of versions, amounts and code: the Spanish Python documentation
(`../shared/bench/update-real/final.po`, python-docs-es, CC0). The `negation` warnings
are counted beside them.

Recall by mutation: in messages where both checks are silent, a standalone number of the
translation (one the source has too, outside placeholders) is replaced by another, written
in the same digits; a month name (a CLDR form, the source naming the same month) is
replaced by another month's name in the same form. The share of changed messages the
check then reports is printed. Random choices use a fixed seed.

Run from the repository root:  python benchmarks/bench_checks.py [--findings FILE]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polib
from babel import Locale
from benchtools import machine

from pubtool.checks.cldr import fold_month, month_vocabulary
from pubtool.checks.context import CheckContext, entry_formats
from pubtool.checks.dates import check_dates
from pubtool.checks.negation import check_negation
from pubtool.checks.numbers import check_numbers, without_placeholders
from pubtool.po.entries import translation_pairs

WORK = Path(__file__).resolve().parent / ".work"
#: Public projects whose wheels carry catalogs reviewed by their translation teams.
WHEELS = ("Django==5.1.4", "Sphinx==8.1.3", "wagtail==6.3.1", "django-allauth==65.13.0")
#: Languages of different scripts: Latin, Cyrillic, Arabic, Hebrew, Georgian, Greek,
#: Devanagari, Han and kana.
LANGUAGES = ("de", "fr", "es", "tr", "az", "ru", "uk", "el", "ka", "ar", "fa", "he", "hi",
             "ja", "zh_Hans")
SHIPPED = Path("locales")
#: Documentation prose: the Spanish Python documentation, 40 catalogs joined.
PROSE = (("python-docs-es", "es", Path("../shared/bench/update-real/final.po")),)
SEED = 20240120

_LOCALE_PATH = re.compile(r"/locale/(?P<language>[^/]+)/LC_MESSAGES/[^/]+\.po$")
_STANDALONE_NUMBER = re.compile(r"(?<![\w.,%$'’/:#-])\d+(?![\w.,:/'’]?\d|[\w$%])")
_WORD = re.compile(r"[^\W\d_]+\.?")
#: Code spans and URLs: kept as written, so neither numbers nor months of the prose.
_CODE_OR_LINK = re.compile(r"``.+?``|`[^`\n]+`|https?://\S+")
_URL = re.compile(r"https?://\S+")


@dataclass
class Tally:
    """What one language's catalogs gave."""

    messages: int = 0
    numbers: int = 0
    dates: int = 0
    negation: int = 0
    numbers_mutated: int = 0
    numbers_caught: int = 0
    months_mutated: int = 0
    months_caught: int = 0
    projects: set[str] = field(default_factory=set)
    findings: list[str] = field(default_factory=list)


def download_wheels() -> list[Path]:
    """The pinned wheels, downloaded once."""
    folder = WORK / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    wheels = []
    for requirement in WHEELS:
        name, version = requirement.split("==")
        stem = name.replace("-", "_").lower()
        found = [path for path in folder.glob("*.whl")
                 if path.name.lower().startswith(f"{stem}-{version}-")]
        if not found:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                 "--only-binary", ":all:", requirement, "-d", str(folder)],
                check=True,
            )
            found = [path for path in folder.glob("*.whl")
                     if path.name.lower().startswith(f"{stem}-{version}-")]
        wheels.extend(found)
    return wheels


def catalogs(wheels: list[Path]) -> Iterator[tuple[str, str, str, polib.POFile]]:
    """(project, path, language, catalog) for every catalog of the measured languages."""
    for wheel in wheels:
        project = wheel.name.split("-")[0]
        with zipfile.ZipFile(wheel) as archive:
            for name in sorted(archive.namelist()):
                match = _LOCALE_PATH.search(name)
                if match and match.group("language") in LANGUAGES:
                    text = archive.read(name).decode("utf-8")
                    yield project, name, match.group("language"), polib.pofile(text)
    for language in ("az", "ru"):
        path = SHIPPED / language / "LC_MESSAGES" / "statements.po"
        yield "pubtool", str(path), language, polib.pofile(str(path))
    for project, language, path in PROSE:
        if path.exists():
            yield project, str(path), language, polib.pofile(str(path))
        else:
            print(f"({path} not found: documentation prose left out)", file=sys.stderr)


def measure(wheels: list[Path]) -> dict[str, Tally]:
    random.seed(SEED)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for project, path, language, catalog in catalogs(wheels):
        tally = tallies[language]
        tally.projects.add(project)
        for entry in catalog:
            if entry.obsolete or entry.fuzzy or not entry.translated():
                continue
            context = CheckContext("en", language, formats=entry_formats(entry))
            tally.messages += 1
            for source, translation in translation_pairs(entry):
                found = {
                    name: list(check(source, translation, context))
                    for name, check in (("numbers", check_numbers), ("dates", check_dates))
                }
                negations = list(check_negation(source, translation, context))
                tally.negation += len(negations)
                tally.findings.extend(f"{path}:{entry.linenum}: negation (warning): {message}"
                                      f"\n  {source!r}\n  {translation!r}"
                                      for message in negations)
                for name, messages in found.items():
                    setattr(tally, name, getattr(tally, name) + len(messages))
                    tally.findings.extend(
                        f"{path}:{entry.linenum}: {name}: {message}\n  {source!r}\n  "
                        f"{translation!r}" for message in messages
                    )
                if not any(found.values()):
                    mutate_numbers(source, translation, context, tally)
                    mutate_months(source, translation, context, tally)
    return tallies


def _value(digits: str) -> int:
    return int("".join(str(unicodedata.decimal(char)) for char in digits))


def standalone_numbers(text: str, formats: tuple[str, ...]) -> list[re.Match[str]]:
    """Digit runs standing alone: not in a placeholder, a URL, a name, a version or an
    address."""
    blanked = _URL.sub(lambda match: " " * len(match.group(0)), text)
    return list(_STANDALONE_NUMBER.finditer(without_placeholders(blanked, formats)))


def _in_digits_of(example: str, value: int) -> str:
    """`value` written in the digits `example` is written in (Arabic-Indic, Persian...)."""
    zero = ord(example[0]) - unicodedata.decimal(example[0])
    return "".join(chr(zero + int(digit)) for digit in str(value))


def mutate_numbers(source: str, translation: str, context: CheckContext, tally: Tally) -> None:
    source_values = {_value(match.group(0))
                     for match in standalone_numbers(source, context.formats)}
    candidates = [match for match in standalone_numbers(translation, context.formats)
                  if _value(match.group(0)) in source_values]
    if not candidates:
        return
    match = random.choice(candidates)
    value = _value(match.group(0))
    other = value + random.choice((-3, -2, -1, 1, 2, 3, 10, 100)) if value > 3 else value + 7
    changed = (translation[: match.start()] + _in_digits_of(match.group(0), other)
               + translation[match.end() :])
    tally.numbers_mutated += 1
    if list(check_numbers(source, changed, context)):
        tally.numbers_caught += 1
    else:
        tally.findings.append(f"MISSED number mutation: {source!r}\n  {changed!r}")


def _month_forms(language: str) -> list[tuple[tuple[str, str], dict[int, str]]]:
    locale = Locale.parse(language)
    return [
        ((context, width), dict(locale.months[context][width]))
        for context in ("format", "stand-alone") for width in ("wide", "abbreviated")
    ]


def mutate_months(source: str, translation: str, context: CheckContext, tally: Tally) -> None:
    english = month_vocabulary("en")
    source_months = set()
    for word in _WORD.findall(source):
        folded = fold_month(word, "en")
        source_months |= english.words.get(folded, frozenset())
        if word[:1].isupper() or len(source.split()) == 1:
            source_months |= english.abbreviations.get(folded, frozenset())
    if not source_months:
        return
    choices = []
    prose = _CODE_OR_LINK.sub(lambda found: " " * len(found.group(0)), translation)
    for form, names in _month_forms(context.language):
        for month, name in names.items():
            if month not in source_months or any(char.isdigit() for char in name):
                continue
            for match in re.finditer(re.escape(name), prose, re.IGNORECASE):
                before = translation[match.start() - 1 : match.start()]
                after = translation[match.end() : match.end() + 1]
                if (before.isalpha() and context.language not in {"he", "ar"}) or after.isalpha():
                    continue
                choices.append((match, form, month, names))
        # numbered forms (ja, zh: 1月) are numbers, and left to the numbers mutation
    if not choices:
        return
    match, _form, month, names = random.choice(choices)
    other = random.choice([m for m in names if m != month and names[m] != names[month]])
    replacement = names[other]
    if match.group(0)[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    changed = translation[: match.start()] + replacement + translation[match.end() :]
    tally.months_mutated += 1
    if list(check_dates(source, changed, context)):
        tally.months_caught += 1
    else:
        tally.findings.append(f"MISSED month mutation: {source!r}\n  {changed!r}")


def _share(caught: int, total: int) -> str:
    return f"{100 * caught / total:.1f}% ({caught}/{total})" if total else "–"


def report(tallies: dict[str, Tally]) -> None:
    print(machine())
    print()
    print("| language | projects | translated messages | numbers findings / 1,000 | "
          "dates findings / 1,000 | changed numbers caught | changed months caught | "
          "negation warnings / 1,000 |")
    print("|---|---|---|---|---|---|---|---|")
    total = Tally()
    for language in [*LANGUAGES]:
        tally = tallies.get(language)
        if tally is None or not tally.messages:
            continue
        print(f"| {language} | {', '.join(sorted(tally.projects))} | {tally.messages:,} | "
              f"{1000 * tally.numbers / tally.messages:.2f} ({tally.numbers}) | "
              f"{1000 * tally.dates / tally.messages:.2f} ({tally.dates}) | "
              f"{_share(tally.numbers_caught, tally.numbers_mutated)} | "
              f"{_share(tally.months_caught, tally.months_mutated)} | "
              f"{1000 * tally.negation / tally.messages:.2f} ({tally.negation}) |")
        for name in ("messages", "numbers", "dates", "numbers_mutated", "numbers_caught",
                     "months_mutated", "months_caught", "negation"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    print(f"| all | | {total.messages:,} | "
          f"{1000 * total.numbers / total.messages:.2f} ({total.numbers}) | "
          f"{1000 * total.dates / total.messages:.2f} ({total.dates}) | "
          f"{_share(total.numbers_caught, total.numbers_mutated)} | "
          f"{_share(total.months_caught, total.months_mutated)} | "
          f"{1000 * total.negation / total.messages:.2f} ({total.negation}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=Path, help="write every finding and miss here")
    arguments = parser.parse_args()
    tallies = measure(download_wheels())
    report(tallies)
    if arguments.findings:
        lines = [f"## {language}\n" + "\n".join(tally.findings)
                 for language, tally in sorted(tallies.items())]
        arguments.findings.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
