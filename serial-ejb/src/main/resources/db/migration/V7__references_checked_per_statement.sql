-- Posting 100,000 serials wrote 100,000 serial rows and 100,000 history rows, and each of their
-- seven foreign keys checked each row on its own: 700,000 lookups of the same few item, location,
-- document and line rows, about half the time of a large receipt. The references to master data
-- (item, location, document, line) are now checked once per statement, over all rows the
-- statement wrote, by the triggers below; they stay enforced in the database, for every writer.
-- serial_history.serial_id keeps its foreign key (its rows are as many as the serials).
--
-- What a foreign key does, and where it now is:
--   the referenced row must exist         -> check_*_references (after insert/update, per statement)
--   it cannot be deleted while referenced -> the referencing statement locks it FOR KEY SHARE, as a
--                                            foreign key does; refuse_deleting_referenced checks
--                                            deletes; refuse_rekeying_referenced key changes;
--                                            refuse_truncating_referenced TRUNCATE
-- A delete runs its check after waiting for the lock, with a snapshot of its own, which is exact
-- under READ COMMITTED (the application's isolation level). Under REPEATABLE READ or SERIALIZABLE
-- a delete's snapshot could miss a reference committed meanwhile, so there such deletes are
-- refused outright. The application never deletes items, locations, documents or lines.

alter table serial drop constraint serial_item_id_fkey;
alter table serial drop constraint serial_location_id_fkey;
alter table serial drop constraint serial_last_transaction_id_fkey;
alter table serial_history drop constraint serial_history_location_id_fkey;
alter table serial_history drop constraint serial_history_transaction_id_fkey;
alter table serial_history drop constraint serial_history_line_id_fkey;

create function check_serial_references() returns trigger
    language plpgsql as
$$
declare
    items     bigint[];
    locations bigint[];
    documents bigint[];
    missing   bigint;
begin
    select array_agg(distinct item_id),
           array_agg(distinct location_id) filter (where location_id is not null),
           array_agg(distinct last_transaction_id) filter (where last_transaction_id is not null)
    into items, locations, documents
    from new_rows;
    -- each referenced row locked FOR KEY SHARE (as a foreign key does) and counted in one query;
    -- only when one is missing, a second query names it
    if (select count(*) from (select 1 from item where id = any (items) order by id for key share) k)
        < cardinality(items) then
        select x into missing from unnest(items) x where not exists (select 1 from item i where i.id = x) limit 1;
        raise exception 'insert or update on table "serial" violates foreign key constraint "serial_item_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'serial_item_id_fkey',
                detail = format('Key (item_id)=(%s) is not present in table "item".', missing);
    end if;
    if (select count(*) from (select 1 from location where id = any (locations) order by id for key share) k)
        < cardinality(locations) then
        select x into missing from unnest(locations) x where not exists (select 1 from location l where l.id = x) limit 1;
        raise exception 'insert or update on table "serial" violates foreign key constraint "serial_location_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'serial_location_id_fkey',
                detail = format('Key (location_id)=(%s) is not present in table "location".', missing);
    end if;
    if (select count(*) from (select 1 from inventory_transaction where id = any (documents) order by id for key share) k)
        < cardinality(documents) then
        select x into missing from unnest(documents) x
        where not exists (select 1 from inventory_transaction t where t.id = x) limit 1;
        raise exception 'insert or update on table "serial" violates foreign key constraint "serial_last_transaction_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'serial_last_transaction_id_fkey',
                detail = format('Key (last_transaction_id)=(%s) is not present in table "inventory_transaction".', missing);
    end if;
    return null;
end;
$$;

-- transition tables allow one event per trigger
create trigger serial_references_on_insert after insert on serial
    referencing new table as new_rows for each statement execute function check_serial_references();
create trigger serial_references_on_update after update on serial
    referencing new table as new_rows for each statement execute function check_serial_references();

-- A history row's line must be a line of the row's document: one check does what the two keys
-- line_id -> transaction_line and transaction_id -> inventory_transaction did, and more (the
-- line's own foreign key keeps its document).
create function check_serial_history_references() returns trigger
    language plpgsql as
$$
declare
    locations bigint[];
    lines     bigint[];
    pairs     bigint;
    missing   text;
begin
    select array_agg(distinct location_id), array_agg(distinct line_id), count(distinct (line_id, transaction_id))
    into locations, lines, pairs
    from new_rows;
    if (select count(*) from (select 1 from location where id = any (locations) order by id for key share) k)
        < cardinality(locations) then
        select x::text into missing from unnest(locations) x where not exists (select 1 from location l where l.id = x) limit 1;
        raise exception 'insert or update on table "serial_history" violates foreign key constraint "serial_history_location_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'serial_history_location_id_fkey',
                detail = format('Key (location_id)=(%s) is not present in table "location".', missing);
    end if;
    -- every (line, document) pair must be a line of that document: lines locked and matched at once
    if (select count(*) from (select 1 from transaction_line l
                              where l.id = any (lines)
                                and exists (select 1 from new_rows n where n.line_id = l.id and n.transaction_id = l.transaction_id)
                              order by l.id for key share) k) < pairs then
        select n.line_id || ', ' || n.transaction_id into missing
        from (select distinct line_id, transaction_id from new_rows) n
        where not exists (select 1 from transaction_line l where l.id = n.line_id and l.transaction_id = n.transaction_id)
        limit 1;
        raise exception 'insert or update on table "serial_history" violates foreign key constraint "serial_history_line_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'serial_history_line_fkey',
                detail = format('Key (line_id, transaction_id)=(%s) is not present in table "transaction_line".', missing);
    end if;
    return null;
end;
$$;

create trigger serial_history_references_on_insert after insert on serial_history
    referencing new table as new_rows for each statement execute function check_serial_history_references();
create trigger serial_history_references_on_update after update on serial_history
    referencing new table as new_rows for each statement execute function check_serial_history_references();

-- The referenced side: rows that serial data points to cannot be deleted, re-keyed or truncated.
create function refuse_deleting_referenced() returns trigger
    language plpgsql as
$$
declare
    referenced boolean;
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'rows of "%" are deleted only under READ COMMITTED (serial data may refer to them)', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
    referenced := case tg_table_name
        when 'item' then exists (select 1 from serial s where s.item_id in (select id from old_rows))
        when 'location' then exists (select 1 from serial s where s.location_id in (select id from old_rows))
            or exists (select 1 from serial_history h where h.location_id in (select id from old_rows))
        when 'inventory_transaction' then
            exists (select 1 from serial s where s.last_transaction_id in (select id from old_rows))
        when 'transaction_line' then exists (select 1 from serial_history h where h.line_id in (select id from old_rows))
        end;
    if referenced then
        raise exception 'delete on table "%" violates a foreign key: serial data refers to the rows', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end;
$$;

create function refuse_rekeying_referenced() returns trigger
    language plpgsql as
$$
declare
    referenced boolean;
begin
    referenced := case tg_table_name
        when 'item' then exists (select 1 from serial s where s.item_id = old.id)
        when 'location' then exists (select 1 from serial s where s.location_id = old.id)
            or exists (select 1 from serial_history h where h.location_id = old.id)
        when 'inventory_transaction' then exists (select 1 from serial s where s.last_transaction_id = old.id)
        when 'transaction_line' then exists (select 1 from serial_history h where h.line_id = old.id)
        end;
    if referenced then
        raise exception 'update on table "%" violates a foreign key: serial data refers to the key of row %', tg_table_name,
            old.id using errcode = 'foreign_key_violation';
    end if;
    return new;
end;
$$;

create function refuse_truncating_referenced() returns trigger
    language plpgsql as
$$
declare
    referenced boolean;
begin
    -- after the truncation of every table of the statement: what refers here must be gone too
    referenced := case tg_table_name
        when 'item' then exists (select 1 from serial)
        when 'location' then exists (select 1 from serial where location_id is not null)
            or exists (select 1 from serial_history)
        when 'inventory_transaction' then exists (select 1 from serial where last_transaction_id is not null)
        when 'transaction_line' then exists (select 1 from serial_history)
        end;
    if referenced then
        raise exception 'cannot truncate table "%": serial data refers to it', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end;
$$;

create trigger item_referenced_by_serials after delete on item
    referencing old table as old_rows for each statement execute function refuse_deleting_referenced();
create trigger location_referenced_by_serials after delete on location
    referencing old table as old_rows for each statement execute function refuse_deleting_referenced();
create trigger inventory_transaction_referenced_by_serials after delete on inventory_transaction
    referencing old table as old_rows for each statement execute function refuse_deleting_referenced();
create trigger transaction_line_referenced_by_serials after delete on transaction_line
    referencing old table as old_rows for each statement execute function refuse_deleting_referenced();

create trigger item_key_referenced_by_serials before update of id on item
    for each row when (new.id is distinct from old.id) execute function refuse_rekeying_referenced();
create trigger location_key_referenced_by_serials before update of id on location
    for each row when (new.id is distinct from old.id) execute function refuse_rekeying_referenced();
create trigger inventory_transaction_key_referenced_by_serials before update of id on inventory_transaction
    for each row when (new.id is distinct from old.id) execute function refuse_rekeying_referenced();
create trigger transaction_line_key_referenced_by_serials before update of id, transaction_id on transaction_line
    for each row when (new.id is distinct from old.id or new.transaction_id is distinct from old.transaction_id)
    execute function refuse_rekeying_referenced();

create trigger item_truncate_referenced_by_serials after truncate on item
    for each statement execute function refuse_truncating_referenced();
create trigger location_truncate_referenced_by_serials after truncate on location
    for each statement execute function refuse_truncating_referenced();
create trigger inventory_transaction_truncate_referenced_by_serials after truncate on inventory_transaction
    for each statement execute function refuse_truncating_referenced();
create trigger transaction_line_truncate_referenced_by_serials after truncate on transaction_line
    for each statement execute function refuse_truncating_referenced();

-- No query looks history up by line; a document's view and its cancellation look it up by document
-- (where transaction_id = ?), which had no index. Same number of indexes, one that is used.
drop index serial_history_line_ix;
create index serial_history_transaction_ix on serial_history (transaction_id);
