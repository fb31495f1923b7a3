-- Genealogy (issue 14): which component serial went into which unit. A BUILD or WORK_ORDER links
-- each consumed component serial to the output serial it went into (exact), or, when the document
-- does not say and makes several outputs, to every output (exact = false: a recall over-includes,
-- it never misses). Cancelling the document deletes its links with it.

create table serial_link (
    id             bigserial primary key,
    transaction_id bigint      not null references inventory_transaction (id),
    component_id   bigint      not null references serial (id),
    assembly_id    bigint      not null references serial (id),
    exact          boolean     not null,
    linked_at      timestamptz not null default now(),
    constraint serial_link_not_itself check (component_id <> assembly_id),
    constraint serial_link_uk unique (component_id, assembly_id, transaction_id)
);
-- "what is it made of" walks down from an assembly, "what did it go into" up from a component
create index serial_link_assembly_ix on serial_link (assembly_id);
create index serial_link_transaction_ix on serial_link (transaction_id);

-- No unit is ever inside itself, however deep: the links a statement adds are walked up from their
-- component; reaching that component again is a cycle.
create function refuse_genealogy_cycle() returns trigger
    language plpgsql as
$$
declare
    looped text;
begin
    with recursive up (start_id, id, depth) as (
        select n.component_id, n.assembly_id, 1 from new_rows n
        union all
        select up.start_id, l.assembly_id, up.depth + 1
        from up join serial_link l on l.component_id = up.id
        where up.id <> up.start_id and up.depth < 1000
    )
    select s.serial into looped from up join serial s on s.id = up.start_id where up.id = up.start_id limit 1;
    if looped is not null then
        raise exception 'serial_link_acyclic: serial % would be inside itself', looped
            using errcode = 'check_violation', constraint = 'serial_link_acyclic';
    end if;
    return null;
end;
$$;

create trigger serial_link_acyclic after insert on serial_link
    referencing new table as new_rows for each statement execute function refuse_genealogy_cycle();

-- erasing all serial data (rule 9) erases the links too
create or replace function erase_serial_data() returns void
    language sql security definer
    set search_path = ${flyway:defaultSchema}
as
$$
truncate table serial_link, serial_history, serial, serial_counter;
$$;
