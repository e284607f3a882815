"""Statements: Markdown files with YAML front matter, loaded into blocks that know their line."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from pubtool.errors import StatementError

if TYPE_CHECKING:
    from pubtool.project import Project

STATEMENT_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9-]*\.md$")
#: A name that starts with a date is a statement whatever else it gets wrong: skipping it
#: would drop its messages from the template, and every gate would still pass.
DATED_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REQUIRED_KEYS = ("id", "title", "date", "issuer")
#: Where the statement's text comes from: the language(s) it was issued in, and which of
#: the project's texts in those languages are nevertheless translations (docs/style.md).
ORIGIN_KEYS = ("original-language", "translations")
SHORT_TITLE_LIMIT = 70
"""Characters a running head holds at its size on a booklet page."""
KNOWN_KEYS = {*REQUIRED_KEYS, "short-title", "source", "signature", "notes", *ORIGIN_KEYS}
#: What a booklet says under the issuer of a column (label keys of templates/labels.yaml).
ORIGINAL = "original"
TRANSLATED_FROM = "translated_from"

#: The kinds of translatable unit, in the order a statement shows them.
KINDS = (
    "title",
    "short-title",
    "issuer",
    "heading",
    "paragraph",
    "list-item",
    "quote",
    "signature",
    "note",
)


@dataclass(frozen=True)
class Block:
    """One translatable unit: its kind, its Markdown text and where it stands in the file."""

    kind: str
    text: str
    line: int
    #: A list item's list: `number` is the item's number in an ordered list (None in a
    #: bulleted one); `first_item` marks the first item of each list, where a new list starts.
    number: int | None = None
    first_item: bool = False


@dataclass(frozen=True)
class Statement:
    """A public statement as the source of record: metadata plus its blocks in reading order."""

    id: str
    path: Path
    date: dt.date
    title: Block
    issuer: Block
    body: tuple[Block, ...]
    signature: tuple[Block, ...] = ()
    notes: tuple[Block, ...] = ()
    source: str | None = None
    #: The language(s) the statement was issued in (`original-language:`); () if not said.
    original_languages: tuple[str, ...] = ()
    #: Languages of `original_languages` whose text in this project is a translation
    #: nonetheless (`translations:`), e.g. a re-translation from the English record.
    translations: tuple[str, ...] = ()
    #: `short-title:`, the running head of the booklet's right pages (translatable); None
    #: when the title is short enough or the booklet may shorten it.
    short_title: Block | None = None

    def origin(self, language: str) -> tuple[str, tuple[str, ...]] | None:
        """What a text in `language` is: (`original`, (language,)) for the wording the
        statement was issued in, (`translated_from`, original languages) for a translation,
        None when the front matter does not say."""
        if not self.original_languages:
            return None
        if language in self.original_languages and language not in self.translations:
            return ORIGINAL, (language,)
        return TRANSLATED_FROM, self.original_languages

    def blocks(self) -> Iterator[Block]:
        """Every translatable block, in the order of the printed statement."""
        yield self.title
        if self.short_title is not None:
            yield self.short_title
        yield self.issuer
        yield from self.body
        yield from self.signature
        yield from self.notes

    @property
    def paragraphs(self) -> int:
        return len(self.body)

    @property
    def words(self) -> int:
        return sum(count_words(block.text) for block in self.blocks())


def count_words(text: str) -> int:
    """Words as a translator counts them: runs of letters or digits."""
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


#: Markdown files under statements/ that document the folder rather than hold a statement.
DOCUMENTATION_NAMES = frozenset(
    {"README", "REPAIRS", "CHANGELOG", "CHANGES", "CONTRIBUTING", "LICENSE", "NOTES", "TODO",
     "AUTHORS", "HISTORY", "INDEX", "STYLE", "GLOSSARY"}
)  # fmt: skip


def statement_files(folder: Path) -> list[Path]:
    """Statement files are named `YYYY-MM-DD-<slug>.md`, in the folder or its subfolders
    (`statements/2020/...`); README.md and REPAIRS.md are documentation, not statements."""
    return sorted(p for p in folder.rglob("*.md") if p.is_file() and STATEMENT_FILE.match(p.name))


def misnamed_statement_files(folder: Path) -> list[Path]:
    """Markdown files that are neither statements nor documentation: most likely a statement
    whose name lacks the date or has capitals, which would otherwise be skipped unseen."""
    found = (p for pattern in ("*.md", "*.markdown") for p in folder.rglob(pattern))
    return sorted(
        p
        for p in found
        if p.is_file()
        and not STATEMENT_FILE.match(p.name)
        and p.stem.upper() not in DOCUMENTATION_NAMES
    )


def load_statements(
    folder: Path, *, notice: Callable[[str], None] | None = None, display: Path | None = None
) -> list[Statement]:
    """Load and validate every statement in `folder`, in date order.

    `display` is the folder paths are shown relative to (the project root), so errors and
    `#:` references read `statements/<file>.md:<line>` wherever pubtool runs from.
    """
    for path in misnamed_statement_files(folder):
        shown = _shown(path, display).as_posix()
        if DATED_NAME.match(path.name):
            raise StatementError(
                "a statement's file name must be YYYY-MM-DD-short-name.md (lower case, "
                "two-digit month and day); rename it, or move it out of the statements folder",
                file=shown,
            )
        if notice is not None:
            notice(
                f"{shown}: skipped, not a statement file name "
                "(expected YYYY-MM-DD-short-name.md, lower case)"
            )
    statements = [
        load_statement(path, notice=notice, shown=_shown(path, display))
        for path in statement_files(folder)
    ]
    seen: dict[str, Statement] = {}
    for statement in statements:
        key = statement.id
        if key in seen:
            raise StatementError(
                f"id {statement.id!r} is also used by {seen[key].path.as_posix()}",
                file=_shown(statement.path, display),
                line=2,
            )
        seen[key] = statement
    return sorted(statements, key=lambda s: (s.date, s.id))


def _shown(path: Path, display: Path | None) -> Path:
    if display is None:
        return path
    try:
        return path.resolve().relative_to(display.resolve())
    except ValueError:
        return path


def load_statement(
    path: Path, *, notice: Callable[[str], None] | None = None, shown: Path | None = None
) -> Statement:
    """Parse one statement file; any problem is a StatementError naming file and line."""
    shown = shown or path
    try:
        data = path.read_bytes()
    except OSError as error:  # vanished since it was listed, unreadable, a folder...
        raise StatementError(f"cannot read: {error.strerror or error}", file=shown) from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StatementError(f"not UTF-8 text ({error.reason})", file=shown, line=line) from None
    return parse_statement(raw, path, notice=notice, shown=shown)


def parse_statement(
    raw: str, path: Path, *, notice: Callable[[str], None] | None = None, shown: Path | None = None
) -> Statement:
    """Parse a statement's text; `path` gives the expected id (its stem)."""
    shown = shown or path
    raw = _plain_lines(raw)
    text = unicodedata.normalize("NFC", raw)
    if text != raw and notice is not None:
        notice(
            f"{shown}: text was not NFC-normalised; normalised on load (fix the file to silence)"
        )
    front, body_text, body_line = _split_front_matter(text, shown)
    meta, lines = _parse_front_matter(front, shown)
    statement_id = _required_str(meta, lines, "id", shown)
    if not SAFE_ID.match(statement_id):
        raise StatementError(
            f"id {statement_id!r} must be lower-case letters, digits and '-' only",
            file=shown,
            line=lines.get("id"),
        )
    if statement_id != path.stem:
        raise StatementError(
            f"id {statement_id!r} differs from the file name {path.name!r}",
            file=shown,
            line=lines.get("id"),
        )
    date = _date(meta["date"], shown, lines.get("date"), notice)
    named = re.match(r"^(\d{4}-\d{2}-\d{2})-", path.name)
    if named and named.group(1) != date.isoformat():
        raise StatementError(
            f"date {date.isoformat()} differs from the file name's date {named.group(1)}",
            file=shown,
            line=lines.get("date"),
        )
    body = tuple(_body_blocks(body_text, body_line, shown))
    if not body:
        raise StatementError("the statement has no body text", file=shown, line=body_line)
    source = meta.get("source")
    if source is not None and not isinstance(source, str):
        raise StatementError("source must be a string", file=shown, line=lines.get("source"))
    short_title = None
    if "short-title" in meta:
        text = _inline(_required_str(meta, lines, "short-title", shown))
        if len(text) > SHORT_TITLE_LIMIT:
            raise StatementError(
                f"short-title is a running head: at most {SHORT_TITLE_LIMIT} characters, "
                f"not {len(text)}",
                file=shown,
                line=lines.get("short-title"),
            )
        short_title = Block("short-title", text, lines.get("short-title", 2))
    originals = _languages(meta, lines, "original-language", shown)
    translations = _languages(meta, lines, "translations", shown)
    if translations and not originals:
        raise StatementError(
            "translations needs original-language (the language(s) the statement was issued in)",
            file=shown, line=lines.get("translations"),
        )
    for index, language in enumerate(translations):
        if language not in originals:
            raise StatementError(
                f"translations: {language} is not an original language "
                f"({', '.join(originals)}); a text in any other language is a translation anyway",
                file=shown, line=lines.get(f"translations[{index}]", lines.get("translations")),
            )
    return Statement(
        id=statement_id,
        path=shown,
        date=date,
        title=Block(
            "title", _inline(_required_str(meta, lines, "title", shown)), lines.get("title", 2)
        ),
        issuer=Block(
            "issuer", _inline(_required_str(meta, lines, "issuer", shown)), lines.get("issuer", 2)
        ),
        body=body,
        signature=_list_blocks(meta, lines, "signature", "signature", shown),
        notes=_list_blocks(meta, lines, "notes", "note", shown),
        source=source,
        original_languages=originals,
        translations=translations,
        short_title=short_title,
    )


