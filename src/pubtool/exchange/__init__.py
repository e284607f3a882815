"""Exchange with CAT tools: XLIFF 1.2 out and back in, TMX translation memories, TBX term bases."""
