-- Migration 8 (PostgreSQL): the ad import a round's council report uses, chosen by an analyst.
-- A round without a row here uses its newest import. Imports are never deleted, so the chosen
-- one stays; the row goes with its round. Twin: 0008_ad_report_imports.sqlite.sql.

CREATE TABLE ad_report_imports (
  round_id BIGINT PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
  import_id BIGINT NOT NULL REFERENCES ad_imports (id) ON DELETE CASCADE,
  chosen_at BIGINT NOT NULL,
  chosen_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
