-- ICAT Tracker schema version 6: which journal entries touched which
-- record, so a record's History reads its own few entries instead of
-- decoding every changeset of years of journal.
--
-- Filled where an entry is journaled (this laptop's in
-- _icat_sync_journal_local, other laptops' where they are applied), and
-- here from the journal so far: icat_journal_records (changeset) is the
-- JSON array of the [kind, id] pairs a changeset touched, registered by
-- icat-db.c (src/core/sync/icat-sync-history.c). Like the journal it
-- describes, it is neither journaled nor exported; a snapshot replaces it
-- with the journal.

CREATE TABLE sync_journal_record (
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  device TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (kind, record_id, device, seq)
) WITHOUT ROWID;

INSERT OR IGNORE INTO sync_journal_record (kind, record_id, device, seq)
  SELECT json_extract (r.value, '$[0]'), json_extract (r.value, '$[1]'), j.device, j.seq
  FROM sync_journal AS j, json_each (icat_journal_records (j.changeset)) AS r;
