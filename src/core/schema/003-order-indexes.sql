-- ICAT Tracker schema version 3: indexes for two orders of the action
-- items. With 100,000 items, ordering by owner read every row and sorted
-- them; the acronym index lets SQLite walk the agencies in order and each
-- agency's items through the (owner, due) index, with no sort. The
-- priority rank is the expression the list orders by, so its index gives
-- that order too (the due dates within a rank are still sorted).

CREATE INDEX agency_acronym ON agency (acronym COLLATE NOCASE);
CREATE INDEX action_item_priority ON action_item (
  (CASE priority WHEN 'high' THEN 0 WHEN 'low' THEN 2 ELSE 1 END), due);
