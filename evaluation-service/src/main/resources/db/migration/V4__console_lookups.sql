-- The console's lookups: an enterprise's earlier applications and an evaluator's own decisions (issue 12).
create index work_item_enterprise on work_item (enterprise_mb, updated_at);
create index decision_decided_by on decision (decided_by, decided_at);
