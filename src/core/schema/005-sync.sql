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
  PRIMARY KEY (device, seq)
);
CREATE INDEX sync_journal_hlc ON sync_journal (hlc);

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
  kind TEXT NOT NULL,          -- field, deleted, orphan, restored, cleared, duplicate
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
