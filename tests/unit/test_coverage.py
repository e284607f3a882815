"""Coverage counts: the same numbers as `msgfmt --statistics`, plus words, statements and gates."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pubtool.coverage import (
    CatalogCoverage,
    Counts,
    CoverageReport,
    entry_state,
    language_from,
    measure_catalog,
    parse_thresholds,
    shortfalls,
)
from pubtool.po import load_po

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) not installed")

HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: test\\n"
"Language: az\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""

# Every kind of entry msgfmt tells apart; the expected state is in each msgid's comment.
MIXED = HEADER + """
#: statements/2020-01-15-first.md:9
msgid "One translated message"
msgstr "Bir tərcümə"

#, fuzzy
#: statements/2020-01-15-first.md:11
msgid "Fuzzy with text"
msgstr "Qeyri-dəqiq"

#, fuzzy
#: statements/2020-01-15-first.md:13
msgid "Fuzzy without text"
msgstr ""

#: statements/2021-01-19-second.md:9
msgid "Untranslated here"
msgstr ""

#: statements/2021-01-19-second.md:11
msgid "one file"
msgid_plural "many files"
msgstr[0] "fayl"
msgstr[1] "fayllar"

#: statements/2021-01-19-second.md:13
msgid "one folder"
msgid_plural "many folders"
msgstr[0] ""
msgstr[1] "qovluqlar"

#: statements/2021-01-19-second.md:15
msgid "one line"
msgid_plural "many lines"
msgstr[0] "sətir"
msgstr[1] ""

#, fuzzy
#: statements/2020-01-15-first.md:15 statements/2021-01-19-second.md:17
msgid "one page"
msgid_plural "many pages"
msgstr[0] "səhifə"
msgstr[1] "səhifələr"

#: pyproject.toml:2
msgctxt "menu"
msgid "Open"
msgstr "Aç"

#~ msgid "Gone"
#~ msgstr "Getdi"

#, fuzzy
#~ msgid "Gone and fuzzy"
#~ msgstr "Getdi, amma"
"""

# translated: "One translated message" (3 words), "one file" (2), "one line" (2), "Open" (1)
# fuzzy: "Fuzzy with text" (3), "one page" (2)
# untranslated: "Fuzzy without text" (3), "Untranslated here" (2), "one folder" (2)
MIXED_COUNTS = Counts(
    translated=4, fuzzy=2, untranslated=3, obsolete=2,
    words_total=20, words_translated=8, words_fuzzy=5, words_untranslated=7,
)

STATISTICS = re.compile(
    r"(?P<translated>\d+) translated messages?"
    r"(?:, (?P<fuzzy>\d+) fuzzy translations?)?"
    r"(?:, (?P<untranslated>\d+) untranslated messages?)?\.",
)


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as `msgfmt --statistics` reports them, in English."""
    assert MSGFMT is not None
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "LANGUAGE": ""}
    result = subprocess.run(
        [MSGFMT, "--statistics", "-o", os.devnull, str(path)],
        capture_output=True, text=True, env=env, check=True,
    )
    match = STATISTICS.search(result.stderr)
    assert match, f"unexpected msgfmt output: {result.stderr!r}"
    return tuple(int(match.group(name) or 0) for name in ("translated", "fuzzy", "untranslated"))


def write_po(folder: Path, text: str, name: str = "az.po") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def measure_file(path: Path, **options: object) -> CatalogCoverage:
    return measure_catalog(load_po(path), path=path.name, language="az", **options)  # type: ignore[arg-type]


def message_counts(counts: Counts) -> tuple[int, int, int]:
    return counts.translated, counts.fuzzy, counts.untranslated


# --- counts against msgfmt --------------------------------------------------------------------


def test_mixed_catalog_counts(tmp_path: Path) -> None:
    result = measure_file(write_po(tmp_path, MIXED))
    assert result.counts == MIXED_COUNTS
    assert result.counts.total == 9
    assert result.counts.percent == pytest.approx(100 * 4 / 9)
    assert result.counts.percent_words == pytest.approx(100 * 8 / 20)
    assert result.missing_from_catalog == 0


