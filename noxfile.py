"""Developer sessions: `nox -s tests lint typecheck coverage booklet fuzz`."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "coverage"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (the same command CI and the README run)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


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
    session.run("ruff", "check", "src", "tests", "benchmarks", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".", "mypy", "types-PyYAML")
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
