"""XLIFF export and import: stable units, exact round trips, refusals that change nothing."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from lxml import etree

from pubtool.catalogs import extract_template, update_catalogs
from pubtool.errors import ExchangeError, GateFailed
from pubtool.exchange import export_tmx, export_xliff, import_xliff
from pubtool.exchange.inline import segment
from pubtool.exchange.units import unit_id
from pubtool.exchange.xliff import XLIFF_NS
from pubtool.po import format_po, load_po
from pubtool.project import Project, load_project

REPO = Path(__file__).resolve().parents[2]
NS = {"x": XLIFF_NS}
EMPHASIS = "On the night of January 19-20, 1990, 147 civilians were killed in *Baku*."
SHARED = "The statement was sent to the UN Secretary-General."
SIGNATURE = "Commissioner for Human Rights\n(Ombudsman) of the Republic of Azerbaijan"


def translated_project(
    root: Path, translations: dict[str, str], fuzzy: frozenset[str] = frozenset()
) -> Project:
    project = load_project(root)
    extract_template(project)
    update_catalogs(project, ["az", "ru"])
    path = project.catalog_path("az")
    catalog = load_po(path)
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            if entry.msgid in fuzzy:
                entry.flags.append("fuzzy")
                entry.previous_msgid = entry.msgid.replace("147", "140")
    path.write_text(format_po(catalog, project.width), encoding="utf-8")
    return project


AZ = {
    EMPHASIS: "1990-cı il yanvarın 19-dan 20-nə keçən gecə *Bakıda* 147 dinc sakin öldürüldü.",
    SHARED: "Bəyanat BMT-nin Baş katibinə göndərildi.",
    SIGNATURE: "Azərbaycan Respublikasının\nİnsan hüquqları üzrə müvəkkili (ombudsman)",
}


@pytest.fixture
def project(project_dir: Path) -> Project:
    return translated_project(project_dir, AZ)


def write_xliff(project: Project, name: str = "az.xlf", **kwargs: object) -> Path:
    path = project.root / name
    path.write_bytes(export_xliff(project, "az", **kwargs))  # type: ignore[arg-type]
    return path


def units(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {u.get("id"): u for u in root.iterfind(".//x:trans-unit", NS)}


def catalog_bytes(project: Project) -> dict[str, bytes]:
    return {lang: project.catalog_path(lang).read_bytes() for lang in ("az", "ru")}


def az_entry(project: Project, msgid: str) -> polib.POEntry:
    return next(e for e in load_po(project.catalog_path("az")) if e.msgid == msgid)


# --- export ---------------------------------------------------------------------------------


def test_one_file_per_statement_and_shared_messages_in_the_first(project: Project) -> None:
    root = etree.fromstring(export_xliff(project, "az"))
    files = root.findall("x:file", NS)
    assert [f.get("original") for f in files] == [
        "pyproject.toml",
        "statements/2020-01-15-first.md",
        "statements/2021-01-19-second.md",
    ]
    for file in files:
        assert (file.get("source-language"), file.get("target-language")) == ("en", "az")
    shared = unit_id(SHARED)
    owners = [f.get("original") for f in files for u in f.iterfind(".//x:trans-unit", NS)
              if u.get("id") == shared]
    assert owners == ["statements/2020-01-15-first.md"]
    # Exporting the second statement alone still gives the translator every one of its texts.
    only = etree.fromstring(export_xliff(project, "az", ["2021-01-19-second"]))
    assert [f.get("original") for f in only.findall("x:file", NS)] == [
        "statements/2021-01-19-second.md"
    ]
    assert shared in {u.get("id") for u in only.iterfind(".//x:trans-unit", NS)}


def test_unit_ids_are_stable_and_states_notes_and_codes_are_written(project: Project) -> None:
    first = write_xliff(project)
    assert export_xliff(project, "az") == first.read_bytes()  # deterministic
    found = units(first)
    unit = found[unit_id(EMPHASIS)]
    assert unit.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    source, target = unit.find("x:source", NS), unit.find("x:target", NS)
    assert [g.get("ctype") for g in source.iterfind("x:g", NS)] == ["italic"]
    assert source.find("x:g", NS).text == "Baku" and target.find("x:g", NS).text == "Bakıda"
    assert target.get("state") == "translated" and unit.get("approved") == "yes"
    notes = {n.get("from"): n.text for n in unit.iterfind("x:note", NS)}
    assert "statement: 2020-01-15-first" in notes["developer"]
    signature = found[unit_id(SIGNATURE)]
    assert [x.get("ctype") for x in signature.iterfind("x:source/x:x", NS)] == ["lb"]
    untranslated = next(u for u in found.values() if u.find("x:target", NS).get("state") == "new")
    assert untranslated.find("x:target", NS).text is None


def test_fuzzy_is_needs_review_with_the_previous_source(project_dir: Path) -> None:
    project = translated_project(project_dir, AZ, fuzzy=frozenset({EMPHASIS}))
    unit = units(write_xliff(project))[unit_id(EMPHASIS)]
    assert unit.find("x:target", NS).get("state") == "needs-review-translation"
    notes = {n.get("from"): n.text for n in unit.iterfind("x:note", NS)}
    assert notes["pubtool"] == "Previous source: " + EMPHASIS.replace("147", "140")


def test_export_refuses_the_source_language_and_unknown_statements(project: Project) -> None:
    with pytest.raises(ExchangeError, match="source language"):
        export_xliff(project, "en")
    with pytest.raises(ExchangeError, match="de is not one of this project's languages"):
        export_xliff(project, "de")
    with pytest.raises(ExchangeError, match="--statement nope"):
        export_xliff(project, "az", ["nope"])


# --- import ---------------------------------------------------------------------------------


def test_round_trip_of_the_shipped_project_is_byte_identical(
    tmp_path: Path, shipped_project: Path
) -> None:
    root = shipped_project
    project = load_project(root)
    before = {p: p.read_bytes() for p in (root / "locales").rglob("*") if p.is_file()}
    times = {p: p.stat().st_mtime_ns for p in before}
    paths = []
    for language in ("az", "ru"):
        paths.append(root / f"{language}.xlf")
        paths[-1].write_bytes(export_xliff(project, language))
    report = import_xliff(project, paths)
    assert report.unchanged == 2 * len(list(units(paths[0])))
    assert (report.translated, report.fuzzy, report.stale) == (0, 0, [])
    after = {p: p.read_bytes() for p in (root / "locales").rglob("*") if p.is_file()}
    assert after == before  # not even a lock file left behind
    assert all(p.stat().st_mtime_ns == t for p, t in times.items())
    # The field's own reader sees every message of the catalog, with its translation.
    from translate.storage import xliff

    read = [u for u in xliff.xlifffile(paths[1].read_bytes()).units if not u.isheader()]
    catalog = [e for e in load_po(project.catalog_path("ru")) if e.msgid and not e.obsolete]
    states = {u.getid().rsplit("\x04", 1)[-1]: u.istranslated() for u in read}
    assert len(read) == len(catalog) > 200
    assert states == {unit_id(e.msgid): bool(e.msgstr and not e.fuzzy) for e in catalog}


def edit_target(path: Path, ident: str, new_target: str, state: str = "translated") -> None:
    """Replace a unit's target the way a CAT tool writes it (raw XML, codes and all)."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(
        r'(<trans-unit id="' + ident + r'"[^>]*>\s*<source>.*?</source>\s*)'
        r"<target[^>]*?(/>|>.*?</target>)",
        re.S,
    )
    replacement = f'<target state="{state}">{new_target}</target>'
    text, count = pattern.subn(lambda m: m.group(1) + replacement, text)
    assert count == 1
    path.write_text(text, encoding="utf-8")


