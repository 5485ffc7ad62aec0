-- Migration 2 (SQLite): official statistics for the council report. Brå's reported crimes
-- per municipality and year, SCB's population per region and year; each figure with its
-- source and retrieval date. Twin: 0002_official_statistics.postgres.sql.

CREATE TABLE crime_figures (
  id INTEGER PRIMARY KEY,
  municipality TEXT NOT NULL CHECK (length(municipality) > 0),
  crime TEXT NOT NULL CHECK (crime IN ('brb_6_11', 'brb_6_12', 'brb_4_1a')),
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),
  reported INTEGER NOT NULL CHECK (reported >= 0),
  status TEXT NOT NULL CHECK (status IN ('preliminary', 'final')),
  source TEXT NOT NULL CHECK (length(source) > 0),
  retrieved_on TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  UNIQUE (municipality, crime, year)
);

CREATE TABLE population_figures (
  id INTEGER PRIMARY KEY,
  region TEXT NOT NULL CHECK (length(region) > 0),
  region_code TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),
  population INTEGER NOT NULL CHECK (population > 0),
  source TEXT NOT NULL CHECK (length(source) > 0),
  retrieved_on TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  UNIQUE (region, year)
);
