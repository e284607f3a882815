"""The gettext catalog layer: strict reading, msgcat-identical writing, plural headers.

`po.read` and `po.write` know the file format; everything else in pubtool works with polib's
objects and asks `po.entries` what state an entry is in.
"""

from pubtool.po.read import load_po
from pubtool.po.write import DEFAULT_WIDTH, format_po, write_po

__all__ = ["DEFAULT_WIDTH", "format_po", "load_po", "write_po"]
