"""The "Ask DAG" FAQ knowledge base: curated questions and answers in up to six languages,
matched to a reader's question across languages by sentence embeddings."""
