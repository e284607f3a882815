"""TBX: the glossary out as a term base and back in, its comments and layout kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from pubtool.checks.glossary import load_glossary
from pubtool.errors import ExchangeError
from pubtool.exchange import export_tbx, import_files, import_tbx
from pubtool.project import Project, load_project

GLOSSARY = """\
# Names with one spelling throughout.
terms:
  - en: Heydar Aliyev
    az: Heydər Əliyev
    ru: Гейдар Алиев
  # the Parliament
  - en: Milli Majlis
    az: Milli Məclis
    note: the Parliament
"""


@pytest.fixture
def project(project_dir: Path) -> Project:
    (project_dir / "locales" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return load_project(project_dir)


def tbx(*entries: str) -> str:
    body = "".join(f"<termEntry id='e{i}'>{entry}</termEntry>" for i, entry in enumerate(entries))
    return (
        '<?xml version="1.0" encoding="UTF-8"?><martif type="TBX" xml:lang="en">'
        f"<martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>"
        f"<text><body>{body}</body></text></martif>"
    )


def lang(code: str, *terms: str) -> str:
    tigs = "".join(f"<tig><term>{term}</term></tig>" for term in terms)
    return f'<langSet xml:lang="{code}">{tigs}</langSet>'


def test_export_then_import_leaves_the_glossary_byte_identical(project: Project) -> None:
    path = project.root / "glossary.tbx"
    path.write_bytes(export_tbx(project))
    report = import_tbx(project, [path])
    assert report.glossary["unchanged"] == 3 and not report.glossary_written
    assert project.glossary_path.read_text(encoding="utf-8") == GLOSSARY


def test_translate_toolkit_reads_the_term_base(project: Project) -> None:
    from translate.storage import tbx as tbx_store

    store = tbx_store.tbxfile(export_tbx(project, "az"))
    assert [(u.source, u.target) for u in store.units] == [
        ("Heydar Aliyev", "Heydər Əliyev"),
        ("Milli Majlis", "Milli Məclis"),
    ]
    assert "the Parliament" in store.units[1].getnotes()


def test_import_adds_terms_and_renderings_and_replaces_changed_ones(project: Project) -> None:
    path = project.root / "terms.tbx"
    path.write_text(
        tbx(
            lang("en", "Milli Majlis") + lang("ru-RU", "Милли Меджлис"),
            lang("en", "Heydar Aliyev") + lang("az", "Heydər Əliyevin", "Heydər"),
            lang("en", "Yusif Babanli") + lang("az", "Yusif Babanlı") + lang("ru", "Юсиф: Бабанлы")
            + "<note>an MP</note>",
        ),
        encoding="utf-8",
    )
    report = import_tbx(project, [path])
    assert report.glossary == {
        "added_terms": 1,
        "added_renderings": 1,
        "changed_renderings": 1,
        "unchanged": 0,
        "ignored": 1,
    }
    text = project.glossary_path.read_text(encoding="utf-8")
    assert text.startswith("# Names with one spelling throughout.\n")
    assert "  # the Parliament\n" in text
    glossary = load_glossary(project.glossary_path)
    renderings = {t.source: dict(t.renderings) for t in glossary.terms}
    assert renderings["Milli Majlis"] == {"az": "Milli Məclis", "ru": "Милли Меджлис"}
    assert renderings["Heydar Aliyev"]["az"] == "Heydər Əliyevin"
    assert renderings["Yusif Babanli"] == {"az": "Yusif Babanlı", "ru": "Юсиф: Бабанлы"}
    assert glossary.terms[-1].note == "an MP"


def test_a_project_without_a_glossary_gets_one(project_dir: Path) -> None:
    project = load_project(project_dir)
    path = project.root / "terms.tbx"
    path.write_text(tbx(lang("en", "Baku") + lang("az", "Bakı")), encoding="utf-8")
    import_tbx(project, [path])
    assert [t.source for t in load_glossary(project.glossary_path).terms] == ["Baku"]


@pytest.mark.parametrize(
    "content, problem",
    [
        (tbx(lang("en", "Baku") + lang("de", "Baku")), "language 'de' is not one of this project"),
        (tbx(lang("az", "Bakı")), "term entry e0 has no en term"),
        ("<martif><text><body>", "not well-formed XML"),
    ],
)
def test_bad_term_bases_are_refused(project: Project, content: str, problem: str) -> None:
    path = project.root / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExchangeError) as refused:
        import_tbx(project, [path])
    assert problem in str(refused.value) and str(refused.value).startswith(str(path))
    assert project.glossary_path.read_text(encoding="utf-8") == GLOSSARY


def test_an_xliff_is_not_a_term_base(project: Project) -> None:
    path = project.root / "a.xlf"
    path.write_text('<xliff version="1.2"/>', encoding="utf-8")
    with pytest.raises(ExchangeError, match="not TBX"):
        import_tbx(project, [path])


def test_import_merges_three_ways_against_the_exported_renderings(project: Project) -> None:
    """Edited in the glossary and in the term base: a conflict, the glossary's kept; edited
    only in the term base: applied; only in the glossary: kept."""
    path = project.root / "glossary.tbx"
    path.write_bytes(export_tbx(project))
    glossary = project.glossary_path.read_text(encoding="utf-8")
    project.glossary_path.write_text(
        glossary.replace("az: Heydər Əliyev", "az: Heydər Əliyev (glossary)")
        .replace("ru: Гейдар Алиев", "ru: Гейдар Алиев (glossary)"),
        encoding="utf-8",
    )
    term_base = path.read_text(encoding="utf-8")
    path.write_text(
        term_base.replace("<term>Heydər Əliyev</term>", "<term>Heydər Əliyev (TBX)</term>")
        .replace("<term>Milli Məclis</term>", "<term>Milli Məclis (TBX)</term>"),
        encoding="utf-8",
    )
    report = import_tbx(project, [path])
    assert [(c.language, c.unit) for c in report.conflicts] == [("az", report.conflicts[0].unit)]
    assert report.conflicts[0].catalog == "locales/glossary.yaml"
    assert report.conflicts[0].line and report.exit_code == 1
    renderings = {t.source: dict(t.renderings) for t in load_glossary(project.glossary_path).terms}
    assert renderings["Heydar Aliyev"] == {
        "az": "Heydər Əliyev (glossary)", "ru": "Гейдар Алиев (glossary)"
    }
    assert renderings["Milli Majlis"]["az"] == "Milli Məclis (TBX)"
    forced = import_files(project, [path], force=[report.conflicts[0].unit])
    assert forced.conflicts == []
    renderings = {t.source: dict(t.renderings) for t in load_glossary(project.glossary_path).terms}
    assert renderings["Heydar Aliyev"]["az"] == "Heydər Əliyev (TBX)"
