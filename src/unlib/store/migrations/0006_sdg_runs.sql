-- Which model last classified each work by SDG, goals found or not: a work with no goal is
-- not classified again by the same model (work_goals holds only the goals found).
CREATE TABLE sdg_runs (
    work_id        INTEGER PRIMARY KEY REFERENCES works(id),
    model_version  TEXT NOT NULL,
    goals          INTEGER NOT NULL,
    computed_at    TEXT NOT NULL
);
INSERT INTO sdg_runs (work_id, model_version, goals, computed_at)
    SELECT work_id, model_version, COUNT(*), MAX(computed_at) FROM work_goals GROUP BY work_id;
