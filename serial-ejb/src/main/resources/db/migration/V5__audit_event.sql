-- Who changed what, and when: documents posted, settings changed (with serial data deleted),
-- items, companies and locations created or changed. Written in the transaction of the change
-- itself, so a refused change leaves no audit row and a saved one always has one.
create table audit_event (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    username   text        not null,
    action     text        not null,
    subject    text        not null,
    detail     text        not null
);
create index audit_event_at_ix on audit_event (at, id);
