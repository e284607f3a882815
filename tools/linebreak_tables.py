"""Generate `src/pubtool/po/linebreak_tables.py` from the libunistring that GNU gettext uses.

gettext's writer breaks lines with libunistring's `ulc_width_linebreaks`, so what counts is
libunistring's own data (its Unicode version, its resolution of the AI, SA, XX, CB and CJ
classes, its column widths), not the Unicode files.  This script asks the library itself:

- column widths: `uc_width` of every code point (a control character's -1 counts as 0, as
  `u8_width_linebreaks` does);
- line break classes: every code point is probed with `u32_possible_linebreaks_v2` next to
  one representative of each class (before and after it, with and without a space between,
  and after a Hebrew letter), and code points that behave identically in every probe form
  one class, named after the representative it contains;
- the pair table: for each two classes, may a line break between them directly (D), only
  across spaces (I), or never (P).

Run it on a machine whose gettext links the libunistring to match (Debian 12: 1.0), from the
repository root, and commit the result; the output is deterministic:

    python tools/linebreak_tables.py [--library libunistring.so.2]

`tests/unit/test_linebreak_libunistring.py` checks the tables against the library over every
code point wherever the library is installed.
"""

from __future__ import annotations

import argparse
import ctypes
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "pubtool" / "po" / "linebreak_tables.py"

# One character of each UAX #14 class as libunistring knows them, the preferred name of a
# class first: classes that behave alike (AI, SA and XX resolve to AL, CB to ID, CJ to NS,
# NL is BK) share the first name.  OPW is libunistring's second OP class: opening
# punctuation that is East Asian wide, which LB30 does not glue to a letter before it.
REPRESENTATIVES = {
    "BK": "\u2028",
    "NL": "\x85",
    "LF": "\n",
    "CR": "\r",
    "SP": " ",
    "ZW": "\u200b",
    "ZWJ": "\u200d",
    "CM": "\u0300",
    "WJ": "\u2060",
    "GL": "\u00a0",
    "B2": "\u2014",
    "BA": "\u2010",
    "BB": "\u00b4",
    "HY": "-",
    "CL": "}",
    "CP": ")",
    "EX": "!",
    "IN": "\u2026",
    "NS": "\u203c",
    "CJ": "\u3041",
    "OP": "(",
    "OPW": "\u3008",
    "QU": '"',
    "IS": ",",
    "SY": "/",
    "NU": "0",
    "PO": "%",
    "PR": "$",
    "AL": "a",
    "AI": "\u00a7",
    "SA": "\u0e01",
    "XX": "\ue000",
    "HL": "\u05d0",
    "ID": "\u4e00",
    "CB": "\ufffc",
    "JL": "\u1100",
    "JV": "\u1160",
    "JT": "\u11a8",
    "H2": "\uac00",
    "H3": "\uac01",
    "RI": "\U0001f1e6",
    "EB": "\U0001f466",
    "EM": "\U0001f3fb",
}
# Classes with rules of their own in the algorithm rather than a row in the pair table.
# CR is a mandatory break like BK (only a CR before LF differs, and gettext escapes both).
SPECIAL = ("BK", "SP", "ZW", "ZWJ", "CM")
SAME_AS = {"CR": "BK"}
HEBREW_LETTER = REPRESENTATIVES["HL"]
_POSSIBLE = 2  # libunistring's UC_BREAK_POSSIBLE

CODE_POINTS = array("I", [c for c in range(0x110000) if not 0xD800 <= c < 0xE000])


class Library:
    """The few libunistring functions the tables come from."""

    def __init__(self, name: str) -> None:
        self._lib = ctypes.CDLL(name)
        self._breaks = self._lib.u32_possible_linebreaks_v2
        self._breaks.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p]
        self._breaks.restype = None
        self._lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
        self._lib.uc_width.restype = ctypes.c_int

    @property
    def version(self) -> str:
        number = ctypes.c_int.in_dll(self._lib, "_libunistring_version").value
        return f"{number >> 16}.{(number >> 8) & 0xFF}.{number & 0xFF}"

    def width(self, code: int) -> int:
        return max(int(self._lib.uc_width(code, b"UTF-8")), 0)

    def breaks(self, codes: array[int]) -> bytes:
        result = ctypes.create_string_buffer(len(codes))
        self._breaks(codes.buffer_info()[0], len(codes), b"UTF-8", result)
        return result.raw

    def probe(self, template: Sequence[str | None], index: int) -> bytes:
        """The break before position `index` of `template` for every code point in place of None.

        All the instances go into one text, each ended by a newline (a mandatory break
        that resets the algorithm), one call for all of them.
        """
        size = len(template)
        codes = array("I", [0 if c is None else ord(c) for c in template] * len(CODE_POINTS))
        for position, character in enumerate(template):
            if character is None:
                codes[position::size] = CODE_POINTS
        return self.breaks(codes)[index::size]


