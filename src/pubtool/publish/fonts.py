"""Which of the fonts asked for fontconfig really has: WeasyPrint falls back without a word."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence


def fontconfig_family(name: str) -> str | None:
    """The family fontconfig picks for `name` (itself when installed); None without fc-match."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "--format=%{family}", name],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def _has(name: str, family: str | None) -> bool:
    """fc-match may answer `DejaVu Sans,DejaVu Sans Condensed`: any of the names counts."""
    return family is not None and name.casefold() in (
        part.strip().casefold() for part in family.split(",")
    )


def missing_font_notices(fonts: Sequence[str], generic: str = "serif") -> list[str]:
    """One notice per font fontconfig lacks, naming the face the booklet is set in instead
    (the next installed font of the stack, or fontconfig's `generic`)."""
    found = {font: fontconfig_family(font) for font in fonts}
    if all(family is None for family in found.values()):
        return []  # no fontconfig to ask: say nothing rather than guess
    installed = [font for font in fonts if _has(font, found[font])]
    fallback = installed[0] if installed else fontconfig_family(generic) or generic
    instead = fallback.split(",")[0]
    return [
        f"--font {font!r}: fontconfig has no such face; the booklet uses {instead!r} instead"
        for font in fonts
        if font not in installed
    ]
