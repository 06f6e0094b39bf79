-- AlterTable
ALTER TABLE "Definition" ADD COLUMN "owner" TEXT;

-- Backfill: the `qualflow:owner` of definitions deployed before the column existed
UPDATE "Definition" SET "owner" = json_extract("model", '$.owner') WHERE json_valid("model") AND json_extract("model", '$.owner') IS NOT NULL;

-- CreateTable
CREATE TABLE "ProcessGrant" (
    "processKey" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("processKey", "username")
);

-- CreateIndex
CREATE INDEX "ProcessGrant_username_idx" ON "ProcessGrant"("username");

-- CreateIndex
CREATE INDEX "Task_instanceId_state_dueAt_idx" ON "Task"("instanceId", "state", "dueAt");
