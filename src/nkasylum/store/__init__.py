"""Layer 3, storage: the cattrs converter, reading and validating data files into entries,
and the compiled bundle. Returns plain tuples of entries, never a knowledge base."""
