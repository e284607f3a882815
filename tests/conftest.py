"""Shared fixtures: a small pubtool project in a temporary folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

PYPROJECT = """\
[tool.pubtool]
title = "Test statements"
languages = ["az", "en", "ru"]
output = "build"
"""

STATEMENT_A = """\
---
id: 2020-01-15-first
title: First statement on the 30th anniversary
date: 2020-01-15
issuer: Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan
source: AZERTAC
signature:
- Elmira Suleymanova
- |-
  Commissioner for Human Rights
  (Ombudsman) of the Republic of Azerbaijan
---

On the night of January 19-20, 1990, 147 civilians were killed in *Baku*.

The statement was sent to the UN Secretary-General.

- Heydar Aliyev condemned the crime on January 21, 1990.
"""

STATEMENT_B = """\
---
id: 2021-01-19-second
title: Second statement
date: 2021-01-19
issuer: Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan
---

## A heading

The statement was sent to the UN Secretary-General.

> The Alley of Martyrs is a holy place.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A project with two statements, no catalogs yet and no templates of its own."""
    root = tmp_path / "project"
    write(root / "pyproject.toml", PYPROJECT)
    write(root / "statements" / "2020-01-15-first.md", STATEMENT_A)
    write(root / "statements" / "2021-01-19-second.md", STATEMENT_B)
    (root / "locales").mkdir()
    return root


def copy_shipped_project(folder: Path) -> Path:
    """This repository's own project (configuration, statements, catalogs, glossary) in
    `folder`/shipped: real text for tests that must not touch the repository itself."""
    root = folder / "shipped"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    for name in ("statements", "locales", "templates"):
        shutil.copytree(REPO / name, root / name)
    return root


@pytest.fixture
def shipped_project(tmp_path: Path) -> Path:
    return copy_shipped_project(tmp_path)
