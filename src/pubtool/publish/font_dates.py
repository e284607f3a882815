"""The embedded fonts' own dates, from the inputs: the same booklet gives the same bytes on
any day, without setting SOURCE_DATE_EPOCH for the whole process."""

from __future__ import annotations

import struct
import zlib

import pikepdf

_MAC_EPOCH = 2_082_844_800  # seconds from 1904-01-01 (TrueType's epoch) to 1970-01-01


def stamp_fonts(pdf: pikepdf.Pdf, epoch: int) -> None:
    """Every embedded TrueType/OpenType font's `head.modified` set to `epoch`.

    WeasyPrint subsets with HarfBuzz, which keeps the face's own date, or, without
    HarfBuzz-Subset, with fontTools, which writes the time of the build (or the process's
    SOURCE_DATE_EPOCH, which pubtool used to set for the whole process while writing): either
    way the stamp becomes the inputs' date, so the same input gives the same bytes on any day.
    """
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for font in (fonts[str(name)] for name in fonts):  # pikepdf 8 has no .values()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get("/FontDescriptor")
                if descriptor is None:
                    continue
                for key in ("/FontFile2", "/FontFile3"):
                    stream = descriptor.get(key)
                    if stream is None or stream.objgen in seen:
                        continue
                    seen.add(stream.objgen)
                    program = stream.read_bytes()
                    stamped = stamp_font_program(program, epoch)
                    if stamped != program:
                        stream.write(zlib.compress(stamped), filter=pikepdf.Name.FlateDecode)
                        if key == "/FontFile2":
                            stream.Length1 = len(stamped)


def stamp_font_program(program: bytes, epoch: int) -> bytes:
    """`program` (an sfnt) with `head.modified` = `epoch` and its checksums made right again;
    anything that is not an sfnt comes back unchanged."""
    if program[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return program
    (count,) = struct.unpack_from(">H", program, 4)
    for index in range(count):
        entry = 12 + 16 * index
        tag, _, offset, length = struct.unpack_from(">4sIII", program, entry)
        if tag != b"head" or length < 36 or offset + length > len(program):
            continue
        font = bytearray(program)
        struct.pack_into(">q", font, offset + 28, epoch + _MAC_EPOCH)  # head.modified
        struct.pack_into(">I", font, offset + 8, 0)  # checkSumAdjustment, counted as 0
        struct.pack_into(">I", font, entry + 4, _checksum(font[offset : offset + length]))
        adjustment = (0xB1B0AFBA - _checksum(font)) & 0xFFFFFFFF
        struct.pack_into(">I", font, offset + 8, adjustment)
        return bytes(font)
    return program


def _checksum(data: bytes | bytearray) -> int:
    """The OpenType checksum: the sum of big-endian 32-bit words, zero-padded, modulo 2**32."""
    padded = bytes(data) + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF
