"""Layer 2, the value types: sources and evidence, policies, passages, cases, statistics,
conflicts, routes, verdicts with their structured steps, assessments, series points, and the
plain string helpers (explanation wording, Markdown, Mermaid) the values render themselves with.
Imports only the foundations."""
