-- Serial identity in Unicode (issue 11). Until now the key was lower(serial): it depended on the
-- database's collation, `é` composed and decomposed were two serials, a zero-width space or a
-- trailing no-break space made a second serial that looks like the first, and `σ`/`ς` differed while
-- `Σ`/`σ` collided. From here on (see SerialNumber for the Java side, which computes the same):
--   * a serial is stored in canonical form: NFC, Unicode white space trimmed, inner spaces plain;
--     no control, format, line or paragraph separator characters;
--   * the key is serial_fold(serial): ASCII lower case for ASCII, else ICU's root-locale lower,
--     upper, lower, with final sigma as sigma; never the database's collation;
--   * the key is compared bytewise (collation "C").
-- Existing serials are brought into canonical form (invisible characters removed); when that makes
-- two serials one, the migration stops and names them, for a person to decide.

create function serial_fold(s text) returns text
    language sql immutable parallel safe
as
$$
select case
           when octet_length(s) = char_length(s) then lower(s collate "C")
           else translate(lower(upper(lower(s collate "und-x-icu") collate "und-x-icu") collate "und-x-icu"),
                          'ς', 'σ') collate "C"
           end
$$;

-- The canonical form, for existing data: white space trimmed and inner spaces plain, invisible
-- characters removed, NFC.
create function serial_canonical(s text) returns text
    language sql immutable parallel safe
as
$$
select normalize(
               regexp_replace(
                       regexp_replace(
                               regexp_replace(s, '[\u0001-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]',
                                              '', 'g'),
                               '^[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$',
                               '', 'g'),
                       '[\u0009-\u000d\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]', ' ', 'g'),
               NFC)
$$;

do
$$
declare
    collisions text;
    emptied    text;
begin
    select string_agg(serial, ', ') into emptied
    from (select serial from serial where serial_canonical(serial) = '' limit 20) e;
    if emptied is not null then
        raise exception 'V10: these serials hold no visible character and cannot be kept: %', emptied;
    end if;
    select string_agg(format('%s (%s)', key, serials), '; ') into collisions
    from (select serial_fold(serial_canonical(serial)) as key,
                 string_agg(format('%s, item %s, id %s', serial, item_id, id), ' | ' order by id) as serials
          from serial group by 1 having count(*) > 1 order by 1 limit 50) c;
    if collisions is not null then
        raise exception 'V10: serials that are one serial in Unicode (same canonical form and case folding); '
            'rename or merge them, then start again: %', collisions;
    end if;
end;
$$;

-- the canonical value (the identity trigger of V9 guards ordinary updates; a migration may do this)
alter table serial disable trigger serial_identity_fixed;
update serial set serial = serial_canonical(serial) where serial <> serial_canonical(serial);
alter table serial enable trigger serial_identity_fixed;

alter table serial drop constraint serial_value_ck;
-- canonical form, checked cheaply: NFC, and no character that canonical form removes or replaces
-- (control, format, separators, every space but U+0020), nor a space at either end
alter table serial add constraint serial_value_ck check (
    char_length(serial) between 1 and 100
    and serial is nfc normalized
    and serial !~ '[\u0001-\u001f\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]|^ | $');

-- the key: dropping the column drops its unique constraint and the two indexes over it
drop index serial_item_status_ix;
drop index serial_location_ix;
alter table serial drop column serial_key;
alter table serial add column serial_key text collate "C" generated always as (serial_fold(serial)) stored;
alter table serial add constraint serial_key_uk unique (serial_key);
create index serial_item_status_ix on serial (item_id, status, serial_key);
create index serial_location_ix on serial (location_id, serial_key) where location_id is not null;
