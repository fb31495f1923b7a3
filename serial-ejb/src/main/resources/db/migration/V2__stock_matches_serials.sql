-- Rule 6 in the database: once a tracked item's stock at a location is initialised, its on-hand
-- there equals its number of IN_STOCK serials there. Checked when the transaction that changed the
-- stock row commits (deferred), against the row as it is then, so the statements of one posting may
-- pass through intermediate states. The posting service asks for the check before it returns
-- (SET CONSTRAINTS ... IMMEDIATE) so that a violation is reported inside the service.

create function stock_matches_serials() returns trigger
    language plpgsql as
$$
declare
    current_quantity numeric;
    initialized      boolean;
    tracked          boolean;
    serials_here     bigint;
begin
    select s.quantity, s.serials_initialized into current_quantity, initialized
    from stock s where s.item_id = new.item_id and s.location_id = new.location_id;
    select i.track_serials into tracked from item i where i.id = new.item_id;
    if not found or not tracked or not initialized then
        return null;
    end if;
    select count(*) into serials_here from serial s
    where s.item_id = new.item_id and s.location_id = new.location_id and s.status = 'IN_STOCK';
    if serials_here <> current_quantity then
        raise exception 'stock_matches_serials: item % at location % has on-hand % but % serials in stock',
            new.item_id, new.location_id, current_quantity, serials_here
            using errcode = '23514', constraint = 'stock_matches_serials';
    end if;
    return null;
end;
$$;

create constraint trigger stock_matches_serials
    after insert or update on stock
    deferrable initially deferred
    for each row execute function stock_matches_serials();

-- lists of serials filtered by location without an item
create index serial_location_ix on serial (location_id, serial_key) where location_id is not null;
