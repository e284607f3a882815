"""The options commands share, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


def path_value(text: str | Path) -> Path:
    """A path typed on the command line.

    A NUL byte is a usage error (exit 2) here, because click 8.1–8.3's own path type lets
    the operating system's ValueError escape as a traceback.
    """
    if "\x00" in str(text):
        raise typer.BadParameter("a path cannot contain a NUL byte")
    return Path(text)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


#: `--format` of the commands whose report is a table (statements, status).
OutputFormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", metavar="[table|json|markdown]", help="table, json or markdown."
    ),
]


class TextOrJson(StrEnum):
    """For the reports that have no table (fmt, import, seed)."""

    text = "text"
    json = "json"


#: `--format` of the commands whose report is a few lines (fmt, import, seed).
TextOrJsonOption = Annotated[
    TextOrJson,
    typer.Option(
        "--format", "-f", metavar="[text|json]", help="text for people, json for machines."
    ),
]


class CheckFormat(StrEnum):
    text = "text"
    table = "table"
    json = "json"


ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-P",
        envvar="PUBTOOL_PROJECT",
        metavar="DIR",
        parser=path_value,
        help="Project folder (default: found by walking up from here).",
    ),
]

LanguagesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="LANGS",
        help="Languages, comma-separated or repeated (default: all configured).",
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Catalogs (.po, .pot) or folders (default: the project's catalogs).",
        parser=path_value,
        metavar="PATH",
        show_default=False,
    ),
]

EditionLanguages = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="LANGS",
        help="Languages side by side, the first leading: de,en; one language alone "
        "(default: the first target language beside the source language).",
    ),
]
StatementOption = Annotated[
    list[str] | None,
    typer.Option(
        "--statement", "-s", metavar="ID", help="Only this statement id (repeat for more)."
    ),
]
MissingOption = Annotated[
    str,
    typer.Option(
        "--missing",
        metavar="[mark|source|omit|fail]",
        help="Untranslated or fuzzy text: mark (source, marked), source, omit or fail.",
    ),
]
MinCoverageOption = Annotated[
    float | None,
    typer.Option(
        "--min-coverage", metavar="PERCENT", help="Refuse to build below this percent translated."
    ),
]
PadToOption = Annotated[
    int,
    typer.Option(
        "--pad-to",
        min=1,
        metavar="N",
        help="Blank pages at the end up to a multiple of this (1: none).",
    ),
]
PaperOption = Annotated[
    str,
    typer.Option(
        "--paper", metavar="[A4|A5|A6|letter|half-letter]", help="Page size of the booklet."
    ),
]
LayoutOption = Annotated[
    str,
    typer.Option(
        "--layout",
        metavar="[columns|facing]",
        help="Languages side by side in columns, or facing pages (exactly two languages: "
        "the first on left pages, the second on right pages).",
    ),
]
NumbersOption = Annotated[
    bool,
    typer.Option("--numbers", help="Pair numbers (1, 2, 3… per statement) in the outer margins."),
]
ImposeOption = Annotated[
    str | None,
    typer.Option(
        "--impose",
        metavar="[saddle]",
        help="Also write the booklet imposed two pages to a sheet side, in saddle-stitch "
        "order, to -o (default: the booklet's name with -saddle).",
    ),
]
CreepOption = Annotated[
    float,
    typer.Option(
        "--creep",
        metavar="MM",
        help="With --impose: move the innermost sheet's pages this far towards the fold.",
    ),
]
FontOption = Annotated[
    list[str] | None,
    typer.Option(
        "--font",
        metavar="FAMILY",
        help="Font family, in order of preference (repeat for a stack).",
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        help="Folder whose templates override the project's.",
        parser=path_value,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Output file (default: booklet-de-en.pdf or .html, named after --lang, in the "
        "project's output folder; what differs from A4 columns is added to the name: "
        "booklet-de-en-facing-numbers-a5-pdf-a-3b.pdf).",
        parser=path_value,
    ),
]
PdfVariantOption = Annotated[
    str | None,
    typer.Option(
        "--pdf-variant",
        metavar="[pdf/ua-1|pdf/a-3b|pdf/a-3u|pdf/a-2b]",
        help="pdf/ua-1 (accessible) or pdf/a-3b, pdf/a-3u, pdf/a-2b (archival); the PDF is "
        "tagged either way.",
    ),
]


class ExchangeFormat(StrEnum):
    xliff = "xliff"
    tmx = "tmx"
    tbx = "tbx"
