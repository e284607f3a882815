"""The consistency check (whole catalog) and the glossary's `case:` key."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

import pubtool
from conftest import copy_shipped_project
from pubtool.checks import CheckContext, Finding, check_catalog
from pubtool.checks.consistency import check_consistency
from pubtool.checks.glossary import Glossary, Term, check_glossary, load_glossary
from pubtool.errors import ConfigError
from pubtool.po import load_po, write_po

REPO = Path(__file__).resolve().parents[2]

LEADER = Term("National Leader", (("az", "Ümummilli Lider"),), case="as-written")
ARMY = Term("Soviet Army", (("az", "Sovet Ordusu"),))
TITLE = Term("January 20 Martyrs", (("ru", "Шехид 20 Января"),), case="free")


def context(language: str, *terms: Term) -> CheckContext:
    return CheckContext(source_language="en", language=language, glossary=Glossary(terms))


def catalog(*entries: tuple[str, str] | tuple[str, str, str]) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "az"}
    for line, entry in enumerate(entries, start=1):
        msgid, msgstr, *context_ = entry
        po.append(
            polib.POEntry(
                msgid=msgid,
                msgstr=msgstr,
                msgctxt=context_[0] if context_ else None,
                linenum=line * 10,
            )
        )
    return po


# --- the glossary's case key ------------------------------------------------------------------


def test_case_as_written_requires_the_renderings_letter_case() -> None:
    ctx = context("az", LEADER)
    assert list(check_glossary("the National Leader said", "Ümummilli Lider dedi", ctx)) == []
    assert list(check_glossary("of the National Leader", "Ümummilli Liderin", ctx)) == []
    assert list(check_glossary("of the National Leader", "ümummilli liderin sözü", ctx)) == [
        "'ümummilli liderin' is written 'Ümummilli Lider' (letter case)"
    ]
    assert list(check_glossary("the National Leader", "Xalqın Ümummilli lideri", ctx)) == [
        "'Ümummilli lideri' is written 'Ümummilli Lider' (letter case)"
    ]


def test_a_capital_is_allowed_where_a_sentence_starts() -> None:
    term = Term("national leader", (("ru", "общенациональный лидер"),), case="as-written")
    ctx = context("ru", term)
    ok = "Общенациональный лидер сказал. «Общенациональный лидер» — так."
    assert list(check_glossary("national leader", ok, ctx)) == []
    assert list(check_glossary("national leader", "года, Общенациональный лидер", ctx)) == [
        "'Общенациональный лидер' is written 'общенациональный лидер' (letter case)"
    ]


def test_case_defaults_to_consistent_and_ignores_case_in_the_glossary_check() -> None:
    ctx = context("az", ARMY)
    assert list(check_glossary("the Soviet Army", "sovet ordusu", ctx)) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [("sometimes", "`case` must be one of consistent, as-written, free"), ("[1]", "must be text")],
)
def test_a_bad_case_value_names_the_glossary_and_line(
    tmp_path: Path, value: str, message: str
) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(f"terms:\n  - en: Army\n    az: Ordu\n    case: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_glossary(path)
    assert message in str(raised.value)
    assert raised.value.line == 4
    assert "glossary.yaml" in str(raised.value)


def test_the_shipped_glossary_declares_case_for_the_terms_of_the_pass() -> None:
    glossary = load_glossary(REPO / "locales" / "glossary.yaml")
    cases = {term.source: term.case for term in glossary.terms}
    assert cases["National Leader"] == cases["Soviet Army"] == "as-written"
    assert cases["Milli Majlis (Parliament)"] == "as-written"
    assert cases["January 20 Martyrs"] == "free"
    assert cases["Heydar Aliyev"] == "consistent"


# --- the consistency check --------------------------------------------------------------------


def test_the_same_source_translated_two_ways_is_reported_with_every_place() -> None:
    po = catalog(
        ("Baku, 20 January", "Bakı, 20 yanvar", "2020"),
        ("Baku, 20 January", "Bakı,  20 yanvar", "2021"),  # whitespace is not a difference
        ("Baku, 20 January", "Bakı şəhəri, 20 yanvar", "2022"),
        ("Other", "Başqa"),
    )
    findings = check_catalog(po, "az.po", context("az"), ["consistency"], {})
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.code, finding.line, finding.severity) == ("consistency", 10, "warning")
    assert "translated 2 ways" in finding.message
    assert "az.po:10, az.po:20, az.po:30" in finding.message


def test_a_term_written_in_two_letter_cases_is_reported_once_with_every_place() -> None:
    po = catalog(
        ("The Soviet Army entered Baku.", "Sovet Ordusu Bakıya daxil oldu."),
        ("Units of the Soviet Army", "Sovet Ordusunun hissələri"),
        ("the Soviet Army fired", "sovet ordusu atəş açdı"),
        ("Soviet Army. The end", "Sovet Ordusu. Son"),
    )
    findings = check_catalog(po, "az.po", context("az", ARMY), ["consistency"], {})
    assert len(findings) == 1
    finding = findings[0]
    assert finding.line == 30  # the departure from the usual spelling
    assert finding.msgid == "the Soviet Army fired"
    assert "'Soviet Army' ('Sovet Ordusu') is written 2 ways" in finding.message
    assert "'Sovet Ordusu' 3 times; 'sovet ordusu' once (line 30)" in finding.message
    assert finding.message.endswith("(at az.po:30, az.po:10, az.po:20, az.po:40)")


def test_sentence_initial_capitals_and_free_terms_are_not_variants() -> None:
    leader = Term("national leader", (("ru", "общенациональный лидер"),))
    po = catalog(
        ("national leader said", "Общенациональный лидер сказал"),
        ("the national leader", "как сказал общенациональный лидер"),
        ("January 20 Martyrs", "«Шехид 20 Января»"),
        ("families of January 20 Martyrs", "семьям шехидов 20 Января"),
    )
    assert check_catalog(po, "ru.po", context("ru", leader, TITLE), ["consistency"], {}) == []


def test_suppressed_entries_fuzzy_ones_and_the_source_language_are_left_out() -> None:
    po = catalog(
        ("the Soviet Army", "Sovet Ordusu"),
        ("the Soviet Army", "sovet ordusu", "quoted"),
    )
    po[1].tcomment = "pubtool: ignore consistency (quoted as printed)"
    assert list(check_consistency(po, context("az", ARMY))) == []
    po[1].tcomment = ""
    po[1].flags.append("fuzzy")
    assert list(check_consistency(po, context("az", ARMY))) == []
    po[1].flags.remove("fuzzy")
    assert len(list(check_consistency(po, context("az", ARMY)))) == 2
    english = CheckContext(source_language="en", language="en", glossary=Glossary((ARMY,)))
    assert list(check_consistency(po, english)) == []


def test_a_whole_catalog_check_can_be_turned_off() -> None:
    po = catalog(("a", "x", "1"), ("a", "y", "2"))
    assert check_catalog(po, "az.po", context("az"), ["consistency"], {"consistency": "off"}) == []
    assert (
        check_catalog(po, "az.po", context("az"), ["consistency"], {"consistency": "error"})[
            0
        ].severity
        == "error"
    )


# --- the shipped catalogs and the issue-17 defects --------------------------------------------

#: Edits of the editorial pass about one term written several ways: (language, as shipped,
#: as it was). Put back, each is found by the glossary check (the term's `case:` or its
#: rendering) and, where the catalog writes the term elsewhere, by the consistency check.
TERM_DEFECTS = [
    ("az", "Ümummilli Lider", "Ümummilli lider"),
    ("az", "Sovet Ordusu", "sovet ordusu"),
    ("az", "(parlamentin)", "(Parlamentin)"),
    ("ru", "Меджлиса (парламента),", "Меджлиса (Парламента),"),
    ("ru", "года, общенациональный лидер", "года, Общенациональный лидер"),
    ("az", "XX əsr", "20-ci əsr"),
    ("ru", "XX века", "20-го века"),
]


@pytest.fixture(scope="module")
def term_defects(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[int], list[Finding]]:
    root = copy_shipped_project(tmp_path_factory.mktemp("terms"))
    lines = []
    for language, edited, original in TERM_DEFECTS:
        path = root / "locales" / language / "LC_MESSAGES" / "statements.po"
        po = load_po(path)
        entry = next(e for e in po if edited in e.msgstr)
        entry.msgstr = entry.msgstr.replace(edited, original, 1)
        write_po(po, path, width=79)
        lines.append(load_po(path).find(entry.msgid).linenum)  # type: ignore[union-attr]
    return lines, pubtool.check(pubtool.Project.load(root)).findings


@pytest.mark.parametrize("index", range(len(TERM_DEFECTS)), ids=[d[2] for d in TERM_DEFECTS])
def test_each_term_defect_of_issue_17_is_found_by_the_glossary(
    term_defects: tuple[list[int], list[Finding]], index: int
) -> None:
    lines, findings = term_defects
    language = TERM_DEFECTS[index][0]
    assert any(
        f.code == "glossary" and f.line == lines[index] and f"/{language}/" in f.file
        for f in findings
    )


@pytest.mark.parametrize("index", range(5), ids=[d[2] for d in TERM_DEFECTS[:5]])
def test_each_capitalisation_defect_is_found_by_the_consistency_check_with_every_place(
    term_defects: tuple[list[int], list[Finding]], index: int
) -> None:
    lines, findings = term_defects
    language = TERM_DEFECTS[index][0]
    found = [
        f
        for f in findings
        if f.code == "consistency" and f"/{language}/" in f.file and f.line == lines[index]
    ]
    assert len(found) == 1
    assert f"statements.po:{lines[index]}," in found[0].message
    assert found[0].message.count("statements.po:") >= 2


def test_the_shipped_catalogs_are_consistent() -> None:
    findings = pubtool.check(pubtool.Project.load(REPO)).findings
    assert [f for f in findings if f.code in ("consistency", "glossary")] == []


def test_the_glossarys_own_spelling_is_the_usual_one_even_when_rarer() -> None:
    po = catalog(
        ("the National Leader", "ümummilli liderin sözü"),
        ("the National Leader said", "Xalqın Ümummilli Lideri dedi"),
        ("of the National Leader", "onun, ümummilli liderin"),
    )
    (finding,) = check_catalog(po, "az.po", context("az", LEADER), ["consistency"], {})
    assert finding.line == 10
    assert "'Ümummilli Lideri' once; 'ümummilli liderin' 2 times (line 10, 30)" in (finding.message)