def _plain_lines(raw: str) -> str:
    """What editors on Windows and old Macs save is accepted: a byte order mark is dropped,
    CRLF and CR line endings become LF (the line numbers stay those an editor shows)."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _date(
    value: Any, shown: Path, line: int | None, notice: Callable[[str], None] | None
) -> dt.date:
    """A date; a date with a time of day is taken as the date written, with a notice."""
    if isinstance(value, dt.datetime):
        taken = value.date()  # the calendar date as written, in the offset written
        if notice is not None:
            where = f"{shown}:{line}" if line else str(shown)
            notice(
                f"{where}: date has a time of day; taken as {taken.isoformat()} "
                f"(write `date: {taken.isoformat()}` to silence)"
            )
        return taken
    if not isinstance(value, dt.date):
        raise StatementError(
            f"date {value!r} is not an ISO 8601 date (YYYY-MM-DD)", file=shown, line=line
        )
    return value


def _languages(
    meta: dict[str, Any], lines: dict[str, Any], key: str, shown: Path
) -> tuple[str, ...]:
    """A language code or a list of them, each one Babel knows, normalised (`pt-BR` → pt_BR)."""
    from pubtool.project import normalise_language

    value = meta.get(key)
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise StatementError(
            f"{key} must be a language code or a list of them", file=shown, line=lines[key]
        )
    result: list[str] = []
    for index, item in enumerate(items):
        line = lines.get(f"{key}[{index}]", lines.get(key))
        language = normalise_language(item) if isinstance(item, str) else None
        if language is None:
            raise StatementError(
                f"{key}: {item!r} is not a language code Babel knows", file=shown, line=line
            )
        if language in result:
            raise StatementError(f"{key}: {language} is listed twice", file=shown, line=line)
        result.append(language)
    return tuple(result)


def _split_front_matter(text: str, shown: Path) -> tuple[str, str, int]:
    """Front matter sits between a first line `---` and the next `---` line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise StatementError("missing YAML front matter (the file must start with ---)", shown, 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2
    raise StatementError("front matter is not closed by a --- line", file=shown, line=1)


def _parse_front_matter(front: str, shown: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """YAML values plus the file line of each key (and of each list item, as `key[i]`).

    One parse: the node tree gives the lines, and the same tree is constructed into values.
    """
    lines: dict[str, int] = {}
    try:
        loader = yaml.SafeLoader(front)
        try:
            node = loader.get_single_node()
            if node is None or not isinstance(node, yaml.MappingNode):
                raise StatementError(
                    "front matter must be a mapping of key: value", file=shown, line=2
                )
            lines = _key_lines(node)
            try:
                meta = loader.construct_document(node)
            except ValueError as error:  # PyYAML's bare ValueError for dates like 2011-02-30
                raise StatementError(
                    f"invalid date: {error}", file=shown, line=_bad_timestamp_line(node)
                ) from None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:  # syntax, and tags such as !!python/object
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        problem = error.problem or error.context or "cannot be parsed"
        raise StatementError(f"invalid YAML: {problem}", file=shown, line=line) from None
    except yaml.YAMLError as error:  # the reader's refusal of control characters has no mark
        position = getattr(error, "position", None)
        line = front[:position].count("\n") + 2 if isinstance(position, int) else 2
        reason = getattr(error, "reason", None) or "cannot be parsed"
        raise StatementError(f"invalid YAML: {reason}", file=shown, line=line) from None
    except RecursionError:
        raise StatementError("front matter is nested too deeply", file=shown, line=2) from None
    if not isinstance(meta, dict):
        raise StatementError("front matter must be a mapping of key: value", file=shown, line=2)
    unknown = sorted(set(meta) - KNOWN_KEYS, key=str)
    if unknown:
        raise StatementError(
            f"unknown key {unknown[0]!r}", file=shown, line=lines.get(str(unknown[0]))
        )
    for key in REQUIRED_KEYS:
        if key not in meta or meta[key] in (None, ""):
            raise StatementError(
                f"missing required key {key!r}", file=shown, line=lines.get(key, 2)
            )
    return meta, lines


def _bad_timestamp_line(root: yaml.Node) -> int:
    """The line of the first timestamp that cannot be constructed (2011-02-30)."""
    constructor = yaml.SafeLoader("")
    pending = [root]
    while pending:
        node = pending.pop(0)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:timestamp":
                try:
                    constructor.construct_yaml_timestamp(node)
                except ValueError:
                    return int(node.start_mark.line) + 2
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            pending.extend(item for pair in node.value for item in pair)
    return 2


def _key_lines(node: yaml.MappingNode) -> dict[str, int]:
    """The file line of each key (and of each list item, as `key[i]`); keys that are not
    plain scalars (a list as a key) have no line and are refused when constructed."""
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = str(key_node.value)
        lines[key] = key_node.start_mark.line + 2
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[f"{key}[{index}]"] = item.start_mark.line + 2
    return lines


def _required_str(meta: dict[str, Any], lines: dict[str, Any], key: str, shown: Path) -> str:
    value = meta[key]
    if not isinstance(value, str) or not value.strip():
        raise StatementError(f"{key} must be a non-empty string", file=shown, line=lines.get(key))
    return value.strip()


def _list_blocks(
    meta: dict[str, Any], lines: dict[str, Any], key: str, kind: str, shown: Path
) -> tuple[Block, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise StatementError(
            f"{key} must be a list of non-empty strings", file=shown, line=lines.get(key)
        )
    return tuple(
        Block(
            kind,
            "\n".join(_inline(part) for part in item.strip().split("\n")),
            lines.get(f"{key}[{i}]", lines.get(key, 2)),
        )
        for i, item in enumerate(value)
    )


#: Spaces a writer puts between two words on purpose (`23 000`, `20 января`): one alone
#: between words is kept as written, any other run of spaces is one space.
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")
_SPACE_RUN = re.compile(r"\s+")


def _inline(text: str) -> str:
    """One line of inline Markdown: soft line breaks become spaces, runs of spaces collapse,
    a lone no-break space between words stays (a translation's `23 000` reads back as such)."""
    if NO_BREAK_SPACES.isdisjoint(text):
        return _SPACE_RUN.sub(" ", text).strip()
    return _SPACE_RUN.sub(lambda run: run[0] if run[0] in NO_BREAK_SPACES else " ", text).strip()


# HTML and GFM tables are recognised only to be refused with a clear message: left off, a
# table would become one message of pipes and `<b>` a message with markup in it.
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
_UNSUPPORTED = {
    "fence": "fence is not supported in statements (a code block)",
    "code_block": "code block is not supported in statements (remove the indent)",
    "html_block": "raw HTML is not supported in statements: write Markdown instead",
    "table_open": "a table is not supported in statements: write its rows as a list",
}


def _body_blocks(body: str, first_line: int, shown: Path) -> Iterator[Block]:
    """Blocks of the body from markdown-it tokens; inline Markdown is kept as written."""
    tokens = _PARSER.parse(body)
    containers: list[str] = []
    number: int | None = None  # the list item's number, in an ordered list
    list_starts = False  # the next list item is the first of its list
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            containers.append("list-item")
            list_starts = True
        elif token.type == "list_item_open":
            number = int(token.info) if token.info.isdigit() else None
        elif token.type == "blockquote_open":
            containers.append("quote")
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type in ("heading_open", "paragraph_open"):
            inline = tokens[index + 1]
            kind = (
                "heading"
                if token.type == "heading_open"
                else (containers[-1] if containers else "paragraph")
            )
            line = first_line + _start_line(token)
            _refuse_inline(inline, shown, line)
            text = _inline_source(inline)
            if text and kind == "list-item":
                yield Block(kind, text, line, number, first_item=list_starts)
                list_starts = False
            elif text:  # a paragraph of only U+2028 or no-break spaces shows nothing
                yield Block(kind, text, line)
        elif token.type in _UNSUPPORTED:
            raise StatementError(
                _UNSUPPORTED[token.type], file=shown, line=first_line + _start_line(token)
            )


def _refuse_inline(inline: Token, shown: Path, line: int) -> None:
    """Images and inline HTML would reach translators as markup and the booklet as text."""
    for child in inline.children or ():
        if child.type == "image":
            raise StatementError(
                f"an image ({child.attrs.get('src', '')}) is not supported in statements: "
                "the booklet prints text only",
                file=shown,
                line=line,
            )
        if child.type == "html_inline":
            raise StatementError(
                f"raw HTML {child.content!r} is not supported in statements: "
                "use Markdown (*emphasis*, **strong**)",
                file=shown,
                line=line,
            )


def _start_line(token: Token) -> int:
    return token.map[0] if token.map else 0


def _inline_source(inline: Token) -> str:
    return unescape_line_start(_inline(inline.content))


#: What a line of text may not start with in Markdown without becoming another construct:
#: an ATX heading, a list item, a quote, raw HTML, a fence, a thematic break or an underline.
BLOCK_START = re.compile(
    r"^(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|<[A-Za-z!/?]|```|~~~"
    r"|(?:[-*_]\s*){3,}$|=+\s*$)"
)
_ESCAPED_START = re.compile(r"^(\d{1,9})?\\(?=[-+*#>.)<`~_=])")


def unescape_line_start(text: str) -> str:
    """A block's text as CommonMark reads it where a backslash only keeps its first characters
    from starting another construct (`1990\\. Год`, `\\- начинается`): without that
    backslash, as the translator wrote it. Any other backslash is inline Markdown, kept."""
    escaped = _ESCAPED_START.match(text)
    if escaped is None:
        return text
    plain = (escaped[1] or "") + text[escaped.end() :]
    return plain if BLOCK_START.match(plain) else text


@dataclass(frozen=True)
class StatementsReport:
    """The statements of a project, as `pubtool statements` lists them."""

    folder: str
    statements: tuple[Statement, ...]

    def rows(self) -> list[dict[str, object]]:
        return [
            {
                "id": s.id,
                "date": s.date.isoformat(),
                "title": s.title.text,
                "issuer": s.issuer.text,
                "paragraphs": s.paragraphs,
                "words": s.words,
                "path": s.path.as_posix(),
            }
            for s in self.statements
        ]

    def as_dict(self) -> dict[str, object]:
        return {"statements": self.rows()}

    def as_markdown(self) -> str:
        lines = ["| id | date | title | paragraphs | words |", "|---|---|---|--:|--:|"]
        lines += [
            f"| {r['id']} | {r['date']} | {r['title']} | {r['paragraphs']} | {r['words']} |"
            for r in self.rows()
        ]
        return "\n".join(lines) + "\n"

    def as_table(self) -> list[object]:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        count = len(self.statements)
        table = Table(
            title=f"{count} statement{'' if count == 1 else 's'} in {self.folder}/",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("statement", ratio=1)
        table.add_column("date", no_wrap=True, min_width=10)
        table.add_column("paras", justify="right", no_wrap=True, min_width=5)
        table.add_column("words", justify="right", no_wrap=True, min_width=6)
        for s in self.statements:
            name = Text(s.id)
            name.append("\n" + s.title.text, style="dim")
            table.add_row(name, s.date.isoformat(), str(s.paragraphs), str(s.words))
        table.add_section()
        table.add_row(
            "total",
            "",
            str(sum(s.paragraphs for s in self.statements)),
            str(sum(s.words for s in self.statements)),
        )
        return [table]


def list_statements(
    project: Project, *, notice: Callable[[str], None] | None = None
) -> StatementsReport:
    """Every statement of the project, loaded and checked (`pubtool statements`)."""
    loaded = load_statements(project.statements_dir, notice=notice, display=project.root)
    return StatementsReport(project.relative(project.statements_dir), tuple(loaded))
