-- CreateTable
CREATE TABLE "TableVersion" (
    "table" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- Bumped by triggers only: one row per watched table, the tasklist's "anything new?" check.
INSERT INTO "TableVersion" ("table", "version") VALUES ('Task', 0);

CREATE TRIGGER "TableVersion_task_inserted" AFTER INSERT ON "Task" BEGIN
    UPDATE "TableVersion" SET "version" = "version" + 1 WHERE "table" = 'Task';
END;

CREATE TRIGGER "TableVersion_task_updated" AFTER UPDATE ON "Task" BEGIN
    UPDATE "TableVersion" SET "version" = "version" + 1 WHERE "table" = 'Task';
END;

CREATE TRIGGER "TableVersion_task_deleted" AFTER DELETE ON "Task" BEGIN
    UPDATE "TableVersion" SET "version" = "version" + 1 WHERE "table" = 'Task';
END;

CREATE TRIGGER "TableVersion_candidate_inserted" AFTER INSERT ON "TaskCandidate" BEGIN
    UPDATE "TableVersion" SET "version" = "version" + 1 WHERE "table" = 'Task';
END;

CREATE TRIGGER "TableVersion_candidate_updated" AFTER UPDATE ON "TaskCandidate" BEGIN
    UPDATE "TableVersion" SET "version" = "version" + 1 WHERE "table" = 'Task';
END;

CREATE TRIGGER "TableVersion_candidate_deleted" AFTER DELETE ON "TaskCandidate" BEGIN
    UPDATE "TableVersion" SET "version" = "version" + 1 WHERE "table" = 'Task';
END;
