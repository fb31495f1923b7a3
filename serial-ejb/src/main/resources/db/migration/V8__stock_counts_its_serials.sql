-- The stock invariant (V2) counted the IN_STOCK serials of a stock row at every commit that touched
-- it: O(stock), 0.2 s for 600,000 serials at one location, 0.5 s and more for a million, paid by
-- every document that touches that stock, however small. Each stock row now carries the number of
-- its serials in stock, kept by statement-level triggers on serial (one grouped upsert per
-- statement), and the invariant compares two numbers of one row.
--
-- It also holds more than before: a statement that changes serials without the stock (say, a
-- serial set SHIPPED by hand) now changes the count, so the invariant is checked for it too.

alter table stock add column in_stock_serials bigint not null default 0;
alter table stock add constraint stock_in_stock_serials_ck check (in_stock_serials >= 0);

insert into stock (item_id, location_id, in_stock_serials)
select item_id, location_id, count(*) from serial where status = 'IN_STOCK' group by item_id, location_id
on conflict (item_id, location_id) do update set in_stock_serials = excluded.in_stock_serials;

-- Rows are upserted in (item, location) order, the order in which a posting locks stock rows.
create function count_serials_in_stock() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into stock (item_id, location_id, in_stock_serials)
        select item_id, location_id, count(*) from new_rows where status = 'IN_STOCK'
        group by item_id, location_id order by item_id, location_id
        on conflict (item_id, location_id) do update set in_stock_serials = stock.in_stock_serials + excluded.in_stock_serials;
    elsif tg_op = 'UPDATE' then
        -- a negative change cannot go through INSERT ... ON CONFLICT (the check constraint sees the
        -- proposed row first): create the missing rows, then update
        insert into stock (item_id, location_id)
        select distinct item_id, location_id from new_rows where status = 'IN_STOCK'
        order by item_id, location_id
        on conflict (item_id, location_id) do nothing;
        update stock s set in_stock_serials = s.in_stock_serials + changes.n
        from (select item_id, location_id, sum(d) as n
              from (select item_id, location_id, 1 as d from new_rows where status = 'IN_STOCK'
                    union all
                    select item_id, location_id, -1 from old_rows where status = 'IN_STOCK') both_sides
              group by item_id, location_id having sum(d) <> 0) changes
        where s.item_id = changes.item_id and s.location_id = changes.location_id;
    else
        update stock s set in_stock_serials = s.in_stock_serials - gone.n
        from (select item_id, location_id, count(*) as n from old_rows where status = 'IN_STOCK'
              group by item_id, location_id) gone
        where s.item_id = gone.item_id and s.location_id = gone.location_id;
    end if;
    return null;
end;
$$;

create trigger serial_counts_on_insert after insert on serial
    referencing new table as new_rows for each statement execute function count_serials_in_stock();
create trigger serial_counts_on_update after update on serial
    referencing old table as old_rows new table as new_rows for each statement execute function count_serials_in_stock();
create trigger serial_counts_on_delete after delete on serial
    referencing old table as old_rows for each statement execute function count_serials_in_stock();

create function uncount_truncated_serials() returns trigger
    language plpgsql as
$$
begin
    update stock set in_stock_serials = 0 where in_stock_serials <> 0;
    return null;
end;
$$;

create trigger serial_counts_on_truncate after truncate on serial
    for each statement execute function uncount_truncated_serials();

-- Same rule, same message as V2; the count is now a column of the row itself.
create or replace function stock_matches_serials() returns trigger
    language plpgsql as
$$
declare
    current_quantity numeric;
    initialized      boolean;
    tracked          boolean;
    serials_here     bigint;
begin
    select s.quantity, s.serials_initialized, s.in_stock_serials into current_quantity, initialized, serials_here
    from stock s where s.item_id = new.item_id and s.location_id = new.location_id;
    select i.track_serials into tracked from item i where i.id = new.item_id;
    if not found or not tracked or not initialized then
        return null;
    end if;
    if serials_here <> current_quantity then
        raise exception 'stock_matches_serials: item % at location % has on-hand % but % serials in stock',
            new.item_id, new.location_id, current_quantity, serials_here
            using errcode = '23514', constraint = 'stock_matches_serials';
    end if;
    return null;
end;
$$;
