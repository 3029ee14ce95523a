"""Layer 1, foundations: errors, text helpers, checks, time, quantities, countries, places and
access to the bundled data files. Imports nothing else from nkasylum."""
