"""Checks that catch what breaks a publication: the library behind `pubtool check`.

`msgfmt -c` knows the PO format but nothing of prose; a booklet that prints 147 in one column
and 174 in the other, or January in one and February in the other, is a published error.
Each check here is a small named function, in the manner of Babel's
`babel/messages/checkers.py`:

    def check(entry: polib.POEntry, context: CheckContext) -> Iterable[str]

yielding one human-readable line per problem (nothing when the entry is fine). Projects add
their own under the entry-point group `pubtool.checks` (name = "module:function").

Built-in checks, by name (see `DEFAULT_SEVERITIES`):

- ``numbers``: the same numbers as the source, however each language writes them
  (CLDR symbols and digits of any language Babel knows, see ``checks/cldr.py``);
- ``dates``: the same day, month and year, the month named in the target language
  (CLDR month names in every form);
- ``negation``: the source negates and the translation has none of its language's
  negation words (a table per language, ``checks/negation.py``);
- ``markup``: the same emphasis and links; no raw HTML the source lacks;
- ``whitespace``: edge whitespace, double spaces, end punctuation, quote and bracket balance;
- ``untranslated-copy``: the source copied into the translation;
- ``script``: letters of the wrong alphabet, look-alike letters;
- ``glossary``: terms rendered as the glossary says;
- ``catalog``: the header and plural forms `msgfmt -c` would reject, and leading or
  trailing newlines that differ between msgid and msgstr;
- ``style``: departures from the house style (quotation marks, dashes, spaces before
  punctuation, grouped numbers, centuries), configured in `[tool.pubtool.style.<lang>]`;
- ``consistency``: a whole-catalog check (see `catalog_check`): one source translated
  two ways, one glossary term written in two letter cases, with every place.
- ``bidi``, ``bidi-isolates``, ``invisible``, ``control``, ``long-word``,
  ``verbatim-tokens``: characters that hide text or break a printed page
  (``checks/characters.py``).

A check that raises is a bug, never a finding: the runner raises ``CheckCrashed``
(exit 3), naming the check, the file and the line.

A translator silences checks for one entry with a translator comment line
``# pubtool: ignore numbers, dates`` (or ``# pubtool: ignore all``).
"""

from pubtool.checks.catalog import catalog_problems, expected_plural_count
from pubtool.checks.context import (
    ERROR,
    OFF,
    WARNING,
    CatalogCheck,
    CatalogProblem,
    Check,
    CheckContext,
    Finding,
    TextCheck,
    catalog_check,
    entry_kind,
    on_each_form,
    suppressed_checks,
)
from pubtool.checks.glossary import Glossary, Term, load_glossary
from pubtool.checks.numbers import read_numbers
from pubtool.checks.registry import (
    BUILTIN_CHECKS,
    DEFAULT_SEVERITIES,
    CheckCrashed,
    CheckReport,
    available_checks,
    check_catalog,
    check_catalog_files,
    check_entry,
    configure_checks,
)

__all__ = [
    "BUILTIN_CHECKS",
    "CatalogCheck",
    "CatalogProblem",
    "DEFAULT_SEVERITIES",
    "ERROR",
    "OFF",
    "WARNING",
    "Check",
    "CheckContext",
    "CheckCrashed",
    "CheckReport",
    "Finding",
    "Glossary",
    "Term",
    "TextCheck",
    "available_checks",
    "catalog_check",
    "catalog_problems",
    "check_catalog",
    "check_catalog_files",
    "check_entry",
    "configure_checks",
    "entry_kind",
    "expected_plural_count",
    "load_glossary",
    "on_each_form",
    "read_numbers",
    "suppressed_checks",
]
