-- Migration 3 (SQLite): the attitude-work log (schools, activities, aggregated attitude
-- answers) and MIKA/KAST (clinics, staff assignment, the anonymous contact log, cited
-- reference figures, cost assumptions). Codes are those of libs/followup/src/codes.cc.
-- Twin: 0003_followup.postgres.sql.

CREATE TABLE prevention_schools (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE prevention_school_grades (
  school_id INTEGER NOT NULL REFERENCES prevention_schools (id) ON DELETE CASCADE,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 12),
  PRIMARY KEY (school_id, grade)
) WITHOUT ROWID;

-- An activity is counted, never its participants: there is no per-person row anywhere.
CREATE TABLE prevention_activities (
  id INTEGER PRIMARY KEY,
  activity_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('lesson', 'workshop', 'theme_day', 'parent_meeting',
                                     'staff_day', 'campaign', 'partnership')),
  school_id INTEGER REFERENCES prevention_schools (id),
  unit_id INTEGER REFERENCES units (id),
  target TEXT NOT NULL CHECK (target IN ('grade', 'age', 'staff', 'parents', 'business')),
  age_from INTEGER NOT NULL DEFAULT 0 CHECK (age_from >= 0),
  age_to INTEGER NOT NULL DEFAULT 0 CHECK (age_to >= age_from),
  reached INTEGER NOT NULL CHECK (reached >= 1),
  method TEXT NOT NULL DEFAULT '',
  partner TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  CHECK ((school_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX prevention_activities_date ON prevention_activities (activity_date);

CREATE TABLE prevention_activity_grades (
  activity_id INTEGER NOT NULL REFERENCES prevention_activities (id) ON DELETE CASCADE,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 12),
  PRIMARY KEY (activity_id, grade)
) WITHOUT ROWID;

-- Aggregated answers of one question in one phase of an activity: a count per option.
CREATE TABLE prevention_attitudes (
  activity_id INTEGER NOT NULL REFERENCES prevention_activities (id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
  agree_fully INTEGER NOT NULL CHECK (agree_fully >= 0),
  agree_partly INTEGER NOT NULL CHECK (agree_partly >= 0),
  disagree_partly INTEGER NOT NULL CHECK (disagree_partly >= 0),
  disagree_fully INTEGER NOT NULL CHECK (disagree_fully >= 0),
  dont_know INTEGER NOT NULL CHECK (dont_know >= 0),
  PRIMARY KEY (activity_id, question, phase)
) WITHOUT ROWID;

CREATE TABLE clinics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('mika', 'kast', 'mika_kast')),
  city TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The clinic a clinic_staff user works at (at most one).
CREATE TABLE clinic_staff (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id)
);
CREATE INDEX clinic_staff_clinic ON clinic_staff (clinic_id);

-- The anonymous contact log: a date and coded values, nothing else.
CREATE TABLE clinic_contacts (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id),
  contact_date TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'chat', 'visit')),
  visit TEXT NOT NULL CHECK (visit IN ('new', 'returning')),
  gender TEXT NOT NULL CHECK (gender IN ('woman', 'man', 'other', 'unknown')),
  age_band TEXT NOT NULL CHECK (age_band IN ('under_18', '18_24', '25_34', '35_49', '50_plus',
                                             'unknown')),
  kind TEXT NOT NULL CHECK (kind IN ('buyer', 'selling', 'relative', 'professional')),
  found_via TEXT NOT NULL CHECK (found_via IN ('internet', 'campaign', 'social_services',
                                               'health_care', 'police', 'school', 'ngo',
                                               'friend', 'other', 'unknown')),
  referral TEXT NOT NULL CHECK (referral IN ('none', 'social_services', 'health_care',
                                             'addiction_care', 'police', 'ngo', 'other')),
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX clinic_contacts_clinic_date ON clinic_contacts (clinic_id, contact_date);
CREATE INDEX clinic_contacts_date ON clinic_contacts (contact_date);

CREATE TABLE clinic_reference_figures (
  id INTEGER PRIMARY KEY,
  clinic TEXT NOT NULL CHECK (length(clinic) > 0),
  city TEXT NOT NULL DEFAULT '',
  figure_year INTEGER,
  value_x100 INTEGER NOT NULL CHECK (value_x100 >= 0),
  measure TEXT NOT NULL CHECK (length(measure) > 0),
  source TEXT NOT NULL CHECK (length(source) > 0)
);

-- One row: the analyst's latest cost and staffing assumptions.
CREATE TABLE clinic_assumptions (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  counsellors_x100 INTEGER NOT NULL CHECK (counsellors_x100 > 0),
  cost_per_fte INTEGER NOT NULL CHECK (cost_per_fte > 0),
  other_costs INTEGER NOT NULL CHECK (other_costs >= 0),
  expected_clients INTEGER NOT NULL CHECK (expected_clients > 0),
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);

-- The comparison figures the requirements named, with that as their stated source.
INSERT INTO clinic_reference_figures (clinic, city, figure_year, value_x100, measure, source)
VALUES
  ('KAST Göteborg', 'Göteborg', NULL, 1500, 'klienter under första verksamhetsåret',
   'Uppgift i Synligs kravunderlag för uppföljning av motionen (krav 2); kontrollera mot mottagningens verksamhetsberättelse innan den citeras'),
  ('KAST Göteborg', 'Göteborg', 2017, 11500, 'klienter under året',
   'Uppgift i Synligs kravunderlag för uppföljning av motionen (krav 2); kontrollera mot mottagningens verksamhetsberättelse innan den citeras'),
  ('KAST Stockholm', 'Stockholm', NULL, 200, 'kuratorer (samtalsbehandlare)',
   'Uppgift i Synligs kravunderlag för uppföljning av motionen (krav 2); kontrollera mot mottagningens verksamhetsberättelse innan den citeras');
