"""Automatic subject indexing against the UNBIS Thesaurus: lexical, learned and ensemble backends."""
