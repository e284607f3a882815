"""Developer sessions: `nox -s tests lint typecheck coverage booklet fuzz`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "coverage"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (the same command CI and the README run)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


def lowest_pins() -> list[str]:
    """`name==version` for each runtime and test requirement, at its `>=` bound in
    pyproject.toml: the oldest releases the package says it works with."""
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)", requirement)
        if match is None:
            raise ValueError(f"pyproject.toml: {requirement!r} has no lower bound to pin")
        pins.append(f"{match[1]}=={match[2]}")
    return pins


@nox.session(python="3.11")
def tests_lowest(session: nox.Session) -> None:
    """The suite with the lowest versions pyproject.toml allows (the default run has the newest).

    CI runs it after the default run. tests/e2e is left out: it installs the wheel into a
    venv of its own, where pip picks the newest releases again.
    """
    pins = lowest_pins()
    session.install(*pins)
    session.install("--no-deps", "-e", ".")
    session.run("python", "-m", "pip", "check")
    session.run("python", "-m", "pytest", "--ignore=tests/e2e", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """The fuzzers and fault injection on a long budget (CI runs them on a short one).

    `nox -s fuzz -- 5000` sets the examples per fuzz test; record what a run finds in
    docs/errors.md.
    """
    session.install("-e", ".[test]")
    examples = session.posargs[0] if session.posargs else "2000"
    session.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "--hypothesis-show-statistics",
        "tests/fuzz",
        "tests/faults",
        env={"PUBTOOL_FUZZ_EXAMPLES": examples, "PUBTOOL_FAULT_KILLS": "40"},
    )


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", "src", "tests", "benchmarks", "tools", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".", "mypy", "types-PyYAML", "types-polib>=1.2")
    session.run("mypy", "src")


@nox.session
def coverage(session: nox.Session) -> None:
    """Translation coverage gate and publication checks on the shipped catalogs."""
    session.install("-e", ".")
    session.run("pubtool", "status", "--fail-under", "100", "--per-statement")
    session.run("pubtool", "check")


@nox.session
def booklet(session: nox.Session) -> None:
    """Build the bilingual booklets a publisher prints."""
    session.install("-e", ".")
    for languages in ("az,en", "ru,en"):
        session.run("pubtool", "build-pdf", "--lang", languages)
