-- The "Ask DAG" FAQ knowledge base, and passages aligned across the language versions of a
-- work (paragraph numbers first, then sentence-embedding similarity).

CREATE TABLE faq_entries (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,           -- stable name across libraries (import/export)
    source_lang TEXT NOT NULL,                  -- the language the entry was written in first
    links       TEXT NOT NULL DEFAULT '[]',     -- JSON [{"kind": "record"|"search", "target", "label"}]
    views       INTEGER NOT NULL DEFAULT 0,     -- times shown: its page, or an answer to Ask
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE faq_texts (
    entry_id    INTEGER NOT NULL REFERENCES faq_entries(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    variants    TEXT NOT NULL DEFAULT '[]',     -- JSON list: other ways of asking the question
    PRIMARY KEY (entry_id, lang)
) WITHOUT ROWID;

-- One vector per phrasing (n = 0: the question, 1…: its variants), by the embedder named.
CREATE TABLE faq_vectors (
    entry_id    INTEGER NOT NULL REFERENCES faq_entries(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    n           INTEGER NOT NULL,
    model       TEXT NOT NULL,
    vector      BLOB NOT NULL,                  -- float32, L2-normalised
    PRIMARY KEY (entry_id, lang, n)
) WITHOUT ROWID;

-- Which pairs of versions have been aligned, from which texts (a version whose text is
-- replaced gets a new primary_sha: its alignments are stale) and how.
CREATE TABLE alignment_runs (
    version_a   INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    version_b   INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    sha_a       TEXT NOT NULL,
    sha_b       TEXT NOT NULL,
    method      TEXT NOT NULL,                  -- "numbers+<embedder>"
    pairs       INTEGER NOT NULL,
    by_number   INTEGER NOT NULL,               -- pairs fixed by paragraph or heading numbers
    computed_at TEXT NOT NULL,
    PRIMARY KEY (version_a, version_b),
    CHECK (version_a < version_b)
) WITHOUT ROWID;

-- Aligned passages (the lower version id on the a side); a passage split in two in one
-- language is aligned to both halves.
CREATE TABLE passage_alignments (
    passage_a   INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    passage_b   INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    version_a   INTEGER NOT NULL,
    version_b   INTEGER NOT NULL,
    score       REAL NOT NULL,                  -- cosine similarity of the two passages
    how         TEXT NOT NULL,                  -- title | number | heading | similarity | attached
    PRIMARY KEY (passage_a, passage_b)
) WITHOUT ROWID;
CREATE INDEX passage_alignments_b ON passage_alignments(passage_b);
CREATE INDEX passage_alignments_versions ON passage_alignments(version_a, version_b);
