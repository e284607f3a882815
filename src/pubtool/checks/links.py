"""Links and URLs: kept verbatim by translators, so kept out of the prose checks."""

from __future__ import annotations

import functools
import re
from collections import Counter

_MARKDOWN_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\((?P<target><[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"
)
_AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_BARE_URL = re.compile(r"(?<![\w/])(?:https?://|www\.)[^\s<>()\[\]]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_TRAILING_PUNCTUATION = ".,;:!?'\"”»"


def link_targets(text: str) -> Counter[str]:
    """Targets of Markdown links, autolinks and bare URLs, as a multiset."""
    targets: Counter[str] = Counter()
    if "[" not in text and "<" not in text and "http" not in text and "www." not in text:
        return targets
    for match in _MARKDOWN_LINK.finditer(text):
        targets[match.group("target").strip("<>")] += 1
    text = _MARKDOWN_LINK.sub(" ", text)
    for match in _AUTOLINK.finditer(text):
        targets[match.group("target")] += 1
    text = _AUTOLINK.sub(" ", text)
    for match in _BARE_URL.finditer(text):
        targets[match.group(0).rstrip(_URL_TRAILING_PUNCTUATION)] += 1
    return targets


@functools.lru_cache(maxsize=4096)
def without_links(text: str) -> str:
    """`text` with link targets, URLs and e-mail addresses blanked; link texts are kept.

    Kept for the last texts seen: every check of an entry asks for the same two texts.
    """
    if "[" in text:
        text = _MARKDOWN_LINK.sub(lambda match: f" {match.group('text')} ", text)
    if "<" in text:
        text = _AUTOLINK.sub(" ", text)
    if "http" in text or "www." in text:
        text = _BARE_URL.sub(" ", text)
    return _EMAIL.sub(" ", text) if "@" in text else text
