"""Writing catalogs byte-identical to GNU `msgcat` (gettext 0.21).

Translators edit catalogs in Poedit or Weblate and review them with gettext's own tools, so
pubtool writes exactly what `msgcat --width=W` would write for the same content:
`msgcat X.po | cmp - X.po` holds for every catalog pubtool writes. polib's `POFile` and
`POEntry` are the data model; only the text format lives here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import polib

from pubtool.errors import CatalogError
from pubtool.files import FileState, write_bytes_atomically
from pubtool.po.catalog import Catalog
from pubtool.po.directives import format_language, unbreakable_positions
from pubtool.po.flags import Flags, parse_flags
from pubtool.po.linebreak import UNLIMITED, string_lines

__all__ = [
    "DEFAULT_WIDTH",
    "FIELD_ORDER",
    "encode_po",
    "excerpt",
    "format_po",
    "has_header",
    "set_header_field",
    "write_po",
]

#: The header fields in the order gettext's own tools (xgettext, msginit) write them.
FIELD_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)

DEFAULT_WIDTH = 79
TRAILING_BACKSLASH = "a comment that ends in a backslash, which joins it to the next line"


def format_po(po: polib.POFile, width: int = DEFAULT_WIDTH) -> str:
    """The catalog as `msgcat --width=WIDTH` writes it (GNU gettext 0.21).

    The header comes first, from `po.header`, `po.metadata` in its own order (the order
    the fields were read in; `set_header_field` puts a new one where gettext's tools
    would) and `po.metadata_is_fuzzy`, unless the catalog was read without one
    (`has_header`); then the messages in catalog order, obsolete ones last, as
    msgcat puts them; an obsolete message without a translation is left out, as msgcat
    does.  Raises CatalogError for content gettext would drop or read back differently
    (unknown flags, plural forms not numbered 0..n-1, a previous msgctxt without a previous
    msgid, a comment ending in a backslash), so what is written reads back whole.
    """
    width = _page_width(width)
    blocks = [_header_block(po, width)] if has_header(po) else []
    live = [entry for entry in po if not entry.obsolete]
    obsolete = [entry for entry in po if entry.obsolete]
    blocks += [_entry_block(entry, width) for entry in live]
    blocks += [_entry_block(entry, width) for entry in obsolete if _first_msgstr(entry)]
    # each line ends in a newline, and an empty line stands between messages
    return "\n".join(["\n".join(block) + "\n" if block else "" for block in blocks])


def _page_width(width: int) -> int:
    """gettext's `message_page_width_set`: 0 means no limit, and no page is narrower than 20."""
    if width < 0:
        raise ValueError(f"negative page width {width}")
    return UNLIMITED if width == 0 else max(width, 20)


def write_po(
    po: polib.POFile, path: str | Path, width: int = DEFAULT_WIDTH, *, read: FileState | None = None
) -> None:
    """Write the catalog atomically: a reader sees the old file or the new one, never half.

    The text is formatted before anything is written, so a catalog that cannot be written
    leaves the file as it was; the file's mode is kept, and a symbolic link stays one.
    A failed write is a WriteError naming the file (`write_bytes_atomically`). With `read`
    (`FileState.of(path)` taken before the catalog was loaded), a file saved by another
    program since is left alone: ChangedOnDiskError, nothing written.
    """
    write_bytes_atomically(Path(path), encode_po(po, format_po(po, width)), read=read)


def encode_po(po: polib.POFile, text: str) -> bytes:
    """The text in the catalog's own charset, as gettext writes a catalog back."""
    encoding = po.file_encoding if isinstance(po, Catalog) else "utf-8"
    try:
        return text.encode(encoding, errors="surrogateescape")
    except UnicodeEncodeError as error:
        raise CatalogError(
            f"{text[error.start : error.end]!r} cannot be written in the catalog's charset "
            f"{encoding}"
        ) from None


def has_header(po: polib.POFile) -> bool:
    """False for a catalog read from a file without a header entry: none is invented."""
    return po.has_header if isinstance(po, Catalog) else True


def set_header_field(metadata: dict[str, str], name: str, value: str) -> dict[str, str]:
    """`metadata` with `name` set: in place if present, else where gettext's tools put it.

    A new field goes after the last present field that comes before it in `FIELD_ORDER`
    (`Language` after `Language-Team`, as msgmerge adds it), or first when none does; a
    field gettext does not know goes last.
    """
    if name in metadata:
        return {**metadata, name: value}
    if name not in FIELD_ORDER:
        return {**metadata, name: value}
    earlier = set(FIELD_ORDER[: FIELD_ORDER.index(name)])
    items = list(metadata.items())
    position = 0
    for index, (field, _) in enumerate(items):
        if field in earlier:
            position = index + 1
    items.insert(position, (name, value))
    return dict(items)


def _header_msgstr(po: polib.POFile) -> str:
    """The header as read when its fields are unchanged; else the fields in their order."""
    read_text = po.header_as_read() if isinstance(po, Catalog) else None
    if read_text is not None:
        return read_text
    return "".join(f"{name}: {value}\n" for name, value in po.metadata.items())


def _header_block(po: polib.POFile, width: int) -> list[str]:
    msgstr = _header_msgstr(po)
    as_read = po.header_comment_lines if isinstance(po, Catalog) else None
    if as_read is not None and "\n".join(as_read) == (po.header or ""):
        lines = _checked_comments([f"# {line}" if line else "#" for line in as_read])
    else:
        lines = _checked_comments(_comment_lines("#", po.header or ""))
    if po.metadata_is_fuzzy and msgstr:
        lines.append("#, fuzzy")
    lines += string_lines("", "msgid", "", width)
    lines += string_lines("", "msgstr", msgstr, width)
    return lines


