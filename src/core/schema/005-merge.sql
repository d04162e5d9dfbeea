-- ICAT Tracker schema version 5: rows that merge, and the journal, clocks
-- and conflicts of merging laptops (at the end).
-- Laptops that exchange changes must agree which row a change is about.
-- A nested row was keyed by its place in its list, (parent_id, seq), so
-- inserting an agenda item renumbered every item after it; now each has an
-- id that never moves (agenda items and decisions keep their own; the
-- others get the id import derives, a UUIDv5 of the parent's id, the list
-- and the row's natural key: the SQL function icat_nested_id, registered by
-- icat-db.c) and seq only orders the list. parent_id stays the first
-- column: the change journal reads column 0 as the record a row belongs to.
--
-- No ON DELETE CASCADE is left: SQLite 3.40 fires cascades while applying
-- another laptop's changes, which would silently remove local work under a
-- deleted record. The store deletes a record's rows itself.
--
-- Each table is rebuilt as sqlite.org/lang_altertable.html ("Making Other
-- Kinds Of Table Schema Changes") describes: new table, copy, drop,
-- rename. icat-db.c runs this with foreign keys off and checks them all
-- before the transaction commits.


CREATE TABLE agency_memberships_new (
  parent_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  "from" TEXT NOT NULL,
  "to" TEXT,
  note TEXT
);
INSERT INTO agency_memberships_new (parent_id, id, seq, role, "from", "to", note)
  SELECT parent_id,
         icat_nested_id (parent_id, 'memberships', role || '/' || "from" || CASE WHEN n > 1 THEN '#' || n ELSE '' END),
         seq, role, "from", "to", note
  FROM (SELECT *, row_number () OVER (PARTITION BY parent_id, role, "from" ORDER BY seq) AS n
        FROM agency_memberships);
DROP TABLE agency_memberships;
ALTER TABLE agency_memberships_new RENAME TO agency_memberships;
CREATE INDEX agency_memberships_order ON agency_memberships (parent_id, seq);

CREATE TABLE agency_focal_points_new (
  parent_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  title TEXT,
  email TEXT,
  phone TEXT
);
INSERT INTO agency_focal_points_new (parent_id, id, seq, name, title, email, phone)
  SELECT parent_id,
         icat_nested_id (parent_id, 'focal_points', name || CASE WHEN n > 1 THEN '#' || n ELSE '' END),
         seq, name, title, email, phone
  FROM (SELECT *, row_number () OVER (PARTITION BY parent_id, name ORDER BY seq) AS n
        FROM agency_focal_points);
DROP TABLE agency_focal_points;
ALTER TABLE agency_focal_points_new RENAME TO agency_focal_points;
CREATE INDEX agency_focal_points_order ON agency_focal_points (parent_id, seq);

CREATE TABLE meeting_agenda_new (
  parent_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  presenter TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  minutes TEXT
);
INSERT INTO meeting_agenda_new (parent_id, id, seq, position, title, presenter, minutes)
  SELECT parent_id, id, seq, position, title, presenter, minutes FROM meeting_agenda;
DROP TABLE meeting_agenda;
ALTER TABLE meeting_agenda_new RENAME TO meeting_agenda;
CREATE INDEX meeting_agenda_order ON meeting_agenda (parent_id, seq);

CREATE TABLE meeting_decisions_new (
  parent_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL
);
INSERT INTO meeting_decisions_new (parent_id, id, seq, number, text)
  SELECT parent_id, id, seq, number, text FROM meeting_decisions;
DROP TABLE meeting_decisions;
ALTER TABLE meeting_decisions_new RENAME TO meeting_decisions;
CREATE INDEX meeting_decisions_order ON meeting_decisions (parent_id, seq);

CREATE TABLE meeting_attendance_new (
  parent_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  agency TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  present INTEGER NOT NULL,
  delegates TEXT
);
INSERT INTO meeting_attendance_new (parent_id, id, seq, agency, present, delegates)
  SELECT parent_id,
         icat_nested_id (parent_id, 'attendance', agency || CASE WHEN n > 1 THEN '#' || n ELSE '' END),
         seq, agency, present, delegates
  FROM (SELECT *, row_number () OVER (PARTITION BY parent_id, agency ORDER BY seq) AS n
        FROM meeting_attendance);
DROP TABLE meeting_attendance;
ALTER TABLE meeting_attendance_new RENAME TO meeting_attendance;
CREATE INDEX meeting_attendance_order ON meeting_attendance (parent_id, seq);
CREATE INDEX meeting_attendance_agency ON meeting_attendance (agency);

CREATE TABLE meeting_invited_new (
  parent_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  attended INTEGER
);
INSERT INTO meeting_invited_new (parent_id, id, seq, name, kind, attended)
  SELECT parent_id,
         icat_nested_id (parent_id, 'invited', kind || '/' || name || CASE WHEN n > 1 THEN '#' || n ELSE '' END),
         seq, name, kind, attended
  FROM (SELECT *, row_number () OVER (PARTITION BY parent_id, kind, name ORDER BY seq) AS n
        FROM meeting_invited);
DROP TABLE meeting_invited;
ALTER TABLE meeting_invited_new RENAME TO meeting_invited;
CREATE INDEX meeting_invited_order ON meeting_invited (parent_id, seq);

CREATE TABLE meeting_attachments_new (
  parent_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  uri TEXT NOT NULL
);
INSERT INTO meeting_attachments_new (parent_id, id, seq, title, uri)
  SELECT parent_id,
         icat_nested_id (parent_id, 'attachments', uri || CASE WHEN n > 1 THEN '#' || n ELSE '' END),
         seq, title, uri
  FROM (SELECT *, row_number () OVER (PARTITION BY parent_id, uri ORDER BY seq) AS n
        FROM meeting_attachments);
DROP TABLE meeting_attachments;
ALTER TABLE meeting_attachments_new RENAME TO meeting_attachments;
CREATE INDEX meeting_attachments_order ON meeting_attachments (parent_id, seq);

CREATE TABLE action_item_history_new (
  parent_id TEXT NOT NULL REFERENCES action_item (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  by TEXT
);
INSERT INTO action_item_history_new (parent_id, id, seq, status, at, by)
  SELECT parent_id,
         icat_nested_id (parent_id, 'history', status || '/' || at || CASE WHEN n > 1 THEN '#' || n ELSE '' END),
         seq, status, at, by
  FROM (SELECT *, row_number () OVER (PARTITION BY parent_id, status, at ORDER BY seq) AS n
        FROM action_item_history);
DROP TABLE action_item_history;
ALTER TABLE action_item_history_new RENAME TO action_item_history;
CREATE INDEX action_item_history_order ON action_item_history (parent_id, seq);

CREATE TABLE chair_term_agencies_new (
  owner_id TEXT NOT NULL REFERENCES chair_term (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO chair_term_agencies_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM chair_term_agencies;
DROP TABLE chair_term_agencies;
ALTER TABLE chair_term_agencies_new RENAME TO chair_term_agencies;
CREATE INDEX chair_term_agencies_target ON chair_term_agencies (target_id);

CREATE TABLE meeting_chairs_new (
  owner_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO meeting_chairs_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM meeting_chairs;
DROP TABLE meeting_chairs;
ALTER TABLE meeting_chairs_new RENAME TO meeting_chairs;
CREATE INDEX meeting_chairs_target ON meeting_chairs (target_id);

CREATE TABLE meeting_agenda_mandates_new (
  owner_id TEXT NOT NULL REFERENCES meeting_agenda (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES mandate (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO meeting_agenda_mandates_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM meeting_agenda_mandates;
DROP TABLE meeting_agenda_mandates;
ALTER TABLE meeting_agenda_mandates_new RENAME TO meeting_agenda_mandates;
CREATE INDEX meeting_agenda_mandates_target ON meeting_agenda_mandates (target_id);

CREATE TABLE paper_lead_agencies_new (
  owner_id TEXT NOT NULL REFERENCES paper (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO paper_lead_agencies_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM paper_lead_agencies;
DROP TABLE paper_lead_agencies;
ALTER TABLE paper_lead_agencies_new RENAME TO paper_lead_agencies;
CREATE INDEX paper_lead_agencies_target ON paper_lead_agencies (target_id);

CREATE TABLE paper_contributing_agencies_new (
  owner_id TEXT NOT NULL REFERENCES paper (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO paper_contributing_agencies_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM paper_contributing_agencies;
DROP TABLE paper_contributing_agencies;
ALTER TABLE paper_contributing_agencies_new RENAME TO paper_contributing_agencies;
CREATE INDEX paper_contributing_agencies_target ON paper_contributing_agencies (target_id);

CREATE TABLE paper_mandates_new (
  owner_id TEXT NOT NULL REFERENCES paper (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES mandate (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO paper_mandates_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM paper_mandates;
DROP TABLE paper_mandates;
ALTER TABLE paper_mandates_new RENAME TO paper_mandates;
CREATE INDEX paper_mandates_target ON paper_mandates (target_id);

CREATE TABLE action_item_supporting_new (
  owner_id TEXT NOT NULL REFERENCES action_item (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO action_item_supporting_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM action_item_supporting;
DROP TABLE action_item_supporting;
ALTER TABLE action_item_supporting_new RENAME TO action_item_supporting;
CREATE INDEX action_item_supporting_target ON action_item_supporting (target_id);

CREATE TABLE action_item_mandates_new (
  owner_id TEXT NOT NULL REFERENCES action_item (id) DEFERRABLE INITIALLY DEFERRED,
  target_id TEXT NOT NULL REFERENCES mandate (id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, target_id)
);
INSERT INTO action_item_mandates_new (owner_id, target_id, position)
  SELECT owner_id, target_id, position FROM action_item_mandates;
DROP TABLE action_item_mandates;
ALTER TABLE action_item_mandates_new RENAME TO action_item_mandates;
CREATE INDEX action_item_mandates_target ON action_item_mandates (target_id);


-- Merging laptops: this copy's place in its group. None of these tables is
-- journaled or exported: they describe how this copy's records came to be,
-- and each laptop derives the same conflicts from the same changes.

-- Every change this copy holds, its own (device = this laptop's id, to be
-- published) and those applied from other laptops, in each device's order.
CREATE TABLE sync_journal (
  device TEXT NOT NULL,
  seq INTEGER NOT NULL,
  hlc INTEGER NOT NULL,        -- hybrid logical clock: milliseconds << 16 | counter
  made_at TEXT NOT NULL,
  changeset BLOB NOT NULL,
  resolves TEXT,               -- JSON array of the conflicts the change closed
  deps TEXT,                   -- JSON object: what its laptop had applied of others (device → seq)
  PRIMARY KEY (device, seq)
);
CREATE INDEX sync_journal_hlc ON sync_journal (hlc);

-- The newest change of each laptop in the journal, so a save does not
-- scan the whole journal to say what it depends on.
CREATE TABLE sync_applied (
  device TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL
);
CREATE TRIGGER sync_journal_applied AFTER INSERT ON sync_journal BEGIN
  INSERT INTO sync_applied (device, seq) VALUES (new.device, new.seq)
    ON CONFLICT DO UPDATE SET seq = max (seq, excluded.seq);
END;

-- The clock of the last write of each column of each row; col -1 is the
-- row's creation, and stands for every column not written since.
CREATE TABLE sync_clock (
  tbl TEXT NOT NULL,
  pk TEXT NOT NULL,
  col INTEGER NOT NULL,
  hlc INTEGER NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID;

-- Deleted rows, as they were: a newer re-creation beats the deletion, and
-- a record other rows still need can be brought back.
CREATE TABLE sync_tombstone (
  tbl TEXT NOT NULL,
  pk TEXT NOT NULL,
  hlc INTEGER NOT NULL,
  device TEXT NOT NULL,
  row_values TEXT NOT NULL,    -- JSON array, in column order
  PRIMARY KEY (tbl, pk)
) WITHOUT ROWID;

-- Clashes kept for a person. The id is derived from the losing change, so
-- every laptop names a clash alike, and a resolution from another laptop
-- closes it even before the clash itself arrives.
CREATE TABLE sync_conflict (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,          -- field, deleted, orphan, restored, cleared, duplicate, approved
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  pk TEXT NOT NULL,
  col INTEGER NOT NULL,
  field TEXT NOT NULL,
  kept_value TEXT,
  kept_hlc INTEGER,
  kept_device TEXT,
  lost_value TEXT,
  lost_hlc INTEGER,
  lost_device TEXT,
  found_at TEXT NOT NULL,
  resolved_at TEXT
);
CREATE INDEX sync_conflict_field ON sync_conflict (tbl, pk, col);
CREATE INDEX sync_conflict_record ON sync_conflict (record_kind, record_id);

-- The other laptops as their state files in the folder describe them.
CREATE TABLE sync_device (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  applied TEXT,                -- JSON object: device id → highest seq applied
  published INTEGER,
  seen_at TEXT
);

-- group, folder, device_name.
CREATE TABLE sync_setting (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

-- Files in the folder that were not applied, and why.
CREATE TABLE sync_file_problem (
  path TEXT PRIMARY KEY NOT NULL,
  refused INTEGER NOT NULL,    -- 1: refused for good; 0: waiting (newer schema)
  reason TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
