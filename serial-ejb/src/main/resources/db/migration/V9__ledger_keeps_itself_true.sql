-- The ledger keeps itself true, whoever writes: the application, a migration, or a person with psql.
-- Until now "consumed serials never return", "restock takes back only shipped serials of that item"
-- and "an untracked item has no serial in stock" lived only in Java, and a serial's status could be
-- changed without a history row. From here on:
--
--   1. A serial's status and location change only together with its history, in the same statement:
--      after every statement that writes serials or history, each serial it touched is checked
--      against its history (the sum of the quantities is 1 while IN_STOCK and 0 otherwise, the
--      latest row says where it is and why it is not), and each change of status is one of the
--      transitions of the table below, with the history row that makes it. A consumed serial comes
--      back only with the reversal of its consumption (a cancelled build).
--   2. A history row belongs to a line of the serial's own item (restock takes back only serials of
--      the item on the line).
--   3. History is append-only: never updated, deleted only together with its serial (cancelling the
--      document that created the serial).
--   4. A serial's number and item never change.
--   5. An untracked item has no serial in stock; a tracked item's initialised stock rows hold as many
--      serials as their on-hand (checked when an item's tracking changes, at commit).
--
-- The checks are set-wise, one index probe per serial touched, with nested loops forced: a
-- transition table has no statistics and a hash join against 10 million serials would be slow.

-- ---------------------------------------------------------------------------------------------
-- Rules 1 and 2: serials and their history agree
-- ---------------------------------------------------------------------------------------------

-- The transitions a serial may make, and the history row that must come with each: the last row
-- written for the serial (type, quantity, reversal). A new serial arrives IN_STOCK (from = null).
create table serial_transition (
    from_status  text,
    to_status    text     not null,
    history_type text     not null,
    quantity     smallint not null,
    reversal     boolean  not null,
    meaning      text     not null,
    constraint serial_transition_uk unique nulls not distinct (from_status, to_status, history_type, quantity, reversal)
);
insert into serial_transition values
    (null,       'IN_STOCK', 'RECEIVE',     1,  false, 'received'),
    (null,       'IN_STOCK', 'BUILD',       1,  false, 'built'),
    (null,       'IN_STOCK', 'WORKBUILD',   1,  false, 'built by a work order'),
    (null,       'IN_STOCK', 'ADJUST',      1,  false, 'found by an adjustment or loaded for existing stock'),
    ('IN_STOCK', 'IN_STOCK', 'MOVEIN',      1,  false, 'moved'),
    ('IN_STOCK', 'IN_STOCK', 'MOVEOUT',     1,  true,  'move cancelled'),
    ('IN_STOCK', 'SHIPPED',  'SHIP',        -1, false, 'shipped'),
    ('IN_STOCK', 'SHIPPED',  'RETURN',      -1, true,  'restock cancelled'),
    ('IN_STOCK', 'CONSUMED', 'CONSUME',     -1, false, 'consumed by a build'),
    ('IN_STOCK', 'CONSUMED', 'WORKCONSUME', -1, false, 'consumed by a work order'),
    ('IN_STOCK', 'REMOVED',  'ADJUST',      -1, false, 'written off'),
    ('IN_STOCK', 'REMOVED',  'ADJUST',      -1, true,  'finding cancelled'),
    -- a cancelled arrival deletes the serials it created, unless other (cancelled) documents wrote
    -- their history too: then the serial stays, out of stock, with all its history
    ('IN_STOCK', 'REMOVED',  'RECEIVE',     -1, true,  'receipt cancelled'),
    ('IN_STOCK', 'REMOVED',  'BUILD',       -1, true,  'build cancelled'),
    ('IN_STOCK', 'REMOVED',  'WORKBUILD',   -1, true,  'work order cancelled'),
    ('SHIPPED',  'IN_STOCK', 'RETURN',      1,  false, 'restocked'),
    ('SHIPPED',  'IN_STOCK', 'SHIP',        1,  true,  'shipment cancelled'),
    ('CONSUMED', 'IN_STOCK', 'CONSUME',     1,  true,  'build cancelled'),
    ('CONSUMED', 'IN_STOCK', 'WORKCONSUME', 1,  true,  'work order cancelled'),
    ('REMOVED',  'IN_STOCK', 'ADJUST',      1,  false, 'found again'),
    ('REMOVED',  'IN_STOCK', 'ADJUST',      1,  true,  'write-off cancelled');

-- The allowed transitions as one text key each, for a hashed lookup: from>to>type>quantity>reversal,
-- with NEW for a new serial and * for "from any status" (a history row checked without the serial's
-- change).
create view serial_transition_key as
select coalesce(from_status, 'NEW') || '>' || to_status || '>' || history_type || '>' || quantity || '>' || reversal as k
from serial_transition
union
select '*>' || to_status || '>' || history_type || '>' || quantity || '>' || reversal
from serial_transition;

-- The state a serial's history gives it, compared with the serial row. Returns the first serial
-- of `ids` (with old statuses `old_statuses` when changed by an UPDATE, else nulls) that disagrees,
-- with the reason; nothing when all agree. One index probe of the serial and one of its history per
-- serial (lateral: never a hash join against millions of rows).
create function serial_ledger_disagreement(ids bigint[], old_statuses text[], new_serials boolean)
    returns table (serial text, reason text)
    language sql stable
as
$$
select s.serial,
       case
           when h.total is null then 'has no history'
           when h.total <> case when s.status = 'IN_STOCK' then 1 else 0 end then
               'is ' || s.status || ' but its history adds up to ' || h.total
           when s.status = 'IN_STOCK' and h.location_id is distinct from s.location_id then
               'is in stock at another location than its latest history row'
           when s.item_id is distinct from l.item_id then 'has history on a line of another item'
           else 'cannot become ' || s.status || coalesce(' from ' || c.old_status, ' as a new serial')
               || ' by a ' || case when h.reversal then 'reversed ' else '' end || h.type
               || ' history row of quantity ' || h.quantity
           end
from unnest(ids, old_statuses) as c(id, old_status)
cross join lateral (select x.serial, x.status, x.location_id, x.item_id from serial x where x.id = c.id) s
left join lateral (select x.type, x.quantity, x.reversal, x.location_id, x.line_id, sum(x.quantity) over () as total
                   from serial_history x where x.serial_id = c.id order by x.id desc limit 1) h on true
left join lateral (select y.item_id from transaction_line y where y.id = h.line_id) l on true
where h.total is null
   or h.total <> case when s.status = 'IN_STOCK' then 1 else 0 end
   or (s.status = 'IN_STOCK' and h.location_id is distinct from s.location_id)
   or s.item_id is distinct from l.item_id
   -- the latest row must be one that leaves a serial in this state, from where it was
   or (case when new_serials then 'NEW' else coalesce(c.old_status, '*') end || '>' || s.status || '>' || h.type
       || '>' || h.quantity || '>' || h.reversal) not in (select k from serial_transition_key)
limit 1
$$;

create function raise_serial_ledger(bad_serial text, reason text) returns void
    language plpgsql as
$$
begin
    raise exception 'serial_ledger: serial % %', bad_serial, reason
        using errcode = 'check_violation', constraint = 'serial_ledger',
            detail = format('Serial %s %s.', bad_serial, reason);
end;
$$;

-- A statement that changes serials and writes their history (every posting) fires both the serial
-- trigger and the history trigger; the serial trigger, which fires first and also knows the old
-- statuses, checks those serials completely against the statement's final state. It leaves a note of
-- what it checked (a count and a hash of the ids) that the history trigger of the same statement
-- takes, and consumes, to skip checking the same serials twice. The note can be written only by
-- these triggers (a function of the owner's that refuses to run outside a trigger) and read only by
-- the statement that wrote it (transaction and statement start, consumed by the first reader).
create unlogged table serial_ledger_checked (
    backend   int primary key,
    statement text   not null,
    serials   bigint not null,
    signature bigint not null
);

create function serial_ledger_note(statement_key text, checked bigint, checked_signature bigint, take boolean)
    returns boolean
    language plpgsql security definer
    set search_path from current
as
$$
declare
    taken int;
begin
    if pg_trigger_depth() = 0 then
        raise exception 'serial_ledger_note is for the ledger''s triggers only' using errcode = 'insufficient_privilege';
    end if;
    if not take then
        insert into serial_ledger_checked values (pg_backend_pid(), statement_key, checked, checked_signature)
        on conflict (backend) do update
            set statement = excluded.statement, serials = excluded.serials, signature = excluded.signature;
        return true;
    end if;
    delete from serial_ledger_checked
    where backend = pg_backend_pid() and statement = statement_key and serials = checked
      and signature = checked_signature;
    get diagnostics taken = row_count;
    return taken = 1;
end;
$$;
revoke all on function serial_ledger_note(text, bigint, bigint, boolean) from public;

create function check_serial_ledger() returns trigger
    language plpgsql as
$$
declare
    ids          bigint[];
    olds         text[];
    bad          record;
    untracked    text;
    statement_key text := pg_current_xact_id()::text || '@' || statement_timestamp()::text;
    checked      bigint;
    signature    bigint;
begin
    if tg_table_name = 'serial' and tg_op = 'INSERT' then
        select array_agg(id), array_agg(null::text) into ids, olds from new_rows;
    elsif tg_table_name = 'serial' then
        -- only serials whose status or location changed (a new last document alone needs no history)
        select array_agg(n.id), array_agg(o.status) into ids, olds
        from new_rows n join old_rows o on o.id = n.id
        where n.status is distinct from o.status or n.location_id is distinct from o.location_id;
    else
        select array_agg(distinct serial_id) into ids from new_rows;
        select count(*), coalesce(sum(hashint8(x)), 0) into checked, signature from unnest(ids) x;
        if serial_ledger_note(statement_key, checked, signature, true) then
            return null; -- these very serials were checked by the serial trigger of this statement
        end if;
        select array_agg(null::text) into olds from unnest(ids);
    end if;
    if ids is null then
        return null;
    end if;
    select * into bad from serial_ledger_disagreement(ids, olds, tg_table_name = 'serial' and tg_op = 'INSERT');
    if found then
        perform raise_serial_ledger(bad.serial, bad.reason);
    end if;
    if tg_table_name = 'serial' then
        select count(*), coalesce(sum(hashint8(x)), 0) into checked, signature from unnest(ids) x;
        perform serial_ledger_note(statement_key, checked, signature, false);
        -- rule 5: serials are in stock only for tracked items; the items are share-locked, so their
        -- tracking cannot be turned off until this transaction ends
        perform 1 from item i where i.id in (select item_id from new_rows where status = 'IN_STOCK')
        order by i.id for share;
        select i.sku into untracked
        from item i
        where i.id in (select item_id from new_rows where status = 'IN_STOCK')
          and not i.track_serials
        limit 1;
        if untracked is not null then
            raise exception 'item_tracks_its_serials: item % does not track serials, so none of its serials can be in stock', untracked
                using errcode = 'check_violation', constraint = 'item_tracks_its_serials';
        end if;
    end if;
    return null;
end;
$$;

-- Statement triggers of one event fire in the order of their names: the names say the order.
-- References first (a missing item is the first thing to say), then the counts of stock, then the
-- ledger.
alter trigger serial_references_on_insert on serial rename to serial_1_references_on_insert;
alter trigger serial_references_on_update on serial rename to serial_1_references_on_update;
alter trigger serial_counts_on_insert on serial rename to serial_2_counts_on_insert;
alter trigger serial_counts_on_update on serial rename to serial_2_counts_on_update;
alter trigger serial_counts_on_delete on serial rename to serial_2_counts_on_delete;
alter trigger serial_history_references_on_insert on serial_history rename to serial_history_1_references_on_insert;
alter trigger serial_history_references_on_update on serial_history rename to serial_history_1_references_on_update;

create trigger serial_3_ledger_on_insert after insert on serial
    referencing new table as new_rows for each statement execute function check_serial_ledger();
create trigger serial_3_ledger_on_update after update on serial
    referencing old table as old_rows new table as new_rows for each statement execute function check_serial_ledger();
create trigger serial_history_3_ledger_on_insert after insert on serial_history
    referencing new table as new_rows for each statement execute function check_serial_ledger();

-- ---------------------------------------------------------------------------------------------
-- Rule 3: history is append-only
-- ---------------------------------------------------------------------------------------------
create function refuse_changing_history() returns trigger
    language plpgsql as
$$
begin
    raise exception 'serial_history_append_only: history rows are never changed; a correction is a new document'
        using errcode = 'check_violation', constraint = 'serial_history_append_only';
end;
$$;

create trigger serial_history_append_only before update on serial_history
    for each statement execute function refuse_changing_history();

-- A history row goes only with its serial, in the same statement (cancelling the document that
-- created the serial deletes both).
create function refuse_deleting_history_alone() returns trigger
    language plpgsql as
$$
declare
    kept text;
begin
    select s.serial into kept from serial s where s.id in (select serial_id from old_rows) limit 1;
    if kept is not null then
        raise exception 'serial_history_append_only: history of serial % cannot be deleted while the serial exists', kept
            using errcode = 'check_violation', constraint = 'serial_history_append_only';
    end if;
    return null;
end;
$$;

create trigger serial_history_deleted_with_serial after delete on serial_history
    referencing old table as old_rows for each statement execute function refuse_deleting_history_alone();

create function refuse_truncating_history_alone() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from serial) then
        raise exception 'serial_history_append_only: history cannot be truncated while serials exist'
            using errcode = 'check_violation', constraint = 'serial_history_append_only';
    end if;
    return null;
end;
$$;

create trigger serial_history_truncated_with_serials after truncate on serial_history
    for each statement execute function refuse_truncating_history_alone();

-- ---------------------------------------------------------------------------------------------
-- Rule 4: a serial's number and item never change
-- ---------------------------------------------------------------------------------------------
create function refuse_changing_serial_identity() returns trigger
    language plpgsql as
$$
begin
    raise exception 'serial_identity_fixed: serial % keeps its number and item', old.serial
        using errcode = 'check_violation', constraint = 'serial_identity_fixed';
end;
$$;

create trigger serial_identity_fixed before update of serial, item_id on serial
    for each row when (new.serial is distinct from old.serial or new.item_id is distinct from old.item_id)
    execute function refuse_changing_serial_identity();

-- ---------------------------------------------------------------------------------------------
-- Rule 5: tracking and stock agree
-- ---------------------------------------------------------------------------------------------
-- Checked at commit (or when the service asks, SET CONSTRAINTS ... IMMEDIATE): an item's tracking
-- and its stock rows change in several statements.
create function item_tracking_matches_stock() returns trigger
    language plpgsql as
$$
declare
    tracked     boolean;
    location_id bigint;
    on_hand     numeric;
    serials     bigint;
begin
    select i.track_serials into tracked from item i where i.id = new.id;
    if not tracked then
        select s.location_id into location_id from serial s
        where s.item_id = new.id and s.status = 'IN_STOCK' limit 1;
        if found then
            raise exception 'item_tracks_its_serials: item % does not track serials but has serials in stock at location %',
                new.sku, location_id using errcode = 'check_violation', constraint = 'item_tracks_its_serials';
        end if;
        return null;
    end if;
    select s.location_id, s.quantity, s.in_stock_serials into location_id, on_hand, serials from stock s
    where s.item_id = new.id and s.serials_initialized and s.quantity <> s.in_stock_serials limit 1;
    if found then
        raise exception 'stock_matches_serials: item % at location % has on-hand % but % serials in stock',
            new.sku, location_id, on_hand, serials using errcode = 'check_violation', constraint = 'stock_matches_serials';
    end if;
    return null;
end;
$$;

create constraint trigger item_tracking_matches_stock
    after update of track_serials, serial_state on item
    deferrable initially deferred
    for each row when (new.track_serials is distinct from old.track_serials
                       or new.serial_state is distinct from old.serial_state)
    execute function item_tracking_matches_stock();

-- A stock row that becomes initialised is checked like one whose quantity changed (V2/V8 do that
-- already: the constraint trigger fires on every update of a stock row).

-- ---------------------------------------------------------------------------------------------
-- V7's guards of referenced rows, closed under REPEATABLE READ
-- ---------------------------------------------------------------------------------------------
-- A re-key looked for references with the snapshot of its transaction, which under REPEATABLE
-- READ can miss a reference committed meanwhile. Keys of items, locations, documents and lines
-- never change (the application never changes them): a change of key is refused, whoever asks.
create or replace function refuse_rekeying_referenced() returns trigger
    language plpgsql as
$$
begin
    raise exception 'update on table "%" violates a foreign key: the key of row % never changes (serial data may refer to it)',
        tg_table_name, old.id using errcode = 'foreign_key_violation';
end;
$$;

-- TRUNCATE checked what refers to the table after waiting for its lock, but under REPEATABLE READ
-- with the snapshot taken before the wait: refused there, as deletes are.
create or replace function refuse_truncating_referenced() returns trigger
    language plpgsql as
$$
declare
    referenced boolean;
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'table "%" is truncated only under READ COMMITTED (serial data may refer to it)', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
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
