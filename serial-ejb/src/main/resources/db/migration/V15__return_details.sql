-- A return's details (issue 14): the customer's return authorisation on a RESTOCK, and why each line's
-- units came back.
alter table inventory_transaction
    add column rma text,
    add constraint inventory_transaction_rma_ck check (rma is null or (type = 'RESTOCK' and length(rma) between 1 and 100));
alter table transaction_line
    add column reason text,
    add constraint transaction_line_reason_ck check (reason is null or length(reason) between 1 and 200);
