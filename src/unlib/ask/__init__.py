"""Ask: find the sentences of the library that answer a question (extractive, with citations)."""
