"""pubtool: public statements to gettext catalogs, checks, coverage and bilingual PDF booklets.

Every command of the `pubtool` CLI is one call here, usable from Python without the CLI::

    import pubtool

    project = pubtool.Project.load("path/to/project")
    pubtool.extract(project)
    pubtool.update(project)                      # or languages="de,fr"
    report = pubtool.status(project)             # report.as_dict() is `status --format json`
    findings = pubtool.check(project)
    pubtool.build_pdf(project, "az,en")
    pubtool.fmt("locales", check=True)         # catalogs as msgcat writes them; no project
    pubtool.export(project, "xliff", "de")       # for a CAT tool; pubtool.import_files(...)

    pubtool.init("new-project", "de,fr")         # `pubtool init`: a project of your own

Each returns a report with `as_dict()` (exactly the CLI's `--format json`) and `exit_code`
where the command is a gate; a path may be a `str` or any `os.PathLike`. Errors are
`pubtool.PubtoolError` and its subclasses, each with the exit code the CLI uses. Names load
on first use, so `import pubtool` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_PUBLIC = {
    "Project": "pubtool.project",
    "load_project": "pubtool.project",
    "PubtoolError": "pubtool.errors",
    "ConfigError": "pubtool.errors",
    "StatementError": "pubtool.errors",
    "CatalogError": "pubtool.errors",
    "ChangedOnDiskError": "pubtool.errors",
    "RenderError": "pubtool.errors",
    "GateFailed": "pubtool.errors",
    "ExchangeError": "pubtool.errors",
    "WriteError": "pubtool.errors",
    "list_statements": "pubtool.statements",
    "extract": "pubtool.catalogs",
    "update": "pubtool.catalogs",
    "compile": "pubtool.catalogs",
    "fmt": "pubtool.po.format",
    "status": "pubtool.coverage",
    "check": "pubtool.checks.registry",
    "fix_style": "pubtool.checks.style",
    "build_pdf": "pubtool.publish.edition",
    "build_html": "pubtool.publish.edition",
    "export": "pubtool.exchange",
    "import_files": "pubtool.exchange",
    "build_markdown": "pubtool.publish.markdown",
    "build_site": "pubtool.publish.site",
    "init": "pubtool.scaffold",
    "seed": "pubtool.seed",
    "copy_templates": "pubtool.scaffold",
}

__all__ = [
    "CatalogError",
    "ChangedOnDiskError",
    "ConfigError",
    "ExchangeError",
    "GateFailed",
    "Project",
    "PubtoolError",
    "RenderError",
    "StatementError",
    "WriteError",
    "__version__",
    "build_html",
    "build_markdown",
    "build_site",
    "build_pdf",
    "check",
    "compile",
    "copy_templates",
    "export",
    "extract",
    "fix_style",
    "fmt",
    "import_files",
    "init",
    "list_statements",
    "load_project",
    "seed",
    "status",
    "update",
]

if TYPE_CHECKING:
    from pubtool.catalogs import compile, extract, update
    from pubtool.checks.registry import check
    from pubtool.checks.style import fix_style
    from pubtool.coverage import status
    from pubtool.errors import (
        CatalogError,
        ChangedOnDiskError,
        ConfigError,
        ExchangeError,
        GateFailed,
        PubtoolError,
        RenderError,
        StatementError,
        WriteError,
    )
    from pubtool.exchange import export, import_files
    from pubtool.po.format import fmt
    from pubtool.project import Project, load_project
    from pubtool.publish.edition import build_html, build_pdf
    from pubtool.publish.markdown import build_markdown
    from pubtool.publish.site import build_site
    from pubtool.scaffold import copy_templates, init
    from pubtool.seed import seed
    from pubtool.statements import list_statements


def __dir__() -> list[str]:
    """The public API, though its names load on first use (`dir(pubtool)`, completion)."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'pubtool' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
