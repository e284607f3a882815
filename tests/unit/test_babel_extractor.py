"""pubtool's statement extractor plugs into an existing Babel setup (`pybabel extract`)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from pubtool.catalogs import babel_extract
from pubtool.errors import StatementError


def test_entry_point_is_registered() -> None:
    points = importlib.metadata.entry_points(group="babel.extractors")
    assert {p.name: p.value for p in points}["pubtool"] == "pubtool.catalogs:babel_extract"


def test_pybabel_extracts_statement_blocks_with_lines(project_dir: Path) -> None:
    found = list(
        extract_from_dir(
            str(project_dir / "statements"),
            method_map=[("**.md", "pubtool")],
            comment_tags=("kind:",),
        )
    )
    first = [
        (line, text, comments)
        for name, line, text, comments, _ in found
        if name == "2020-01-15-first.md"
    ]
    assert first[0] == (
        3,
        "First statement on the 30th anniversary",
        ["kind: title", "statement: 2020-01-15-first"],
    )
    assert (16, "The statement was sent to the UN Secretary-General.") in [
        (line, text) for line, text, _ in first
    ]
    assert len(found) == 12


def test_extractor_reports_bad_statements(tmp_path: Path) -> None:
    path = tmp_path / "2020-01-15-x.md"
    path.write_text("---\nid: 2020-01-15-x\n---\n\nText.\n", encoding="utf-8")
    with path.open("rb") as handle, pytest.raises(StatementError, match="missing required key"):
        list(babel_extract(handle, (), (), {}))