def test_an_edited_target_arrives_in_the_catalog(project: Project) -> None:
    path = write_xliff(project)
    edit_target(path, unit_id(SHARED), "Bəyanat BMT Baş katibinə göndərilmişdir.")
    edit_target(path, unit_id(EMPHASIS), 'Gecə <g id="1" ctype="italic">Bakıda</g> 147 nəfər.')
    report = import_xliff(project, [path])
    assert (report.translated, report.fuzzy) == (2, 0)
    assert az_entry(project, SHARED).msgstr == "Bəyanat BMT Baş katibinə göndərilmişdir."
    assert az_entry(project, EMPHASIS).msgstr == "Gecə *Bakıda* 147 nəfər."
    assert report.catalogs == {"locales/az/LC_MESSAGES/statements.po": True}
    # The file is still as pubtool writes it.
    text = project.catalog_path("az").read_text(encoding="utf-8")
    assert text == format_po(load_po(project.catalog_path("az")), project.width)


def test_states_other_than_finished_arrive_fuzzy(project: Project) -> None:
    path = write_xliff(project)
    edit_target(
        path, unit_id("Second statement"), "İkinci bəyanat", state="needs-review-translation"
    )
    report = import_xliff(project, [path])
    assert report.fuzzy == 1
    entry = az_entry(project, "Second statement")
    assert entry.msgstr == "İkinci bəyanat" and entry.fuzzy


