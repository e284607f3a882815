"""Nothing another program saved is lost: every catalog writer checks the file is still what
it read just before replacing it, writes through symbolic links and keeps the file's mode."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest
from typer.testing import CliRunner

from pubtool.catalogs import extract_template, update_catalogs
from pubtool.cli import app
from pubtool.errors import ChangedOnDiskError
from pubtool.files import FileState, PlannedWrite, write_bytes_atomically, write_files_atomically
from pubtool.po import format_po, load_po
from pubtool.project import Project, load_project

runner = CliRunner()
SAVED = (
    b'# saved by a PO editor\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
)


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.tmp"))


# --- the one path: write_files_atomically ---------------------------------------------------


def test_a_save_made_while_the_content_is_compared_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comparing a large catalog's bytes takes milliseconds: a save landing then (after the
    comparison read the file, before the rename) is seen by the last stat."""
    path = tmp_path / "de.po"
    path.write_bytes(b"as read")
    read = FileState.of(path)
    compare = FileState.still_on_disk

    def compare_then_save(self: FileState) -> bool:
        same = compare(self)
        saved = path.with_name("poedit.tmp~")
        saved.write_bytes(b"saved during the comparison")
        os.replace(saved, path)  # the way editors save: a new file renamed over the old
        return same

    monkeypatch.setattr(FileState, "still_on_disk", compare_then_save)
    with pytest.raises(ChangedOnDiskError, match="changed on disk"):
        write_files_atomically([PlannedWrite(path, b"pubtool's", read)])
    assert path.read_bytes() == b"saved during the comparison"
    assert leftovers(tmp_path) == []


def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_bytes(b"as read")
    read = FileState.of(path)
    path.write_bytes(b"saved by another program")
    with pytest.raises(ChangedOnDiskError, match="changed on disk while updating; nothing"):
        write_bytes_atomically(path, b"ours", read=read)
    assert path.read_bytes() == b"saved by another program"
    assert leftovers(tmp_path) == []
    assert ChangedOnDiskError("x").exit_code == 1


