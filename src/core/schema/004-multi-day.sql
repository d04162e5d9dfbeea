-- ICAT Tracker schema version 4: a meeting may be marked as lasting
-- several days. Without the mark, `check` reports a meeting that ends more
-- than a day after it starts, since that is usually a mistyped end; every
-- meeting recorded before is unmarked.

ALTER TABLE meeting ADD COLUMN multi_day INTEGER NOT NULL DEFAULT 0 CHECK (multi_day IN (0, 1));