@needs_msgfmt
def test_mixed_catalog_agrees_with_msgfmt(tmp_path: Path) -> None:
    path = write_po(tmp_path, MIXED)
    assert message_counts(measure_file(path).counts) == msgfmt_statistics(path) == (4, 2, 3)


@needs_msgfmt
def test_header_only_and_fuzzy_header_are_not_counted(tmp_path: Path) -> None:
    path = write_po(tmp_path, HEADER)
    assert message_counts(measure_file(path).counts) == msgfmt_statistics(path) == (0, 0, 0)
    fuzzy_header = "#, fuzzy\n" + HEADER + '\nmsgid "Hello"\nmsgstr "Salam"\n'
    path = write_po(tmp_path, fuzzy_header, "fuzzy-header.po")
    assert message_counts(measure_file(path).counts) == msgfmt_statistics(path) == (1, 0, 0)


@needs_msgfmt
def test_empty_msgid_with_context_is_a_message_not_the_header(tmp_path: Path) -> None:
    text = HEADER + '\nmsgctxt "label"\nmsgid ""\nmsgstr "Etiket"\n\nmsgid "a"\nmsgstr ""\n'
    path = write_po(tmp_path, text)
    assert message_counts(measure_file(path).counts) == msgfmt_statistics(path) == (1, 0, 1)


@needs_msgfmt
def test_only_obsolete_entries(tmp_path: Path) -> None:
    path = write_po(tmp_path, HEADER + '\n#~ msgid "Old"\n#~ msgstr "Köhnə"\n')
    result = measure_file(path)
    assert message_counts(result.counts) == msgfmt_statistics(path) == (0, 0, 0)
    assert result.counts.obsolete == 1
    assert result.counts.percent == 100.0  # nothing to translate is complete


def test_entry_state_rules() -> None:
    def entry(**fields: object) -> polib.POEntry:
        return polib.POEntry(**fields)

    assert entry_state(entry(msgid="a", msgstr="b")) == "translated"
    assert entry_state(entry(msgid="a", msgstr="")) == "untranslated"
    assert entry_state(entry(msgid="a", msgstr="b", flags=["fuzzy"])) == "fuzzy"
    assert entry_state(entry(msgid="a", msgstr="", flags=["fuzzy"])) == "untranslated"
    plural = {"msgid": "a", "msgid_plural": "as"}
    assert entry_state(entry(**plural, msgstr_plural={0: "b", 1: ""})) == "translated"
    assert entry_state(entry(**plural, msgstr_plural={0: "", 1: "bs"})) == "untranslated"
    assert entry_state(entry(**plural, msgstr_plural={0: "b", 1: "bs"}, flags=["fuzzy"])) == "fuzzy"
    # the source language's own catalog: empty is complete, fuzzy is still never translated
    assert entry_state(entry(msgid="a", msgstr=""), source_language=True) == "translated"
    fuzzy = entry(msgid="a", msgstr="b", flags=["fuzzy"])
    assert entry_state(fuzzy, source_language=True) == "fuzzy"


def test_source_language_catalog_empty_entries_are_complete(tmp_path: Path) -> None:
    result = measure_file(write_po(tmp_path, MIXED), source_language=True)
    # "Untranslated here" and "one folder" become translated; the fuzzy ones stay as they are
    assert message_counts(result.counts) == (6, 2, 1)
    assert result.counts.words_translated == 12
    assert result.counts.words_untranslated == 3
    source_only = HEADER + '\nmsgid "Hello there"\nmsgstr ""\n\nmsgid "Bye"\nmsgstr ""\n'
    result = measure_file(write_po(tmp_path, source_only, "en.po"), source_language=True)
    assert result.counts.percent == 100.0 and result.counts.words_translated == 3
    result = measure_file(tmp_path / "en.po")  # the same file as another language's catalog
    assert result.counts.percent == 0.0 and result.counts.untranslated == 2


# --- a property: any small catalog agrees with msgfmt -----------------------------------------


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


