-- Warranty (issue 14): an item may give its units a warranty of so many days, which starts when a
-- unit is first shipped. Computed from the history when a serial is read; nothing else is stored.
alter table item
    add column warranty_days integer,
    add constraint item_warranty_days_ck check (warranty_days is null or warranty_days between 1 and 36500);
