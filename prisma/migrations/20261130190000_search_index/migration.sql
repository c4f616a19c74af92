-- Search by name (app/models/search.server.ts): trigram full-text indexes over the titles of
-- roadmap items and milestones, the two lists that grow with the province (6,000 items and 30,000
-- milestones at benchmark scale 10), so a search no longer reads every title. They are external-
-- content FTS5 tables: they hold only the index, keyed by the rowid of the indexed row, and the
-- triggers below keep them in step with every insert, title change and delete.
--
-- Prisma does not know these tables. A later migration that rebuilds "RoadmapItem" or "Milestone"
-- (Prisma's table-rebuild of SQLite: new_X, copy, drop, rename) drops the triggers with the old
-- table and may renumber rowids: such a migration must create the triggers again and end with
-- the 'rebuild' commands at the end of this file. tests/integration/search-index.test.ts fails
-- if the triggers are missing or the index disagrees with the tables.

CREATE VIRTUAL TABLE "RoadmapItemSearch" USING fts5("title", content='RoadmapItem', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "RoadmapItem_search_insert" AFTER INSERT ON "RoadmapItem" BEGIN
  INSERT INTO "RoadmapItemSearch"("rowid", "title") VALUES (new."rowid", new."title");
END;

CREATE TRIGGER "RoadmapItem_search_delete" AFTER DELETE ON "RoadmapItem" BEGIN
  INSERT INTO "RoadmapItemSearch"("RoadmapItemSearch", "rowid", "title") VALUES ('delete', old."rowid", old."title");
END;

CREATE TRIGGER "RoadmapItem_search_update" AFTER UPDATE OF "title" ON "RoadmapItem" BEGIN
  INSERT INTO "RoadmapItemSearch"("RoadmapItemSearch", "rowid", "title") VALUES ('delete', old."rowid", old."title");
  INSERT INTO "RoadmapItemSearch"("rowid", "title") VALUES (new."rowid", new."title");
END;

CREATE VIRTUAL TABLE "MilestoneSearch" USING fts5("title", content='Milestone', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "Milestone_search_insert" AFTER INSERT ON "Milestone" BEGIN
  INSERT INTO "MilestoneSearch"("rowid", "title") VALUES (new."rowid", new."title");
END;

CREATE TRIGGER "Milestone_search_delete" AFTER DELETE ON "Milestone" BEGIN
  INSERT INTO "MilestoneSearch"("MilestoneSearch", "rowid", "title") VALUES ('delete', old."rowid", old."title");
END;

CREATE TRIGGER "Milestone_search_update" AFTER UPDATE OF "title" ON "Milestone" BEGIN
  INSERT INTO "MilestoneSearch"("MilestoneSearch", "rowid", "title") VALUES ('delete', old."rowid", old."title");
  INSERT INTO "MilestoneSearch"("rowid", "title") VALUES (new."rowid", new."title");
END;

-- index the rows already there
INSERT INTO "RoadmapItemSearch"("RoadmapItemSearch") VALUES ('rebuild');
INSERT INTO "MilestoneSearch"("MilestoneSearch") VALUES ('rebuild');
