"""Fault injection: what happens to the files when pubtool is killed, runs twice at once,
finds the disk full or the folder read-only.

The promise under test: every file pubtool writes is the old one or the new one, never a
torn mix; a failed write is one line naming the file, leaves the old file and no temporary
file; the next run works (a stale lock is recovered).

PUBTOOL_FAULT_KILLS sets how many moments `update` is killed at (4 by default, for CI;
`nox -s fuzz` raises it).
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pubtool.cli import app

KILLS = int(os.environ.get("PUBTOOL_FAULT_KILLS", "4"))
LANGUAGES = ("az", "en", "ru")
STATEMENTS, PARAGRAPHS = 14, 150  # 2,100 messages: catalogs of about 0.5 MB each
runner = CliRunner()


def statement_text(number: int, version: int) -> str:
    """Version 2 changes every third paragraph and adds some, so update rewrites everything."""
    day = number % 28 + 1
    paragraphs = []
    for index in range(PARAGRAPHS + (10 if version == 2 else 0)):
        changed = " (revised)" if version == 2 and index % 3 == 0 else ""
        paragraphs.append(
            f"Paragraph {index} of statement {number}: on 20 January 1990 the figure "
            f"{index * number} was recorded{changed}, and the text runs on to fill the catalog."
        )
    return (
        f"---\nid: 2020-01-{day:02d}-s{number}\ntitle: Statement {number}\n"
        f"date: 2020-01-{day:02d}\nissuer: The issuer\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    )


def write_statements(root: Path, version: int) -> None:
    for number in range(STATEMENTS):
        day = number % 28 + 1
        path = root / "statements" / f"2020-01-{day:02d}-s{number}.md"
        path.write_text(statement_text(number, version), encoding="utf-8")


def cli(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--project", str(root), *args])
    return result.exit_code, result.stderr


def pubtool_process(root: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pubtool", "--project", str(root), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def catalogs(root: Path) -> dict[str, bytes]:
    return {
        language: (root / "locales" / language / "LC_MESSAGES" / "statements.po").read_bytes()
        for language in LANGUAGES
    }


def restore(root: Path, contents: dict[str, bytes]) -> None:
    for language, data in contents.items():
        (root / "locales" / language / "LC_MESSAGES" / "statements.po").write_bytes(data)


def temporary_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.tmp"))


class Big:
    """A large project: catalogs written from version 1, the template from version 2."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for folder in ("statements", "locales", "templates"):
            (root / folder).mkdir(parents=True)
        (root / "pyproject.toml").write_text(
            '[tool.pubtool]\ntitle = "Big"\nlanguages = ["az", "en", "ru"]\n', encoding="utf-8"
        )
        write_statements(root, 1)
        assert cli(root, "extract")[0] == 0 and cli(root, "update")[0] == 0
        self.old = catalogs(root)
        write_statements(root, 2)
        assert cli(root, "extract")[0] == 0
        assert cli(root, "update")[0] == 0
        self.new = catalogs(root)
        assert all(self.old[language] != self.new[language] for language in LANGUAGES)
        restore(root, self.old)
        started = time.perf_counter()
        process = pubtool_process(root, "update")
        assert process.wait() == 0
        self.seconds = time.perf_counter() - started  # to spread the kills over a run
        restore(root, self.old)

    def assert_old_or_new(self) -> None:
        now = catalogs(self.root)
        for language in LANGUAGES:
            assert now[language] in (self.old[language], self.new[language]), (
                f"{language} catalog torn: {len(now[language])} bytes"
            )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Big:
    return Big(tmp_path_factory.mktemp("faults") / "project")


@pytest.mark.parametrize("kill", range(KILLS))
def test_killed_update_leaves_old_or_new_and_the_next_update_works(big: Big, kill: int) -> None:
    restore(big.root, big.old)
    process = pubtool_process(big.root, "update")
    time.sleep(big.seconds * (kill + 0.5) / KILLS)  # moments spread over a whole run
    process.send_signal(signal.SIGKILL)
    process.wait()
    big.assert_old_or_new()
    code, err = cli(big.root, "update")  # the lock of the killed process is no obstacle
    assert code == 0, err
    assert catalogs(big.root) == big.new
    for path in temporary_files(big.root):
        path.unlink()  # a killed process cannot clean up after itself: see docs/errors.md


def test_killed_while_a_temporary_file_is_open(big: Big) -> None:
    """Kill at the moment a catalog is being written: the temporary file exists."""
    restore(big.root, big.old)
    folder = big.root / "locales"
    process = pubtool_process(big.root, "update")
    seen = False
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if any(folder.glob("*/LC_MESSAGES/.statements.po.*.tmp")):
            process.send_signal(signal.SIGKILL)
            seen = True
            break
    process.wait()
    big.assert_old_or_new()
    assert cli(big.root, "update")[0] == 0 and catalogs(big.root) == big.new
    for path in temporary_files(big.root):
        path.unlink()
    if not seen:
        pytest.skip("the writes were too quick to catch a temporary file this time")


