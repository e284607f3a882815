"""No break inside a format directive, for every format language gettext 0.21 knows.

gettext's writer runs the parser of the message's first possible `*-format` flag and never
breaks a line inside a valid directive (up to the first invalid one).  These tests put
directives holding spaces, commas and other break opportunities at every column around the
79-column line end, and compare what `pubtool fmt`'s writer gives with what the installed
GNU msgcat writes for the same catalog, byte for byte.  The handwritten strings cover each
language's directive syntax and the places where its parser stops; the Hypothesis tests mix
random text with each language's directive pieces (PUBTOOL_FUZZ_EXAMPLES examples a language,
30 by default).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pubtool.po import format_po, load_po
from pubtool.po.directives import directive_spans, format_language
from pubtool.po.flags import FORMAT_LANGUAGES

MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(
    MSGCAT is None, reason="GNU gettext's msgcat is not on PATH (Debian package: gettext)"
)
EXAMPLES = int(os.environ.get("PUBTOOL_FUZZ_EXAMPLES", "30"))
HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
PADS = range(0, 80)  # every column for a directive to meet the line end at

# Strings whose directives hold break opportunities, valid ones and ones the parser stops at.
CASES: dict[str, list[str]] = {
    "c": ["Copied % d of %-10lu files, % 5.2f%% done, %1$ 'd and %<PRIu64> then %y % d"],
    "objc": ["Object %@ has % d items and %-5s names; then % d"],
    "python": ["Value %(name) s is % 5d, %(other)-10s, % d and % s", "% d %(x)s"],
    "python-brace": [
        "Deleted {count:> 10} of {total: d} from {name!r} and {obj.attr: >5}",
        "Long {a_field_name_long_enough_to_reach_past_the_end_of_the_first_line_of_it} end",
        "Sizes {count:>10} and {x[0].y:{width}} and {{literal}} and {n:+#010.2f} then ok",
        "Error {a_field_name_long_enough_to_reach_past_the_end_of_the_line} and {x:!}",
    ],
    "java": [
        "Saved {0,number,#,##0.00} of {1,date,EEE, d MMM yyyy} in {2,time,h:mm a} at {3}",
        "Choice {0,choice,0#no files|1#one file|1<{0,number,integer} files} and {1} end",
        "Quoted '{' and ''{0}'' then {0, number, integer} is invalid and {1} is not seen",
        "Number {0,number,'#'#,##0.0# 'per' cent;(#)} and {1,number,00 E0 x} and {2}",
        "Bad number style {0,number,a b c} stops, so {1,number, integer} is text here",
        "Unbalanced } closes nothing, so {0,number, integer} stays breakable here too",
    ],
    "java-printf": [
        "Wrote %1$-10s and %2$,(12.2f and %<,5d with %tY-%<tm and %n then % d and % 5d",
        "Refused %#d stops here, so %-10s and % d and %1$ 5d are text from here on",
        "Date %1$tB %1$te, %1$tY and %(,.2f and % ,d and %-15s and %s together here",
    ],
    "csharp": [
        "Value {0,-20:N2} and {1:yyyy-MM-dd HH:mm} and {{literal}} and {2:# ##0.00} {3, 5}",
        "Width {0,x} is invalid, so {1, 10} and {2:N 2} stay breakable from here on ok",
        "Lone } stops at once, so {0, 10} and {1,-5} are text from here on in this one",
    ],
    "javascript": [
        "Got % d of %-10s and %1$ 5d and %+.2f and %j and % 10s, then %% and % d again",
        "Mixed %1$s and %s stops, so % d and % 10s are text from here on in this one x",
    ],
    "scheme": [
        "Printed ~10,2F and ~:@(Hello World~) and ~[zero~;one two~:;many more~] and ~A",
        "Params ~5,'0D and ~v,vA and ~#,'xT and ~{~A, ~} and ~@[present here~] and ~S",
        "Bad ~'a,5F stops, then ~10,2F and ~(a b~) are text from here on, in this one",
        "Too many ~1,2,3,4,5A stops, then ~10,2F and ~(a b~) stay breakable from here",
    ],
    "lisp": [
        "Printed ~10,2F and ~:@(Hello World~) and ~[zero~;one two~:;many more~] and ~A",
        "Justify ~10<left part~;right part~> and ~/pkg:fn with space/ and ~{~A, ~} ~S",
        "Goto ~-1* stops, then ~10,2F and ~(a b~) are text from here on, in this one",
        "Nested ~(outer ~[a b~;c d~] text~) and ~@{~A ~^, ~} and ~:[no~;yes it is~] ~D",
        "Unmatched ~] stops at once, then ~10,2F and ~(a b~) are text from here on ok",
    ],
    "elisp": ["Elisp % d and %-10s and %1$ 5d and %*d and %.*f and % -8S, then % d %"],
    "librep": ["Librep % d and %-10s and %1$ 5d and %^10s and %.3x, then % d and %q % d"],
    "ruby": [
        "Ruby % d and %<name> 10s and %{other} and %-10s, % 5.2f and %*d and % x end",
        "Named %<a> 5d and %{b} then % d mixes, so % 5d and %-10s are text from here",
        "Numbered %1$ 5d and %2$-10s then % d mixes, so % 5d is text from here on ok",
    ],
    "sh": [
        "Shell $HOME and ${USER} and $PATH_1 with ${LONG_VARIABLE_NAME} and $x and ${y}",
        "Bad ${a:-default value} stops, so $HOME and ${USER} are text from here on ok",
        "Dollar $ then a space stops at once, so ${USER} and $HOME are text from here",
    ],
    "awk": [
        "Awk % d and %-10s and % 5.2f and %*d and %.*f and %c, then % d and %% and % x",
        "Numbered %1$ d and %2$-10s and %*3$d and %.*4$f then %d mixes so % d is text",
    ],
    "lua": ["Lua %5.2f and %-10s is bad so % d and %10s and %q are text from here on"],
    "object-pascal": [
        "Pascal %5.2f and %-10s and %0:d and %*:s and %*d and %.*f and %N, then % d",
        "Bad %. stops, so %-10s and %5.2f and %0:d are text from here on in this one",
    ],
    "smalltalk": ["Smalltalk %1 and %2 and %% and %9 then %0 stops so %1 is text %2 here"],
    "ycp": ["YCP %1 and %2 and %% and %9 then % 1 stops so %1 is text %2 here and on"],
    "qt": ["Qt %1 and %L1 and %12 and %L99 and %123 and % 1 and %L 2 and %0 and %%1 ok"],
    "qt-plural": ["Qt plural %n and %Ln and %L n and % n and %nn and %L%n and %Ln%n end"],
    "kde": ["KDE %1 and %10 and %123 and %0 and % 1 and %1%2 and %99999 and %1a end"],
    "kde-kuit": [
        "KUIT <filename>%1</filename> and &Open and %10 with <b>%2</b> and &#65; here",
        "Broken <b>markup %1 and %10 is not well-formed, so no directive is kept",
        "Entity &nbsp; becomes text, %1 and %10 and <numid>%2</numid> stay directives",
        "A &#x; reference is not XML, so %1 and %10 and %2 are all breakable here on",
    ],
    "boost": [
        "Boost %|1$ 10s| and %1% and %2$-10s and %|2$+10d| and %T* and %|3$| then end",
        "Plain % d and %-10s and %*d and % 5.2f and %|-10s| and % x, then %1% mixes",
        "Bars %| 10s and more| stop, so % d and %-10s are text from here on, in this",
    ],
    "tcl": [
        "Tcl % d and %-10s and % 5.2f and %*d and %.*f and %ld and %hx, then % d ok",
        "Numbered %1$ d and %2$-10s then % d mixes, so % 5d is text from here on ok",
    ],
    "perl": [
        "Perl % d and %-10s and % 5.2f and %vd and %*vd and %1$ 5d and %I64d and %V",
        "Size %hf stops, so % d and %-10s are text from here on, in this one string",
    ],
    "perl-brace": ["Perl {name} and {other_1} and { name } and {1x} and {a b} and {c} end"],
    "php": [
        "PHP % d and %-10s and %1$ 5d and %'*10s and %'x-10.2f and %lu, then % d ok",
        "Padding %'é5d stops (one byte in gettext), so % d and %-10s are text from here",
    ],
    "gcc-internal": [
        "GCC %qs and %<%s%> and %+#D and %lld and %.*s and %m and %qE, then %ly stops",
        "Numbered %1$qs and %2$d then %s mixes, so %qD and %<x%> are text from here on",
    ],
    "gfc-internal": ["GFC %C and %L and %ld and %1$s and %2$ld, then %y stops so %C is text"],
}

# Pieces of each language's directives, for the Hypothesis tests to mix with text.
TEXT = ["word", " ", "  ", "text,", "é", "日本", "-", "(", ")", "1"]
PRINTF = ["%", "%%", "d", "s", "1$", "2$", "*", ".", "5", "-", "+", " ", "#", "0", "f", "x", "q"]
PIECES: dict[str, list[str]] = {
    "c": [*PRINTF, "l", "h", "'", "I", "<PRIu64>", "<", ">"],
    "objc": [*PRINTF, "@", "l"],
    "python": [*PRINTF, "(name)", "(", ")", "r"],
    "python-brace": ["{", "}", "{{", "}}", "name", "0", ":", "!r", ".attr", "[0]", ">10"],
    "java": [
        "{", "}", "0", "1", ",", "number", "integer", "date", "time", "choice", "#", "0.00",
        "'", "''", "<", "|", "short", "\\u2264", ";", "E0", "currency", "%",
    ],
    "java-printf": [*PRINTF, "<", ",", "(", "t", "T", "H", "Y", "n", "b", "2"],
    "csharp": ["{", "}", "{{", "}}", "0", "1", ",", "-", "10", ":", "N2", "x"],
    "javascript": [*PRINTF, "I", "j", "b", "c"],
    "scheme": [
        "~", "A", "D", "10", ",", "2", "F", "'", "'x", ":", "@", "(", ")", "[", "]", ";",
        "{", "}", "^", "*", "-1", "+2", "V", "#", "%", "/", "!", "S", "C", "Y", "K", "Q",
        "I", "T", "E", "G", "R", "$", "P", "?", "~~", "W", "<", ">",
    ],
    "elisp": [*PRINTF, "S", "c", "0$", "X"],
    "librep": [*PRINTF, "^", "S", "c", "0$"],
    "ruby": [*PRINTF, "<name>", "{name}", "<", ">", "{", "}", "*2$", ".*", "p", "\n", "B"],
    "sh": ["$", "{", "}", "VAR", "name_1", "1", "-", ":", "=", "$$", "x", "_"],
    "awk": [*PRINTF, "*2$", "c", "i", "u"],
    "lua": [*PRINTF, "a", "z", "c", "i"],
    "object-pascal": [*PRINTF, "1:", ":", "*:", "N", "M", "p", "e", "U"],
    "smalltalk": ["%", "%%", "1", "9", "0", "a"],
    "qt": ["%", "%%", "L", "1", "12", "0", "n"],
    "qt-plural": ["%", "L", "n", "1"],
    "kde": ["%", "1", "10", "0", "%%"],
    "kde-kuit": [
        "%", "1", "10", "<b>", "</b>", "<", ">", "&", "&amp;", "&#65;", "&#x41;", "&#x;",
        "&nbsp;", "<filename>", "</filename>", '"', "'", "<br/>", "]]>", "/",
    ],
    "boost": [*PRINTF, "|", "1%", "*1$", "'", "_", "=", "h", "l", "T", "t", "n", "2"],
    "tcl": [*PRINTF, "h", "l", "c", "i"],
    "perl": [*PRINTF, "v", "*v", "*2$v", "*1$", ".*", "h", "l", "ll", "L", "V", "I", "I64", "_"],
    "perl-brace": ["{", "}", "name", "x_1", "1", "{{"],
    "php": [*PRINTF, "0$", "'", "'*", "'é", "l", "b", "e"],
    "gcc-internal": [*PRINTF, "l", "w", "<", ">", "'", "m", "D", "E", "H", "q", "c", "*1$"],
    "gfc-internal": [*PRINTF, "0$", "C", "L", "l", "i", "u", "c"],
}
PIECES["lisp"] = PIECES["scheme"]
PIECES["ycp"] = PIECES["smalltalk"]


def quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


def catalog(flags: str, texts: list[str]) -> str:
    """Each text at every column: after a pad in msgid, and after another in msgstr."""
    entries = [HEADER]
    for number, text in enumerate(texts):
        for pad in PADS:
            msgid = f"{number} {'x' * pad} {text}"
            msgstr = f"{'y' * (len(PADS) - pad)} {text}"
            entries.append(f"#, {flags}\nmsgid {quoted(msgid)}\nmsgstr {quoted(msgstr)}\n")
    return "\n".join(entries)


def assert_written_as_msgcat_writes(path: Path, flags: str, texts: list[str]) -> None:
    path.write_text(catalog(flags, texts), encoding="utf-8")
    assert MSGCAT is not None
    done = subprocess.run([MSGCAT, str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    expected = done.stdout.decode("utf-8").split("\n\n")
    written = format_po(load_po(path)).split("\n\n")
    assert len(written) == len(expected)
    for ours, theirs in zip(written, expected, strict=True):
        assert ours == theirs  # one entry at a time, so a failure shows the string


def test_every_language_has_a_parser_and_cases() -> None:
    """Each language gettext knows marks directives; every case meets one."""
    assert set(CASES) == set(PIECES) == set(FORMAT_LANGUAGES)
    for language, texts in CASES.items():
        assert any(directive_spans(text, language) for text in texts), language


def test_the_first_possible_language_is_the_parser() -> None:
    assert format_language(["sh-format", "java-format"]) == "java"
    assert format_language(["no-c-format", "kde-format"]) == "kde"
    assert format_language(["no-qt-format"]) is None


@pytest.mark.parametrize(
    ("language", "text", "spans"),
    [
        # gettext 0.21 marks python-brace directives from the string's start (a bug): the
        # bytes up to the shortest directive's length stay together, unless an error is nearer
        ("python-brace", "a b c d {abcdef} {x}", [(0, 3)]),
        ("python-brace", "a b c d {abcdef} {x!r}", []),  # the error at byte 2 is nearer
        ("python-brace", "a b c d {ab} {xyz:!}", [(0, 4)]),  # the error at byte 5 is farther
        ("python-brace", "é b c {abcdef}", [(0, 7)]),  # bytes, not characters
        ("java", "{0, number, integer} {1}", []),  # gettext wants no space after the comma
        ("java", "{0,number,integer} {1,choice,0#a|1#{1} b}", [(0, 18), (19, 41)]),
        ("java", "'{0}' {1}", [(6, 9)]),
        ("csharp", "{0,10} {{ }} {1, 5} {2}", [(0, 6), (7, 9), (10, 12)]),  # no space in a width
        ("lisp", "~10,2F ~(a b~) ~", [(0, 6), (7, 14)]),
        ("scheme", "~10<a~;b~>", []),  # no justification in Scheme
        ("sh", "$HOME ${USER} $ x", [(0, 5), (6, 13)]),
        ("boost", "%|1$ 10s| %1% %2$s %s", [(0, 9), (10, 13), (14, 18)]),
        ("qt", "%L1 %12 %123 %L", [(0, 3), (4, 7), (8, 11)]),
        ("kde-kuit", "<b>%1</b> %2", [(3, 5), (10, 12)]),
        ("kde-kuit", "<b>%1 %2", []),  # not well-formed: nothing is a directive
        ("php", "%'*10s %'é5d %d", [(0, 6)]),
        ("ruby", "%<a> 5d %{b} %d", [(0, 7), (8, 12)]),
        ("lua", "%5.2f %% %q %-5s", [(0, 5), (6, 8), (9, 11)]),  # no flags in Lua
        ("lua", "%1$d %s", []),  # nor argument numbers: `1` is a width, `$` no conversion
        ("python", "%(a(b)c)s %*d", [(0, 9)]),  # nested parentheses; then no unnamed `*`
        ("python", "%(x)s %%  %.*f", [(0, 5), (6, 8)]),  # `%%` takes no argument
        ("python", "%*d %(x)s", [(0, 3)]),  # unnamed, then named
        ("python", "%(x)*d", []),  # a named argument takes no `*` width
        ("python", "%5.*f %s %hd", [(0, 5), (6, 8), (9, 12)]),
    ],
)
def test_directive_spans(language: str, text: str, spans: list[tuple[int, int]]) -> None:
    assert directive_spans(text, language) == spans


@needs_msgcat
@pytest.mark.parametrize("language", sorted(CASES))
def test_no_break_inside_a_directive_as_msgcat(language: str, tmp_path: Path) -> None:
    assert_written_as_msgcat_writes(tmp_path / "cases.po", f"{language}-format", CASES[language])


@needs_msgcat
@pytest.mark.parametrize(
    "flags",
    ["no-c-format, java-format", "sh-format, python-format", "possible-lisp-format, qt-format",
     "no-sh-format", "impossible-boost-format, kde-format"],
)  # fmt: skip
def test_the_first_possible_flag_decides_as_msgcat(flags: str, tmp_path: Path) -> None:
    texts = [text for cases in CASES.values() for text in cases[:1]]
    assert_written_as_msgcat_writes(tmp_path / "flags.po", flags, texts)


def mixed(language: str) -> st.SearchStrategy[list[str]]:
    piece = st.sampled_from([*PIECES[language], *TEXT])
    text = st.lists(piece, min_size=1, max_size=40).map("".join)
    return st.lists(text, min_size=1, max_size=3, unique=True)


@needs_msgcat
@pytest.mark.parametrize("language", sorted(PIECES))
def test_random_directives_are_kept_whole_as_msgcat(language: str, tmp_path: Path) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(texts=mixed(language))
    def check(texts: list[str]) -> None:
        assert_written_as_msgcat_writes(tmp_path / "mixed.po", f"{language}-format", texts)

    check()
