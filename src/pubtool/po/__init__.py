"""The gettext catalog layer: reading, msgcat-identical writing, entries, plural headers."""
