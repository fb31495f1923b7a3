-- Auto serial number counters: one per item, per rendered text around the counter, per reset
-- period. Allocation takes a block of numbers with one locked UPDATE, inside the posting's
-- transaction, so a failed document gives its numbers back.
create table serial_counter (
    item_id    bigint not null references item (id),
    context    text   not null,
    period     text   not null,
    next_value bigint not null,
    primary key (item_id, context, period),
    constraint serial_counter_value_ck check (next_value >= 0)
);
