"""SDG classification: which of the 17 Sustainable Development Goals a text or a document
addresses, in any of the six languages, from the SDG taxonomy's own texts (goals, targets,
indicators, data series), its links to the UNBIS Thesaurus, and a calibrated combination
learned from expert judgements."""

from unlib.sdg.classifier import GOALS, GoalScore, SdgClassifier

__all__ = ["GOALS", "GoalScore", "SdgClassifier"]
