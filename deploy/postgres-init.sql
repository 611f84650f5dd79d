-- One database per service (gv_core is created by the image from POSTGRES_DB).
create database gv_evaluation;
create database gv_notification;