def test_an_unchanged_file_is_replaced_and_a_touch_is_no_change(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_bytes(b"as read")
    read = FileState.of(path)
    os.utime(path, (1, 1))  # a touch: the same bytes
    write_bytes_atomically(path, b"ours", read=read)
    assert path.read_bytes() == b"ours"


def test_a_file_created_since_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "new.po"
    read = FileState.of(path)
    assert read.digest is None
    path.write_bytes(b"created meanwhile")
    with pytest.raises(ChangedOnDiskError):
        write_bytes_atomically(path, b"ours", read=read)
    assert path.read_bytes() == b"created meanwhile"


def test_several_files_are_written_all_or_none(tmp_path: Path) -> None:
    first, second = tmp_path / "a.po", tmp_path / "b.po"
    first.write_bytes(b"a")
    second.write_bytes(b"b")
    reads = FileState.of(first), FileState.of(second)
    second.write_bytes(b"b saved meanwhile")
    with pytest.raises(ChangedOnDiskError, match="b.po"):
        write_files_atomically(
            [PlannedWrite(first, b"A", reads[0]), PlannedWrite(second, b"B", reads[1])]
        )
    assert (first.read_bytes(), second.read_bytes()) == (b"a", b"b saved meanwhile")
    assert leftovers(tmp_path) == []


def test_a_symlinked_catalog_stays_a_link_and_keeps_its_mode(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "de.po"
    real.parent.mkdir()
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "locales" / "de.po"
    link.parent.mkdir()
    link.symlink_to(real)
    write_bytes_atomically(link, b"new", read=FileState.of(link))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() == b"new"
    assert real.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


# --- every writer: a save by another program in the middle of the command -------------------


def cli(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--project", str(root), *args])
    return result.exit_code, result.stderr


def translated(project_dir: Path) -> Project:
    project = load_project(project_dir)
    extract_template(project)
    update_catalogs(project, ["az", "ru"])
    for language in ("az", "ru"):
        path = project.catalog_path(language)
        catalog = load_po(path)
        for entry in catalog:
            if entry.msgid.startswith("The statement was sent"):
                entry.msgstr = f"Bəyanat \"göndərildi\" - {language}."
        path.write_text(format_po(catalog, project.width), encoding="utf-8")
    return project


def saving_during(
    monkeypatch: pytest.MonkeyPatch, target: str, path: Path
) -> Callable[[], None]:
    """Wrap `target` so that another program saves `path` while pubtool runs it."""
    module, name = target.rsplit(".", 1)
    original = getattr(__import__(module, fromlist=[name]), name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        path.write_bytes(SAVED)
        return result

    monkeypatch.setattr(target, wrapped)
    return lambda: None


def assert_refused(project: Project, code: int, err: str, path: Path) -> None:
    assert code == 1, err
    assert err.count("\n") == 1 and "changed on disk while updating; nothing written" in err
    assert project.relative(path) in err or str(path) in err, err
    assert path.read_bytes() == SAVED  # the other program's save is kept
    assert leftovers(project.root) == []


def test_update_keeps_a_save_made_while_it_ran(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = translated(project_dir)
    (project_dir / "statements" / "2021-01-19-second.md").open("a").write("\nAdded.\n")
    extract_template(project)
    az, ru = project.catalog_path("az"), project.catalog_path("ru")
    ru_before = ru.read_bytes()
    saving_during(monkeypatch, "pubtool.catalogs.update_catalog", az)
    code, err = cli(project_dir, "update", "--lang", "az,ru")
    assert_refused(project, code, err, az)
    assert ru.read_bytes() == ru_before  # nothing written: not the other catalog either


def test_import_keeps_a_save_made_while_it_ran(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = translated(project_dir)
    xliff = project_dir / "az.xlf"
    assert cli(project_dir, "export", "-f", "xliff", "-l", "az", "-o", str(xliff))[0] == 0
    text = xliff.read_text(encoding="utf-8")
    new = '<target state="translated">Yeni</target>'
    xliff.write_text(text.replace('<target state="new"/>', new, 1), encoding="utf-8")
    path = project.catalog_path("az")
    saving_during(monkeypatch, "pubtool.exchange.xliff._apply", path)
    code, err = cli(project_dir, "import", str(xliff))
    assert_refused(project, code, err, path)


def test_fmt_keeps_a_save_made_while_it_ran(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = translated(project_dir)
    path = project.catalog_path("az")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr ""\n"', 'msgstr "" "', 1),
                    encoding="utf-8")  # a layout msgcat would change
    saving_during(monkeypatch, "pubtool.po.format.formatted_bytes", path)
    result = runner.invoke(app, ["fmt", str(path)])
    assert result.exit_code == 1, result.output
    # said on stderr as an error, like every other writer's refusal; stdout counts it
    assert "pubtool: error:" in result.stderr and "nothing written" in result.stderr
    assert "1 changed on disk meanwhile (not written)" in result.stdout
    assert path.read_bytes() == SAVED and leftovers(project_dir) == []


def test_check_fix_keeps_a_save_made_while_it_ran(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = translated(project_dir)
    path = project.catalog_path("az")
    saving_during(monkeypatch, "pubtool.checks.style.fix_catalog", path)
    code, err = cli(project_dir, "check", "--fix", "--lang", "az")
    assert_refused(project, code, err, path)


def test_without_another_save_every_writer_writes(project_dir: Path) -> None:
    """The same commands as above, undisturbed: the refusals are not a writer that never
    writes."""
    project = translated(project_dir)
    path = project.catalog_path("az")
    before = path.read_bytes()
    assert cli(project_dir, "check", "--fix", "--lang", "az")[0] in (0, 1)
    assert path.read_bytes() != before  # the quotation marks and dash fixed
    catalog: polib.POFile = load_po(path)
    assert any(entry.msgstr for entry in catalog)


def test_the_lock_is_reentrant_in_a_thread_and_excludes_other_threads(tmp_path: Path) -> None:
    import threading

    from pubtool.errors import CatalogError
    from pubtool.files import folder_lock

    outcome: list[str] = []

    def other_thread() -> None:
        try:
            with folder_lock(tmp_path, 0.2):
                outcome.append("took it")
        except CatalogError:
            outcome.append("waited, then gave up")

    with folder_lock(tmp_path, 1), folder_lock(tmp_path, 1):  # a writer inside a writer
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert outcome == ["waited, then gave up"]
    with folder_lock(tmp_path, 0.2):  # released when the outer one ends
        pass
