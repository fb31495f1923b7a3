-- The ledger's note (V9) was inserted by the serial trigger and deleted by the history trigger of
-- every statement that writes serials: each posting left a dead row and a dead entry in the note's
-- key index behind. Until vacuum removes them, every later note probes the key through all the dead
-- entries of its backend, so every posting slowed down with the number of postings before it: a
-- 5-serial receipt took 2.4 ms after 40,000 postings, 1.0 ms after a vacuum (issue 17).
--
-- Each backend now keeps one row, written over in place: the note is consumed by clearing it, not
-- by deleting the row. An update that changes no indexed column adds no index entry (a HOT update),
-- and the page drops the dead versions by itself when it is next read, vacuum or not.
create or replace function serial_ledger_note(statement_key text, checked bigint, checked_signature bigint, take boolean)
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
    update serial_ledger_checked set statement = '', serials = 0, signature = 0
    where backend = pg_backend_pid() and statement = statement_key and serials = checked
      and signature = checked_signature;
    get diagnostics taken = row_count;
    return taken = 1;
end;
$$;

-- what earlier postings left behind
delete from serial_ledger_checked;
