"""Documents to HTML (Jinja2 templates) and HTML to PDF (WeasyPrint), fetching nothing unsafe."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import mimetypes
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import jinja2
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from pubtool import __version__
from pubtool.checks.style import HouseStyle, house_style
from pubtool.errors import RenderError, WriteError
from pubtool.files import write_bytes_atomically, write_text_atomically
from pubtool.po.entries import language_name
from pubtool.publish.documents import Cell, Document
from pubtool.publish.hyphenation import (
    ADDRESS,
    address_pieces,
    break_overlong_words,
    split_overlong_run,
)
from pubtool.publish.labels import (
    _long_date,
    _own_name,
    fill_label,
    label_languages,
    labels_for,
    load_labels,
    text_direction,
)
from pubtool.publish.typography import heading_breaks, set_punctuation

if TYPE_CHECKING:  # facing.py imports this module
    from pubtool.publish.facing import FacingLayout, MeasureItem

#: `--paper` names and their CSS page sizes; each halves the next (A5 is half an A4 sheet,
#: half-letter half a letter sheet), which is what `--impose saddle` folds them from.
PAPER_SIZES = {
    "A4": "A4",
    "A5": "A5",
    "A6": "A6",
    "LETTER": "letter",
    "HALF-LETTER": "5.5in 8.5in",
}
FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]*$")
DEFAULT_FONTS = (
    "Gentium Book Plus",
    "Charis SIL",
    "Noto Serif",
    "Noto Naskh Arabic",
    "Noto Serif Georgian",
    "Noto Serif Hebrew",
    "DejaVu Serif",
)
"""The book face first, then faces for what it lacks. Gentium Book Plus (Debian
`fonts-sil-gentiumplus`): a serif for long reading, narrow enough for even justification in a
booklet column, drawn for Latin with every Azerbaijani letter, Cyrillic and Greek, in a weight
made for print. Charis SIL (`fonts-sil-charis`) and Noto Serif (`fonts-noto-core`) stand in
when it is missing; Noto Naskh Arabic, Noto Serif Georgian and Noto Serif Hebrew
(`fonts-noto-core`) set those scripts; DejaVu Serif is the last resort. See docs/booklet.md."""
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b", "pdf/a-3u", "pdf/a-2b")
"""What `--pdf-variant` accepts: accessible (PDF/UA-1) or archival (PDF/A) files, as
WeasyPrint writes them."""

# Raw HTML off, images off: translator text becomes text, and nothing in it is fetched.
_INLINE = MarkdownIt("commonmark", {"html": False, "breaks": False}).disable("image")
_INLINE_BREAKS = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable("image")


def inline_markdown(text: str, breaks: bool = False, style: HouseStyle | None = None) -> Markup:
    """Inline Markdown (emphasis, links) to safe HTML; any HTML in `text` comes out escaped.

    Overlong words get break opportunities and overlong paragraphs forced line breaks, so
    that no text, however odd, makes the layout take more than moments (see `bounded`).
    With a `style`, typewriter punctuation is set as that language prints it
    (`typography.set_punctuation`).
    """
    parser = _INLINE_BREAKS if breaks else _INLINE
    tokens = parser.parseInline(text)
    for token in tokens:
        if token.children is not None:
            if style is not None:
                _set_punctuation(token.children, style)
            token.children = bounded(token.children)
    # markdown-it escapes, html is off
    return Markup(parser.renderer.render(tokens, parser.options, {}))  # noqa: S704


def _set_punctuation(tokens: Sequence[Token], style: HouseStyle) -> None:
    """Print punctuation in the text tokens (not code, not addresses) of one paragraph."""
    previous = " "
    for token in tokens:
        if token.type == "softbreak" or token.type == "hardbreak":
            previous = " "
        if token.type != "text" or not token.content:
            continue
        parts = _address_split(token.content)
        for index in range(0, len(parts), 2):
            if parts[index]:
                parts[index] = set_punctuation(parts[index], style, previous)
                previous = parts[index][-1]
        token.content = "".join(parts)


def bounded(tokens: Sequence[Token]) -> list[Token]:
    """Inline tokens whose text WeasyPrint lays out in bounded time; the text is unchanged.

    Only where lines may break changes: zero-width spaces inside words longer than a column,
    and a forced line break after a sentence every `LONGEST_RUN` characters of a paragraph.
    """
    result: list[Token] = []
    run = 0
    for token in tokens:
        if token.type == "hardbreak":
            run = 0
        if token.type not in ("text", "code_inline"):
            result.append(token)
            continue
        if token.type == "code_inline":
            token.content = break_overlong_words(token.content)
            run += len(token.content)
            result.append(token)
            continue
        pieces = split_overlong_run(token.content, run)
        for index, piece in enumerate(pieces):
            if index:
                result.append(Token("hardbreak", "br", 0))
            result.extend(_with_address_breaks(piece))
        run = len(pieces[-1]) + (run if len(pieces) == 1 else 0)
    return result


def _with_address_breaks(text: str) -> list[Token]:
    """Text tokens; each address in them a `url` span with a <wbr> after each `/ . ? & = -`."""
    tokens: list[Token] = []
    for index, part in enumerate(_address_split(text)):
        if index % 2 == 0:
            if part:
                tokens.append(Token("text", "", 0, content=break_overlong_words(part)))
            continue
        tokens.append(Token("html_inline", "", 0, content='<span class="url">'))
        for number, piece in enumerate(address_pieces(part)):
            if number:
                tokens.append(Token("html_inline", "", 0, content="<wbr>"))
            tokens.append(Token("text", "", 0, content=piece))
        tokens.append(Token("html_inline", "", 0, content="</span>"))
    return tokens


def _address_split(text: str) -> list[str]:
    """Plain text and addresses alternating: text, address, text, … (text first, maybe empty)."""
    parts: list[str] = []
    last = 0
    for match in ADDRESS.finditer(text):
        parts += [text[last : match.start()], match.group()]
        last = match.end()
    return [*parts, text[last:]]


def plain_text(text: str) -> Markup:
    """Text shown as it is (no Markdown), escaped, with break opportunities in overlong words
    and addresses (`/ . ? & = -` only: an address never takes a hyphen)."""
    parts = _address_split(text)
    return Markup("").join(
        escape(break_overlong_words(part))
        if index % 2 == 0
        else Markup('<span class="url">')
        + Markup("<wbr>").join(escape(piece) for piece in address_pieces(part))
        + Markup("</span>")
        for index, part in enumerate(parts)
    )


@dataclass(frozen=True)
class Edition:
    """What the booklet is: which languages side by side, on which paper, in which fonts."""

    languages: tuple[str, ...]
    title: tuple[Cell, ...]
    paper: str = "A4"
    fonts: tuple[str, ...] = DEFAULT_FONTS
    author: str = ""
    created: str = ""  # W3C dates from the inputs, never the clock: see booklet.source_dates
    modified: str = ""
    source_language: str = "en"
    publisher: str = ""
    license: str = ""
    #: (language, who translated it) for the imprint, in the edition's column order
    translators: tuple[tuple[str, str], ...] = ()
    #: (statement id, its editorial repairs as Markdown) for the notes at the end
    repairs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (language, its house style) for the punctuation set at render time; a language not
    #: here takes its defaults
    styles: tuple[tuple[str, HouseStyle], ...] = ()

    @property
    def page_size(self) -> str:
        """The CSS `size` of the page."""
        return PAPER_SIZES[self.paper]

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES:
            names = ", ".join(name if name[0] == "A" else name.lower() for name in PAPER_SIZES)
            raise RenderError(f"--paper: {self.paper!r} is not one of {names}")
        for font in self.fonts:
            if not FONT_NAME.match(font):
                raise RenderError(f"font name {font!r} may hold only letters, digits, spaces, '-'")


def template_environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    """Templates from the user's folder first, then the project's; autoescape always on."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in template_dirs]),
        # HTML and SVG templates escape everything; the stylesheet is included as it is
        autoescape=lambda name: not (name or "").endswith(".css"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["inline"] = inline_markdown
    environment.filters["plain"] = plain_text
    environment.filters["running_title"] = running_title
    environment.filters["heading_breaks"] = heading_breaks
    return environment


RUNNING_TITLE = 60
"""Characters of a running head: what a reader takes in at a glance at 7.5 pt."""


def running_title(text: str, limit: int = RUNNING_TITLE) -> str:
    """A title short enough for a running head: plain text, cut after a word, with `…`."""
    plain = " ".join(Markup(inline_markdown(text)).striptags().split()).rstrip(".")
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-( ")
    return cut + "…"


def render_html(
    documents: Sequence[Document],
    edition: Edition,
    template_dirs: Sequence[Path],
    *,
    template: str = "booklet.html.j2",
    stylesheet_href: str = "booklet.css",
    notice: Callable[[str], None] | None = None,
    numbers: bool = False,
    facing: FacingLayout | None = None,
    facing_measure: tuple[float, list[MeasureItem]] | None = None,
) -> str:
    """The booklet as one HTML page: cover, contents, then each statement in paired rows.

    `numbers` sets pair numbers in the outer margins; `facing` (a `facing.FacingLayout`) sets
    the statements on facing pages instead of in columns; `facing_measure` (the text width in
    mm and the cells) makes the page `facing.py` measures cells in, and nothing else.
    """
    every_label = load_labels(template_dirs)
    labels = labels_for(
        edition.languages, every_label, source_language=edition.source_language, notice=notice
    )
    written_in = label_languages(
        edition.languages, every_label, source_language=edition.source_language
    )
    environment = template_environment(template_dirs)
    styles = dict(edition.styles)

    def inline_in(text: str, breaks: bool = False, language: str | None = None) -> Markup:
        """`inline`, with the punctuation of `language` when it is given."""
        if language is None:
            return inline_markdown(text, breaks)
        return inline_markdown(text, breaks, styles.get(language) or house_style(language))

    environment.filters["inline"] = inline_in
    try:
        page = environment.get_template(template)
    except jinja2.TemplateNotFound:
        raise RenderError(
            f"template {template!r} not found in {', '.join(map(str, template_dirs))}"
        ) from None
    years = sorted({document.date.year for document in documents})

    def label(column: str, key: str, /, **values: str) -> str:
        text = labels.get(column, {}).get(key)
        if text is None:
            raise RenderError(
                f"the template needs a {key!r} label for {column}, and no labels.yaml has it",
                file=page.filename,
            )
        return fill_label(text, column, **values)

    try:
        return page.render(
            documents=documents,
            edition=edition,
            languages=edition.languages,
            lead=edition.languages[0],
            labels=labels,
            label_languages=written_in,
            label=label,
            language_name=language_name,
            language_names={language: _own_name(language) for language in edition.languages},
            directions={
                language: text_direction(language)
                for language in (
                    *edition.languages,
                    edition.source_language,
                    *(code for words in written_in.values() for code in words.values()),
                )
            },
            years=(years[0], years[-1]) if years else None,
            edition_date=_long_date(edition.modified, edition.languages[0]),
            repairs=dict(edition.repairs),
            stylesheet_href=stylesheet_href,
            version=__version__,
            numbers=numbers,
            facing=facing,
            facing_measure=facing_measure,
            pair_numbers=pair_numbers,
        )
    except jinja2.UndefinedError as error:  # e.g. a label the template uses is missing
        raise RenderError(f"template error: {error.message}", file=page.filename) from None


def pair_numbers(document: Document) -> tuple[int | None, ...]:
    """Each body row's pair number (`--numbers`: 1, 2, 3… per statement); a heading has none."""
    numbers: list[int | None] = []
    count = 0
    for row in document.body:
        if row.kind == "heading":
            numbers.append(None)
        else:
            count += 1
            numbers.append(count)
    return tuple(numbers)


class ConfinedFetcher:
    """WeasyPrint URL fetcher that serves files under the allowed folders and nothing else.

    Translator text is untrusted: a `file:` path elsewhere or any network address is
    refused (and recorded), so a catalog cannot make the booklet read or leak anything.
    """

    def __init__(self, allowed: Sequence[Path]) -> None:
        self.allowed = [folder.resolve() for folder in allowed]
        self.refused: list[str] = []

    def __call__(self, url: str, headers: Any = None) -> Any:
        return self.fetch(url, headers)

    def fetch(self, url: str, headers: Any = None) -> Any:
        from weasyprint.urls import URLFetcherResponse, URLFetchingError

        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if any(path.is_relative_to(folder) for folder in self.allowed) and path.is_file():
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    url, body=path.read_bytes(), headers={"Content-Type": content_type}
                )
        self.refused.append(url)
        raise URLFetchingError(f"pubtool fetches only its own template files, not {url}")


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    size: int
    seconds: float
    cached: bool
    refused: tuple[str, ...] = ()


def render_pdf(
    html: str,
    output: Path,
    *,
    base_dir: Path,
    allowed_dirs: Sequence[Path],
    progress: Callable[[str], None] | None = None,
    metadata: dict[str, str] | None = None,
    variant: str | None = None,
    tagged: bool = True,
    source_epoch: int = 0,
    pad_to: int = 1,
) -> PdfResult:
    """Lay out and write the PDF atomically, unless the same input already made this file.

    `variant` is one of `PDF_VARIANTS` or None; `tagged` adds the structure tree screen
    readers use, rebuilt by `tagging.retag` (PDF/UA always has it). `source_epoch` stands in
    for the clock in the embedded fonts, so the same input gives the same bytes on any day.
    `pad_to` adds blank pages at the end up to a multiple of it (a printer folds sheets of
    four pages). Nothing of the process changes (no environment variable, no other
    library's function replaced): builds may run in threads side by side.
    """
    if variant is not None and variant not in PDF_VARIANTS:
        raise RenderError(f"PDF variant {variant!r} is not one of {', '.join(PDF_VARIANTS)}")
    started = time.perf_counter()
    if pad_to < 1:
        raise RenderError(f"--pad-to must be 1 or more, not {pad_to}")
    # "structure": the tagging stage's revision, so that a PDF cached before it is rebuilt
    options = {
        "variant": variant,
        "tagged": tagged,
        "epoch": source_epoch,
        "pad": pad_to,
        "structure": 3,
    }
    digest = _input_digest(html, allowed_dirs, options)
    cache = _read_cache(output)
    if output.exists() and cache.get("digest") == digest:
        return PdfResult(
            output,
            int(cache.get("pages", 0)),
            output.stat().st_size,
            time.perf_counter() - started,
            cached=True,
        )
    from weasyprint import HTML  # heavy import: only when a PDF is made

    from pubtool.publish.hyphenation import register_azerbaijani_hyphenation
    from pubtool.publish.tagging import page_ids, retag

    register_azerbaijani_hyphenation()
    fetcher = ConfinedFetcher(allowed_dirs)
    if progress:
        progress("laying out pages")
    document = HTML(
        string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
    ).render()
    document = padded(document, pad_to)
    if metadata:
        for key, value in metadata.items():
            setattr(document.metadata, key, value)
    if progress:
        progress(f"writing {len(document.pages)} pages")
    ids = page_ids(document.pages)
    data = document.write_pdf(
        pdf_variant=variant, pdf_tags=tagged, finisher=lambda _, pdf: open_with_outline(pdf)
    )
    if not isinstance(data, bytes):
        raise RenderError("WeasyPrint returned no PDF data", file=output)
    if progress:
        progress("tagging the structure")
    data = retag(data, html, ids, source_epoch)
    write_bytes_atomically(output, data)  # a WriteError names the PDF and leaves the old one
    _write_cache(output, {"digest": digest, "pages": len(document.pages)})
    return PdfResult(
        output,
        len(document.pages),
        len(data),
        time.perf_counter() - started,
        cached=False,
        refused=tuple(fetcher.refused),
    )


def padded(document: Any, multiple: int) -> Any:
    """The document with blank pages of its last page's size added up to a multiple of
    `multiple` pages (WeasyPrint's documented way of joining documents' pages)."""
    missing = -len(document.pages) % multiple
    if not missing:
        return document
    from weasyprint import HTML

    last = document.pages[-1]
    blank = HTML(
        string=f"<style>@page {{ size: {last.width}px {last.height}px; margin: 0 }}</style>"
    ).render()
    return document.copy([*document.pages, *(blank.pages[0] for _ in range(missing))])


def _input_digest(html: str, folders: Sequence[Path], options: dict[str, Any]) -> str:
    """Everything a PDF depends on: the HTML, the files it may load, and the renderer's version.

    The version comes from the package metadata: importing WeasyPrint takes half a second,
    which a rebuild with nothing changed should not pay.
    """
    digest = hashlib.sha256()
    renderer = importlib.metadata.version("weasyprint")
    digest.update(f"pubtool {__version__} weasyprint {renderer}\0".encode())
    digest.update(json.dumps(options, sort_keys=True).encode() + b"\0")
    digest.update(html.encode("utf-8"))
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def open_with_outline(pdf: Any) -> None:
    """A viewer opens the booklet with its bookmarks shown (`/PageMode /UseOutlines`)."""
    if pdf.catalog.get("Outlines") is not None:
        pdf.catalog["PageMode"] = "/UseOutlines"
def _cache_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.pubtool-cache.json")


def _read_cache(output: Path) -> dict[str, Any]:
    try:
        data = json.loads(_cache_path(output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(output: Path, data: dict[str, Any]) -> None:
    """The cache only saves time: when it cannot be written, the next build lays out again."""
    with contextlib.suppress(WriteError):
        write_text_atomically(_cache_path(output), json.dumps(data, sort_keys=True))


def render_badge(label: str, percent: float, template_dirs: Sequence[Path]) -> str:
    """An SVG coverage badge from `badge.svg.j2`."""
    return (
        template_environment(template_dirs)
        .get_template("badge.svg.j2")
        .render(label=label, percent=percent)
    )
