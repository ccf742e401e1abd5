-- Subject indexing: concepts suggested for works by the subject backends and decided by
-- librarians (or imported from catalogue records), with the provenance of both; and the SDG
-- goals the classifier finds in works and passages (for search facets).

-- One row per (work, concept): its current status. A decision never loses the suggestion it
-- answered (backend, score and model version stay beside it).
CREATE TABLE subject_assignments (
    work_id        INTEGER NOT NULL REFERENCES works(id),
    uri            TEXT NOT NULL,                -- concept URI (UNBIS Thesaurus)
    status         TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
    score          REAL,                         -- latest backend score, 0..1 (NULL: never suggested)
    backend        TEXT,                         -- backend that suggested it: ensemble | lexical | learned
    model_version  TEXT,                         -- that backend's model version
    source         TEXT NOT NULL,                -- who set the status: backend | librarian | marc | import
    agent          TEXT,                         -- the librarian, the MARC record, the API client
    suggested_at   TEXT,
    decided_at     TEXT,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (work_id, uri)
) WITHOUT ROWID;
CREATE INDEX subject_assignments_uri ON subject_assignments(uri, status);
CREATE INDEX subject_assignments_status ON subject_assignments(status);

-- Every change of an assignment, in order (the audit trail of subject indexing).
CREATE TABLE subject_history (
    id             INTEGER PRIMARY KEY,
    work_id        INTEGER NOT NULL,
    uri            TEXT NOT NULL,
    status         TEXT NOT NULL,
    score          REAL,
    backend        TEXT,
    model_version  TEXT,
    source         TEXT NOT NULL,
    agent          TEXT,
    at             TEXT NOT NULL
);
CREATE INDEX subject_history_work ON subject_history(work_id, uri);

-- SDG goals of a work (document level), as the classifier last computed them.
CREATE TABLE work_goals (
    work_id        INTEGER NOT NULL REFERENCES works(id),
    goal           INTEGER NOT NULL CHECK (goal BETWEEN 1 AND 17),
    score          REAL NOT NULL,                -- calibrated probability, 0..1
    passages       INTEGER NOT NULL DEFAULT 0,   -- passages of the work classified with the goal
    model_version  TEXT NOT NULL,
    computed_at    TEXT NOT NULL,
    PRIMARY KEY (work_id, goal)
) WITHOUT ROWID;
CREATE INDEX work_goals_goal ON work_goals(goal, score);

-- SDG goals of single passages (only those at or above the classifier's threshold).
CREATE TABLE passage_goals (
    passage_id     INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    goal           INTEGER NOT NULL CHECK (goal BETWEEN 1 AND 17),
    score          REAL NOT NULL,
    PRIMARY KEY (passage_id, goal)
) WITHOUT ROWID;
