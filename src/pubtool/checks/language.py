"""Language-aware text helpers the checks and the glossary share."""

from __future__ import annotations

import re


def base_language(language: str) -> str:
    """`az` for az, az_AZ, az-Latn: the part that decides spelling rules here."""
    return re.split(r"[-_@.]", language, maxsplit=1)[0].lower()


def fold_case(text: str, language: str) -> str:
    """Lower-case `text` by the rules of `language`.

    Azerbaijani (like Turkish) pairs İ with i and I with ı; Python's `str.lower` would turn
    "İyun" into "i̇yun" with a combining dot and "ILIN" into "ilin", so neither would match.
    Russian ё is folded to е, since most texts print "Черный" where a glossary has "Чёрный".
    """
    base = base_language(language)
    if base in {"az", "tr"}:
        text = text.replace("İ", "i").replace("I", "ı")
    text = text.lower()
    return text.replace("ё", "е") if base == "ru" else text
