"""Derived speed structures: tables built from the reference rules of :mod:`nkasylum.engine`."""
