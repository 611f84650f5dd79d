-- Mails about an account (the e-mail confirmation link, a sign-in lock) belong to no application.
alter table notification alter column application_id drop not null;
