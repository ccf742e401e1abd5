"""Recorded (roll-call) votes of the General Assembly and the Security Council.

Readers for the Library's official "Voting Data" CSV layouts (:mod:`unlib.votes.official`) and
for Voeten's unvotes files (:mod:`unlib.votes.unvotes`), layout detection
(:mod:`unlib.votes.layouts`), resolution symbols (:mod:`unlib.votes.resolutions`), member
states (:mod:`unlib.votes.countries`), the import into the catalogue
(:mod:`unlib.votes.importer`), agreement scores (:mod:`unlib.votes.agreement`) and the JSON
records the services hand out (:mod:`unlib.votes.records`).
"""
