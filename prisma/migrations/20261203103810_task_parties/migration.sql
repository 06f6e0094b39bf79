-- CreateTable
CREATE TABLE "TaskParty" (
    "taskId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("taskId", "party", "role"),
    CONSTRAINT "TaskParty_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TaskParty_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TaskParty_instanceId_party_idx" ON "TaskParty"("instanceId", "party");

-- CreateIndex
CREATE INDEX "Instance_startedAt_idx" ON "Instance"("startedAt");

-- TaskParty mirrors Task.assignee, Task.completedBy and TaskCandidate: these triggers are its only
-- writers, so every path that changes a task (activities, API, escalations, out of office) keeps it
-- true without knowing it exists. Task deletes cascade through the foreign key.
CREATE TRIGGER "TaskParty_task_inserted" AFTER INSERT ON "Task" BEGIN
    INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
        SELECT NEW."id", NEW."instanceId", 'user:' || NEW."assignee", 'assignee' WHERE NEW."assignee" IS NOT NULL;
    INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
        SELECT NEW."id", NEW."instanceId", 'user:' || NEW."completedBy", 'completedBy' WHERE NEW."completedBy" IS NOT NULL;
END;

CREATE TRIGGER "TaskParty_assignee_changed" AFTER UPDATE OF "assignee" ON "Task" WHEN OLD."assignee" IS NOT NEW."assignee" BEGIN
    DELETE FROM "TaskParty" WHERE "taskId" = NEW."id" AND "role" = 'assignee';
    INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
        SELECT NEW."id", NEW."instanceId", 'user:' || NEW."assignee", 'assignee' WHERE NEW."assignee" IS NOT NULL;
END;

CREATE TRIGGER "TaskParty_completed_by_changed" AFTER UPDATE OF "completedBy" ON "Task" WHEN OLD."completedBy" IS NOT NEW."completedBy" BEGIN
    DELETE FROM "TaskParty" WHERE "taskId" = NEW."id" AND "role" = 'completedBy';
    INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
        SELECT NEW."id", NEW."instanceId", 'user:' || NEW."completedBy", 'completedBy' WHERE NEW."completedBy" IS NOT NULL;
END;

CREATE TRIGGER "TaskParty_candidate_added" AFTER INSERT ON "TaskCandidate" BEGIN
    INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
        SELECT NEW."taskId", "Task"."instanceId", NEW."kind" || ':' || NEW."value", 'candidate' FROM "Task" WHERE "Task"."id" = NEW."taskId";
END;

CREATE TRIGGER "TaskParty_candidate_changed" AFTER UPDATE ON "TaskCandidate" BEGIN
    DELETE FROM "TaskParty" WHERE "taskId" = OLD."taskId" AND "role" = 'candidate' AND "party" = OLD."kind" || ':' || OLD."value";
    INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
        SELECT NEW."taskId", "Task"."instanceId", NEW."kind" || ':' || NEW."value", 'candidate' FROM "Task" WHERE "Task"."id" = NEW."taskId";
END;

CREATE TRIGGER "TaskParty_candidate_removed" AFTER DELETE ON "TaskCandidate" BEGIN
    DELETE FROM "TaskParty" WHERE "taskId" = OLD."taskId" AND "role" = 'candidate' AND "party" = OLD."kind" || ':' || OLD."value";
END;

-- The tasks already there.
INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
    SELECT "id", "instanceId", 'user:' || "assignee", 'assignee' FROM "Task" WHERE "assignee" IS NOT NULL;
INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
    SELECT "id", "instanceId", 'user:' || "completedBy", 'completedBy' FROM "Task" WHERE "completedBy" IS NOT NULL;
INSERT OR IGNORE INTO "TaskParty" ("taskId", "instanceId", "party", "role")
    SELECT "TaskCandidate"."taskId", "Task"."instanceId", "TaskCandidate"."kind" || ':' || "TaskCandidate"."value", 'candidate'
    FROM "TaskCandidate" JOIN "Task" ON "Task"."id" = "TaskCandidate"."taskId";
