-- The data version (the one-row "DataVersion" counter cached pages are keyed by,
-- app/utils/data-cache.server.ts) is raised by the database itself, in the transaction of every
-- audit event but a sign-in or sign-out (entity 'Session', SESSION_ENTITY in
-- app/models/audit.server.ts). Raising it from the app cost one more statement through Prisma in
-- every write, the progress update among them (docs/decisions/004). A rolled-back change rolls its
-- raise back with it. tests/integration/transactions.test.ts checks the trigger is there and what
-- raises the version.
--
-- Prisma does not know triggers: a later migration that rebuilds "AuditEvent" (new_X, copy, drop,
-- rename) drops this one with the old table and must create it again.

CREATE TRIGGER "AuditEvent_data_version" AFTER INSERT ON "AuditEvent" WHEN new."entity" <> 'Session' BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
