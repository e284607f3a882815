"""pubtool: public statements to gettext catalogs, checks, coverage and bilingual PDF booklets."""

__version__ = "0.1.0"
