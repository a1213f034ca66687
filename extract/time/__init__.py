"""Time: Arabic date expressions, and when each statement happened.

- ``date_grammar``: which words, in which order, make a date.
- ``dates``: date expressions found and normalised against the article's date.
- ``timing``: the pipeline component that dates each statement from its sentence.
"""
