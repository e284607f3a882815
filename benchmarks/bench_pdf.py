"""Booklet speed: the shipped az/en booklet against the same text set as one plain column.

A booklet page costs more than a page of running text: paired cells are laid out as table
rows, each row as tall as its longer cell, and pages break between rows.  The plain column
(the same paragraphs, both languages one after the other, same fonts, size, leading,
hyphenation and page margins, rendered by WeasyPrint directly) is the floor that cost is
measured against, in pages per second.  Also timed: a rebuild with nothing changed, which
the content-hash cache answers without laying out anything.

With `--layouts`, the booklet is also built from alternative templates (copies of
`templates/` with the statement table replaced), to find the fastest layout to adopt.

Run from the repository root:  python benchmarks/bench_pdf.py [--layouts]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchtools import best_of, machine, print_table, run_timed
from markupsafe import escape

from pubtool.project import Project, load_project
from pubtool.publish.booklet import Booklet, BookletRequest, build_pdf, prepare_booklet
from pubtool.publish.hyphenation import register_azerbaijani_hyphenation
from pubtool.publish.render import DEFAULT_FONTS, PdfResult, inline_markdown

LANGUAGES = ("az", "en")
TARGET_SHARE = 0.60
TARGET_REBUILD = 1.0
#: The width of one booklet column on A4: 180 mm between the margins, less padding and rule.
COLUMN_WIDTH = "86mm"

PLAIN_CSS = """
@page { size: A4; margin: 18mm 15mm 20mm 15mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }
html { font-size: 9.5pt; }
body { font-family: %s, serif; line-height: 1.38; color: #111; hyphens: auto; margin: 0; }
h1 { font-size: 12.5pt; line-height: 1.25; margin: 0 0 3mm; break-before: page; }
p { margin: 0 0 2.6mm; text-align: justify; orphans: 2; widows: 2; }
"""


def plain_html(booklet: Booklet, width: str = "auto", fonts: Sequence[str] = DEFAULT_FONTS) -> str:
    """Every cell of the booklet, in reading order, as one column of paragraphs."""
    parts = []
    for document in booklet.documents:
        for cell in document.title.cells:
            parts.append(f'<h1 lang="{cell.language}">{inline_markdown(cell.text)}</h1>')
        for row in document.rows()[1:]:
            for cell in row.cells:
                parts.append(f'<p lang="{cell.language}">{inline_markdown(cell.text)}</p>')
    families = ", ".join(f'"{escape(font)}"' for font in fonts)
    return (
        f'<!DOCTYPE html><html lang="{LANGUAGES[0]}"><head><meta charset="utf-8">'
        f"<style>{PLAIN_CSS % families} body {{ width: {width}; }}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def render_plain(html: str, output: Path) -> int:
    """Lay out and write the plain column as `render_pdf` does; returns its page count."""
    from weasyprint import HTML

    register_azerbaijani_hyphenation()
    document = HTML(string=html).render()
    output.write_bytes(document.write_pdf())
    return len(document.pages)


def timed_plain(html: str, output: Path) -> tuple[float, int]:
    """Best wall time of three renderings of the plain column, and its page count."""
    timed = best_of(lambda: render_plain(html, output))
    return timed.best, timed.result


def booklet_once(project: Project, request: BookletRequest, folder: Path) -> PdfResult:
    """One full build into a fresh file, so the cache never answers."""
    output = Path(tempfile.mkdtemp(dir=folder)) / "booklet.pdf"
    return build_pdf(project, request, output)[1]


def timed_booklet(project: Project, request: BookletRequest, folder: Path) -> tuple[float, int]:
    """Best wall time of three full builds (statements and catalogs read each time)."""
    timed = best_of(lambda: booklet_once(project, request, folder))
    return timed.best, timed.result.pages


def timed_cli_rebuild(folder: Path) -> float | None:
    """`pubtool build-pdf` run twice to one file; the second run's wall time, best of 3.

    What a user waits for: Python starting and importing pubtool, then the cache check.
    """
    program = Path(sys.executable).with_name("pubtool")
    if not program.exists():
        return None
    command = [str(program), "build-pdf", "--lang", ",".join(LANGUAGES)]
    command += ["-o", str(folder / "cli" / "booklet.pdf")]
    run_timed(command, timeout=600)
    return best_of(lambda: run_timed(command, timeout=600)).best


def timed_rebuild(project: Project, request: BookletRequest, folder: Path) -> tuple[float, bool]:
    """A second build to the same file with nothing changed: the cache should answer."""
    output = folder / "rebuild" / "booklet.pdf"
    build_pdf(project, request, output)
    timed = best_of(lambda: build_pdf(project, request, output)[1])
    return timed.best, timed.result.cached


# --- alternative layouts, for --layouts ---------------------------------------------------

# Each layout keeps a statement's title and meta rows in their table and sets the paragraph
# pairs its own way: the `cells` macro is replaced, the body groups become divs.
_CELLS_MACRO = re.compile(r"\{%-? macro cells\(.*?\{%-? endmacro -?%\}", re.DOTALL)
_NEW_CELLS_MACRO = """{%- macro cells(row, tag="p") -%}
<ROW class="pair kind-{{ row.kind }}">
{% for cell in row.cells %}
  <CELL lang="{{ cell.language }}" class="cell{% if cell.marked %} marked{% endif %}"
    {%- if cell.marked %} data-mark="{{ labels[cell.language][cell.state] }}"{% endif %}>
    <{{ tag }}>{{ cell.text | inline(breaks=row.kind == "signature") }}</{{ tag }}>
  </CELL>
{% endfor %}
</ROW_END>
{%- endmacro -%}"""
_BODY_GROUPS = (
    (r"</thead>\s*<tbody class=\"body\">", '</thead>\n  </table>\n  <div class="rows body">'),
    (r'<tbody class="(signature|notes)">', r'<div class="rows \1">'),
    (r"</tbody>", "</div>"),
    (r"</table>\s*</article>", "</article>"),
)
# Selectors of the shipped stylesheet that name table parts, for the divs that replace them.
_CSS_SELECTORS = (
    ("tbody.signature tr:first-child td", ".signature > :first-child .cell"),
    ("tbody.signature td", ".signature .cell"),
    ("tbody.signature p", ".signature p"),
    ("tbody.notes td", ".notes .cell"),
    ("tr.pair", ".pair"),
    ("tr.kind-", ".kind-"),
    ("td.marked", ".marked"),
)
_CELL_CSS = """
.rows .cell { vertical-align: top; text-align: justify; padding: 0 3.5mm 0 0; }
.rows .cell + .cell { padding: 0 0 0 3.5mm; border-left: 0.4pt solid #c8c8c8; }
"""
# name: (row tag, row end tag, cell tag, extra CSS).  Floats were tried too: WeasyPrint 70
# set the cells on top of each other (overlapping text, pages lost), so they are left out.
LAYOUTS = {
    "row-tables": ('table class="pairs"><tr', "tr></table", "td", ""),
    "flex": (
        "div",
        "div",
        "div",
        _CELL_CSS + ".rows .pair { display: flex; }\n.rows .cell { flex: 1 1 0; min-width: 0; }\n",
    ),
    "grid": (
        "div",
        "div",
        "div",
        _CELL_CSS + ".rows .pair { display: grid; "
        "grid-template-columns: 1fr 1fr; }\n.rows .cell { min-width: 0; }\n",
    ),
}


def _substitute(pattern: str | re.Pattern[str], replacement: str, text: str) -> str:
    """re.sub that insists on a match: a changed shipped template must not go unnoticed."""
    result, count = re.subn(pattern, replacement, text)
    if not count:
        raise ValueError(f"the shipped template changed: no {pattern!r}")
    return result


def layout_templates(name: str, folder: Path) -> Path:
    """A copy of `templates/` whose paragraph pairs are set by layout `name`."""
    row, row_end, cell, extra_css = LAYOUTS[name]
    target = folder / f"layout-{name}"
    shutil.copytree("templates", target)
    macro = _NEW_CELLS_MACRO.replace("ROW_END", row_end).replace("ROW", row)
    macro = macro.replace("CELL", cell)
    page = (target / "booklet.html.j2").read_text(encoding="utf-8")
    page = _substitute(_CELLS_MACRO, macro.replace("\\", "\\\\"), page)
    for pattern, replacement in _BODY_GROUPS:
        page = _substitute(pattern, replacement, page)
    css = (target / "booklet.css").read_text(encoding="utf-8")
    for selector, replacement in _CSS_SELECTORS:
        css = css.replace(selector, replacement)
    (target / "booklet.html.j2").write_text(page, encoding="utf-8")
    (target / "booklet.css").write_text(css + extra_css, encoding="utf-8")
    return target


# --- the run --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layouts", action="store_true", help="also try alternative layouts")
    args = parser.parse_args(argv)
    print(f"# pdf: {machine()}")
    project = load_project(Path.cwd())
    request = BookletRequest(languages=LANGUAGES)
    folder = Path(tempfile.mkdtemp(prefix="pubtool-bench-pdf-"))
    try:
        rows = measure(project, request, folder, args.layouts)
    finally:
        shutil.rmtree(folder)
    print_table(["document", "pages", "best of 3", "pages/s", "vs plain column"], rows)
    return 0


def measure(
    project: Project, request: BookletRequest, folder: Path, layouts: bool
) -> list[list[object]]:
    """The table rows: plain columns, booklet, rebuilds, then any layouts."""
    booklet = prepare_booklet(project, request)
    rows: list[list[object]] = []
    plain_rate = 0.0
    for label, width in (
        ("plain column (same text)", "auto"),
        ("plain column, 86 mm wide", COLUMN_WIDTH),
    ):
        seconds, pages = timed_plain(plain_html(booklet, width), folder / "plain.pdf")
        plain_rate = plain_rate or pages / seconds
        rows.append(booklet_row(label, pages, seconds, plain_rate))
    seconds, pages = timed_booklet(project, request, folder)
    rows.append(booklet_row("booklet az,en (shipped templates)", pages, seconds, plain_rate))
    share = pages / seconds / plain_rate
    rebuild, cached = timed_rebuild(project, request, folder)
    cli = timed_cli_rebuild(folder)
    rows.append(
        ["rebuild, nothing changed (build_pdf)", pages, f"{rebuild:.3f} s", "", f"cached: {cached}"]
    )
    rows.append(["rebuild, nothing changed (CLI)", pages, seconds_or_na(cli), "", "new process"])
    for name in LAYOUTS if layouts else ():
        variant = BookletRequest(languages=LANGUAGES, templates=layout_templates(name, folder))
        seconds, pages = timed_booklet(project, variant, folder)
        rows.append(booklet_row(f"booklet, layout {name}", pages, seconds, plain_rate))
    print(
        f"booklet at {share:.0%} of the plain column's pages/s (target {TARGET_SHARE:.0%}); "
        f"rebuild {rebuild:.2f} s in-process, {seconds_or_na(cli)} from the CLI "
        f"(target under {TARGET_REBUILD:g} s)"
    )
    return rows


def seconds_or_na(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def booklet_row(label: str, pages: int, seconds: float, plain_rate: float) -> list[object]:
    rate = pages / seconds
    return [label, pages, f"{seconds:.2f} s", f"{rate:.2f}", f"{100 * rate / plain_rate:.0f}%"]


if __name__ == "__main__":
    sys.exit(main())
