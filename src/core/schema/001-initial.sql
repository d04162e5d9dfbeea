-- ICAT Tracker schema version 1.
-- Every table the exchange format describes (doc/exchange-format.md); column
-- names are the format's field names. Child tables are "<parent>_<field>"
-- keyed by (parent_id, seq); link tables are "<owner>_<field>" keyed by
-- (owner_id, target_id). References are deferred so a whole import or a
-- replaced nested list is checked at commit, not row by row.

CREATE TABLE agency (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  acronym TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  successor TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  website TEXT,
  note TEXT
);

CREATE TABLE agency_memberships (
  parent_id TEXT NOT NULL REFERENCES agency (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  "from" TEXT NOT NULL,
  "to" TEXT,
  note TEXT,
  PRIMARY KEY (parent_id, seq)
);

CREATE TABLE agency_focal_points (
  parent_id TEXT NOT NULL REFERENCES agency (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  title TEXT,
  email TEXT,
  phone TEXT,
  PRIMARY KEY (parent_id, seq)
);

CREATE TABLE chair_term (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  year INTEGER NOT NULL,
  note TEXT
);
CREATE INDEX chair_term_year ON chair_term (year);

CREATE TABLE chair_term_agencies (
  owner_id TEXT NOT NULL REFERENCES chair_term (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX chair_term_agencies_target ON chair_term_agencies (target_id);

CREATE TABLE meeting (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  date_precision TEXT NOT NULL,
  timezone TEXT NOT NULL,
  venue TEXT,
  host TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  record_status TEXT,
  circulated_on TEXT,
  approved_on TEXT,
  note TEXT
);
CREATE INDEX meeting_starts_at ON meeting (starts_at);
CREATE INDEX meeting_host ON meeting (host);

CREATE TABLE meeting_chairs (
  owner_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX meeting_chairs_target ON meeting_chairs (target_id);

CREATE TABLE meeting_agenda (
  parent_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  presenter TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  minutes TEXT,
  PRIMARY KEY (parent_id, seq)
);

CREATE TABLE meeting_agenda_mandates (
  owner_id TEXT NOT NULL REFERENCES meeting_agenda (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES mandate (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX meeting_agenda_mandates_target ON meeting_agenda_mandates (target_id);

CREATE TABLE meeting_decisions (
  parent_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (parent_id, seq)
);

CREATE TABLE meeting_attendance (
  parent_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  agency TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  present INTEGER NOT NULL,
  delegates TEXT,
  PRIMARY KEY (parent_id, seq)
);
CREATE INDEX meeting_attendance_agency ON meeting_attendance (agency);

CREATE TABLE meeting_invited (
  parent_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  attended INTEGER,
  PRIMARY KEY (parent_id, seq)
);

CREATE TABLE meeting_attachments (
  parent_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  uri TEXT NOT NULL,
  PRIMARY KEY (parent_id, seq)
);

CREATE TABLE paper (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  kind TEXT NOT NULL,
  number TEXT,
  title TEXT NOT NULL,
  year INTEGER,
  published_on TEXT,
  target_date TEXT,
  status TEXT NOT NULL,
  link TEXT,
  note TEXT
);
CREATE INDEX paper_year ON paper (year);
CREATE INDEX paper_status ON paper (status);

CREATE TABLE paper_lead_agencies (
  owner_id TEXT NOT NULL REFERENCES paper (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX paper_lead_agencies_target ON paper_lead_agencies (target_id);

CREATE TABLE paper_contributing_agencies (
  owner_id TEXT NOT NULL REFERENCES paper (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX paper_contributing_agencies_target ON paper_contributing_agencies (target_id);

CREATE TABLE paper_mandates (
  owner_id TEXT NOT NULL REFERENCES paper (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES mandate (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX paper_mandates_target ON paper_mandates (target_id);

CREATE TABLE mandate (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  document TEXT NOT NULL,
  paragraph TEXT NOT NULL,
  text TEXT NOT NULL,
  addressee TEXT NOT NULL,
  pillar TEXT NOT NULL,
  note TEXT
);
CREATE INDEX mandate_document ON mandate (document, paragraph);
CREATE INDEX mandate_pillar ON mandate (pillar);

CREATE TABLE action_item (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  owner TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  starts TEXT,
  due TEXT,
  status TEXT NOT NULL,
  priority TEXT,
  meeting TEXT REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  agenda_item TEXT REFERENCES meeting_agenda (id) DEFERRABLE INITIALLY DEFERRED,
  completion_note TEXT
);
CREATE INDEX action_item_owner ON action_item (owner, due);
CREATE INDEX action_item_status ON action_item (status, due);
CREATE INDEX action_item_due ON action_item (due);
CREATE INDEX action_item_meeting ON action_item (meeting);
CREATE INDEX action_item_agenda_item ON action_item (agenda_item);
CREATE INDEX action_item_title ON action_item (title);
CREATE INDEX action_item_updated_at ON action_item (updated_at);

CREATE TABLE action_item_supporting (
  owner_id TEXT NOT NULL REFERENCES action_item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX action_item_supporting_target ON action_item_supporting (target_id);

CREATE TABLE action_item_mandates (
  owner_id TEXT NOT NULL REFERENCES action_item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES mandate (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
CREATE INDEX action_item_mandates_target ON action_item_mandates (target_id);

CREATE TABLE action_item_history (
  parent_id TEXT NOT NULL REFERENCES action_item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  by TEXT,
  PRIMARY KEY (parent_id, seq)
);

-- Full-text search. search_doc holds one row per record (its titles and
-- searchable text); search_fts indexes it with trigrams so Chinese is found
-- by substring. Both are derived from the record tables and rebuilt by the
-- store; merging laptops never exchanges them.
CREATE TABLE search_doc (
  rowid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_fts USING fts5 (
  title, body, content = 'search_doc', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
