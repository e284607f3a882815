"""Where the format directives of a string are, as gettext's format parsers mark them.

gettext's writer (`wrap()` in write-po.c) never breaks a line inside a valid format
directive: for the first language among the message's `*-format` flags (in gettext's order)
it runs that language's parser over the string, and every character of a directive but the
first becomes unbreakable.  A parser stops at the first invalid directive; that directive
and everything after it are left breakable, as in gettext.

Every format language gettext 0.21 knows has its parser here: c, objc, python, python-brace,
java, java-printf, csharp, javascript, scheme, lisp, elisp, librep, ruby, sh, awk, lua,
object-pascal, smalltalk, qt, qt-plural, kde, kde-kuit, boost, tcl, perl, perl-brace, php,
gcc-internal, gfc-internal and ycp (modules by family: `printf`,
`printf_dialects`, `numbered`, `brace`, `tilde`).  Only the directive *extents* matter, not
argument types, so each parser follows the syntax of gettext 0.21's `format-*.c` and
ignores what it checks about arguments, except where a check ends the parse early (mixed
numbered and unnumbered arguments, a parameter of the wrong type, a KUIT string that is not
well-formed XML).  gettext's own quirks are kept, since its output is the reference: it
reads bytes, so a non-ASCII character where it expects one byte ends the parse, and its
python-brace parser marks directives from the string's start (see
`brace.python_brace_spans`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pubtool.po.directives import brace, numbered, printf, printf_dialects, tilde
from pubtool.po.flags import FORMAT_LANGUAGES, parse_flags

__all__ = ["directive_spans", "format_directives", "format_language", "unbreakable_positions"]

# A parser returns the spans (start, end), end exclusive, of the valid directives before the
# first error.
_Parser = Callable[[str, bool], list[tuple[int, int]]]


def format_language(flags: Iterable[str]) -> str | None:
    """The language whose parser gettext's writer uses: the first possible one, in order."""
    try:
        formats = parse_flags(flags).formats
    except ValueError:
        return None
    for language in FORMAT_LANGUAGES:
        if formats.get(language) == "yes":
            return language
    return None


def directive_spans(value: str, language: str, *, msgstr: bool = False) -> list[tuple[int, int]]:
    """The valid directives of `value` in `language`'s format syntax, up to the first error."""
    parser = _PARSERS.get(language)
    return parser(value, msgstr) if parser is not None else []


def format_directives(value: str, language: str) -> list[tuple[int, int]]:
    """Where the directives of `value` are in `language`'s format syntax, up to the first
    error: what a check must not read as text. As `directive_spans`, except for
    python-brace, whose spans gettext's writer marks from the string's start."""
    if language == "python-brace":
        return brace.python_brace_directives(value)
    return directive_spans(value, language)


def unbreakable_positions(value: str, language: str | None, *, msgstr: bool) -> frozenset[int]:
    """Indexes into `value` before which gettext never breaks: inside a directive."""
    if language is None or not value:
        return frozenset()
    return frozenset(
        index
        for start, end in directive_spans(value, language, msgstr=msgstr)
        for index in range(start + 1, end)
    )


_PARSERS: dict[str, _Parser] = {
    "c": printf.c_spans,
    "objc": printf.objc_spans,
    "python": printf.python_spans,
    "python-brace": brace.python_brace_spans,
    "java": brace.java_spans,
    "java-printf": printf.java_printf_spans,
    "csharp": brace.csharp_spans,
    "javascript": printf.javascript_spans,
    "scheme": tilde.scheme_spans,
    "lisp": tilde.lisp_spans,
    "elisp": printf.elisp_spans,
    "librep": printf.librep_spans,
    "ruby": printf_dialects.ruby_spans,
    "sh": brace.sh_spans,
    "awk": printf.awk_spans,
    "lua": printf.lua_spans,
    "object-pascal": printf.pascal_spans,
    "smalltalk": numbered.smalltalk_spans,
    "qt": numbered.qt_spans,
    "qt-plural": numbered.qt_plural_spans,
    "kde": numbered.kde_spans,
    "kde-kuit": numbered.kde_kuit_spans,
    "boost": printf_dialects.boost_spans,
    "tcl": printf.tcl_spans,
    "perl": printf.perl_spans,
    "perl-brace": brace.perl_brace_spans,
    "php": printf.php_spans,
    "gcc-internal": printf_dialects.gcc_internal_spans,
    "gfc-internal": printf_dialects.gfc_internal_spans,
    "ycp": numbered.smalltalk_spans,
}
assert set(_PARSERS) == set(FORMAT_LANGUAGES)
