"""Translated Markdown: each statement written again in one language, for site generators.

The source file is the pattern. Only the spans that hold translatable text change: the values
of `title`, `short-title`, `issuer`, `signature` and `notes` in the front matter (keys, their
order and the YAML comments stay as written), and each heading, paragraph, list item and
quote of the body, whose Markdown markers (`## `, `- `, `> `, `1. `) stay in front of the
translation. A translated file therefore re-extracts to the translations of its source's messages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from markdown_it.token import Token

from pubtool.errors import RenderError, StatementError
from pubtool.files import write_text_atomically
from pubtool.project import Project
from pubtool.publish.booklet import _catalog, _select
from pubtool.publish.documents import Missing, Translations, missing_translations
from pubtool.publish.manifest import sweep
from pubtool.statements import (
    _PARSER,
    BLOCK_START,
    Block,
    Statement,
    _inline,
    _inline_source,
    _plain_lines,
    load_statements,
    parse_statement,
    unescape_line_start,
)

Notice = Callable[[str], None]


def escape_line_start(text: str) -> str:
    """`text` as the start of a line of Markdown that stays a paragraph: a leading `#`, `-`,
    `1.`, `>` or `<` gets a backslash (CommonMark's escape), everything else is as written."""
    found = BLOCK_START.match(text)
    if found is None:
        return text
    digits = re.match(r"\d{1,9}(?=[.)])", text)
    if digits:
        return f"{digits[0]}\\{text[len(digits[0]) :]}"
    return "\\" + text


@dataclass(frozen=True)
class _Span:
    """Lines `first` to `last` (0-based, `last` excluded) of the file, replaced by `lines`."""

    first: int
    last: int
    lines: tuple[str, ...]


@dataclass
class TranslatedStatement:
    """A statement's text in one language, and which of its blocks fell back (`--missing`)."""

    text: str
    fallbacks: list[Block] = field(default_factory=list)
    gaps: list[Block] = field(default_factory=list)


def translate_statement(
    raw: str, statement: Statement, lookup: Translations, missing: Missing
) -> TranslatedStatement:
    """The statement file `raw` with its translatable text in `lookup`'s language.

    Pure: no files. `statement` is `raw` parsed (its blocks say what to look up); a block
    without a finished translation follows `missing` as a booklet cell does, and under
    `Missing.fail` is listed in `gaps` (the caller raises once it has seen every file).
    """
    text = unicodedata.normalize("NFC", _plain_lines(raw))
    lines = text.split("\n")
    close = next(index for index in range(1, len(lines)) if lines[index].strip() == "---")
    result = TranslatedStatement(text)

    def choose(block: Block) -> str | None:
        """The text to write for `block`, or None to leave it out."""
        cell = lookup.cell(block.text, missing)
        if cell is None:
            result.gaps.append(block)
            return block.text
        if cell.state in ("fuzzy", "untranslated"):
            result.fallbacks.append(block)
            if missing is Missing.omit:
                return None
            return block.text
        return cell.text

    front = "\n".join(lines[1:close])
    spans, head, tail = _front_matter_spans(front, statement, choose)
    body_spans, body = _body_spans(lines, close + 1, statement, choose)
    expected = [*head, *body, *tail]
    order = {id(block): index for index, block in enumerate(statement.blocks())}
    result.fallbacks.sort(key=lambda block: order[id(block)])  # reading order, as a booklet
    result.gaps.sort(key=lambda block: order[id(block)])
    out = list(lines)
    for span in sorted([*spans, *body_spans], key=lambda s: s.first, reverse=True):
        out[span.first : span.last] = span.lines
    if missing is Missing.mark and result.fallbacks:
        where = ", ".join(str(block.line) for block in result.fallbacks)
        language = lookup.language
        note = (
            f"# pubtool: not translated into {language} yet, left in the source language "
            f"(--missing mark): source lines {where}"
        )
        closing = next(index for index in range(1, len(out)) if out[index].strip() == "---")
        out.insert(closing, note)
    written = "\n".join(out)
    if missing is Missing.omit:
        written = re.sub(r"\n{3,}", "\n\n", written)
    result.text = written
    _check_blocks(written, statement, expected, lookup.language)
    return result


def _check_blocks(text: str, statement: Statement, expected: list[str], language: str) -> None:
    """The translated file must read back as a statement whose blocks are the texts written:
    a translation that Markdown would read as another construct is an error, not a surprise."""
    try:
        again = parse_statement(text, Path(statement.path.name))
    except StatementError as error:
        raise RenderError(
            f"the {language} translation does not read back as a statement: {error.message}",
            file=statement.path.as_posix(),
            line=error.line,
        ) from None
    found = [block.text for block in again.blocks()]
    if found != expected:
        wrong = next(
            (index for index, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b),
            min(len(found), len(expected)),
        )
        blocks = list(statement.blocks())
        line = blocks[min(wrong, len(blocks) - 1)].line
        raise RenderError(
            f"the {language} translation of this block does not stay one block in Markdown",
            file=statement.path.as_posix(),
            line=line,
        )


def _front_matter_spans(
    front: str,
    statement: Statement,
    choose: Callable[[Block], str | None],
) -> tuple[list[_Span], list[str], list[str]]:
    """Replacements for the translatable values of the front matter, in file lines, and the
    texts written: those read before the body (title, issuer) and after it."""
    node = yaml.compose(front, Loader=yaml.SafeLoader)
    assert isinstance(node, yaml.MappingNode)  # parse_statement accepted this front matter
    values = {
        str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)
    }
    keys = {str(key.value): key for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    front_lines = front.split("\n")
    spans: list[_Span] = []
    head: list[str] = []
    tail: list[str] = []

    def replace(value_node: yaml.Node, block: Block, *, removable: bool) -> str | None:
        chosen = choose(block)
        if chosen is None and not removable:
            chosen = block.text  # a required key cannot be left out
        if chosen is None:
            spans.append(_Span(*_item_lines(value_node), ()))
            return None
        assert isinstance(value_node, yaml.ScalarNode)
        spans.append(_scalar_span(front_lines, value_node, chosen))
        return chosen

    chosen = replace(values["title"], statement.title, removable=False)
    head.append(_inline(chosen or ""))
    if statement.short_title is not None:  # optional: left out, the running head is the title
        chosen = choose(statement.short_title)
        if chosen is None:
            key_line = keys["short-title"].start_mark.line
            spans.append(_Span(key_line, _item_lines(values["short-title"])[1], ()))
        else:
            value = values["short-title"]
            assert isinstance(value, yaml.ScalarNode)
            spans.append(_scalar_span(front_lines, value, chosen))
            head.append(_inline(chosen))
    chosen = replace(values["issuer"], statement.issuer, removable=False)
    head.append(_inline(chosen or ""))
    for key, blocks in (("signature", statement.signature), ("notes", statement.notes)):
        if not blocks:
            continue
        sequence = values[key]
        assert isinstance(sequence, yaml.SequenceNode)
        removable = not sequence.flow_style
        for item, block in zip(sequence.value, blocks, strict=True):
            chosen = replace(item, block, removable=removable)
            if chosen is not None:
                tail.append("\n".join(_inline(part) for part in chosen.strip().split("\n")))
    # front matter lines start at file line index 1
    return [_Span(span.first + 1, span.last + 1, span.lines) for span in spans], head, tail


def _item_lines(node: yaml.Node) -> tuple[int, int]:
    """The front-matter lines a sequence item takes, its `- ` included."""
    last = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
    return node.start_mark.line, last + 1


def _scalar_span(front_lines: list[str], node: yaml.ScalarNode, value: str) -> _Span:
    """The lines of `node` with `value` in its place, in a style YAML reads back as `value`."""
    first, last_column = node.start_mark.line, node.end_mark.column
    last = node.end_mark.line
    start_line = front_lines[first]
    head = start_line[: node.start_mark.column]
    if last_column == 0:  # a block scalar ends at the start of the line after it
        end, tail = last, ""
    else:
        end, tail = last + 1, front_lines[last][last_column:]
    if node.style in ("|", ">") or "\n" in value:
        indent = " " * (len(start_line) - len(start_line.lstrip()) + 2)
        content = [indent + part if part else "" for part in value.split("\n")]
        return _Span(first, end, (f"{head}|-{tail}", *content))
    return _Span(first, end, (f"{head}{_plain_or_quoted(value)}{tail}",))


def _plain_or_quoted(value: str) -> str:
    """`value` as one YAML scalar on one line: plain when YAML reads it back as the same
    string, quoted (as PyYAML chooses) when not."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=2**31, default_flow_style=False)
    dumped = dumped.removesuffix("\n").removesuffix("\n...")
    if "\n" in dumped:  # cannot happen for one line of text; quote it in full to be sure
        dumped = yaml.safe_dump(value, allow_unicode=True, width=2**31, default_style='"')
        dumped = dumped.strip()
    return dumped


def _body_spans(
    lines: list[str],
    first_body: int,
    statement: Statement,
    choose: Callable[[Block], str | None],
) -> tuple[list[_Span], list[str]]:
    """Replacements for each heading, paragraph, list item and quote of the body (the
    Markdown markers in front of the first line stay, the text becomes one line), and the
    texts written."""
    body = "\n".join(lines[first_body:])
    tokens = _PARSER.parse(body)
    spans: list[_Span] = []
    blocks = iter(statement.body)
    written: list[str] = []
    for index, token in enumerate(tokens):
        if token.type not in ("heading_open", "paragraph_open") or token.map is None:
            continue
        inline = tokens[index + 1]
        if not _inline_source(inline):
            continue  # a paragraph of nothing visible is not a block (statements.py)
        block = next(blocks)
        first, last = first_body + token.map[0], first_body + token.map[1]
        chosen = choose(block)
        if chosen is None:
            spans.append(_Span(first, last, ()))
            continue
        plain = unescape_line_start(_inline(chosen))  # as the statement reader reads it
        text = escape_line_start(plain)
        written.append(plain)
        prefix = _marker_prefix(lines[first], inline)
        replaced = [prefix + text]
        if token.type == "heading_open" and token.markup in ("=", "-"):
            replaced.append(lines[last - 1])  # a setext heading keeps its underline
        spans.append(_Span(first, last, tuple(replaced)))
    return spans, written


def _marker_prefix(line: str, inline: Token) -> str:
    """What stands before a block's text on its first line: indentation and the markers of
    its heading, list item or quote (`## `, `- `, `> 1. `)."""
    first_text = inline.content.split("\n", 1)[0]
    position = line.find(first_text) if first_text else -1
    if position < 0:  # an empty ATX heading or an odd escape: keep the markers we know
        stripped = re.match(r"^[\s>]*(?:[-+*]\s+|\d{1,9}[.)]\s+)?(?:#{1,6}\s+)?", line)
        return stripped[0] if stripped else ""
    return line[:position]


# --- the files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkdownReport:
    """What `pubtool build-md` wrote: one file per statement under `folder`."""

    language: str
    folder: str
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    fallbacks: int
    missing: str
    #: Files an earlier build-md wrote whose statement is gone (publish/manifest.py).
    removed: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "folder": self.folder,
            "written": list(self.written),
            "unchanged": list(self.unchanged),
            "removed": list(self.removed),
            "fallbacks": self.fallbacks,
            "missing": self.missing,
        }

    def notices(self) -> list[str]:
        if not self.fallbacks:
            return []
        blocks = "block" if self.fallbacks == 1 else "blocks"
        return [
            f"{self.fallbacks} {blocks} without a finished translation (--missing {self.missing})"
        ]

    def lines(self) -> list[str]:
        files = len(self.written) + len(self.unchanged)
        return [
            f"{self.folder}: {files} statement{'' if files == 1 else 's'} in {self.language}, "
            f"{len(self.written)} written, {len(self.unchanged)} unchanged"
            + _removed(len(self.removed))
        ]


def _removed(count: int) -> str:
    return f", removed {count} stale file{'' if count == 1 else 's'}" if count else ""


def default_markdown_folder(project: Project) -> Path:
    return project.output_dir / "markdown"


def build_markdown(
    project: Project,
    language: str,
    *,
    output: Path | None = None,
    missing: str | Missing = Missing.mark,
    statements: Sequence[str] = (),
    notice: Notice | None = None,
) -> MarkdownReport:
    """One translated Markdown file per statement under `output/<language>/`, at the same
    relative path as under `statements/` (`pubtool build-md`)."""
    languages = project.parse_languages(language)
    if len(languages) != 1:
        raise RenderError("--lang: one language for translated Markdown")
    (chosen,) = languages
    try:
        policy = Missing(missing)
    except ValueError:
        choices = ", ".join(m.value for m in Missing)
        raise RenderError(f"--missing: {missing!r} is not one of {choices}") from None
    folder = (output or default_markdown_folder(project)) / chosen
    if folder.resolve().is_relative_to(project.statements_dir.resolve()):
        # translated files there would be read as statements, each id twice
        raise RenderError(
            "the output folder is inside the statements folder; choose another (-o)",
            file=project.relative(folder),
        )
    loaded = _select(
        load_statements(project.statements_dir, notice=notice, display=project.root),
        statements,
    )
    catalog: polib.POFile | None = _catalog(project, chosen)
    lookup = Translations(chosen, catalog, is_source=chosen == project.source_language)
    planned: list[tuple[Path, str]] = []
    gaps: list[tuple[Statement, Block, str]] = []
    fallbacks = 0
    for statement in loaded:
        source = project.root / statement.path
        raw = source.read_bytes().decode("utf-8")  # load_statements read it a moment ago
        translated = translate_statement(raw, statement, lookup, policy)
        gaps.extend((statement, block, chosen) for block in translated.gaps)
        fallbacks += len(translated.fallbacks)
        relative = source.resolve().relative_to(project.statements_dir.resolve())
        planned.append((folder / relative, translated.text))
    if gaps:
        raise missing_translations(gaps)
    written, unchanged = [], []
    for target, text in planned:
        shown = project.relative(target)
        if target.is_file() and target.read_bytes() == text.encode("utf-8"):
            unchanged.append(shown)
            continue
        write_text_atomically(target, text)  # a WriteError names the file
        written.append(shown)
    current = {target.relative_to(folder).as_posix(): text for target, text in planned}
    removed = sweep(
        folder, current, suffix=".md", partial=bool(statements), notice=notice,
        shown=project.relative,
    )  # fmt: skip
    return MarkdownReport(
        chosen,
        project.relative(folder),
        tuple(written),
        tuple(unchanged),
        fallbacks,
        policy.value,
        tuple(removed),
    )
