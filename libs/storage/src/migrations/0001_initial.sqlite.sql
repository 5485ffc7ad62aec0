-- Migration 1 (SQLite): the first schema. Times are Unix seconds (UTC), dates
-- 'YYYY-MM-DD', enumerations their codes, flags 0/1. Twin: 0001_initial.postgres.sql.

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  sector TEXT NOT NULL CHECK (sector IN ('social_services', 'school', 'health_care', 'police',
                                         'ngo', 'other_municipal', 'mika_kast')),
  department TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'coordinator', 'training_coordinator',
                                     'prevention_coordinator', 'clinic_staff', 'reader')),
  unit_id INTEGER REFERENCES units (id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX users_unit_id ON users (unit_id);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  min_cell_k INTEGER NOT NULL CHECK (min_cell_k >= 1),
  questionnaire_id TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed', 'published')),
  created_at INTEGER NOT NULL,
  opened_at INTEGER NOT NULL DEFAULT 0,
  closed_at INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  CHECK (period_from <= period_to)
);

CREATE TABLE round_units (
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  PRIMARY KEY (round_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX round_units_unit_id ON round_units (unit_id);

-- A response belongs to a unit that takes part in its round (composite foreign key).
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'draft', 'submitted')),
  met_anyone TEXT CHECK (met_anyone IS NULL OR met_anyone IN ('yes', 'no', 'unknown')),
  updated_at INTEGER NOT NULL,
  submitted_at INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (round_id, unit_id) REFERENCES round_units (round_id, unit_id) ON DELETE CASCADE
);
CREATE INDEX responses_round_status ON responses (round_id, status);
CREATE INDEX responses_round_unit ON responses (round_id, unit_id);

CREATE TABLE person_entries (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  answers TEXT NOT NULL,
  match_hash TEXT,
  has_match_key INTEGER NOT NULL DEFAULT 0 CHECK (has_match_key IN (0, 1)),
  UNIQUE (response_id, position)
);
CREATE INDEX person_entries_match_hash ON person_entries (match_hash)
  WHERE match_hash IS NOT NULL;

-- Append-only; user_id is deliberately not a foreign key so the log outlives what it names.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER,
  username TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  object TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);
CREATE INDEX audit_log_username_at ON audit_log (username, at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
