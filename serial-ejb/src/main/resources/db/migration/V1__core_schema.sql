-- Serial Tracking core schema. Every serial rule that a database can hold is held here too:
-- uniqueness (case-insensitive), status/location consistency, non-negative stock, valid values.

create table settings (
    id                 smallint primary key check (id = 1),
    serial_tracking    boolean     not null default false,
    auto_serial_number boolean     not null default false,
    version            bigint      not null default 0,
    updated_at         timestamptz not null default now(),
    updated_by         text,
    -- auto serial numbers need serial tracking
    constraint settings_auto_needs_tracking check (serial_tracking or not auto_serial_number)
);
insert into settings (id) values (1);

create table company (
    id      bigserial primary key,
    code    text   not null,
    name    text   not null,
    version bigint not null default 0,
    constraint company_code_uk unique (code),
    constraint company_code_ck check (length(code) between 1 and 40)
);

create table location (
    id         bigserial primary key,
    code       text   not null,
    name       text   not null,
    company_id bigint not null references company (id),
    version    bigint not null default 0,
    constraint location_code_uk unique (code),
    constraint location_code_ck check (length(code) between 1 and 40)
);
create index location_company_ix on location (company_id);

create table item (
    id                 bigserial primary key,
    sku                text        not null,
    name               text        not null,
    track_serials      boolean     not null default false,
    -- UNTRACKED, TRACKED, or NOT_INITIALIZED (tracking turned on while stock existed)
    serial_state       text        not null default 'UNTRACKED',
    auto_serial_number boolean     not null default false,
    auto_serial_format text,
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint item_sku_uk unique (sku),
    constraint item_sku_ck check (length(sku) between 1 and 100),
    constraint item_serial_state_ck check (
        (track_serials and serial_state in ('TRACKED', 'NOT_INITIALIZED'))
        or (not track_serials and serial_state = 'UNTRACKED'))
);

create table stock (
    item_id             bigint         not null references item (id),
    location_id         bigint         not null references location (id),
    quantity            numeric(19, 4) not null default 0,
    -- false while a tracked item's on-hand here still waits for its serials (rule 8)
    serials_initialized boolean        not null default true,
    primary key (item_id, location_id),
    constraint stock_not_negative check (quantity >= 0)
);
create index stock_location_ix on stock (location_id);

-- one counter per document type; incremented inside the posting transaction, so numbers have no gaps
create table document_counter (
    type       text primary key,
    prefix     text   not null,
    last_value bigint not null default 0
);
insert into document_counter (type, prefix) values
    ('RECEIPT', 'RCV'), ('SHIPMENT', 'SHP'), ('TRANSFER', 'TRF'), ('RELOCATION', 'REL'),
    ('ADJUSTMENT', 'ADJ'), ('BUILD', 'BLD'), ('WORK_ORDER', 'WO'), ('RESTOCK', 'RST'),
    ('SERIAL_INIT', 'INI');

create table inventory_transaction (
    id        bigserial primary key,
    type      text        not null references document_counter (type),
    number    text        not null,
    reference text,
    posted_at timestamptz not null default now(),
    posted_by text        not null,
    constraint inventory_transaction_number_uk unique (number)
);
create index inventory_transaction_type_ix on inventory_transaction (type, id);

create table transaction_line (
    id             bigserial primary key,
    transaction_id bigint         not null references inventory_transaction (id),
    line_no        integer        not null,
    item_id        bigint         not null references item (id),
    location_id    bigint         not null references location (id),
    to_location_id bigint references location (id),
    quantity       numeric(19, 4) not null,
    role           text,
    constraint transaction_line_no_uk unique (transaction_id, line_no),
    constraint transaction_line_role_ck check (role is null or role in ('OUTPUT', 'COMPONENT'))
);
create index transaction_line_item_ix on transaction_line (item_id, transaction_id);

create table serial (
    id                  bigserial primary key,
    -- as first entered (trimmed)
    serial              text        not null,
    -- the uniqueness key: serials compare case-insensitively
    serial_key          text generated always as (lower(serial)) stored,
    item_id             bigint      not null references item (id),
    status              text        not null,
    location_id         bigint references location (id),
    received_at         timestamptz not null default now(),
    last_transaction_id bigint references inventory_transaction (id),
    constraint serial_key_uk unique (serial_key),
    constraint serial_value_ck check (length(serial) between 1 and 100 and serial = btrim(serial)
                                      and serial !~ '[[:cntrl:]]'),
    constraint serial_status_ck check (status in ('IN_STOCK', 'SHIPPED', 'CONSUMED', 'REMOVED')),
    -- a serial is at a location exactly while it is in stock
    constraint serial_location_ck check ((status = 'IN_STOCK') = (location_id is not null))
);
create index serial_item_status_ix on serial (item_id, status, serial_key);
create index serial_in_stock_ix on serial (item_id, location_id, received_at, id) where status = 'IN_STOCK';

create table serial_history (
    id             bigserial primary key,
    serial_id      bigint      not null references serial (id),
    transaction_id bigint      not null references inventory_transaction (id),
    line_id        bigint      not null references transaction_line (id),
    type           text        not null,
    quantity       smallint    not null,
    location_id    bigint      not null references location (id),
    at             timestamptz not null,
    username       text        not null,
    constraint serial_history_type_ck check (type in ('RECEIVE', 'SHIP', 'MOVEOUT', 'MOVEIN', 'ADJUST', 'BUILD',
                                                      'CONSUME', 'WORKBUILD', 'WORKCONSUME', 'RETURN')),
    constraint serial_history_quantity_ck check (quantity in (-1, 1))
);
create index serial_history_serial_ix on serial_history (serial_id, id);
create index serial_history_line_ix on serial_history (line_id);
