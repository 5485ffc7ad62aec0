-- Migration 5 (SQLite): the manager role, and the council report's workflow per round: state
-- (draft -> submitted -> approved -> published, or sent back to draft), the analyst's text per
-- section, every transition with who and when, and the exports frozen at publication (bytes
-- base64-encoded, with their SHA-256 and size). Twin: 0005_report_workflow.postgres.sql.

-- Widening a CHECK constraint: SQLite cannot alter one, and rebuilding `users` would fire the
-- foreign-key actions of every table that refers to it. Adding a value to the list changes no
-- stored row, so the documented way for such changes is used: edit the table's definition in
-- the schema table (the CREATE TABLE below bumps the schema cookie, so other connections
-- re-read it; RESET makes this one re-read it).
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, '''clinic_staff'', ''reader'')',
                     '''clinic_staff'', ''reader'', ''manager'')')
 WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = OFF;

CREATE TABLE reports (
  round_id INTEGER PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'published')),
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  send_back_comment TEXT NOT NULL DEFAULT '',
  key_destroyed_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE report_sections (
  round_id INTEGER NOT NULL REFERENCES reports (round_id) ON DELETE CASCADE,
  section TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 64),
  body TEXT NOT NULL,
  PRIMARY KEY (round_id, section)
) WITHOUT ROWID;

CREATE TABLE report_transitions (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES reports (round_id) ON DELETE CASCADE,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  at INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_transitions_round ON report_transitions (round_id, id);

CREATE TABLE report_exports (
  round_id INTEGER NOT NULL REFERENCES reports (round_id) ON DELETE CASCADE,
  format TEXT NOT NULL CHECK (length(format) BETWEEN 1 AND 16),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data_base64 TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, format)
) WITHOUT ROWID;

PRAGMA writable_schema = RESET;
