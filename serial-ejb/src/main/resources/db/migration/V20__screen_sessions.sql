-- Screen sessions kept in the database (issue 16), when a server runs with
-- SERIAL_SESSION_STORE=database (session-database.xml): Liberty's session manager writes each HTTP
-- session here at the end of every request, so that another server of the application continues a
-- clerk's screens when the one they were on is lost. The table is Liberty's (sessionDatabase-1.0,
-- single-row schema), as Liberty creates it on PostgreSQL; created here so that the application's
-- login, which may not create tables, can use it. Nothing of the ledger is in it.
create table sessions (
    id              varchar(128) not null,
    propid          varchar(128) not null,
    appname         varchar(128) not null,
    listenercnt     smallint,
    lastaccess      bigint,
    creationtime    bigint,
    maxinactivetime integer,
    username        varchar(255),
    small           bytea,
    medium          bytea,
    large           bytea
);
create unique index sess_index on sessions (id, propid, appname);
