"""Text to plain facts: reading, cleaning, tokenizing, entities, relations.

Nothing in this package imports rdflib; its output is the dataclasses of
:mod:`rawabit.extract.model`.
"""