TEXT = st.sampled_from(["", "", "tərcümə", "перевод", 'with "quotes"', "two words"])


@st.composite
def catalog_texts(draw: st.DrawFn) -> str:
    blocks = [("#, fuzzy\n" if draw(st.booleans()) else "") + HEADER]
    for number in range(draw(st.integers(min_value=0, max_value=8))):
        obsolete = draw(st.booleans())
        prefix = "#~ " if obsolete else ""
        lines = []
        if draw(st.booleans()):
            lines.append("#, fuzzy")
        if not obsolete:
            lines.append(f"#: statements/2020-01-15-s{number % 3}.md:{number + 1}")
        source = f"message number {number}"
        if draw(st.booleans()):
            lines.append(f"{prefix}msgctxt {quoted(f'context {number}')}")
            if draw(st.integers(0, 4)) == 0:
                source = ""  # with a context, an empty msgid is a message like any other
        lines.append(f"{prefix}msgid {quoted(source)}")
        if draw(st.booleans()):
            lines.append(f"{prefix}msgid_plural {quoted(f'messages number {number}')}")
            lines.append(f"{prefix}msgstr[0] {quoted(draw(TEXT))}")
            lines.append(f"{prefix}msgstr[1] {quoted(draw(TEXT))}")
        else:
            lines.append(f"{prefix}msgstr {quoted(draw(TEXT))}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


@needs_msgfmt
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=catalog_texts())
def test_property_counts_agree_with_msgfmt(tmp_path: Path, text: str) -> None:
    path = write_po(tmp_path, text, "random.po")
    result = measure_file(path)
    assert message_counts(result.counts) == msgfmt_statistics(path)
    assert result.counts.obsolete == text.count("#~ msgid ")
    counts = result.counts
    words = counts.words_translated + counts.words_fuzzy + counts.words_untranslated
    assert counts.words_total == words
    # "message number N": three words each, an empty msgid none
    empty = len(re.findall(r'^msgid ""$', text, flags=re.MULTILINE)) - 1  # less the header
    assert counts.words_total == 3 * (counts.total - empty)


# --- words ----------------------------------------------------------------------------------


def test_words_are_counted_on_the_source_text(tmp_path: Path) -> None:
    text = HEADER + textwrap.dedent("""
        msgid "On January 19-20, 1990, 147 civilians were killed in *Baku*."
        msgstr "1990-cı il yanvarın 19-dan 20-nə keçən gecə *Bakıda* 147 mülki şəxs öldürülüb."

        msgid "Heydar Aliyev's statement"
        msgstr ""
        """)
    counts = measure_file(write_po(tmp_path, text)).counts
    assert counts.words_translated == 10  # On January 19-20 1990 147 civilians were killed in Baku
    assert counts.words_untranslated == 3  # Heydar Aliyev's statement
    assert counts.words_total == 13 and counts.words_fuzzy == 0
    assert counts.percent == 50.0
    assert counts.percent_words == pytest.approx(100 * 10 / 13)


# --- against a template: stale catalogs -------------------------------------------------------


TEMPLATE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: statements/2020-01-15-first.md:3
msgid "First title"
msgstr ""

#: statements/2020-01-15-first.md:9 statements/2021-01-19-second.md:9
msgid "Shared paragraph here"
msgstr ""

#: statements/2021-01-19-second.md:3
msgid "Second title"
msgstr ""

#: statements/2021-01-19-second.md:11
msgid "A new paragraph"
msgstr ""

#: pyproject.toml:2
msgid "Collection title"
msgstr ""
"""

STALE = HEADER + """
#: statements/2020-01-15-first.md:3
msgid "First title"
msgstr "Birinci başlıq"

#, fuzzy
#: statements/2020-01-15-first.md:9 statements/2021-01-19-second.md:9
msgid "Shared paragraph here"
msgstr "Ortaq abzas"

#: statements/2021-01-19-second.md:3
msgid "Second title"
msgstr ""

#: statements/2022-01-01-dropped.md:3
msgid "No longer in the template"
msgstr "Artıq yoxdur"

