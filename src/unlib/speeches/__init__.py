"""Speeches of the General Assembly's General Debate.

The corpus reader (:mod:`unlib.speeches.ungdc`), text handling (:mod:`unlib.speeches.text`),
the speech index (:mod:`unlib.speeches.index`, ``DATA/speeches-index``), search
(:mod:`unlib.speeches.search`) and the import (:mod:`unlib.speeches.importer`).
"""