def test_a_finished_translation_clears_fuzzy_and_the_previous_source(project_dir: Path) -> None:
    project = translated_project(project_dir, AZ, fuzzy=frozenset({EMPHASIS}))
    path = write_xliff(project)
    text = path.read_text(encoding="utf-8").replace(
        'approved="no"', 'approved="yes"'
    ).replace('state="needs-review-translation"', 'state="final"')
    path.write_text(text, encoding="utf-8")
    import_xliff(project, [path])
    entry = az_entry(project, EMPHASIS)
    assert not entry.fuzzy and entry.previous_msgid is None and entry.msgstr == AZ[EMPHASIS]


def test_stale_units_are_listed_and_the_rest_applied(project: Project) -> None:
    path = write_xliff(project)
    edit_target(path, unit_id(SHARED), "Bəyanat göndərildi.")
    statement = project.statements_dir / "2020-01-15-first.md"
    statement.write_text(
        statement.read_text(encoding="utf-8").replace("147 civilians", "147 peaceful people"),
        encoding="utf-8",
    )
    extract_template(project)
    update_catalogs(project, ["az", "ru"])
    report = import_xliff(project, [path])
    assert [s.unit for s in report.stale] == [unit_id(EMPHASIS)]
    new_id = unit_id(EMPHASIS.replace("147 civilians", "147 peaceful people"))
    assert report.stale[0].reason == f"source changed since the export (now unit {new_id}, fuzzy)"
    assert report.stale[0].line
    assert az_entry(project, SHARED).msgstr == "Bəyanat göndərildi."
    with pytest.raises(GateFailed) as failed:
        report.raise_for_stale()
    assert failed.value.exit_code == 1


def test_a_source_edited_in_the_cat_tool_is_stale(project: Project) -> None:
    path = write_xliff(project)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "<source>Second statement</source>", "<source>Second Statement</source>"
        ),
        encoding="utf-8",
    )
    report = import_xliff(project, [path])
    assert [s.reason for s in report.stale] == ["source differs from the catalog's"]


@pytest.mark.parametrize(
    "target, problem",
    [
        ("Gecə Bakıda 147 nəfər.", "inline code 1 (italic '*') lost"),
        ('<g id="1" ctype="italic">Bakıda</g> <g id="1" ctype="italic">x</g>', "repeated"),
        ('<g id="7" ctype="bold">Bakıda</g>', "<g id='7'> is not in the source"),
        ('<x id="1" ctype="lb"/>Bakıda', "<x id='1'> is not in the source"),
        ('<bpt id="1">*</bpt>Bakıda<ept id="1">*</ept>', "<bpt> is not an inline code"),
    ],
)
def test_a_target_that_lost_or_broke_a_code_is_refused(
    project: Project, target: str, problem: str
) -> None:
    path = write_xliff(project)
    edit_target(path, unit_id(SHARED), "Bəyanat göndərildi.")  # a good unit is not applied either
    edit_target(path, unit_id(EMPHASIS), target)
    before = catalog_bytes(project)
    with pytest.raises(ExchangeError) as refused:
        import_xliff(project, [path])
    message = str(refused.value)
    assert message.startswith(f"{path}:") and unit_id(EMPHASIS) in message
    assert problem in message and "\n" not in message
    assert catalog_bytes(project) == before


