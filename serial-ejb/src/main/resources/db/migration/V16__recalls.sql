-- Recalls (issue 14): a quality engineer names the suspects (serials; a component item consumed in a
-- date range; what a supplier or a receipt delivered) and the recall lists every top-level unit they
-- went into, with its state now. The suspects are resolved once, when the recall is created, and kept
-- as rows; the units above them are walked live over serial_link each time they are read, so a unit
-- built, shipped or returned since shows as it is now.

create sequence recall_number_seq;

create table recall (
    id           bigserial primary key,
    number       text        not null,
    reason       text        not null,
    -- what was asked, as given (components, suppliers, receipts; the count of serials named)
    criteria     jsonb       not null,
    status       text        not null default 'OPEN',
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    closed_at    timestamptz,
    closed_by    text,
    closing_note text,
    constraint recall_number_uk unique (number),
    constraint recall_reason_ck check (length(btrim(reason)) between 1 and 500),
    constraint recall_status_ck check (status in ('OPEN', 'CLOSED')),
    -- a recall is closed exactly when it says by whom and when
    constraint recall_closed_ck check ((status = 'CLOSED') = (closed_at is not null and closed_by is not null))
);
create index recall_status_ix on recall (status, id);

-- Why each suspect is one: named (SERIAL), consumed as a component in the range (COMPONENT), received
-- from a supplier (SUPPLIER) or on a receipt (RECEIPT), or made by a build that consumed an untracked
-- component in the range (MATERIAL); document: the build or receipt that made it a suspect.
-- A serial that stops existing (its receipt cancelled) leaves the recall with it.
create table recall_suspect (
    recall_id   bigint not null references recall (id),
    serial_id   bigint not null references serial (id) on delete cascade,
    source      text   not null,
    document_id bigint references inventory_transaction (id),
    constraint recall_suspect_pk primary key (recall_id, serial_id),
    constraint recall_suspect_source_ck check (source in ('SERIAL', 'COMPONENT', 'SUPPLIER', 'RECEIPT', 'MATERIAL'))
);
create index recall_suspect_serial_ix on recall_suspect (serial_id);

-- the forward walk from a suspect uses serial_link_uk (component_id, assembly_id, transaction_id)

-- erasing all serial data (rule 9) empties the recalls' suspects; the recalls and what they asked stay
create or replace function erase_serial_data() returns void
    language sql security definer
    set search_path = ${flyway:defaultSchema}
as
$$
truncate table recall_suspect, serial_link, serial_history, serial, serial_counter;
$$;
