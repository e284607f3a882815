"""Editions beyond the booklet, on the shipped project: translated Markdown (build-md)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
from typer.testing import CliRunner

from pubtool.catalogs import collect_messages
from pubtool.cli import app
from pubtool.statements import load_statements

runner = CliRunner()


def invoke(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def catalog(project: Path, language: str) -> polib.POFile:
    return polib.pofile(str(project / "locales" / language / "LC_MESSAGES" / "statements.po"))


def front_keys(path: Path) -> list[str]:
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    return [m[1] for m in re.finditer(r"^([a-z-]+):", front, re.MULTILINE)]


def test_build_md_writes_every_statement_re_extracting_to_its_translations(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    code, stdout, stderr = invoke(shipped_project, "build-md", "--lang", "az", "-o", str(out))
    assert code == 0, stderr
    assert "21 statements in az, 21 written" in stdout
    translations = {e.msgid: e.msgstr for e in catalog(shipped_project, "az") if not e.obsolete}
    sources = load_statements(shipped_project / "statements")
    translated = load_statements(out / "az")
    assert [s.id for s in translated] == [s.id for s in sources]
    # extracting from the translated folder gives the translations of the source's messages
    assert [m.msgid for m in collect_messages(translated)] == list(
        dict.fromkeys(translations[m.msgid] for m in collect_messages(sources))
    )
    for source, target in zip(sources, translated, strict=True):
        assert [b.kind for b in target.blocks()] == [b.kind for b in source.blocks()]
        assert [b.text for b in target.blocks()] == [translations[b.text] for b in source.blocks()]
        source_path = shipped_project / source.path
        assert front_keys(out / "az" / source_path.name) == front_keys(source_path)


def test_pubtool_extract_on_the_translated_folder_gives_the_translations_as_msgids(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))[0] == 0
    again = tmp_path / "again"
    (again / "locales").mkdir(parents=True)
    shutil.copytree(out / "ru", again / "statements")
    shutil.copy(shipped_project / "pyproject.toml", again / "pyproject.toml")
    assert invoke(again, "extract")[0] == 0
    assert invoke(shipped_project, "extract")[0] == 0
    translated = polib.pofile(str(again / "locales" / "statements.pot"))
    source = polib.pofile(str(shipped_project / "locales" / "statements.pot"))
    translations = {e.msgid: e.msgstr for e in catalog(shipped_project, "ru") if not e.obsolete}
    # the first message is the collection title, from pyproject.toml in both; two source
    # texts with one translation (two wordings of a signature) are one message translated
    assert [e.msgid for e in translated][1:] == list(
        dict.fromkeys(translations[e.msgid] for e in source[1:])
    )


def test_build_md_twice_changes_nothing_and_keeps_front_matter_comments(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))[0] == 0
    code, stdout, _ = invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))
    assert code == 0 and "0 written, 21 unchanged" in stdout
    written = (out / "ru" / "1990-01-21-gafarova-supreme-council.md").read_text(encoding="utf-8")
    assert "# Issued in Russian and Azerbaijani;" in written
    assert "- Э.Кафарова\n" in written


def test_build_md_missing_fail_is_a_gate_and_writes_nothing(
    shipped_project: Path, tmp_path: Path
) -> None:
    po = catalog(shipped_project, "az")
    for entry in po:
        if entry.msgid == "To stop all this, troops were sent to Baku.":
            entry.msgstr = ""
    po.save()
    out = tmp_path / "md"
    code, _, stderr = invoke(
        shipped_project, "build-md", "-l", "az", "-o", str(out), "--missing", "fail"
    )
    assert code == 1
    assert "2022-01-20-commemoration-and-mfa-statement.md" in stderr
    assert not out.exists()
    code, _, stderr = invoke(shipped_project, "build-md", "-l", "az", "-o", str(out))
    assert code == 0 and "1 block without a finished translation (--missing mark)" in stderr
    written = (out / "az" / "2022-01-20-commemoration-and-mfa-statement.md").read_text("utf-8")
    assert "\nTo stop all this, troops were sent to Baku.\n" in written


def test_build_md_refuses_an_unknown_language_and_the_statements_folder(
    shipped_project: Path,
) -> None:
    code, _, stderr = invoke(shipped_project, "build-md", "-l", "de")
    assert code == 2 and "de is not one of this project's languages" in stderr
    out = shipped_project / "statements"
    code, _, stderr = invoke(shipped_project, "build-md", "-l", "az", "-o", str(out))
    assert code == 2 and "inside the statements folder" in stderr
    assert not (out / "az").exists()


def test_build_md_removes_the_files_it_wrote_for_a_statement_that_is_gone(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))[0] == 0
    ru = out / "ru"
    gone = "2016-01-30-cohen-26th-anniversary.md"
    edited = "2007-01-19-ombudsman-17th-anniversary.md"
    (ru / "_index.md").write_text("---\ntitle: Заявления\n---\n", encoding="utf-8")
    (ru / edited).write_text("Отредактировано на сайте.\n", encoding="utf-8")
    (shipped_project / "statements" / gone).unlink()
    (shipped_project / "statements" / edited).unlink()
    code, stdout, stderr = invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))
    assert code == 0, stderr
    assert "19 statements in ru, 0 written, 19 unchanged, removed 1 stale file" in stdout
    assert not (ru / gone).exists()
    assert (ru / "_index.md").is_file()  # not pubtool's: never touched
    assert (ru / edited).read_text(encoding="utf-8") == "Отредактировано на сайте.\n"
    assert f"{edited}: its statement is gone, but the file changed" in stderr
    code, stdout, _ = invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))
    assert code == 0 and stdout.strip().endswith("19 unchanged")  # nothing more to remove


# --- seed ------------------------------------------------------------------------------------


def restored(project: Path, before: polib.POFile, language: str) -> float:
    """The share of `before`'s translations that the project's catalog holds unchanged."""
    old = {e.msgid: e.msgstr for e in before if not e.obsolete and e.msgid}
    new = {e.msgid: e.msgstr for e in catalog(project, language) if not e.obsolete}
    return sum(new.get(msgid) == msgstr for msgid, msgstr in old.items()) / len(old)


def test_build_md_then_seed_restores_the_translations(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    before = catalog(shipped_project, "az")
    assert invoke(shipped_project, "build-md", "-l", "az", "-o", str(out))[0] == 0
    (shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po").unlink()
    assert invoke(shipped_project, "update", "-l", "az")[0] == 0
    assert restored(shipped_project, before, "az") == 0
    code, stdout, stderr = invoke(shipped_project, "seed", "-l", "az", str(out / "az"))
    assert code == 0, stderr
    assert "282 filled (fuzzy) from 21 files" in stdout
    assert restored(shipped_project, before, "az") >= 0.95
    seeded = [e for e in catalog(shipped_project, "az") if e.msgstr and not e.obsolete]
    assert seeded and all(e.fuzzy for e in seeded)
    # a second run finds every entry filled and changes nothing
    path = shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    text = path.read_bytes()
    code, stdout, _ = invoke(shipped_project, "seed", "-l", "az", str(out / "az"))
    assert code == 0 and "0 filled" in stdout and "unchanged" in stdout
    assert path.read_bytes() == text


def test_build_md_then_seed_restores_translations_that_start_like_markdown(
    shipped_project: Path, tmp_path: Path
) -> None:
    first = load_statements(shipped_project / "statements")[0]
    odd = {
        first.body[0].text: "1990. Год, когда в Баку ввели войска.",
        first.body[1].text: "- начинается с тире, но это абзац.",
    }
    po = catalog(shipped_project, "ru")
    for entry in po:
        if entry.msgid in odd:
            entry.msgstr = odd[entry.msgid]
    po.save()
    assert all(any(e.msgid == msgid for e in po) for msgid in odd)
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))[0] == 0
    written = "".join(p.read_text(encoding="utf-8") for p in (out / "ru").glob("*.md"))
    assert "\n1990\\. Год, когда" in written  # escaped in the file, so it stays a paragraph
    assert "\n\\- начинается" in written
    path = shipped_project / "locales" / "ru" / "LC_MESSAGES" / "statements.po"
    path.unlink()
    assert invoke(shipped_project, "update", "-l", "ru")[0] == 0
    code, _, stderr = invoke(shipped_project, "seed", "-l", "ru", "--confirmed", str(out / "ru"))
    assert code == 0, stderr
    entries = {e.msgid: e.msgstr for e in catalog(shipped_project, "ru")}
    assert {msgid: entries[msgid] for msgid in odd} == odd


def test_seed_never_overwrites_and_confirmed_is_not_fuzzy(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "ru", "-o", str(out))[0] == 0
    po = catalog(shipped_project, "ru")
    kept = "To stop all this, troops were sent to Baku."
    emptied = "According to official figures, 147 people were killed that night, hundreds were injured – mostly civilians."  # noqa: E501
    for entry in po:
        if entry.msgid == kept:
            entry.msgstr = "Перевод переводчика."
        elif entry.msgid == emptied:
            entry.msgstr = ""
    po.save()
    code, stdout, _ = invoke(shipped_project, "seed", "-l", "ru", "--confirmed", str(out / "ru"))
    assert code == 0 and "1 filled (confirmed)" in stdout
    after = {e.msgid: e for e in catalog(shipped_project, "ru")}
    assert after[kept].msgstr == "Перевод переводчика."
    assert after[emptied].msgstr.startswith("По официальным данным") and not after[emptied].fuzzy


def test_seed_skips_a_file_that_does_not_align_and_names_its_line(
    shipped_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "az", "-o", str(out))[0] == 0
    broken = out / "az" / "2022-01-20-commemoration-and-mfa-statement.md"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("\n## ", "\n"), encoding="utf-8")  # the heading a paragraph
    (shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po").unlink()
    assert invoke(shipped_project, "update", "-l", "az")[0] == 0
    code, stdout, stderr = invoke(shipped_project, "seed", "-l", "az", str(out / "az"))
    assert code == 1
    assert "2022-01-20-commemoration-and-mfa-statement.md:20: a paragraph where the source" in (
        stderr
    )
    assert "from 20 files" in stdout and "1 file skipped;" in stdout
    source = load_statements(shipped_project / "statements")
    skipped = next(s for s in source if s.id == "2022-01-20-commemoration-and-mfa-statement")
    entries = {e.msgid: e for e in catalog(shipped_project, "az")}
    only_there = [
        b.text
        for b in skipped.blocks()
        if sum(b.text in (x.text for x in s.blocks()) for s in source) == 1
    ]
    assert only_there and all(not entries[text].msgstr for text in only_there)


def test_seed_pairs_files_by_their_path_and_names_what_it_cannot_pair(
    shipped_project: Path, tmp_path: Path
) -> None:
    statements = shipped_project / "statements"
    (statements / "2022").mkdir()
    nested = "2022-01-20-commemoration-and-mfa-statement.md"
    (statements / nested).rename(statements / "2022" / nested)
    out = tmp_path / "md"
    assert invoke(shipped_project, "build-md", "-l", "az", "-o", str(out))[0] == 0
    az = out / "az"
    assert (az / "2022" / nested).is_file()  # build-md keeps the subfolder
    moved = "2016-01-30-cohen-26th-anniversary.md"
    (az / "2016").mkdir()
    (az / moved).rename(az / "2016" / moved)  # a statements/ file, at another path
    (az / "2007-01-19-ombudsman-17th-anniversary.md").unlink()
    (az / "_index.md").write_text("---\ntitle: Bəyanatlar\n---\n", encoding="utf-8")
    (az / "notes.md").write_text("Qeydlər.\n", encoding="utf-8")
    (shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po").unlink()
    assert invoke(shipped_project, "update", "-l", "az")[0] == 0
    code, stdout, stderr = invoke(shipped_project, "seed", "-l", "az", str(az))
    assert code == 0, stderr
    assert "from 19 files" in stdout
    assert (
        "2 statements without a translated file: "
        "statements/2007-01-19-ombudsman-17th-anniversary.md, "
        "statements/2016-01-30-cohen-26th-anniversary.md"
    ) in stdout
    assert f"2016/{moved}: skipped, no statement of statements/ at this path; " in stderr
    assert f"statements/{moved} has this name" in stderr
    assert "notes.md: skipped" in stderr and "_index.md" not in stderr
    entries = {e.msgid: e.msgstr for e in catalog(shipped_project, "az")}
    nested_statement = load_statements(statements / "2022")[0]
    assert entries[nested_statement.title.text]  # the file in a subfolder was paired


def test_seed_needs_a_catalog_and_a_folder(shipped_project: Path, tmp_path: Path) -> None:
    code, _, stderr = invoke(shipped_project, "seed", "-l", "az", str(tmp_path / "nothing"))
    assert code == 2 and "no such folder" in stderr
    (shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po").unlink()
    code, _, stderr = invoke(shipped_project, "seed", "-l", "az", str(tmp_path))
    assert code == 2 and "run `pubtool update --lang az` first" in stderr


# --- a translation memory in -----------------------------------------------------------------


def test_export_tmx_remove_catalog_update_import_restores_the_translations(
    shipped_project: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "ru.tmx"
    before = catalog(shipped_project, "ru")
    assert invoke(shipped_project, "export", "-f", "tmx", "-l", "ru", "-o", str(memory))[0] == 0
    (shipped_project / "locales" / "ru" / "LC_MESSAGES" / "statements.po").unlink()
    assert invoke(shipped_project, "update", "-l", "ru")[0] == 0
    code, stdout, stderr = invoke(shipped_project, "import", str(memory))
    assert code == 0, stderr
    assert "283 translated, 0 fuzzy" in stdout
    assert restored(shipped_project, before, "ru") >= 0.95
    code, stdout, _ = invoke(shipped_project, "import", str(memory))
    assert code == 0 and "0 translated, 0 fuzzy" in stdout and ": unchanged" in stdout


def test_update_with_a_memory_fills_untranslated_and_suggests_for_changed_text(
    shipped_project: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "az.tmx"
    before = catalog(shipped_project, "az")
    assert invoke(shipped_project, "export", "-f", "tmx", "-l", "az", "-o", str(memory))[0] == 0
    (shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po").unlink()
    statement = shipped_project / "statements" / "2022-01-20-commemoration-and-mfa-statement.md"
    statement.write_text(
        statement.read_text(encoding="utf-8").replace("147 people", "148 people"), "utf-8"
    )
    assert invoke(shipped_project, "extract")[0] == 0
    code, stdout, stderr = invoke(shipped_project, "update", "-l", "az", "--memory", str(memory))
    assert code == 0, stderr
    assert "from the memory: 282 translated, 1 fuzzy suggestions" in stdout
    entries = {e.msgid: e for e in catalog(shipped_project, "az")}
    changed = next(e for e in entries.values() if "148 people" in e.msgid)
    assert changed.fuzzy and "148 nəfər" in changed.msgstr and "147 -> 148" in changed.comment
    assert restored(shipped_project, before, "az") >= 0.95


def test_update_with_a_po_compendium_never_replaces_a_translation(
    shipped_project: Path, tmp_path: Path
) -> None:
    compendium = tmp_path / "compendium.po"
    old = catalog(shipped_project, "ru")
    for entry in old:
        if entry.msgstr:
            entry.msgstr = "Из компендия."
    old.save(str(compendium))
    po = catalog(shipped_project, "ru")
    emptied = "To stop all this, troops were sent to Baku."
    for entry in po:
        if entry.msgid == emptied:
            entry.msgstr = ""
    po.save()
    code, stdout, stderr = invoke(
        shipped_project, "update", "-l", "ru", "--memory", str(compendium)
    )
    assert code == 0, stderr
    assert "from the memory: 1 translated" in stdout
    entries = {e.msgid: e.msgstr for e in catalog(shipped_project, "ru") if not e.obsolete}
    assert entries[emptied] == "Из компендия."
    assert sum(text == "Из компендия." for text in entries.values()) == 1


# --- the web edition -------------------------------------------------------------------------


class _Page(HTMLParser):
    """The parts of a page the tests look at: links, the html element, meta tags, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.html: dict[str, str | None] = {}
        self.meta: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self.switcher: list[tuple[str, str]] = []
        self._in_switcher = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.html = found
        elif tag == "meta":
            self.meta.append(found)
        elif tag == "nav" and found.get("class") == "switcher":
            self._in_switcher = True
        elif tag in ("a", "link") and found.get("href"):
            self.links.append(str(found["href"]))
            if tag == "a" and self._in_switcher:
                self.switcher.append((str(found.get("hreflang")), str(found["href"])))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_switcher = False


