-- A mail is marked SENDING (committed) before SMTP is called, and SMTP is called outside any transaction:
-- an answer lost after the server accepted the mail (a timeout) leaves it UNCONFIRMED, never sent again.
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'UNCONFIRMED'));
alter table notification alter column status type varchar(12);
alter table notification add column sending_since timestamptz;
create index notification_sending on notification (sending_since) where status = 'SENDING';
