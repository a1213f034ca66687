"""Writers from an RDF graph to files, chosen by file extension."""
