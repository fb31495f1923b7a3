-- A recall writes its suspects set-wise (21,500 units for a month of a material in the bench), and
-- each of recall_suspect's foreign keys checked each row on its own: for such a recall, the checks
-- of the recall and of the document took 0.44 s of the insert's 0.83 s, to find the same recall
-- and about 215 documents again and again (issue 17, scenario 12). As V7 did for serials, these two
-- references are now checked once per statement, over all rows the statement wrote; they stay
-- enforced in the database, for every writer. serial_id keeps its foreign key (and its cascade).
--
-- What the foreign keys did, and where it now is:
--   the recall and the document must exist  -> check_recall_suspect_references (after insert/update)
--   they cannot be deleted while named       -> the writing statement locks them FOR KEY SHARE, as a
--                                              foreign key does; refuse_deleting_named_by_suspects
--   a recall's key never changes             -> refuse_rekeying_referenced (V9)
--   recall cannot be truncated under them    -> refuse_truncating_named_by_suspects (a document
--                                              cannot be truncated while serials name it, V7, and
--                                              every suspect is a serial)

alter table recall_suspect drop constraint recall_suspect_recall_id_fkey;
alter table recall_suspect drop constraint recall_suspect_document_id_fkey;

create function check_recall_suspect_references() returns trigger
    language plpgsql as
$$
declare
    recalls   bigint[];
    documents bigint[];
    missing   bigint;
begin
    select array_agg(distinct recall_id), array_agg(distinct document_id) filter (where document_id is not null)
    into recalls, documents
    from new_rows;
    if (select count(*) from (select 1 from recall where id = any (recalls) order by id for key share) k)
        < cardinality(recalls) then
        select x into missing from unnest(recalls) x where not exists (select 1 from recall r where r.id = x) limit 1;
        raise exception 'insert or update on table "recall_suspect" violates foreign key constraint "recall_suspect_recall_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'recall_suspect_recall_id_fkey',
                detail = format('Key (recall_id)=(%s) is not present in table "recall".', missing);
    end if;
    if (select count(*) from (select 1 from inventory_transaction where id = any (documents) order by id for key share) k)
        < cardinality(documents) then
        select x into missing from unnest(documents) x
        where not exists (select 1 from inventory_transaction t where t.id = x) limit 1;
        raise exception 'insert or update on table "recall_suspect" violates foreign key constraint "recall_suspect_document_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'recall_suspect_document_id_fkey',
                detail = format('Key (document_id)=(%s) is not present in table "inventory_transaction".', missing);
    end if;
    return null;
end;
$$;

-- transition tables allow one event per trigger
create trigger recall_suspect_references_on_insert after insert on recall_suspect
    referencing new table as new_rows for each statement execute function check_recall_suspect_references();
create trigger recall_suspect_references_on_update after update on recall_suspect
    referencing new table as new_rows for each statement execute function check_recall_suspect_references();

-- The referenced side. A delete runs its check after waiting for the writers' locks, with a snapshot
-- of its own: exact under READ COMMITTED, refused under the stricter levels (as V7's).
create function refuse_deleting_named_by_suspects() returns trigger
    language plpgsql as
$$
declare
    named boolean;
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'rows of "%" are deleted only under READ COMMITTED (recall suspects may refer to them)', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
    named := case tg_table_name
        when 'recall' then exists (select 1 from recall_suspect s where s.recall_id in (select id from old_rows))
        else exists (select 1 from recall_suspect s where s.document_id in (select id from old_rows))
        end;
    if named then
        raise exception 'delete on table "%" violates a foreign key: recall suspects refer to the rows', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end;
$$;

create trigger recall_referenced_by_suspects after delete on recall
    referencing old table as old_rows for each statement execute function refuse_deleting_named_by_suspects();
create trigger inventory_transaction_referenced_by_suspects after delete on inventory_transaction
    referencing old table as old_rows for each statement execute function refuse_deleting_named_by_suspects();

create function refuse_truncating_named_by_suspects() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from recall_suspect) then
        raise exception 'cannot truncate table "%": recall suspects refer to it', tg_table_name
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end;
$$;

create trigger recall_truncate_referenced_by_suspects after truncate on recall
    for each statement execute function refuse_truncating_named_by_suspects();

create trigger recall_key_referenced_by_suspects before update of id on recall
    for each row when (new.id is distinct from old.id) execute function refuse_rekeying_referenced();