#~ msgid "Obsolete one"
#~ msgstr "Köhnə"
"""


def test_stale_catalog_measured_against_template(tmp_path: Path) -> None:
    template = load_po(write_po(tmp_path, TEMPLATE, "statements.pot"))
    result = measure_file(write_po(tmp_path, STALE), template=template)
    # "A new paragraph" and "Collection title" are not in the catalog yet: untranslated
    assert result.missing_from_catalog == 2
    assert message_counts(result.counts) == (1, 1, 3)
    assert result.counts.obsolete == 1
    # the message the template dropped is not counted at all
    assert result.counts.words_total == 2 + 3 + 2 + 3 + 2
    assert result.counts.words_untranslated == 2 + 3 + 2
    # the source language's catalog is stale too: what is missing is not complete
    result = measure_file(tmp_path / "az.po", template=template, source_language=True)
    assert result.missing_from_catalog == 2
    assert message_counts(result.counts) == (2, 1, 2)


def test_missing_catalog_is_all_missing(tmp_path: Path) -> None:
    template = load_po(write_po(tmp_path, TEMPLATE, "statements.pot"))
    result = measure_catalog(polib.POFile(), path="az.po", language="az", template=template)
    assert result.missing_from_catalog == 5
    assert message_counts(result.counts) == (0, 0, 5)


def test_context_is_part_of_the_key(tmp_path: Path) -> None:
    template = load_po(write_po(tmp_path, HEADER + '\nmsgctxt "menu"\nmsgid "Open"\nmsgstr ""\n',
                                "statements.pot"))
    catalog = write_po(tmp_path, HEADER + '\nmsgid "Open"\nmsgstr "Aç"\n')
    result = measure_file(catalog, template=template)
    assert result.missing_from_catalog == 1 and result.counts.translated == 0


# --- by statement ---------------------------------------------------------------------------


def test_by_statement_from_locations(tmp_path: Path) -> None:
    template = load_po(write_po(tmp_path, TEMPLATE, "statements.pot"))
    result = measure_file(write_po(tmp_path, STALE), template=template)
    assert set(result.by_statement) == {"2020-01-15-first", "2021-01-19-second"}
    first = result.by_statement["2020-01-15-first"]
    assert message_counts(first) == (1, 1, 0)
    assert first.words_total == 2 + 3
    second = result.by_statement["2021-01-19-second"]
    assert message_counts(second) == (0, 1, 2)  # the shared paragraph belongs to both
    # "Collection title" (pyproject.toml) belongs to no statement, but counts for the catalog
    assert result.counts.total == 5


def test_by_statement_without_template_and_a_shared_message_counted_once(tmp_path: Path) -> None:
    result = measure_file(write_po(tmp_path, MIXED))
    first = result.by_statement["2020-01-15-first"]
    second = result.by_statement["2021-01-19-second"]
    assert message_counts(first) == (1, 2, 1)
    assert message_counts(second) == (2, 1, 2)
    shared = HEADER + textwrap.dedent("""
        #: statements/2020-01-15-first.md:3 statements/2020-01-15-first.md:9
        msgid "Twice in one statement"
        msgstr "İki dəfə"
        """)
    result = measure_file(write_po(tmp_path, shared, "shared.po"))
    assert result.by_statement["2020-01-15-first"].translated == 1


def test_report_by_language_and_statement_merge_catalogs() -> None:
    report = CoverageReport(catalogs=[
        CatalogCoverage("a/az.po", "az", Counts(translated=3, untranslated=1),
                        {"s1": Counts(translated=3, untranslated=1)}),
        CatalogCoverage("b/az.po", "az", Counts(translated=1, fuzzy=1),
                        {"s1": Counts(fuzzy=1), "s2": Counts(translated=1)}),
        CatalogCoverage("ru.po", "ru", Counts(untranslated=2), {"s2": Counts(untranslated=2)}),
    ])
    languages = report.by_language()
    assert list(languages) == ["az", "ru"]
    assert message_counts(languages["az"]) == (4, 1, 1)
    statements = report.by_statement()
    assert list(statements) == ["s1", "s2"]
    assert message_counts(statements["s1"]["az"]) == (3, 1, 1)
    assert list(statements["s2"]) == ["az", "ru"]
    data = report.as_dict()
    assert data["schema"] == 1
    assert [c["path"] for c in data["catalogs"]] == ["a/az.po", "b/az.po", "ru.po"]  # type: ignore[index]


def test_language_from_header_or_path(tmp_path: Path) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Language": "ru"}
    assert language_from(catalog, Path("locales/az/LC_MESSAGES/statements.po")) == "ru"
    catalog.metadata = {}
    assert language_from(catalog, Path("locales/az/LC_MESSAGES/statements.po")) == "az"
    assert language_from(catalog, Path("po/de.po")) == "de"


# --- gates ----------------------------------------------------------------------------------


def gate_report() -> CoverageReport:
    return CoverageReport(catalogs=[
        CatalogCoverage("az.po", "az", Counts(translated=10),
                        {"s1": Counts(translated=5), "s2": Counts(translated=5)}),
        CatalogCoverage("ru.po", "ru", Counts(translated=9, fuzzy=1),
                        {"s1": Counts(translated=5), "s2": Counts(translated=4, fuzzy=1)}),
        CatalogCoverage("en.po", "en", Counts(translated=5, untranslated=5),
                        {"s1": Counts(translated=5), "s2": Counts(untranslated=5)}),
    ])


def test_shortfalls_with_default_bar() -> None:
    report = gate_report()
    found = shortfalls(report, {"*": 95})
    assert [(s.language, s.statement) for s in found] == [("ru", None), ("en", None)]
    assert found[0].percent == 90.0 and found[0].threshold == 95
    assert str(found[0]) == "ru: 90.0% translated, below 95%"
    assert shortfalls(report, {"*": 50}) == []
    assert shortfalls(report, {}) == []


def test_shortfalls_per_language() -> None:
    report = gate_report()
    found = shortfalls(report, {"az": 100, "ru": 80})
    assert found == []  # en has no bar of its own and there is no default
    found = shortfalls(report, {"*": 0, "ru": 100})
    assert [(s.language, s.threshold) for s in found] == [("ru", 100)]
    found = shortfalls(report, {"*": 100, "en": 0})
    assert [s.language for s in found] == ["ru"]


def test_shortfalls_per_statement() -> None:
    report = gate_report()
    assert shortfalls(report, {"*": 50}, per_statement=False) == []
    found = shortfalls(report, {"*": 50}, per_statement=True)
    assert [(s.language, s.statement) for s in found] == [("en", "s2")]
    assert found[0].percent == 0.0
    assert str(found[0]) == "en s2: 0.0% translated, below 50%"
    found = shortfalls(report, {"ru": 100}, per_statement=True)
    assert [(s.language, s.statement) for s in found] == [("ru", None), ("ru", "s2")]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["95"], {"*": 95.0}),
        (["az=100,ru=80"], {"az": 100.0, "ru": 80.0}),
        (["90", "az=100"], {"*": 90.0, "az": 100.0}),
        ([" az = 99.5 , ru=0, "], {"az": 99.5, "ru": 0.0}),
        (["az=50", "az=70"], {"az": 70.0}),
        (["0"], {"*": 0.0}),
        (["100"], {"*": 100.0}),
    ],
)
def test_parse_thresholds(values: list[str], expected: dict[str, float]) -> None:
    assert parse_thresholds(values) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "is not a percentage"),
        ("az=", "is not a percentage"),
        ("az=lots", "is not a percentage"),
        ("95 percent", "is not a percentage"),
        ("95%%", "is not a percentage"),
        ("101", "between 0 and 100"),
        ("ru=-1", "between 0 and 100"),
        ("nan", "between 0 and 100"),
        ("inf", "between 0 and 100"),
    ],
)
def test_parse_thresholds_refuses(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_thresholds([value])


def test_parse_thresholds_takes_a_percent_sign_as_people_write_it() -> None:
    assert parse_thresholds(["60%", "de=80 %"]) == {"*": 60.0, "de": 80.0}