def class_of_code_points(library: Library) -> list[str]:
    """Every code point's class (surrogates excluded), from how it behaves in the probes."""
    probes = []
    for character in dict.fromkeys(REPRESENTATIVES.values()):
        probes.append(library.probe([character, None, "\n"], 1))
        probes.append(library.probe([None, character, "\n"], 1))
        probes.append(library.probe([character, " ", None, "\n"], 2))
        probes.append(library.probe([None, " ", character, "\n"], 2))
        probes.append(library.probe([HEBREW_LETTER, None, character, "\n"], 2))
    probes.append(library.probe([None, None, None, "\n"], 1))
    probes.append(library.probe([None, None, None, "\n"], 2))
    behaviours: dict[tuple[int, ...], int] = {}
    behaviour_of = [
        behaviours.setdefault(answers, len(behaviours)) for answers in zip(*probes, strict=True)
    ]
    names: dict[int, str] = {}
    for name, character in REPRESENTATIVES.items():
        behaviour = behaviour_of[_position(ord(character))]
        names.setdefault(behaviour, SAME_AS.get(name, name))
    unnamed = set(behaviours.values()) - set(names)
    if unnamed:
        examples = [f"U+{code:04X}" for code, b in zip(CODE_POINTS, behaviour_of, strict=True)
                    if b in unnamed]  # fmt: skip
        sys.exit(f"classes without a representative, e.g. {' '.join(examples[:10])}")
    return [names[behaviour] for behaviour in behaviour_of]


def _position(code: int) -> int:
    return code if code < 0xD800 else code - 0x800


def pair_table(library: Library, classes: Sequence[str]) -> dict[str, str]:
    """For each class, the rule towards each class (in `classes` order): D, I or P."""
    table = {}
    for before in classes:
        row = ""
        for after in classes:
            first, second = REPRESENTATIVES[before], REPRESENTATIVES[after]
            direct = library.breaks(array("I", map(ord, first + second)))[1]
            spaced = library.breaks(array("I", map(ord, first + " " + second)))[2]
            row += "D" if direct == _POSSIBLE else "I" if spaced == _POSSIBLE else "P"
        table[before] = row
    return table


def runs(values: Sequence[object]) -> tuple[list[int], list[object]]:
    """Where each run of equal values starts (in code points), and its value."""
    starts: list[int] = []
    run_values: list[object] = []
    for code, value in zip(CODE_POINTS, values, strict=True):
        if not run_values or value != run_values[-1]:
            starts.append(code)
            run_values.append(value)
    return starts, run_values


def _wrapped(items: Sequence[str], separator: str = ", ", indent: str = "    ") -> str:
    """The items on lines of at most 100 characters: a tuple's elements, or (separated by
    spaces) string literals that Python joins into one."""
    lines, line = [], indent
    for item in items:
        if len(line) + len(item) + len(separator) > 100:
            lines.append(line.rstrip())
            line = indent
        line += item + separator
    lines.append(line.rstrip())
    return "\n".join(lines)


def module_text(library: Library) -> str:
    classes = class_of_code_points(library)
    used = set(classes)
    pair_classes = [n for n in dict.fromkeys(SAME_AS.get(n, n) for n in REPRESENTATIVES)
                    if n in used and n not in SPECIAL]  # fmt: skip
    all_classes = [*SPECIAL, *pair_classes]
    table = pair_table(library, pair_classes)
    class_starts, class_values = runs(classes)
    width_starts, width_values = runs([library.width(code) for code in CODE_POINTS])
    letters = "".join(chr(ord("A") + all_classes.index(str(v))) for v in class_values)
    widths = "".join(str(v) for v in width_values)
    row_width = max(len(name) for name in pair_classes) + 4
    keys = {name: f'"{name}":' for name in pair_classes}
    rows = "\n".join(f'    {keys[name]:<{row_width}}"{table[name]}",' for name in pair_classes)
    version = library.version
    return f'''"""UAX #14 classes, pair rules and column widths as libunistring {version} has them.

Generated by tools/linebreak_tables.py from the library itself; do not edit.
"""

LIBUNISTRING_VERSION = "{library.version}"

# Every class: those with rules of their own first, then those of the pair table.
CLASSES = (
{_wrapped([f'"{name}"' for name in all_classes])}
)

# May a line break between a character of the row's class and one of the column's class
# (columns in the rows' order)?  D: yes.  I: only if spaces stand between them.  P: no.
PAIR_TABLE = {{
{rows}
}}

# Code point runs of one class: CLASS_STARTS[i] is where run i starts, and its class is
# CLASSES[ord(CLASS_RUNS[i]) - ord("A")].
CLASS_STARTS = (
{_wrapped([str(start) for start in class_starts])}
)
CLASS_RUNS = (
{_wrapped([repr(letters[i:i + 80]) for i in range(0, len(letters), 80)], ' ')}
)

# Code point runs of one width (0, 1 or 2 columns): WIDTH_STARTS[i] starts run i, of
# WIDTH_RUNS[i] columns.
WIDTH_STARTS = (
{_wrapped([str(start) for start in width_starts])}
)
WIDTH_RUNS = (
{_wrapped([repr(widths[i:i + 80]) for i in range(0, len(widths), 80)], ' ')}
)
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", default="libunistring.so.2")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    options = parser.parse_args()
    options.output.write_text(module_text(Library(options.library)), encoding="utf-8")
    print(f"wrote {options.output}")


if __name__ == "__main__":
    main()
