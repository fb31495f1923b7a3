-- GS1 (issue 15). An item may carry its GTIN, always as 14 digits (GTIN-8/12/13 left-padded with
-- zeros), with a valid check digit, and at most one item per GTIN. A serial may carry the lot (AI 10)
-- and expiry (AI 17) its GS1 barcode gave when it came into being; both are optional.
create function gs1_check_digit_ok(digits text) returns boolean
    language sql immutable strict parallel safe
as $$
    -- GS1 mod 10: from the right, the check digit weighs 1, the next 3, then 1, 3, ...
    select sum(substr(digits, i, 1)::int * case when (length(digits) - i) % 2 = 1 then 3 else 1 end) % 10 = 0
    from generate_series(1, length(digits)) as i
$$;

alter table item
    add column gtin text,
    add constraint item_gtin_ck check (gtin is null or (gtin ~ '^[0-9]{14}$' and gs1_check_digit_ok(gtin))),
    add constraint item_gtin_uk unique (gtin);

alter table serial
    add column lot text,
    add column expiry date,
    -- AI (10) is at most 20 characters of GS1's set 82 (the parser checks the set)
    add constraint serial_lot_ck check (lot is null or length(lot) between 1 and 20);

create index serial_lot_ix on serial (lot, serial_key) where lot is not null;
create index serial_expiry_ix on serial (expiry, serial_key) where expiry is not null;
