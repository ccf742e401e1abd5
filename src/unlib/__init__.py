"""unlib — a self-hostable knowledge service for United Nations documentation."""

__version__ = "0.1.0"