def test_a_translation_without_the_source_markup_goes_out_and_back_unchanged(
    project_dir: Path,
) -> None:
    project = translated_project(project_dir, {**AZ, EMPHASIS: "Gecə _Bakıda_ 147 nəfər."})
    path = write_xliff(project)
    target = units(path)[unit_id(EMPHASIS)].find("x:target", NS)
    assert len(target) == 0 and target.text == "Gecə _Bakıda_ 147 nəfər."  # plain, as it is
    before = catalog_bytes(project)
    assert import_xliff(project, [path]).unchanged == len(AZ)
    assert catalog_bytes(project) == before
    edit_target(path, unit_id(EMPHASIS), "Gecə Bakıda 147 nəfər.")  # an edit must keep the code
    with pytest.raises(ExchangeError, match="lost"):
        import_xliff(project, [path])


def test_a_line_break_code_comes_back_as_a_newline(project: Project) -> None:
    path = write_xliff(project)
    edit_target(path, unit_id(SIGNATURE), 'Müvəkkil<x id="1" ctype="lb"/>(ombudsman)')
    import_xliff(project, [path])
    assert az_entry(project, SIGNATURE).msgstr == "Müvəkkil\n(ombudsman)"


def refused(project: Project, path: Path) -> str:
    before = catalog_bytes(project)
    with pytest.raises(ExchangeError) as error:
        import_xliff(project, [path])
    assert catalog_bytes(project) == before
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_malformed_xml_is_refused_with_its_line(project: Project) -> None:
    path = write_xliff(project)
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if "</source>" in line)
    lines[broken] = lines[broken].replace("</source>", "</sauce>")
    path.write_text("\n".join(lines), encoding="utf-8")
    message = refused(project, path)
    assert message.startswith(f"{path}:{broken + 1}: not well-formed XML")


def test_wrong_language_another_project_unknown_ids_are_refused(project: Project) -> None:
    path = write_xliff(project)
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace('target-language="az"', 'target-language="de"'), "utf-8")
    assert "target-language 'de' is not one of this project's (az, ru)" in refused(project, path)
    path.write_text(original.replace('source-language="en"', 'source-language="fr"'), "utf-8")
    assert "source-language 'fr'" in refused(project, path)
    path.write_text(original.replace('product-name="Test statements"', 'product-name="Other"'),
                    "utf-8")
    assert "from another project ('Other'" in refused(project, path)
    path.write_text(original.replace("statements/2021-01-19-second.md", "statements/x.md"), "utf-8")
    assert "names no statement of this project" in refused(project, path)
    path.write_text(original.replace(f'id="{unit_id(SHARED)}"', 'id="tu-7"', 1), "utf-8")
    assert "unit 'tu-7': unknown unit id" in refused(project, path)
    path.write_text('<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff'
                    ':document:2.0" srcLang="en"/>', "utf-8")
    assert "XLIFF 2.0 is not supported" in refused(project, path)


def test_entities_are_not_expanded(project: Project) -> None:
    path = project.root / "bomb.xlf"
    path.write_text('<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY a "aaaa">]>'
                    '<xliff version="1.2"><file>&a;</file></xliff>', "utf-8")
    assert "DOCTYPE" in refused(project, path)


def test_the_same_unit_with_two_targets_is_refused(project: Project) -> None:
    first = write_xliff(project, "one.xlf")
    second = write_xliff(project, "two.xlf")
    edit_target(second, unit_id(SHARED), "Başqa tərcümə.")
    with pytest.raises(ExchangeError, match="has another target"):
        import_xliff(project, [first, second])


# --- translate-toolkit reads what we write, unit for unit -----------------------------------


def plain(markdown: str) -> str:
    """The text of a message without its codes: what a reader of `<source>` text sees."""
    return "".join(p for p in segment(markdown).pieces if isinstance(p, str))


