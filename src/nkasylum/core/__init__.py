"""Layer 1, foundations: errors, text helpers, checks, the value types' shared repr, time,
quantities, countries, places and access to the bundled data files. Imports nothing else
from nkasylum."""
