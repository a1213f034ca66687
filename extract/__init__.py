"""Text to plain facts: reading, cleaning, tokenizing, entities, relations.

Nothing in this package imports rdflib; its output is the dataclasses of
:mod:`rawabit.extract.model`. The stages have their own sub-packages:

- :mod:`~rawabit.extract.reading`: files into articles, sentences and tokens;
- :mod:`~rawabit.extract.entities`: the gazetteer, titles and the statistical recogniser;
- :mod:`~rawabit.extract.linking`: mentions bound to entities, in an article and across articles;
- :mod:`~rawabit.extract.relations`: relations, one module per family of constructions;
- :mod:`~rawabit.extract.time`: dates and when statements happened.

Shared foundations and orchestration stay here: ``model`` (the plain
objects), ``pipeline`` (the ordered components), ``doc_index``, ``arabic``,
``grammar`` and ``resources`` (normalisation, function words, data tables),
``parallel``, ``cluster`` and ``spool`` (running over many articles).
"""
