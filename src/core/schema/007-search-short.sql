-- ICAT Tracker schema version 7: an index of one- and two-character
-- terms, so "t", "tr", 会 and 会议 are looked up instead of scanning every
-- search document.
--
-- search_short indexes search_doc as search_fts does, with the
-- icat_short tokenizer (src/core/icat-search-tokenizer.c, registered on
-- every connection by icat-db.c): each character and each pair of
-- neighbouring characters, folded to lower case. detail = column keeps
-- which column a gram is in (titles rank first) and no positions, which a
-- single-token term never needs. Like search_doc it is derived on each
-- laptop from its records: never journaled, exported or exchanged. Written
-- to run again over itself (IF NOT EXISTS, a rebuild), as a database set
-- back to an older version number is migrated again.

CREATE VIRTUAL TABLE IF NOT EXISTS search_short USING fts5 (
  title, body, content = 'search_doc', content_rowid = 'rowid',
  tokenize = 'icat_short', detail = column
);

CREATE TRIGGER IF NOT EXISTS search_doc_short_ai AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_short (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS search_doc_short_ad AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_short (search_short, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS search_doc_short_au AFTER UPDATE ON search_doc BEGIN
  INSERT INTO search_short (search_short, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO search_short (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;

INSERT INTO search_short (search_short) VALUES ('rebuild');
