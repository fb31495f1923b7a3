-- Customers and suppliers (issue 14): who a receipt came from, who a shipment went to and who sent
-- a return back. A document names at most one party, and only of the kind its type takes; the
-- composite key lets the database check the kind without a trigger.

create table party (
    id         bigserial primary key,
    kind       text        not null,
    code       text        not null,
    name       text        not null,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    constraint party_kind_ck check (kind in ('CUSTOMER', 'SUPPLIER')),
    constraint party_code_uk unique (kind, code),
    constraint party_code_ck check (length(code) between 1 and 40),
    constraint party_id_kind_uk unique (id, kind)
);

alter table inventory_transaction
    add column party_id   bigint,
    add column party_kind text,
    add constraint inventory_transaction_party_fk foreign key (party_id, party_kind) references party (id, kind),
    add constraint inventory_transaction_party_fits_type check (
        (party_id is null and party_kind is null)
        or (party_id is not null and party_kind is not null and (
            (type = 'RECEIPT' and party_kind = 'SUPPLIER')
            or (type in ('SHIPMENT', 'RESTOCK') and party_kind = 'CUSTOMER'))));
create index inventory_transaction_party_ix on inventory_transaction (party_id, id) where party_id is not null;
