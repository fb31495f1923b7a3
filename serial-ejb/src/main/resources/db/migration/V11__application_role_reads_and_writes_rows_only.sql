-- Least privilege (issue 11): the schema and everything in it belong to the owner role that runs
-- these migrations; the running application connects as ${appRole}, which may read and write rows
-- and nothing more: no DDL, no TRUNCATE, no trigger changes (only an owner can ALTER a table,
-- DISABLE a TRIGGER or TRUNCATE). The grants below follow every table and sequence created later.

grant usage on schema ${flyway:defaultSchema} to ${appRole};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${appRole};
grant usage, select on all sequences in schema ${flyway:defaultSchema} to ${appRole};
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema ${flyway:defaultSchema}
    grant usage, select on sequences to ${appRole};

-- the migrations' own record is the owner's
revoke all on ${flyway:defaultSchema}.flyway_schema_history from ${appRole};
-- the rule tables are read, never written, by the application
revoke insert, update, delete on serial_transition, document_counter from ${appRole};
grant update on document_counter to ${appRole};
-- the ledger triggers' note (V9) is written and read only through the owner's function
revoke all on serial_ledger_checked from ${appRole};
grant execute on function serial_ledger_note(text, bigint, bigint, boolean) to ${appRole};

-- Turning serial tracking off for the whole platform erases all serial data at once (TRUNCATE,
-- which only the owner may run): this function, owned by the owner and run with its rights, is the
-- one way the application can. The truncate guards (V7, V9) still apply.
create function erase_serial_data() returns void
    language sql security definer
    set search_path = ${flyway:defaultSchema}
as
$$
truncate table serial_history, serial, serial_counter;
$$;
revoke all on function erase_serial_data() from public;
grant execute on function erase_serial_data() to ${appRole};