#: A process that takes pubtool's lock on a folder, says so, and keeps it until killed.
HOLD_LOCK = """
import sys, time
from pathlib import Path
from pubtool.files import folder_lock
with folder_lock(Path(sys.argv[1]), 5):
    print("held", flush=True)
    time.sleep(120)
"""


def environment(temporary: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": os.pathsep.join(sys.path)}


@pytest.mark.parametrize("tmpdirs", ["same", "different"])
def test_a_writer_waits_while_another_process_holds_the_lock(
    small: Path, tmp_path: Path, tmpdirs: str
) -> None:
    """Fails without the lock: the update would finish (in about a second) while the
    other writer still holds it. The two processes may have different TMPDIRs (containers,
    other users): the lock is the catalog folder's own, so they still exclude each other."""
    assert cli(small, "extract")[0] == 0
    first, second = tmp_path / "tmp-a", tmp_path / "tmp-b"
    first.mkdir()
    second.mkdir()
    catalog = small / "locales/ru/LC_MESSAGES/statements.po"
    before = catalog.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(small / "locales")],
        stdout=subprocess.PIPE, text=True, env=environment(first),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        writer = subprocess.Popen(
            [sys.executable, "-m", "pubtool", "--project", str(small), "update", "--lang", "ru"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env=environment(second if tmpdirs == "different" else first),
        )
        time.sleep(4)  # an unhindered update of this project takes about a second
        assert writer.poll() is None, "the update did not wait for the lock"
        assert catalog.read_bytes() == before
    finally:
        holder.send_signal(signal.SIGKILL)  # a killed holder leaves no lock behind
        holder.wait()
    assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
    assert catalog.read_bytes() != before
    assert sorted(first.iterdir()) == [] and sorted(second.iterdir()) == []
    assert temporary_files(small) == []


def test_no_file_left_in_the_temporary_folder_or_the_project(small: Path, tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    before = set(snapshot(small))
    for command in (("extract",), ("update",), ("fmt", str(small / "locales")),
                    ("check", "--fix"), ("export", "-f", "xliff", "-l", "ru", "-o",
                                         str(tmp_path / "ru.xlf")),
                    ("import", str(tmp_path / "ru.xlf"))):
        result = subprocess.run(
            [sys.executable, "-m", "pubtool", "--project", str(small), *command],
            capture_output=True, text=True, env=environment(temporary),
        )
        assert result.returncode in (0, 1), result.stderr
    assert sorted(temporary.iterdir()) == []
    assert set(snapshot(small)) == before  # the same files: rewritten, none added
    assert temporary_files(small) == []


# --- a full disk, a read-only folder, a vanished folder: injected --------------------------


def failing(error: int, where: str) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(error, os.strerror(error), where)

    return fail


class FailingFile:
    """A file whose writes fail as on a full disk, after the first few bytes."""

    def __init__(self, handle: object) -> None:
        self.handle = handle

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()  # type: ignore[attr-defined]

    def write(self, data: bytes) -> int:
        self.handle.write(data[:10])  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> object:
        return getattr(self.handle, name)


INJECTIONS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "no space on write": lambda mp: mp.setattr(
        "pubtool.files.os.fdopen", lambda *a, _open=os.fdopen, **k: FailingFile(_open(*a, **k))
    ),
    "no space on fsync": lambda mp: mp.setattr(
        "pubtool.files.os.fsync", failing(errno.ENOSPC, "fsync")
    ),
    "read-only file system": lambda mp: mp.setattr(
        "pubtool.files._new_temporary", failing(errno.EROFS, "open")
    ),
    "permission denied": lambda mp: mp.setattr(
        "pubtool.files._new_temporary", failing(errno.EACCES, "open")
    ),
    "folder vanished": lambda mp: mp.setattr(
        "pubtool.files.os.replace", failing(errno.ENOENT, "replace")
    ),
}
REASONS = {
    "no space on write": "no space",
    "no space on fsync": "no space",
    "read-only file system": "read-only",
    "permission denied": "permission",
    "folder vanished": "vanished",
}


@pytest.fixture
def small(project_dir: Path) -> Iterator[Path]:
    """The small shared project with its template, catalogs and .mo files written."""
    for command in ("extract", "update", "compile"):
        assert cli(project_dir, command)[0] == 0
    statement = project_dir / "statements/2021-01-19-second.md"
    statement.write_text(
        statement.read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8"
    )
    yield project_dir


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("fault", sorted(INJECTIONS))
@pytest.mark.parametrize(
    ("command", "target"),
    [
        (("extract",), "locales/statements.pot"),
        (("update", "--lang", "ru"), "locales/ru/LC_MESSAGES/statements.po"),
        (("compile", "--lang", "ru", "--use-fuzzy"), "locales/ru/LC_MESSAGES/statements.mo"),
        (("build-html", "--lang", "az,en", "-o", "OUT/booklet.html"), "build/booklet.html"),
    ],
    ids=["extract", "update", "compile", "build-html"],
)
def test_failed_write_is_one_line_and_changes_nothing(
    small: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    command: tuple[str, ...],
    target: str,
) -> None:
    if command[0] == "update":  # make update's job a real change: a new template first
        assert cli(small, "extract")[0] == 0
    if command[0] == "compile":  # and compile's: a translation
        po = small / "locales/ru/LC_MESSAGES/statements.po"
        po.write_text(
            po.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "Перевод"\n\n', 1),
            encoding="utf-8",
        )
    command = tuple(word.replace("OUT/", f"{small}/build/") for word in command)
    before = snapshot(small)
    INJECTIONS[fault](monkeypatch)
    code, err = cli(small, *command)
    monkeypatch.undo()
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("pubtool: error: "), err
    assert target in err and REASONS[fault] in err, err
    assert snapshot(small) == before  # the old file as it was, no temporary file
    assert temporary_files(small) == []


def test_failed_pdf_write_keeps_the_old_booklet(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = small / "build" / "booklet.pdf"
    output.parent.mkdir()
    output.write_bytes(b"%PDF- the booklet printed last week")
    before = snapshot(small)
    INJECTIONS["no space on write"](monkeypatch)
    code, err = cli(small, "build-pdf", "--lang", "az,en", "-o", str(output))
    monkeypatch.undo()
    assert code == 2 and err.count("\n") == 1 and "build/booklet.pdf" in err, err
    assert snapshot(small) == before and temporary_files(small) == []


def test_read_only_lock_is_one_line(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(small, "extract")[0] == 0
    before = snapshot(small)
    monkeypatch.setattr("pubtool.files.fcntl.flock", failing(errno.ENOLCK, "lock"))
    code, err = cli(small, "update")
    monkeypatch.undo()
    assert code == 2 and err.count("\n") == 1, err
    assert "cannot take the lock" in err and "locales" in err, err
    assert snapshot(small) == before


# --- a real full disk and a real read-only folder: a tmpfs in a private mount namespace -----


def _can_mount() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {folder}"],
            capture_output=True,
        )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(
    not _can_mount(),
    reason="needs `unshare -m` and mount (root with CAP_SYS_ADMIN); the injected faults "
    "above cover the same paths",
)

# Inside a private mount namespace: mount a small tmpfs over the folder pubtool writes to,
# copy its files in, make it full or read-only, run pubtool, and report what it left.
NAMESPACE_SCRIPT = r"""
set -e
folder="$1"; mode="$2"; shift 2
cp -a "$folder" "$folder.copy"
mount -t tmpfs -o size=2m tmpfs "$folder"
cp -a "$folder.copy/." "$folder/"
if [ "$mode" = full ]; then
    dd if=/dev/zero of="$folder/.filler" bs=4k 2>/dev/null || true
else
    mount -o remount,ro "$folder"
fi
set +e
"$@" >/dev/null 2>"$folder.err"
echo "exit $?"
rm -f "$folder/.filler" 2>/dev/null
digests() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }
digests "$folder" >"$folder.after"
digests "$folder.copy" >"$folder.before"
"""


@needs_mount
@pytest.mark.parametrize("mode", ["full", "read-only"])
@pytest.mark.parametrize(
    ("command", "folder"),
    [
        (("extract",), "locales"),
        (("update",), "locales"),
        (("compile", "--lang", "ru"), "locales/ru/LC_MESSAGES"),
    ],
    ids=["extract", "update", "compile"],
)
def test_real_full_or_read_only_file_system(
    small: Path, mode: str, command: tuple[str, ...], folder: str
) -> None:
    if command[0] == "update":
        assert cli(small, "extract")[0] == 0
    target = small / folder
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", NAMESPACE_SCRIPT, "sh", str(target), mode,
         sys.executable, "-m", "pubtool", "--project", str(small), *command],
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "exit 2", result.stdout + result.stderr
    err = Path(f"{target}.err").read_text(encoding="utf-8")
    assert err.count("\n") == 1 and err.startswith("pubtool: error: "), err
    reason = "no space" if mode == "full" else "read-only"
    assert reason in err.lower(), err
    assert Path(f"{target}.after").read_text() == Path(f"{target}.before").read_text()
