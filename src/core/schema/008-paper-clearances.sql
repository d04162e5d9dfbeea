-- ICAT Tracker schema version 8: joint papers cleared agency by agency.
--
-- paper_clearances holds one row per agency asked to clear a paper in
-- agency review: its state (requested, cleared, cleared-with-comments,
-- objected), when that state was reached and a note. Like every nested
-- list since schema 5 its id is the one import derives from the paper's id
-- and the agency (icat_nested_id), so two laptops clearing for different
-- agencies write different rows and a merge keeps both; seq only orders
-- the list. The index on agency answers "where is this agency used?"
-- before an agency is deleted.
--
-- paper.endorsement_reason (TEXT) is the reason given for moving a paper
-- to Working Group endorsement while an agency objected. ALTER TABLE has
-- no IF NOT EXISTS, so icat-db.c skips this file where the column is
-- already there (added_columns[]), as when a database set back to an
-- older version number is migrated again.
--
-- Nothing existing changes: papers keep every row, have no clearance and
-- no reason, as a document without these fields imports.

CREATE TABLE IF NOT EXISTS paper_clearances (
  parent_id TEXT NOT NULL REFERENCES paper (id) DEFERRABLE INITIALLY DEFERRED,
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL,
  agency TEXT NOT NULL REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
  state TEXT NOT NULL,
  "on" TEXT,
  note TEXT
);
CREATE INDEX IF NOT EXISTS paper_clearances_order ON paper_clearances (parent_id, seq);
CREATE INDEX IF NOT EXISTS paper_clearances_agency ON paper_clearances (agency);

ALTER TABLE paper ADD COLUMN endorsement_reason TEXT;
