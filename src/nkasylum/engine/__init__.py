"""Layer 4, reasoning: the index of a knowledge base, policies merged over time, queries,
route search, leg verdicts as structured steps, assessment (one and many), series, and the
:class:`~nkasylum.KnowledgeBase` value on top."""
