-- Recorded (roll-call) votes of the General Assembly and the Security Council, and the
-- speeches of the General Debate. Both sit beside the works: a roll call links to the works
-- of the resolutions it adopted (created without files when the library holds no text).

CREATE TABLE roll_calls (
    id                INTEGER PRIMARY KEY,
    source            TEXT NOT NULL,            -- "unvotes" (Voeten) | "undl" (UN Digital Library)
    source_id         TEXT NOT NULL,            -- Voeten rcid | UN Digital Library record id
    layout            TEXT NOT NULL,            -- unvotes | undl-ga-v1 | undl-ga | undl-sc
    body              TEXT NOT NULL,            -- "A" (General Assembly) | "S" (Security Council)
    symbol            TEXT,                     -- normalized resolution symbol, parts joined (A-B)
    symbol_raw        TEXT,                     -- the symbol as the source writes it
    kind              TEXT NOT NULL,            -- resolution | decision | paragraph | amendment | other
    date              TEXT,                     -- ISO date of the vote
    year              INTEGER,
    session           TEXT,                     -- "60", "ES-10", "S-26"; NULL for the Council
    meeting           TEXT,                     -- meeting record symbol (A/61/PV.81)
    meeting_key       TEXT,
    draft             TEXT,                     -- draft resolution symbol (A/61/L.5)
    draft_key         TEXT,
    committee_report  TEXT,
    title             TEXT,
    description       TEXT,
    agenda            TEXT,
    subjects          TEXT NOT NULL DEFAULT '[]',  -- JSON list, as the source writes them
    vote_note         TEXT,
    modality          TEXT,
    without_vote      INTEGER NOT NULL DEFAULT 0,  -- adopted without a vote (all members "Y")
    important         INTEGER,                  -- Voeten's "important vote" flag; NULL = not coded
    undl_link         TEXT,
    -- Totals counted from the per-country rows ...
    yes               INTEGER NOT NULL,
    no                INTEGER NOT NULL,
    abstain           INTEGER NOT NULL,
    non_voting        INTEGER NOT NULL,
    members           INTEGER NOT NULL,
    -- ... and as the source states them (NULL when it gives none).
    source_yes        INTEGER,
    source_no         INTEGER,
    source_abstain    INTEGER,
    source_non_voting INTEGER,
    source_members    INTEGER,
    totals_note       TEXT,                     -- "totals_mismatch: ..." when the two disagree
    duplicate_of      INTEGER REFERENCES roll_calls(id),  -- same vote from a preferred source
    fingerprint       TEXT NOT NULL,            -- digest of everything imported (re-import check)
    file              TEXT NOT NULL,
    line              INTEGER,
    imported_at       TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX roll_calls_date ON roll_calls(date);
CREATE INDEX roll_calls_session ON roll_calls(session);

CREATE TABLE roll_call_resolutions (
    roll_call_id  INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
    key           TEXT NOT NULL,                -- identity key of the resolution (one per part)
    work_id       INTEGER NOT NULL REFERENCES works(id),
    PRIMARY KEY (roll_call_id, key)
) WITHOUT ROWID;
CREATE INDEX roll_call_resolutions_key ON roll_call_resolutions(key);

CREATE TABLE votes (
    roll_call_id  INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
    country       TEXT NOT NULL,                -- ISO 3166-1 alpha-3; historical codes kept (YUG)
    name          TEXT NOT NULL,                -- the name the source uses at the time
    vote          TEXT NOT NULL CHECK (vote IN ('Y', 'N', 'A', 'X')),
    permanent     INTEGER,                      -- Security Council permanent member (NULL: not given)
    PRIMARY KEY (roll_call_id, country)
) WITHOUT ROWID;
CREATE INDEX votes_country ON votes(country, roll_call_id, vote);

CREATE TABLE roll_call_issues (
    roll_call_id  INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
    code          TEXT NOT NULL,                -- Voeten's issue code: me, nu, di, hr, co, ec
    label         TEXT,
    PRIMARY KEY (roll_call_id, code)
) WITHOUT ROWID;

CREATE TABLE speeches (
    id               INTEGER PRIMARY KEY,
    ref              TEXT NOT NULL UNIQUE,      -- public id: USA_75_2020
    country          TEXT NOT NULL,             -- ISO 3166-1 alpha-3, or "EU"
    country_name     TEXT,
    session          INTEGER NOT NULL,
    year             INTEGER,
    speaker          TEXT,
    speaker_folded   TEXT,                      -- lower case, no accents: speaker search
    post             TEXT,
    lang             TEXT NOT NULL,
    lang_confidence  REAL,
    paragraphs       INTEGER NOT NULL,
    n_chars          INTEGER NOT NULL,
    text_z           BLOB NOT NULL,             -- zlib: text with "\n" line ends, no BOM
    source_path      TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '[]', -- JSON list: how the speaker row was matched
    fingerprint      TEXT NOT NULL,
    indexed          INTEGER NOT NULL DEFAULT 0, -- 1 once committed to the speech index
    imported_at      TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (country, session)
);
CREATE INDEX speeches_unindexed ON speeches(indexed) WHERE indexed = 0;
CREATE INDEX speeches_year ON speeches(year);
CREATE INDEX speeches_lang ON speeches(lang);
