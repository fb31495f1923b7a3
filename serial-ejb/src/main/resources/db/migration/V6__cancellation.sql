-- Cancelled documents keep their lines and history; the cancellation adds reversing history rows
-- (same type, opposite quantity, reversal = true) and gives the serials back their earlier state.
alter table inventory_transaction add column cancelled_at timestamptz;
alter table inventory_transaction add column cancelled_by text;
alter table serial_history add column reversal boolean not null default false;
