"""Plain facts to RDF: IRIs, ontology, provenance, store and SPARQL.

Nothing in this package knows Arabic grammar.
"""
