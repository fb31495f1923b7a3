-- Repairs (issue 14): a REPAIR takes components out of units in stock (UNINSTALL: back in stock at
-- the line's location) and puts components from stock into them (INSTALL). A link that a repair
-- ends is kept, marked with the repair and when, so "made of" shows what was inside before;
-- cancelling the repair gives the link back. Only current links count for what a unit holds now.

insert into document_counter (type, prefix) values ('REPAIR', 'RPR');

alter table transaction_line
    drop constraint transaction_line_role_ck,
    add constraint transaction_line_role_ck check (role is null or role in ('OUTPUT', 'COMPONENT', 'INSTALL', 'UNINSTALL'));

alter table serial_history
    drop constraint serial_history_type_ck,
    add constraint serial_history_type_ck check (type in ('RECEIVE', 'SHIP', 'MOVEOUT', 'MOVEIN', 'ADJUST', 'BUILD',
                                                          'CONSUME', 'WORKBUILD', 'WORKCONSUME', 'RETURN', 'INSTALL',
                                                          'UNINSTALL'));

insert into serial_transition values
    ('IN_STOCK', 'CONSUMED', 'INSTALL',   -1, false, 'installed in a unit by a repair'),
    ('CONSUMED', 'IN_STOCK', 'INSTALL',   1,  true,  'repair cancelled'),
    ('CONSUMED', 'IN_STOCK', 'UNINSTALL', 1,  false, 'taken out of a unit by a repair'),
    ('IN_STOCK', 'CONSUMED', 'UNINSTALL', -1, true,  'repair cancelled');

alter table serial_link
    add column removed_by bigint references inventory_transaction (id),
    add column removed_at timestamptz,
    add constraint serial_link_removed_ck check ((removed_by is null) = (removed_at is null));
create index serial_link_removed_by_ix on serial_link (removed_by) where removed_by is not null;

-- No unit is ever inside itself, through the links that hold now.
create or replace function refuse_genealogy_cycle() returns trigger
    language plpgsql as
$$
declare
    looped text;
begin
    with recursive up (start_id, id, depth) as (
        select n.component_id, n.assembly_id, 1 from new_rows n where n.removed_at is null
        union all
        select up.start_id, l.assembly_id, up.depth + 1
        from up join serial_link l on l.component_id = up.id and l.removed_at is null
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

-- a link given back (its repair cancelled) is checked as a new one
create trigger serial_link_acyclic_on_update after update on serial_link
    referencing new table as new_rows for each statement execute function refuse_genealogy_cycle();
