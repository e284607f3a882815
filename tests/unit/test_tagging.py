"""The parts of publish/tagging.py that need no layout: the font stamp."""

from __future__ import annotations

import io

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from pubtool.publish.font_dates import stamp_font_program


def font_program(modified: int) -> bytes:
    """A one-glyph TrueType font whose head.modified is `modified` (seconds since 1904)."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "a"])
    builder.setupCharacterMap({ord("a"): "a"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((400, 0))
    pen.closePath()
    glyph = pen.glyph()
    builder.setupGlyf({".notdef": glyph, "a": glyph})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "a": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Stamp", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.font["head"].modified = modified
    output = io.BytesIO()
    builder.font.save(output, reorderTables=False)
    return output.getvalue()


@pytest.mark.parametrize("built", [0, 3_900_000_000])
def test_a_subset_is_stamped_with_the_inputs_date_and_stays_valid(built: int) -> None:
    program = font_program(built)
    stamped = stamp_font_program(program, 1_700_000_000)
    font = TTFont(io.BytesIO(stamped), checkChecksums=2)  # raises on a wrong checksum
    assert font["head"].modified == 1_700_000_000 + 2_082_844_800
    assert len(stamped) == len(program)
    assert stamp_font_program(stamped, 1_700_000_000) == stamped  # stable


def test_what_is_not_a_font_program_is_left_alone() -> None:
    assert stamp_font_program(b"%!PS-AdobeFont-1.0", 0) == b"%!PS-AdobeFont-1.0"
