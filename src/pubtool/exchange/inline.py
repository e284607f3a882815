"""Inline Markdown as XLIFF inline codes, so CAT tools protect what a translator must keep.

A message's Markdown is split into text and codes: emphasis and links become paired codes
(`<g>` in XLIFF, `<bpt>`/`<ept>` in TMX), inline code spans and autolinks become placeholders
(`<ph>`), line breaks become `<x/>`. Each code remembers the exact Markdown it stands for, so
turning a translation back into Markdown gives the source's own spelling (`**` or `__`, the
link's URL and title as written). markdown-it decides what is markup; when its reading of a
message cannot be mapped back onto the text character for character, the message is left
as plain text, which is still exact.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": False})
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

#: XLIFF 1.2 `ctype` of each paired code, from its markdown-it token.
_PAIRED = {"em_open": "italic", "strong_open": "bold", "link_open": "link"}


@dataclass(frozen=True)
class Code:
    """One inline code: its id within the message, its XLIFF element, and its Markdown."""

    id: str
    element: str  # "g" (paired), "x" (empty), "ph" (placeholder with native code)
    ctype: str
    markdown: str  # the opening delimiter of a pair, or the whole code
    closing: str = ""


@dataclass(frozen=True)
class Start:
    code: Code


@dataclass(frozen=True)
class End:
    code: Code


@dataclass(frozen=True)
class Atom:
    code: Code


Piece = str | Start | End | Atom


@dataclass(frozen=True)
class Segmented:
    """A message as text and codes; `codes` by id, in order of appearance."""

    pieces: tuple[Piece, ...]
    codes: dict[str, Code]

    def markdown(self) -> str:
        return pieces_markdown(self.pieces)


def pieces_markdown(pieces: tuple[Piece, ...] | list[Piece]) -> str:
    """The Markdown the pieces stand for."""
    parts: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, End):
            parts.append(piece.code.closing)
        else:
            parts.append(piece.code.markdown)
    return "".join(parts)


@lru_cache(maxsize=4096)
def segment(text: str) -> Segmented:
    """Split a message's Markdown into text and codes (plain text when it cannot be exact)."""
    if not text:
        return Segmented((), {})
    try:
        pieces = _Walker(text).walk(_PARSER.parseInline(text)[0].children or [])
    except _NotExact:
        return Segmented((text,), {})
    codes: dict[str, Code] = {}
    for piece in pieces:
        if not isinstance(piece, str):
            codes.setdefault(piece.code.id, piece.code)
    result = Segmented(tuple(pieces), codes)
    if result.markdown() != text:
        return Segmented((text,), {})
    return result


class _NotExact(Exception):
    """markdown-it's tokens do not map back onto the text character for character."""


class _Walker:
    """Walks markdown-it's inline tokens with a cursor into the text, to keep raw spellings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.counter = 0
        self.pieces: list[Piece] = []

    def walk(self, tokens: list[Token]) -> list[Piece]:
        stack: list[Start] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "text":
                self._text(token.content)
            elif kind == "link_open" and token.markup in ("autolink", "linkify"):
                end = self.text.find(">", self.pos) if token.markup == "autolink" else -1
                if end < 0:
                    raise _NotExact
                self._atom("ph", "x-autolink", self.text[self.pos : end + 1])
                while tokens[index].type != "link_close":
                    index += 1
            elif kind in _PAIRED:
                opening = "[" if kind == "link_open" else token.markup
                self._expect(opening)
                code = Code(self._next_id(), "g", _PAIRED[kind], opening)
                stack.append(Start(code))
                self.pieces.append(stack[-1])
            elif kind in ("em_close", "strong_close", "link_close"):
                if not stack:
                    raise _NotExact
                start = stack.pop()
                closing = self._link_tail() if kind == "link_close" else token.markup
                if kind != "link_close":
                    self._expect(closing)
                code = Code(start.code.id, "g", start.code.ctype, start.code.markdown, closing)
                where = self.pieces.index(start)
                self.pieces[where] = Start(code)
                self.pieces.append(End(code))
            elif kind == "code_inline":
                self._code_span(token.markup)
            elif kind in ("softbreak", "hardbreak"):
                match = re.compile(r"(?: *\\)?[ \t]*\n[ \t]*").match(self.text, self.pos)
                if not match:
                    raise _NotExact
                self._atom("x", "lb", match.group())
            else:  # images and anything newer: keep the whole message as plain text
                raise _NotExact
            index += 1
        if stack or self.pos != len(self.text):
            raise _NotExact
        return _merged(self.pieces)

    def _next_id(self) -> str:
        self.counter += 1
        return str(self.counter)

    def _atom(self, element: str, ctype: str, markdown: str) -> None:
        self.pieces.append(Atom(Code(self._next_id(), element, ctype, markdown)))
        self.pos += len(markdown)

    def _expect(self, raw: str) -> None:
        if not self.text.startswith(raw, self.pos):
            raise _NotExact
        self.pos += len(raw)

    def _text(self, content: str) -> None:
        """Consume the raw text that markdown-it read as `content` (escapes, entities)."""
        start, text, done = self.pos, self.text, 0
        while done < len(content):
            if (
                text.startswith("\\", self.pos)
                and self.pos + 1 < len(text)
                and text[self.pos + 1] in _ASCII_PUNCTUATION
                and text[self.pos + 1] == content[done]
            ):
                self.pos += 2
                done += 1
                continue
            entity = _ENTITY.match(text, self.pos)
            if entity:
                decoded = html.unescape(entity.group())
                if decoded and content.startswith(decoded, done):
                    self.pos = entity.end()
                    done += len(decoded)
                    continue
            if self.pos < len(text) and text[self.pos] == content[done]:
                self.pos += 1
                done += 1
                continue
            raise _NotExact
        if self.pos > start:
            self.pieces.append(text[start : self.pos])

    def _code_span(self, ticks: str) -> None:
        if not self.text.startswith(ticks, self.pos):
            raise _NotExact
        closing = re.compile(r"(?<!`)" + re.escape(ticks) + r"(?!`)")
        match = closing.search(self.text, self.pos + len(ticks))
        if not match:
            raise _NotExact
        self._atom("ph", "x-code", self.text[self.pos : match.end()])

    def _link_tail(self) -> str:
        """`](destination "title")` after a link's text, as written."""
        text, start = self.text, self.pos
        if not text.startswith("](", start):
            raise _NotExact
        pos = _skip_space(text, start + 2)
        destination = parseLinkDestination(text, pos, len(text))
        if destination.ok:
            pos = _skip_space(text, destination.pos)
            title = parseLinkTitle(text, pos, len(text))
            if title.ok:
                pos = _skip_space(text, title.pos)
        if not text.startswith(")", pos):
            raise _NotExact
        self.pos = pos + 1
        return text[start : self.pos]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Adjacent text pieces joined into one."""
    result: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and result and isinstance(result[-1], str):
            result[-1] = result[-1] + piece
        else:
            result.append(piece)
    return result
