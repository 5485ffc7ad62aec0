-- Migration 4 (SQLite): the training register. Departments (förvaltningar and municipal
-- companies) and their units, job roles in or out of the target group, employees (name, work
-- e-mail, unit, role, active: nothing more), the course catalogue (seeded with the national
-- web courses), completions, staged imports of learning-platform exports and the council's
-- targets. Units are the register's own, not the mapping's `units`: see docs/training.md.
-- Twin: 0004_training.postgres.sql.

CREATE TABLE training_departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('department', 'company'))
);

CREATE TABLE training_units (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES training_departments (id),
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  manager_email TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX training_units_department ON training_units (department_id);

CREATE TABLE training_roles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  target_group INTEGER NOT NULL CHECK (target_group IN (0, 1))
);

-- Staff data: only what the register needs. Read by the training coordinator and the admin
-- (every read of the list is audit-logged by the web layer).
CREATE TABLE training_employees (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  email TEXT NOT NULL UNIQUE CHECK (length(email) > 0),
  unit_id INTEGER NOT NULL REFERENCES training_units (id),
  role_id INTEGER NOT NULL REFERENCES training_roles (id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX training_employees_unit ON training_employees (unit_id);

CREATE TABLE training_courses (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  provider TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  track TEXT NOT NULL CHECK (track IN ('general', 'adults', 'children_young')),
  is_local INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
  counts INTEGER NOT NULL DEFAULT 1 CHECK (counts IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  aliases TEXT NOT NULL DEFAULT ''  -- other names, one a line
);

-- An uploaded export between upload and confirmation: its text (UTF-8) is kept only while
-- pending and cleared when it is applied or discarded.
CREATE TABLE training_imports (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  file_name TEXT NOT NULL DEFAULT '',
  encoding TEXT NOT NULL,
  content TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'discarded')),
  finished_at INTEGER NOT NULL DEFAULT 0,
  rows_added INTEGER NOT NULL DEFAULT 0,
  rows_skipped INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE training_completions (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES training_employees (id),
  course_id INTEGER NOT NULL REFERENCES training_courses (id),
  completed_on TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
  import_id INTEGER REFERENCES training_imports (id),
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  UNIQUE (employee_id, course_id, completed_on)
);
CREATE INDEX training_completions_course ON training_completions (course_id);

-- One target per scope: 'all' (the municipality) or 'department:<id>'.
CREATE TABLE training_targets (
  scope TEXT PRIMARY KEY,
  department_id INTEGER REFERENCES training_departments (id),
  share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
  due_on TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT ''
);

-- Roles: which may meet people with experience of sex for compensation is the council's
-- call; the flag is editable.
INSERT INTO training_roles (name, target_group) VALUES
  ('Socialsekreterare', 1), ('Fältassistent', 1), ('Fritidsledare', 1), ('Skolsköterska', 1),
  ('Kurator', 1), ('Lärare', 1), ('Behandlingsassistent', 1), ('Biståndshandläggare', 1),
  ('Skolpsykolog', 1), ('Enhetschef', 0), ('Administratör', 0), ('Bovärd', 0);

-- The national web courses (free of charge); other names are how learning platforms often
-- write them. Addresses as published by the providers; the coordinator can edit them.
INSERT INTO training_courses (code, name, provider, url, track, is_local, counts, active, aliases)
VALUES
  ('SOS-VUXNA', 'Sex mot ersättning – webbutbildning, inriktning vuxna', 'Socialstyrelsen',
   'https://kunskapsguiden.se/omraden-och-teman/vald-och-fortryck/sex-mot-ersattning-vuxna/',
   'adults', 0, 1, 1, 'Sex mot ersättning - vuxna' || char(10) || 'Sex mot ersättning (vuxna)'),
  ('SOS-BARN-UNGA', 'Sex mot ersättning – webbutbildning, inriktning barn och unga',
   'Socialstyrelsen',
   'https://www.socialstyrelsen.se/om-socialstyrelsen/pressrum/press/utbildningspaket-om-sex-mot-ersattning/',
   'children_young', 0, 1, 1,
   'Sex mot ersättning - barn och unga' || char(10) || 'Sex mot ersättning (barn och unga)'),
  ('NMT-MHBU', 'Människohandel med barn och unga – webbaserad introduktionsutbildning',
   'Länsstyrelserna och NMT',
   'https://www.nmtsverige.se/nyheter/2017/ny-utbildning-ska-oka-medvetenheten-kring-manniskohandel-med-barn',
   'children_young', 0, 1, 1, 'Människohandel med barn och unga'),
  ('JAMY-SEPM', 'Sexuell exploatering av barn, prostitution och människohandel – webbutbildning',
   'Jämställdhetsmyndigheten',
   'https://jamstalldhetsmyndigheten.se/aktuellt/nyheter/ny-webbutbildning-om-sexuell-exploatering-av-barn-prostitution-och-manniskohandel/',
   'general', 0, 1, 1, 'Sexuell exploatering av barn, prostitution och människohandel');
