"""banmian (版面): Chinese newspaper pages → clean, linked, searchable articles."""

__version__ = "0.1.0"
