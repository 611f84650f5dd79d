#!/bin/bash
# Runs once, when the PostgreSQL volume is new: one login role per service, each owning only its own database.
# Nobody else may connect to a service's database; the services never use the superuser.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v core_password="$GV_CORE_DB_PASSWORD" \
  -v evaluation_password="$GV_EVALUATION_DB_PASSWORD" \
  -v notification_password="$GV_NOTIFICATION_DB_PASSWORD" <<'SQL'
create role gv_core login password :'core_password';
create role gv_evaluation login password :'evaluation_password';
create role gv_notification login password :'notification_password';
create database gv_core owner gv_core;
create database gv_evaluation owner gv_evaluation;
create database gv_notification owner gv_notification;
revoke all on database gv_core, gv_evaluation, gv_notification from public;
SQL
