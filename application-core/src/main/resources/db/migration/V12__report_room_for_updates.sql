-- Room on each page for a report row's later versions: its updates (status and the moment of each stage) change no
-- indexed column, so with free space on the row's page PostgreSQL writes them as heap-only tuples, without a new
-- entry in each of the table's three indexes (docs/adr/0016).
alter table report_application set (fillfactor = 50);
