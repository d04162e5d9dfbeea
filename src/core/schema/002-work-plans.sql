-- ICAT Tracker schema version 2: the Working Group's annual work plan.
-- The plan's activities are the year's action items, papers and meetings;
-- this record holds what belongs to the plan itself: whether the Working
-- Group has endorsed it, when and at which meeting.

CREATE TABLE work_plan (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  endorsed_on TEXT,
  endorsed_at TEXT REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  note TEXT
);
CREATE INDEX work_plan_year ON work_plan (year);
CREATE INDEX work_plan_endorsed_at ON work_plan (endorsed_at);
