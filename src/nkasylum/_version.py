"""The version of nkasylum, kept static so that importing it reads no package metadata."""

__version__ = "0.1.0"
RELEASED = "2026-11-30"
"""The release date of this version (ISO 8601), as in CITATION.cff and CHANGELOG.md."""
