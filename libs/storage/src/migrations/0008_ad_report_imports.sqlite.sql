-- Migration 8 (SQLite): the ad import a round's council report uses, chosen by an analyst.
-- A round without a row here uses its newest import. Imports are never deleted, so the chosen
-- one stays; the row goes with its round. Twin: 0008_ad_report_imports.postgres.sql.

CREATE TABLE ad_report_imports (
  round_id INTEGER PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
  import_id INTEGER NOT NULL REFERENCES ad_imports (id) ON DELETE CASCADE,
  chosen_at INTEGER NOT NULL,
  chosen_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
