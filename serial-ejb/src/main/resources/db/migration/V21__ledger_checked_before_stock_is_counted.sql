-- Statement triggers of one event fire in the order of their names (V9). The counts of stock (V8)
-- lock the stock rows they update, and those rows are the hottest locks of a busy item: every
-- posting of the item at that location waits for them until the holder commits. The ledger check
-- of the same statement reads only serials, history and lines, so it now runs before the counts,
-- and the rows are locked for that much less (issue 17). A statement that breaks both rules is now
-- refused for the ledger first; either refusal rolls the statement back.
alter trigger serial_2_counts_on_insert on serial rename to serial_4_counts_on_insert;
alter trigger serial_2_counts_on_update on serial rename to serial_4_counts_on_update;
alter trigger serial_2_counts_on_delete on serial rename to serial_4_counts_on_delete;
