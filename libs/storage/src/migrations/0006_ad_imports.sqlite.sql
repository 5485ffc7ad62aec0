-- Migration 6 (SQLite): online-ad imports of a round. Only aggregates are kept: the counts as
-- JSON, the capture histories as CSV, and the bad lines by number, field and problem code —
-- never ad text, numbers, names or their hashes. Twin: 0006_ad_imports.postgres.sql.

CREATE TABLE ad_imports (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  format TEXT NOT NULL CHECK (format IN ('jsonl', 'html')),
  lines INTEGER NOT NULL CHECK (lines >= 0),
  ads_read INTEGER NOT NULL CHECK (ads_read >= 0 AND ads_read <= lines),
  skipped INTEGER NOT NULL CHECK (skipped >= 0),
  counts_json TEXT NOT NULL CHECK (length(counts_json) > 0),
  captures_csv TEXT NOT NULL
);
CREATE INDEX ad_imports_round_id ON ad_imports (round_id, id);

CREATE TABLE ad_import_errors (
  import_id INTEGER NOT NULL REFERENCES ad_imports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  line INTEGER NOT NULL CHECK (line >= 1),
  field TEXT NOT NULL,
  problem TEXT NOT NULL,
  PRIMARY KEY (import_id, position)
) WITHOUT ROWID;
