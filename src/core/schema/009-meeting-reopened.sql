-- ICAT Tracker schema: the day an approved meeting record was last
-- reopened. Approved minutes are read-only in the app; "Reopen Record"
-- sets the record back to circulated and notes the day here, while
-- approved_on keeps the day of the approval, so the history and the record
-- PDF can say it was approved and later reopened. Every meeting recorded
-- before was never reopened.

ALTER TABLE meeting ADD COLUMN reopened_on TEXT;
