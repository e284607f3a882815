"""English negation words, as `update` notes a changed negation and `check` a lost one.

A module of its own, free of the merge's imports (numpy), so that the checks load quickly.
"""

from __future__ import annotations

import re

_NEGATIONS = ("not", "no", "never", "none", "neither", "nor", "without", "cannot")


def _negation_pattern() -> re.Pattern[str]:
    r"""`\b(?:not|no|…|cannot)\b|n't\b`, ignoring case, written so that it is quick to search.

    That pattern starts with `\b`, and a cased letter under IGNORECASE, so the regex
    engine tried it at every character: the risk notes took a tenth of a large update.
    Here every alternative starts with a literal letter (each word twice, lower and upper
    case, `\b` checked behind it), and the engine skips to where one of them stands.
    """
    alternatives = [
        f"{first}(?<=\\b{first})(?i:{word[1:]})\\b"
        for word in _NEGATIONS
        for first in (word[0], word[0].upper())
    ]
    alternatives += [f"{first}(?i:'t)\\b" for first in "nN"]
    return re.compile("|".join(alternatives))


NEGATION = _negation_pattern()


def negations(text: str) -> list[str]:
    """The English negation words of `text` (not, no, never, ..., n't), lower-cased."""
    return [match.lower() for match in NEGATION.findall(text)]
