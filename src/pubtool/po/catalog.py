"""pubtool's catalog: polib's `POFile` with the fields a faithful rewrite needs.

polib's model has no place for what `msgcat` keeps when it rewrites a file: the charset the
file was read in, whether it had a header entry at all, and the header as it was written.
They are declared here, so that the type checker sees every one and a catalog built in
memory starts from explicit defaults instead of missing attributes.
"""

from __future__ import annotations

import polib

__all__ = ["Catalog"]


# Without polib's stubs (types-polib, a dev dependency) POFile is Any to mypy.
class Catalog(polib.POFile):  # type: ignore[misc, unused-ignore]
    """A polib catalog that remembers how it was read (defaults: a new UTF-8 catalog)."""

    #: Python codec name of the charset the file is written back in.
    file_encoding: str
    #: False for a catalog read from a file without a header entry: none is invented.
    has_header: bool
    #: The header's msgstr as read; None for a catalog not read from a file.
    header_text: str | None
    #: The header fields as read, to tell whether `metadata` changed since.
    header_fields_read: dict[str, str] | None
    #: The header's translator comment lines as read (one empty `#` line is not "").
    header_comment_lines: list[str] | None

    def __init__(
        self,
        *,
        fpath: str | None = None,
        wrapwidth: int = 78,
        file_encoding: str = "utf-8",
        has_header: bool = True,
    ) -> None:
        super().__init__(fpath=fpath, wrapwidth=wrapwidth, encoding="utf-8")
        self.file_encoding = file_encoding
        self.has_header = has_header
        self.header_text = None
        self.header_fields_read = None
        self.header_comment_lines = None

    def header_as_read(self) -> str | None:
        """The header's msgstr as read, while its fields are unchanged; else None."""
        if self.header_text is not None and self.header_fields_read == self.metadata:
            return self.header_text
        return None