def test_translate_toolkit_reads_the_xliff_unit_for_unit(project: Project) -> None:
    from translate.storage import xliff

    store = xliff.xlifffile(export_xliff(project, "az"))
    read = [u for u in store.units if not u.isheader()]
    catalog = [e for e in load_po(project.catalog_path("az")) if e.msgid and not e.obsolete]
    assert len(read) == len(catalog)
    by_id = {u.getid().rsplit("\x04", 1)[-1]: u for u in read}
    assert set(by_id) == {unit_id(e.msgid) for e in catalog}
    for entry in catalog:
        unit = by_id[unit_id(entry.msgid)]
        assert unit.source == plain(entry.msgid)
        assert (unit.target or "") == plain(entry.msgstr)
        assert unit.istranslated() == bool(entry.msgstr and not entry.fuzzy)


def test_translate_toolkit_reads_the_tmx_unit_for_unit(project: Project) -> None:
    from translate.storage import tmx

    store = tmx.tmxfile(export_tmx(project, "az"))
    pairs = {(u.source, u.target) for u in store.units}
    expected = {(e.msgid, e.msgstr) for e in load_po(project.catalog_path("az"))
                if e.msgid and e.msgstr and not e.fuzzy and not e.obsolete}
    assert pairs == expected and len(store.units) == len(expected) == 3


# --- three-way merge: the target as exported is the base ------------------------------------


def edit_catalog(project: Project, msgid: str, msgstr: str) -> None:
    """A translator's edit in a PO editor after the export."""
    path = project.catalog_path("az")
    catalog = load_po(path)
    for entry in catalog:
        if entry.msgid == msgid:
            entry.msgstr = msgstr
    path.write_text(format_po(catalog, project.width), encoding="utf-8")


def test_a_unit_changed_in_both_is_a_conflict_and_the_others_apply(project: Project) -> None:
    path = write_xliff(project)
    edit_catalog(project, SHARED, "Bəyanat Baş katibə göndərildi (redaktə).")
    edit_target(path, unit_id(SHARED), "Bəyanat BMT Baş katibinə göndərilmişdir.")
    edit_target(path, unit_id(SIGNATURE), 'Müvəkkil<x id="1" ctype="lb"/>(ombudsman)')
    report = import_xliff(project, [path])
    assert [c.unit for c in report.conflicts] == [unit_id(SHARED)]
    conflict = report.conflicts[0]
    assert conflict.file.endswith("az.xlf") and conflict.line and conflict.catalog_line
    assert conflict.catalog == "locales/az/LC_MESSAGES/statements.po"
    assert f"az.xlf:{conflict.line}: unit {unit_id(SHARED)} (az)" in str(conflict)
    assert az_entry(project, SHARED).msgstr == "Bəyanat Baş katibə göndərildi (redaktə)."
    assert az_entry(project, SIGNATURE).msgstr == "Müvəkkil\n(ombudsman)"
    assert report.exit_code == 1
    with pytest.raises(GateFailed, match="changed in the project and in the imported file"):
        report.raise_for_stale()


def test_a_unit_changed_only_in_the_catalog_keeps_the_catalogs_text(project: Project) -> None:
    path = write_xliff(project)
    edit_catalog(project, SHARED, "Bəyanat Baş katibə göndərildi (redaktə).")
    report = import_xliff(project, [path])
    assert (report.kept, report.conflicts, report.translated) == (1, [], 0)
    assert az_entry(project, SHARED).msgstr == "Bəyanat Baş katibə göndərildi (redaktə)."
    assert report.exit_code == 0


def test_force_takes_the_xliffs_side_for_the_units_named(project: Project) -> None:
    path = write_xliff(project)
    edit_catalog(project, SHARED, "Bəyanat Baş katibə göndərildi (redaktə).")
    edit_catalog(project, EMPHASIS, "Gecə *Bakıda* (redaktə).")
    edit_target(path, unit_id(SHARED), "Bəyanat BMT Baş katibinə göndərilmişdir.")
    edit_target(path, unit_id(EMPHASIS), 'Gecə <g id="1" ctype="italic">Bakıda</g> (XLIFF).')
    report = import_xliff(project, [path], force=[unit_id(SHARED)])
    assert [c.unit for c in report.conflicts] == [unit_id(EMPHASIS)] and report.forced == 1
    assert az_entry(project, SHARED).msgstr == "Bəyanat BMT Baş katibinə göndərilmişdir."
    assert az_entry(project, EMPHASIS).msgstr == "Gecə *Bakıda* (redaktə)."
    report = import_xliff(project, [path], force=True)
    assert report.conflicts == [] and az_entry(project, EMPHASIS).msgstr == "Gecə *Bakıda* (XLIFF)."


