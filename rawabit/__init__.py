"""Rawabit (روابط): a knowledge graph of who did what to whom in Arabic news."""
__version__ = "0.1.0"
