"""broadcaster: the production line of a Vietnamese commune radio station."""

__version__ = "0.1.0"
