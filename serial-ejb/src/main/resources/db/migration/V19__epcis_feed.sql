-- The EPCIS event feed (issue 15): GET /api/epcis/events pages through the events of every document
-- in the order their transactions committed, and a consumer that follows nextPageToken must never
-- miss one. Ids and times do not give that order: a document with a lower id (or an earlier
-- posted_at) can commit after a page was read that already holds a higher one. Transaction ids do,
-- read against a horizon: the feed serves only documents whose posting (or cancelling) transaction
-- is older than pg_snapshot_xmin(pg_current_snapshot()), the oldest transaction still running, so
-- every transaction below it has finished and anything that commits later has a higher id than
-- everything a page ever served. The feed orders by (transaction id, document id, ...).
--
-- A long-running writing transaction anywhere in the cluster holds the horizon back: documents
-- committed after it started appear in the feed when it ends, never out of order.

-- Adding a column with a volatile default rewrites the table once; every existing document gets this
-- migration's transaction id (ordered among themselves by id). Later ones get their own transaction's.
alter table inventory_transaction
    add column posted_xid    xid8 not null default pg_current_xact_id(),
    add column cancelled_xid xid8;
update inventory_transaction set cancelled_xid = pg_current_xact_id() where cancelled_at is not null;
alter table inventory_transaction
    add constraint inventory_transaction_cancelled_xid_ck check ((cancelled_at is null) = (cancelled_xid is null));
create index inventory_transaction_posted_xid_ix on inventory_transaction (posted_xid, id);
create index inventory_transaction_cancelled_xid_ix on inventory_transaction (cancelled_xid, id)
    where cancelled_xid is not null;

-- What a document moved: each serial once per line (a move's MOVEOUT row; its MOVEIN is the same
-- serial), in the order it was written, with the unit a repair put it into (INSTALL: the link the
-- repair made) or took it out of (UNINSTALL: the link the repair ended). The feed's events of a
-- document in force are made of these rows.
create view document_movement as
select h.transaction_id, h.line_id, h.id as history_id, s.serial, s.serial_key, s.item_id,
       k.assembly_id as unit_id, a.serial as unit_serial, a.item_id as unit_item_id
from serial_history h
join serial s on s.id = h.serial_id
-- the type test stands inside the subquery, where it gates the link lookup (rows of other types
-- never probe serial_link)
left join lateral (select k.assembly_id from serial_link k
                   where h.type in ('INSTALL', 'UNINSTALL') and k.component_id = h.serial_id
                     and ((h.type = 'INSTALL' and k.transaction_id = h.transaction_id)
                       or (h.type = 'UNINSTALL' and k.removed_by = h.transaction_id))
                   limit 1) k on true
left join serial a on a.id = k.assembly_id
where not h.reversal and h.type <> 'MOVEIN';

-- A cancellation deletes the serials its document brought in (with their history) and the links
-- a repair made, and gives back the links it ended: afterwards document_movement no longer says what
-- the document had moved. The feed still shows the document's events (and re-issues them with an
-- error declaration), so the cancellation keeps these rows first, in the same transaction; the
-- events of a cancelled document are made of them.
create table cancelled_movement (
    transaction_id bigint not null references inventory_transaction (id),
    line_id        bigint not null references transaction_line (id),
    history_id     bigint not null,
    serial         text   not null,
    serial_key     text   not null,
    item_id        bigint not null references item (id),
    -- the unit's serial id orders a repair's serials by unit, as in document_movement; the unit may
    -- go later (its own receipt cancelled), so it is kept as a number and by its serial and item
    unit_id        bigint,
    unit_serial    text,
    unit_item_id   bigint references item (id),
    constraint cancelled_movement_pk primary key (transaction_id, history_id),
    constraint cancelled_movement_unit_ck check ((unit_id is null) = (unit_serial is null)
                                                 and (unit_id is null) = (unit_item_id is null))
);
-- MATCH_epc finds the cancelled documents that moved a serial
create index cancelled_movement_serial_ix on cancelled_movement (serial_key);
-- kept as the cancellation wrote them: the application adds rows, never changes or removes one
revoke update, delete on cancelled_movement from ${appRole};

-- documents cancelled before this migration: what is left of them (the serials their cancellation
-- deleted, and a cancelled repair's units, are gone)
insert into cancelled_movement (transaction_id, line_id, history_id, serial, serial_key, item_id, unit_id,
                                unit_serial, unit_item_id)
select m.transaction_id, m.line_id, m.history_id, m.serial, m.serial_key, m.item_id, m.unit_id, m.unit_serial,
       m.unit_item_id
from document_movement m
where m.transaction_id in (select id from inventory_transaction where cancelled_at is not null);

-- erasing all serial data (rule 9) erases the kept serials of cancelled documents too
create or replace function erase_serial_data() returns void
    language sql security definer
    set search_path = ${flyway:defaultSchema}
as
$$
truncate table cancelled_movement, recall_suspect, serial_link, serial_history, serial, serial_counter;
$$;
