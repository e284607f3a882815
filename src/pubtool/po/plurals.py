"""Plural-Forms headers as the gettext world writes them, not as the newest CLDR would.

msginit, Poedit and Weblate write a conventional expression per language (gettext's
`plural-table.c`); Babel derives one from CLDR, and its text changes between releases (2.19
rewrote Russian's), so a catalog written with Babel's would churn on every upgrade. This
table owns the text for the languages it lists; Babel fills in the rest.
"""

from __future__ import annotations

import gettext
import re

from babel.core import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

_ONE = "nplurals=1; plural=0;"
_NOT_ONE = "nplurals=2; plural=(n != 1);"
_ABOVE_ONE = "nplurals=2; plural=(n > 1);"
_EAST_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
    "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
_WEST_SLAVIC = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"

# gettext's plural-table.c, plus the Weblate/msginit convention for languages it lacks.
CONVENTIONAL_PLURAL_FORMS: dict[str, str] = {
    **dict.fromkeys(("ja", "ko", "vi", "zh", "id", "ms", "th", "lo", "my"), _ONE),
    **dict.fromkeys(
        (
            "en",
            "de",
            "nl",
            "sv",
            "da",
            "no",
            "nb",
            "nn",
            "fo",
            "es",
            "pt",
            "it",
            "bg",
            "el",
            "fi",
            "et",
            "he",
            "eo",
            "hu",
            "tr",
            "az",
            "ka",
            "kk",
            "ky",
            "uz",
            "ca",
            "eu",
            "gl",
            "af",
            "sq",
            "hy",
            "mn",
            "ur",
            "ta",
            "te",
            "ml",
            "bn",
            "sw",
        ),
        _NOT_ONE,
    ),
    **dict.fromkeys(("fr", "pt_BR", "oc", "fil", "tl", "hi", "fa", "am", "ti", "ln"), _ABOVE_ONE),
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr", "bs"), _EAST_SLAVIC),
    **dict.fromkeys(("cs", "sk"), _WEST_SLAVIC),
    "pl": (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "lt": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "ga": "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4;",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"
    ),
}

_HEADER = re.compile(r"^\s*nplurals\s*=\s*(?P<n>\d+)\s*;\s*plural\s*=\s*(?P<expr>[^;]+?)\s*;?\s*$")


def plural_forms(language: str) -> str:
    """The `Plural-Forms` value a new catalog for `language` gets."""
    for key in _lookup_keys(language):
        if key in CONVENTIONAL_PLURAL_FORMS:
            return CONVENTIONAL_PLURAL_FORMS[key]
    try:
        nplurals, expression = get_plural(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return _NOT_ONE  # what gettext itself assumes of a catalog without the header
    return f"nplurals={nplurals}; plural={expression};"


def plural_count(language: str) -> int:
    """How many msgstr[N] forms a catalog for `language` has, by the same convention."""
    parsed = parse_plural_forms(plural_forms(language))
    assert parsed is not None  # every table entry and every Babel expression parses
    return parsed[0]


def parse_plural_forms(value: str | None) -> tuple[int, str] | None:
    """(nplurals, expression) when `value` is a header gettext can evaluate, else None."""
    match = _HEADER.match(value or "")
    if not match or int(match["n"]) < 1:
        return None
    try:
        gettext.c2py(match["expr"])
    except (ValueError, RecursionError):
        return None
    return int(match["n"]), match["expr"]


def _lookup_keys(language: str) -> list[str]:
    """`pt_BR` before `pt`; codes Babel cannot parse still try their first part."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return [language, language.replace("-", "_").split("_")[0]]
    keys = [language]
    if locale.territory:
        keys.append(f"{locale.language}_{locale.territory}")
    keys.append(locale.language)
    return keys
