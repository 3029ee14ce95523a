"""Layer 5, presentation and bridges: JSON text and JSON Schema, pandas and networkx, CSV,
Mermaid transit maps, the anchor checker, loading a data folder, and the command line."""
