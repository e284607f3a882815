"""`pubtool fmt` against the installed GNU msgcat, on real catalogs of public projects.

The catalogs in tests/data/real (see its README) exercise format directives, header field
order, plurals, msgctxt, obsolete entries, CJK line breaking, a legacy charset and a
catalog with only a header.  Each is compared byte for byte with what `msgcat --force-po`
writes for it (`--force-po` only matters for the header-only catalog, which plain msgcat
writes as nothing at all: fmt never empties a file).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pubtool
from pubtool.cli import app

DATA = Path(__file__).parent.parent / "data"
REAL = DATA / "real"  # real catalogs of public projects, see its README
FMT = DATA / "fmt"  # more, for what only fmt meets: legacy charsets, a header alone
REAL_CATALOGS = sorted([*REAL.rglob("*.po"), *FMT.rglob("*.po")])
MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU gettext's msgcat is not installed")


def msgcat(path: Path, *options: str) -> bytes:
    assert MSGCAT is not None
    done = subprocess.run([MSGCAT, "--force-po", *options, str(path)], capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def copy(path: Path, folder: Path) -> Path:
    target = folder / f"{path.parent.name}-{path.name}"
    shutil.copyfile(path, target)
    return target


def test_there_are_real_catalogs() -> None:
    assert len(REAL_CATALOGS) >= 6


@needs_msgcat
@pytest.mark.parametrize("path", REAL_CATALOGS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_fmt_writes_what_msgcat_writes(path: Path, tmp_path: Path) -> None:
    target = copy(path, tmp_path)
    report = pubtool.fmt([target])
    assert report.exit_code == 0
    assert target.read_bytes() == msgcat(path)


@needs_msgcat
@pytest.mark.parametrize("width", [0, 40, 120])
def test_fmt_width_is_msgcat_width(width: int, tmp_path: Path) -> None:
    for path in (REAL / "django" / "ru.po", FMT / "django" / "ru-humanize-koi8r.po"):
        target = copy(path, tmp_path)
        pubtool.fmt([target], width=width)
        assert target.read_bytes() == msgcat(path, f"--width={width}")


@needs_msgcat
@pytest.mark.parametrize(
    ("flag", "text"),
    [
        ("python-format", "The new release is 100% compatible with the old one, and %(count)d"),
        ("c-format", "Copied %lu of %lu files into the folder %s on disk; % d errors were met"),
        ("python-brace-format", "Deleted {count} of {total} entries from {name!r} and {obj.attr}"),
    ],
)
def test_no_break_inside_a_format_directive(flag: str, text: str, tmp_path: Path) -> None:
    # every prefix length puts the line end somewhere else, inside a directive or not
    entries = [
        f'#, {flag}\nmsgid "{"x" * pad} {text} {"y" * pad} {text}"\nmsgstr ""\n'
        for pad in range(1, 40)
    ]
    path = tmp_path / "formats.po"
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
    path.write_text("\n".join([header, *entries]), encoding="utf-8")
    expected = msgcat(path)
    pubtool.fmt([path])
    assert path.read_bytes() == expected


@needs_msgcat
def test_header_order_kept_and_no_header_invented(tmp_path: Path) -> None:
    with_header = tmp_path / "order.po"
    with_header.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
        '"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"X-Generator: Poedit 3.4\\n"\n\nmsgid "A"\nmsgstr "B"\n',
        encoding="utf-8",
    )
    without_header = tmp_path / "bare.po"
    without_header.write_text('msgid "A"\nmsgstr "B"\n\nmsgid "C"\nmsgstr ""\n', encoding="utf-8")
    for path in (with_header, without_header):
        expected = msgcat(path)
        assert pubtool.fmt([path], check=True).exit_code == 0
        assert path.read_bytes() == expected
    assert b"Plural-Forms" in with_header.read_bytes().split(b"Language")[0]
    assert b'msgid ""' not in without_header.read_bytes()


def unwrapped(path: Path, folder: Path) -> Path:
    """The catalog with every string on one line, as some editors write it."""
    target = copy(path, folder)
    pubtool.fmt([target], width=0)
    return target


def test_check_exits_1_listing_what_would_change_and_changes_nothing(tmp_path: Path) -> None:
    tidy = copy(REAL / "django" / "ru.po", tmp_path)
    messy = unwrapped(FMT / "sphinx" / "de.po", tmp_path)
    before = messy.read_bytes()
    report = pubtool.fmt([tidy, messy], check=True)
    assert report.exit_code == 1
    assert report.changed == [str(messy)]
    assert messy.read_bytes() == before
    assert pubtool.fmt([tidy], check=True).exit_code == 0


def test_fmt_then_check_is_clean_and_a_second_fmt_changes_nothing(tmp_path: Path) -> None:
    for path in REAL_CATALOGS:
        unwrapped(path, tmp_path)
    first = pubtool.fmt([tmp_path])
    assert first.exit_code == 0 and first.changed
    after_first = {p: p.read_bytes() for p in tmp_path.iterdir()}
    second = pubtool.fmt([tmp_path])
    assert second.changed == []
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == after_first
    assert pubtool.fmt([tmp_path], check=True).exit_code == 0


def test_fmt_replaces_the_file_atomically(tmp_path: Path) -> None:
    target = unwrapped(FMT / "django-allauth" / "de.po", tmp_path)
    target.chmod(0o640)
    old_content = target.read_bytes()
    reader = tmp_path / "still-open.po"
    reader.hardlink_to(target)  # a reader holding the old file keeps all of it
    pubtool.fmt([target])
    assert reader.read_bytes() == old_content
    assert target.read_bytes() != old_content
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, reader.name])


def test_a_broken_catalog_is_reported_and_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "broken.po"
    broken.write_bytes(b'msgid "A"\nmsgstr "B\n\nmsgid "C"\nmsgstr "D"\n')
    messy = unwrapped(FMT / "sphinx" / "de.po", tmp_path)
    report = pubtool.fmt([broken, messy])
    assert report.exit_code == 2
    assert broken.read_bytes() == b'msgid "A"\nmsgstr "B\n\nmsgid "C"\nmsgstr "D"\n'
    assert report.changed == [str(messy)]  # the others are still done
    assert any(str(broken) in line and ":2:" in line for line in report.problems())


def test_cli_fmt_check(tmp_path: Path) -> None:
    messy = unwrapped(REAL / "django" / "ru.po", tmp_path)
    runner = CliRunner()
    checked = runner.invoke(app, ["fmt", "--check", str(tmp_path)])
    assert checked.exit_code == 1
    assert str(messy) in checked.output
    done = runner.invoke(app, ["fmt", str(messy)])
    assert done.exit_code == 0
    assert runner.invoke(app, ["fmt", "--check", str(messy)]).exit_code == 0
    missing = runner.invoke(app, ["fmt", str(tmp_path / "nothing.po")])
    assert missing.exit_code == 2
