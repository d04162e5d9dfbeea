-- ICAT Tracker schema version 10: carried agenda items and what a meeting
-- heard reported.
--
-- An agenda item may be marked to continue at the next meeting; "Plan Next
-- Meeting" carries the marked items into the new agenda. Every agenda item
-- recorded before is unmarked.
--
-- A meeting's page lists the action items whose status changed on the
-- meeting's days: action_item_history is looked up by the time of the
-- change, a few days out of years of history.

ALTER TABLE meeting_agenda ADD COLUMN continue_next INTEGER NOT NULL DEFAULT 0 CHECK (continue_next IN (0, 1));

CREATE INDEX IF NOT EXISTS action_item_history_at ON action_item_history (at);