def parse_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_build_site_has_a_page_per_statement_and_language_and_no_broken_link(
    shipped_project: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    code, stdout, stderr = invoke(shipped_project, "build-site", "-o", str(site))
    assert code == 0, stderr
    assert "67 pages in en, az, ru, 67 written" in stdout
    ids = [s.id for s in load_statements(shipped_project / "statements")]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 1 + 3 * (1 + len(ids))
    for page_path in pages:
        page = parse_page(page_path)
        language = page_path.parent.name if page_path.parent != site else "en"
        assert page.html.get("lang") == language and page.html.get("dir") == "ltr"
        assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.meta
        assert "script" not in page.tags
        for link in page.links:
            if "://" in link or link.startswith(("mailto:", "#")):
                continue
            target = (page_path.parent / link.split("#")[0]).resolve()
            assert target.is_file(), f"{page_path.relative_to(site)}: {link} is broken"
    for statement_id in ids:
        page = parse_page(site / "ru" / f"{statement_id}.html")
        assert page.switcher == [
            ("en", f"../en/{statement_id}.html"),
            ("az", f"../az/{statement_id}.html"),
        ]
    code, stdout, _ = invoke(shipped_project, "build-site", "-o", str(site))
    assert code == 0 and "0 written, 67 unchanged" in stdout
    (site / "notes.html").write_text("<p>ours</p>", encoding="utf-8")
    (shipped_project / "statements" / f"{ids[0]}.md").unlink()
    code, stdout, _ = invoke(shipped_project, "build-site", "-o", str(site))
    # the contents of each language and the index change; the statement's 3 pages go
    assert code == 0
    assert "64 pages in en, az, ru, 4 written, 60 unchanged, removed 3 stale files" in stdout
    assert not any(site.glob(f"*/{ids[0]}.html")) and (site / "notes.html").is_file()


def test_build_site_escapes_translator_text_and_marks_what_is_untranslated(
    shipped_project: Path, tmp_path: Path
) -> None:
    po = catalog(shipped_project, "az")
    for entry in po:
        if entry.msgid == "To stop all this, troops were sent to Baku.":
            entry.msgstr = '<script>alert(1)</script> <img src="http://example.org/x.png">'
        elif entry.msgid.startswith("According to official figures, 147"):
            entry.msgstr = ""
    po.save()
    site = tmp_path / "site"
    code, _, stderr = invoke(shipped_project, "build-site", "-o", str(site))
    assert code == 0 and "1 block without a finished translation (--missing mark)" in stderr
    html = (site / "az" / "2022-01-20-commemoration-and-mfa-statement.html").read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert "default-src 'none'" in html  # the browser may fetch nothing for the page
    assert '<small class="mark" lang="az">hələ tərcümə edilməyib</small>' in html
    assert 'lang="en" dir="ltr"><small class="mark"' in html  # the fallback text is English
    code, _, stderr = invoke(shipped_project, "build-site", "-o", str(site), "--missing", "fail")
    assert code == 1 and "--missing fail: 1 block" in stderr
    for entry in po:
        if entry.msgid == "Azerbaijan commemorates victims of the 1990 January Massacre.":
            entry.msgstr = ""
    po.save()
    omitted = tmp_path / "omitted"
    assert invoke(shipped_project, "build-site", "-o", str(omitted), "--missing", "omit")[0] == 0
    html = (omitted / "az" / "2022-01-20-commemoration-and-mfa-statement.html").read_text("utf-8")
    assert "According to official figures" not in html
    assert 'lang="en" dir="ltr">Azerbaijan commemorates victims' in html  # a title is needed


def test_build_site_templates_are_overridden_by_the_project(
    shipped_project: Path, tmp_path: Path
) -> None:
    templates = shipped_project / "templates"
    templates.mkdir(exist_ok=True)  # the shipped project has its own
    (templates / "site.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    site = tmp_path / "site"
    assert invoke(shipped_project, "build-site", "-o", str(site))[0] == 0
    assert "#123456" in (site / "index.html").read_text(encoding="utf-8")


def test_import_with_a_memory_for_a_missing_catalog_writes_nothing(
    shipped_project: Path, tmp_path: Path
) -> None:
    xliff, memory = tmp_path / "az.xlf", tmp_path / "ru.tmx"
    assert invoke(shipped_project, "export", "-l", "az", "-o", str(xliff))[0] == 0
    assert invoke(shipped_project, "export", "-f", "tmx", "-l", "ru", "-o", str(memory))[0] == 0
    text = xliff.read_text(encoding="utf-8")
    xliff.write_text(text.replace("Rəsmi məlumatlara görə", "Rəsmi məlumata görə"), "utf-8")
    az = shipped_project / "locales" / "az" / "LC_MESSAGES" / "statements.po"
    before = az.read_bytes()
    (shipped_project / "locales" / "ru" / "LC_MESSAGES" / "statements.po").unlink()
    code, _, stderr = invoke(shipped_project, "import", str(xliff), str(memory))
    assert code == 2 and "no ru catalog to fill" in stderr
    assert az.read_bytes() == before


LISTS = """\
---
id: 2024-02-01-lists
title: Lists
date: 2024-02-01
issuer: An issuer
---

Before the lists.

- A bullet
- Another bullet

1. First step
2. Second step

After them.

3. Third step, a list of its own
"""


def test_build_site_keeps_ordered_lists_ordered(shipped_project: Path, tmp_path: Path) -> None:
    (shipped_project / "statements" / "2024-02-01-lists.md").write_text(LISTS, encoding="utf-8")
    site = tmp_path / "site"
    code, _, stderr = invoke(shipped_project, "build-site", "-o", str(site))
    assert code == 0, stderr
    html = (site / "en" / "2024-02-01-lists.html").read_text(encoding="utf-8")
    body = re.sub(r"\s+", " ", html.split('<div class="body">')[1].split("</div>")[0])
    structure = re.findall(r"</?(?:ul|ol)[^>]*>|<li[^>]*>[^<]*", body)
    assert [re.sub(r"<li[^>]*>", "li ", item).strip() for item in structure] == [
        "<ul>", "li A bullet", "li Another bullet", "</ul>",
        "<ol>", "li First step", "li Second step", "</ol>",
        '<ol start="3">', "li Third step, a list of its own", "</ol>",
    ]  # fmt: skip