def test_a_mistyped_force_unit_is_refused_and_nothing_is_applied(project: Project) -> None:
    """`--force-unit` with an id no unit has would settle nothing, silently."""
    from pubtool.errors import ExchangeError
    from pubtool.exchange import import_files

    path = write_xliff(project)
    edit_target(path, unit_id(SHARED), "Bəyanat BMT Baş katibinə göndərilmişdir.")
    before = project.catalog_path("az").read_bytes()
    with pytest.raises(ExchangeError, match="--force-unit mdeadbeef: no unit"):
        import_files(project, [path], force=("mdeadbeef",))
    assert project.catalog_path("az").read_bytes() == before
    assert import_files(project, [path], force=(unit_id(SHARED),)).exit_code == 0


def test_a_unit_without_a_base_never_replaces_a_translation(project: Project) -> None:
    """An XLIFF from a tool that dropped pubtool's attribute: only empty entries are filled."""
    path = write_xliff(project)
    path.write_text(re.sub(r' pubtool:base="[0-9a-f]+"', "", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    edit_target(path, unit_id(SHARED), "Bəyanat BMT Baş katibinə göndərilmişdir.")
    title = next(e.msgid for e in load_po(project.catalog_path("az")) if e.msgid and not e.msgstr)
    edit_target(path, unit_id(title), "Bəyanatlar")
    report = import_xliff(project, [path])
    assert [c.unit for c in report.conflicts] == [unit_id(SHARED)]
    assert az_entry(project, SHARED).msgstr == AZ[SHARED]
    assert az_entry(project, title).msgstr == "Bəyanatlar"


def test_a_cat_tool_marking_a_fuzzy_unit_translated_clears_fuzzy(project_dir: Path) -> None:
    """The CAT tool changes the state and leaves `approved="no"` as it found it."""
    project = translated_project(project_dir, AZ, fuzzy=frozenset({EMPHASIS}))
    path = write_xliff(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('state="needs-review-translation"', 'state="translated"'),
                    encoding="utf-8")
    report = import_xliff(project, [path])
    entry = az_entry(project, EMPHASIS)
    assert report.translated == 1 and not entry.fuzzy and entry.msgstr == AZ[EMPHASIS]


def test_a_fuzzy_target_carries_the_codes_it_shares_with_the_source(project_dir: Path) -> None:
    """The translation of an older source has markup of its own (`**147**`) beside the
    emphasis the source still has: the emphasis is a `<g>` code as in `<source>`, the rest
    plain text, and the unit comes back unchanged or edited, as a draft."""
    draft = "1990-cı il yanvarın 19-dan 20-nə keçən gecə *Bakıda* **147** dinc sakin öldürüldü."
    project = translated_project(project_dir, {**AZ, EMPHASIS: draft}, fuzzy=frozenset({EMPHASIS}))
    path = write_xliff(project)
    target = units(path)[unit_id(EMPHASIS)].find("x:target", NS)
    codes = target.findall("x:g", NS)
    assert [(g.get("id"), g.text) for g in codes] == [("1", "Bakıda")]
    assert "**147**" in (codes[0].tail or "")
    before = catalog_bytes(project)
    report = import_xliff(project, [path])
    assert report.unchanged >= 1 and catalog_bytes(project) == before
    text = path.read_text(encoding="utf-8").replace("**147**", "147")
    path.write_text(text, encoding="utf-8")
    import_xliff(project, [path])
    entry = az_entry(project, EMPHASIS)
    assert entry.fuzzy and entry.msgstr == draft.replace("**147**", "147")
