-- Idempotent posting: a client that retries POST /api/transactions with the same Idempotency-Key
-- gets the document of the first attempt back instead of a second posting. The key row is inserted
-- in the posting's own transaction: a concurrent retry waits on it, and a failed posting leaves
-- no key behind. Keys older than a day may be purged (see IdempotencyRepository).
create table idempotency_key (
    key            text        not null,
    username       text        not null,
    request_hash   text        not null,
    -- set when the posting that took the key has its document
    transaction_id bigint references inventory_transaction (id),
    created_at     timestamptz not null default now(),
    primary key (username, key),
    constraint idempotency_key_length_ck check (length(key) between 1 and 200)
);
create index idempotency_key_created_ix on idempotency_key (created_at);
