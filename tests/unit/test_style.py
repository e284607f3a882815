"""The house style: configuration, the `style` check, and its mechanical fixes.

The shipped catalogs passed an editorial pass (issue 17, locales/STYLE.md); each defect it
removed that is a matter of style must be found again when it is put back.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pubtool
from conftest import copy_shipped_project
from pubtool.checks import Finding
from pubtool.checks.style import departures, fix_text, house_style
from pubtool.errors import ConfigError
from pubtool.po import load_po, write_po
from pubtool.project import StyleSettings, load_project

REPO = Path(__file__).resolve().parents[2]
AZ = StyleSettings(
    quotes=("“", "”", "‘", "’"),
    dash="–",
    dash_spacing="spaced",
    decimal=",",
    group="\u00a0",
    group_from=5,
    century="roman",
)
RU = StyleSettings(
    quotes=("«", "»", "„", "“"),
    dash="—",
    dash_spacing="spaced",
    decimal=",",
    group="\u00a0",
    group_from=5,
    century="roman",
)


def messages(text: str, settings: StyleSettings | None, language: str) -> list[str]:
    return [departure.message for departure in departures(text, house_style(language, settings))]


# --- configuration ----------------------------------------------------------------------------


def _project(tmp_path: Path, style: str) -> Path:
    (tmp_path / "statements").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pubtool]\nlanguages = ["az", "ru"]\n' + style, encoding="utf-8"
    )
    return tmp_path


def test_shipped_configuration_is_the_house_style_of_locales_style_md() -> None:
    project = load_project(REPO)
    assert project.style["az"] == AZ
    assert project.style["ru"] == RU


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('[tool.pubtool.style.az]\nquotes = ["“", "”", "‘"]\n', "style.az.quotes"),
        ('[tool.pubtool.style.az]\nquotes = ["““", "”"]\n', "style.az.quotes"),
        ('[tool.pubtool.style.az]\ndash = "-"\n', "style.az.dash"),
        ('[tool.pubtool.style.az]\ndash-spacing = "wide"\n', "style.az.dash-spacing"),
        ('[tool.pubtool.style.az]\ncentury = "greek"\n', "style.az.century"),
        ("[tool.pubtool.style.az]\ngroup-from = 3\n", "style.az.group-from"),
        ("[tool.pubtool.style.az]\ngroup-from = true\n", "style.az.group-from"),
        ('[tool.pubtool.style.az]\ndecimal = ","\ngroup = ","\n', "style.az.group"),
        ('[tool.pubtool.style.az]\nspace-before = "thin"\n', "style.az.space-before"),
        ('[tool.pubtool.style.az]\nqoutes = ["“", "”"]\n', "style.az.qoutes"),
        ('[tool.pubtool.style.de]\ndash = "–"\n', "style.de"),
        ("[tool.pubtool]\n", "style"),
    ],
)
def test_each_bad_style_key_is_one_error_naming_the_file_and_key(
    tmp_path: Path, table: str, key: str
) -> None:
    if table == "[tool.pubtool]\n":
        root = _project(tmp_path, "")
        (root / "pyproject.toml").write_text(
            '[tool.pubtool]\nlanguages = ["az", "ru"]\nstyle = "fancy"\n', encoding="utf-8"
        )
    else:
        root = _project(tmp_path, table)
    with pytest.raises(ConfigError) as raised:
        load_project(root)
    message = str(raised.value)
    assert "pyproject.toml" in message
    assert f"[tool.pubtool] {key}:" in message
    assert "\n" not in message


def test_two_quotes_serve_for_both_levels(tmp_path: Path) -> None:
    root = _project(tmp_path, '[tool.pubtool.style.ru]\nquotes = ["«", "»"]\n')
    assert load_project(root).style["ru"].quotes == ("«", "»", "«", "»")


def test_defaults_come_from_cldr_and_configuration_overrides_them() -> None:
    assert house_style("ru").quotes == ("«", "»", "„", "“")
    assert house_style("de").quotes == ("„", "“", "‚", "‘")
    assert house_style("ru").dash == "—"
    assert house_style("en").dash is None  # no settled English dash: not checked
    assert house_style("ru").century is None
    assert house_style("ru", StyleSettings(quotes=("„", "“", "‚", "‘"))).quotes[0] == "„"
    assert house_style("ru", StyleSettings(quotes=("„", "“", "‚", "‘"))).dash == "—"


# --- departures -------------------------------------------------------------------------------


def test_straight_and_foreign_quotes_are_found_at_each_level() -> None:
    assert messages('Bəyanatda deyilir: "Qara Yanvar".', AZ, "az") == [
        'straight opening quotation mark " (house style “)',
        'straight closing quotation mark " (house style ”)',
    ]
    found = messages("«Он сказал: «нет»» и „преступление“", RU, "ru")
    assert found == [
        "wrong nested opening quotation mark « (house style „)",
        "wrong nested closing quotation mark » (house style “)",
        "wrong opening quotation mark „ (house style «)",
        "wrong closing quotation mark “ (house style »)",
    ]
    assert messages("«Он сказал: „нет“» и «слово»", RU, "ru") == []


def test_apostrophes_and_an_unclosed_quotation_are_left_alone() -> None:
    assert messages("Azərbaycan'ın xalqı", AZ, "az") == []
    assert messages("«Цитата, которую источник не закрывает", RU, "ru") == []
    assert messages("конец цитаты из прошлого абзаца».", RU, "ru") == []


def test_dashes_hyphens_and_their_spacing() -> None:
    assert messages("20 Января – Днем скорби", RU, "ru") == [
        "en dash – used as a dash (house style em dash —)"
    ]
    assert messages("Bakı - paytaxt", AZ, "az") == ["hyphen used as a dash (house style en dash –)"]
    assert messages("слово— слово", RU, "ru") == ["dash with a space on one side only"]
    assert messages("слово—слово", RU, "ru") == [
        "dash without spaces (house style em dash — with a space on each side)"
    ]
    assert messages("1990–1994 годы и Азербайджан–Турция", RU, "ru") == []


def test_spaces_before_punctuation_per_language() -> None:
    assert messages("сказал , и ( скобка )", RU, "ru") == [
        "space before ,",
        "space after an opening bracket",
        "space before )",
    ]
    assert messages("т. д. и многоточие ...", RU, "ru") == []
    french = messages("Il a dit : « non »; et quoi?", None, "fr")
    assert french == [
        "plain space before : (house style: a no-break space)",
        "no space before ; (house style: a no-break space)",
        "no space before ? (house style: a no-break space)",
    ]
    assert messages("Il a dit\u202f: « non »\u00a0; et quoi\u202f?", None, "fr") == []


def test_grouped_numbers_and_centuries() -> None:
    assert messages("23 000 человек и 4 000 домов", RU, "ru") == [
        "thousands separator ' ' (house style '\\xa0')",
        "4-digit number grouped (house style: written solid)",
    ]
    assert messages("23\u00a0000 человек, 4000 домов, 1990 год, 20.01.1990", RU, "ru") == []
    assert messages("истории 20-го века", RU, "ru") == [
        "century in Arabic numerals (house style: Roman, XX)"
    ]
    assert messages("20-ci əsrin sonu", AZ, "az") == [
        "century in Arabic numerals (house style: Roman, XX)"
    ]
    assert messages("за 20 веков", RU, "ru") == []  # twenty centuries, not the 20th
    arabic = StyleSettings(century="arabic")
    assert messages("в XX веке", arabic, "ru") == [
        "century in Roman numerals (house style: Arabic)"
    ]


def test_nothing_inside_code_links_urls_or_html_is_read() -> None:
    text = (
        'См. `"код"`, [ссылку](https://example.org/a_"b" "Заголовок") , '
        '<a href="x - y">тег</a> и https://example.org/"q"/x - конец'
    )
    found = messages(text, RU, "ru")
    assert found == ["space before ,", "hyphen used as a dash (house style em dash —)"]


# --- fixes ------------------------------------------------------------------------------------


def test_fix_rewrites_mechanical_departures_and_keeps_markup() -> None:
    text = (
        '**"Qara Yanvar"** və `"kod"` [keçid](https://x.org/"a") , 20-ci əsr - 23 000 nəfər, '
        "_‘insanlığa qarşı cinayət’_"
    )
    fixed = fix_text(text, house_style("az", AZ))
    assert fixed == (
        '**“Qara Yanvar”** və `"kod"` [keçid](https://x.org/"a"), XX əsr – 23\u00a0000 nəfər, '
        "_“insanlığa qarşı cinayət”_"
    )


def test_fix_keeps_the_quote_imbalance_of_the_record() -> None:
    style = house_style("ru", RU)
    assert fix_text('Он сказал: "нет, и не будет', style) == "Он сказал: «нет, и не будет"


def test_a_dash_before_french_punctuation_settles_in_one_fix() -> None:
    """The dash rule took the space after the dash back to a plain one, the space rule made
    it no-break again, and so on (found by the property test below, `a –;`)."""
    style = house_style("fr", None)
    for text in ("a –;", "a – ;", "a - ;"):
        fixed = fix_text(text, style)
        assert fixed == "a —\u202f;"
        assert [d for d in departures(fixed, style) if d.replacement is not None] == []
    # each fix brings the next mark into view: five rounds for five marks
    assert fix_text("a;;;;;", style) == "a" + "\u202f;" * 5


_ALPHABET = st.sampled_from(
    list("ab яё1 2 0.,;:!?()[]*_`<>-–—\"'“”‘’«»„") + ["https://x.org/", "](u)", " ", "\u00a0"]
)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_fix_is_idempotent_and_only_changes_departures(text: str) -> None:
    for language, settings in (("ru", RU), ("az", AZ), ("fr", None)):
        style = house_style(language, settings)
        once = fix_text(text, style)
        assert fix_text(once, style) == once
        assert [d for d in departures(once, style) if d.replacement is not None] == []
        if not departures(text, style):
            assert once == text
        # markup characters are never added or removed
        for mark in "*_`[]()<>":
            assert once.count(mark) == text.count(mark)


# --- the shipped catalogs and the issue-17 defects --------------------------------------------


def copy_shipped(folder: Path) -> Path:
    return copy_shipped_project(folder)


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    return copy_shipped(tmp_path)


def put_back(root: Path, language: str, edited: str, original: str) -> int:
    """Undo one edit of the editorial pass in the copy; the line of the entry changed."""
    path = root / "locales" / language / "LC_MESSAGES" / "statements.po"
    catalog = load_po(path)
    for entry in catalog:
        if edited in entry.msgstr:
            entry.msgstr = entry.msgstr.replace(edited, original, 1)
            write_po(catalog, path, width=79)
            return int(load_po(path).find(entry.msgid).linenum)  # type: ignore[union-attr]
    raise AssertionError(f"{edited!r} is not in the shipped {language} catalog")


def findings(root: Path, code: str) -> list[Finding]:
    report = pubtool.check(pubtool.Project.load(root))
    return [finding for finding in report.findings if finding.code == code]


def test_shipped_catalogs_have_no_style_departures() -> None:
    report = pubtool.check(pubtool.Project.load(REPO))
    assert [f for f in report.findings if f.code in ("style", "consistency")] == []
    assert report.error_count == 0


#: Edits of the editorial pass that are matters of style: (language, as shipped, as it was,
#: what the style check says). Put back, each must be found at its entry and nowhere else.
STYLE_DEFECTS = [
    ("az", "“Qara Yanvar”", '"Qara Yanvar"', "straight opening quotation mark"),
    ("az", "“20 Yanvar şəhidi”", '"20 Yanvar şəhidi"', "straight opening quotation mark"),
    ("az", "“insanlığa qarşı cinayət”", "‘insanlığa qarşı cinayət’", "wrong opening"),
    (
        "ru",
        "«преступление против человечности»",
        "„преступление против человечности“",
        "wrong opening quotation mark „",
    ),
    ("ru", "20 января — Днем", "20 января – Днем", "en dash – used as a dash"),
    ("az", "məsul tərəflər – o cümlədən", "məsul tərəflər — o cümlədən", "em dash — used"),
    ("az", "XX əsr", "20-ci əsr", "century in Arabic numerals"),
    ("ru", "XX века", "20-го века", "century in Arabic numerals"),
    ("ru", "23\u00a0000", "23 000", "thousands separator"),
    ("az", "4000", "4 000", "4-digit number grouped"),
]


@pytest.fixture(scope="module")
def defects_put_back(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[int], list[Finding]]:
    """A copy of the shipped project with every style defect put back, checked once."""
    root = copy_shipped(tmp_path_factory.mktemp("defects"))
    lines = [put_back(root, *defect[:3]) for defect in STYLE_DEFECTS]
    return lines, findings(root, "style")


@pytest.mark.parametrize("index", range(len(STYLE_DEFECTS)), ids=[d[2] for d in STYLE_DEFECTS])
def test_each_style_defect_of_issue_17_is_found_when_put_back(
    defects_put_back: tuple[list[int], list[Finding]], index: int
) -> None:
    lines, found = defects_put_back
    language, _, _, expected = STYLE_DEFECTS[index]
    assert lines[index] in [
        f.line for f in found if expected in f.message and f"/{language}/" in f"/{f.file}"
    ]


def test_nothing_else_is_found_when_the_defects_are_put_back(
    defects_put_back: tuple[list[int], list[Finding]],
) -> None:
    lines, found = defects_put_back
    assert {f.line for f in found} <= set(lines)


def test_fix_restores_the_shipped_catalog(shipped: Path) -> None:
    put_back(shipped, "az", "“Qara Yanvar”", '"Qara Yanvar"')
    put_back(shipped, "ru", "20 января — Днем", "20 января – Днем")
    put_back(shipped, "ru", "XX века", "20-го века")
    report = pubtool.fix_style(pubtool.Project.load(shipped))
    assert len(report.fixes) == 3
    for language in ("az", "ru"):
        relative = Path("locales") / language / "LC_MESSAGES" / "statements.po"
        assert (shipped / relative).read_bytes() == (REPO / relative).read_bytes()
    assert pubtool.fix_style(pubtool.Project.load(shipped)).fixes == []


def test_fix_leaves_the_source_language_and_ignored_entries(shipped: Path) -> None:
    path = shipped / "locales" / "ru" / "LC_MESSAGES" / "statements.po"
    catalog = load_po(path)
    entry = next(e for e in catalog if "XX века" in e.msgstr)
    entry.msgstr = entry.msgstr.replace("XX века", "20-го века")
    entry.tcomment = "pubtool: ignore style (quoted as printed)"
    write_po(catalog, path, width=79)
    before = path.read_bytes()
    english = (shipped / "locales" / "en" / "LC_MESSAGES" / "statements.po").read_bytes()
    assert pubtool.fix_style(pubtool.Project.load(shipped)).fixes == []
    assert path.read_bytes() == before
    assert (shipped / "locales/en/LC_MESSAGES/statements.po").read_bytes() == english
    assert isinstance(catalog, polib.POFile)
