-- Migration 7 (SQLite): an ad import may hold several files analysed as one input (one per
-- sample day, say). `files` counts them (file_name then lists their names); each bad line names
-- its file by number, 1-based in the order given. Imports stored before hold one file.
-- Twin: 0007_ad_import_files.postgres.sql.

ALTER TABLE ad_imports ADD COLUMN files INTEGER NOT NULL DEFAULT 1 CHECK (files >= 1);
ALTER TABLE ad_import_errors ADD COLUMN file INTEGER NOT NULL DEFAULT 1 CHECK (file >= 1);
