"""Publication: statements and catalogs to documents, HTML and PDF booklets."""