def _entry_block(entry: polib.POEntry, width: int) -> list[str]:
    """One message, in the order of gettext's `message_print`."""
    if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
        raise CatalogError("a message with an empty msgid: the header belongs in po.metadata")
    try:
        flags, language, flag_lines = _read_flags(tuple(entry.flags))
    except ValueError as error:
        raise CatalogError(f"msgid {excerpt(entry.msgid)}: {error}") from None
    orphans = entry.previous_msgctxt is not None or entry.previous_msgid_plural is not None
    if orphans and entry.previous_msgid is None:
        raise CatalogError(
            f"msgid {excerpt(entry.msgid)}: a previous msgctxt or msgid_plural needs a "
            "previous msgid (gettext cannot read it otherwise)"
        )
    string_width = None if flags.no_wrap else width
    prefix = "#~ " if entry.obsolete else ""
    previous_prefix = "#~| " if entry.obsolete else "#| "
    lines = _comment_lines("#", entry.tcomment or "")
    lines += _comment_lines("#.", entry.comment or "")
    lines += _reference_lines(entry.occurrences or [], width)
    _checked_comments(lines)
    flag_line = flag_lines[bool(_first_msgstr(entry))]
    if flag_line:
        lines.append(flag_line)
    for keyword, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            stuck = unbreakable_positions(value, language, msgstr=False)
            lines += string_lines(previous_prefix, keyword, value, string_width, stuck)
    for keyword, value in _message_fields(entry):
        stuck = unbreakable_positions(value, language, msgstr=keyword.startswith("msgstr"))
        lines += string_lines(prefix, keyword, value, string_width, stuck)
    return lines


@functools.lru_cache(maxsize=1024)
def _read_flags(words: tuple[str, ...]) -> tuple[Flags, str | None, tuple[str, str]]:
    """The flags, the format language, and the `#,` line untranslated and translated.

    Cached: a catalog has a handful of distinct flag sets, and reading them again for
    every message was a tenth of the time of writing a large one.  Callers do not change
    the `Flags`.
    """
    flags = parse_flags(words)
    lines = tuple(
        ("#, " + ", ".join(found)) if (found := flags.words(translated=translated)) else ""
        for translated in (False, True)
    )
    return flags, format_language(words), (lines[0], lines[1])


def _message_fields(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    """msgctxt, msgid, msgid_plural and the msgstr lines, as the entry has them."""
    if entry.msgctxt is not None:
        yield "msgctxt", entry.msgctxt
    yield "msgid", entry.msgid
    if not (entry.msgid_plural or entry.msgstr_plural):
        yield "msgstr", entry.msgstr or ""
        return
    yield "msgid_plural", entry.msgid_plural or ""
    for index, translation in enumerate(_plural_translations(entry)):
        yield f"msgstr[{index}]", translation


def _plural_translations(entry: polib.POEntry) -> list[str]:
    """The plural forms in order; an untranslated plural message has two empty ones."""
    forms = entry.msgstr_plural or {0: "", 1: ""}
    indexes = sorted(int(index) for index in forms)
    if indexes != list(range(len(indexes))):
        raise CatalogError(
            f"msgid {excerpt(entry.msgid)}: plural forms are numbered {indexes}, not 0..n-1"
        )
    by_index = {int(index): translation for index, translation in forms.items()}
    return [by_index[index] for index in indexes]


def _first_msgstr(entry: polib.POEntry) -> str:
    """What gettext tests for "translated": the msgstr, or the first plural form."""
    if entry.msgid_plural or entry.msgstr_plural:
        return str(_plural_translations(entry)[0])
    return str(entry.msgstr or "")


def _comment_lines(marker: str, text: str) -> list[str]:
    """`# text` or `#. text` per line; an empty line is the marker alone."""
    if not text:
        return []
    return [f"{marker} {line}" if line else marker for line in text.split("\n")]


def _checked_comments(lines: list[str]) -> list[str]:
    """gettext would join a comment that ends in a backslash with the line after it."""
    if any(line.endswith("\\") for line in lines):
        raise CatalogError(TRAILING_BACKSLASH)
    return lines


def _reference_lines(occurrences: Iterable[tuple[str, str]], width: int) -> list[str]:
    """`#: file:line` references, filled up to the page width as gettext does (in bytes)."""
    lines: list[str] = []
    current = "#:"
    column = 2
    for reference in _unique_references(occurrences):
        size = len(reference.encode("utf-8")) + 1
        if column > 2 and column + size > width:
            lines.append(current)
            current, column = "#:", 2
        current += " " + reference
        column += size
    if column > 2:
        lines.append(current)
    return lines


def _unique_references(occurrences: Iterable[tuple[str, str]]) -> list[str]:
    """`file:line` once each (as gettext reads them), written without a leading `./`."""
    seen: set[tuple[str, int | None]] = set()
    references: list[str] = []
    for path, line in occurrences:
        text = str(line).strip()
        if not (text.isascii() and (text.isdigit() or not text)):  # `[0-9]*`
            raise CatalogError(f"reference {path}:{text}: the line is not a number")
        number = int(text) if text else None
        if (path, number) in seen:
            continue
        seen.add((path, number))
        while path.startswith("./"):
            path = path[2:]
        references.append(path if number is None else f"{path}:{number}")
    return references


def excerpt(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
