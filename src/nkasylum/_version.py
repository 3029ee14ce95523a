"""The version of nkasylum, kept static so that importing it reads no package metadata."""

__version__ = "0.1.0"
