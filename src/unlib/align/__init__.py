"""Aligning the passages of a work's language versions: paragraph numbers first, then
sentence-embedding similarity, always in text order (:mod:`unlib.align.aligner`)."""
