"""The real catalogs under tests/data/real are readable, documented and cover what they claim."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
CATALOGS = sorted(REAL.rglob("*.po"))
README = (REAL / "README.md").read_text(encoding="utf-8")
LISTED = re.findall(r"^\| `([^`]+\.po)` \|", README, flags=re.MULTILINE)


def test_there_are_catalogs_of_several_projects() -> None:
    assert len({path.parent.name for path in CATALOGS}) >= 3
    assert len(CATALOGS) >= 6


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(REAL)))
def test_catalog_parses_with_polib_and_has_translations(path: Path) -> None:
    catalog = polib.pofile(str(path))
    assert "charset=UTF-8" in catalog.metadata["Content-Type"]
    assert catalog.translated_entries()


def test_every_catalog_is_listed_in_the_readme_and_every_listed_one_exists() -> None:
    assert sorted(LISTED) == sorted(str(p.relative_to(REAL).as_posix()) for p in CATALOGS)


def test_every_project_folder_carries_its_licence() -> None:
    for folder in {path.parent for path in CATALOGS}:
        assert (folder / "LICENSE").is_file(), folder


def test_the_set_covers_the_gettext_features_it_is_kept_for() -> None:
    entries = [entry for path in CATALOGS for entry in polib.pofile(str(path))]
    assert any(entry.msgctxt for entry in entries)
    assert any(entry.msgid_plural for entry in entries)
    assert any(entry.obsolete for entry in entries)
    assert any(entry.previous_msgid for entry in entries)
    assert any(entry.fuzzy for entry in entries)
    flags = {flag for entry in entries for flag in entry.flags}
    assert {"python-format", "python-brace-format", "javascript-format"} <= flags


def test_the_set_stays_small() -> None:
    assert sum(path.stat().st_size for path in CATALOGS) < 1_500_000
