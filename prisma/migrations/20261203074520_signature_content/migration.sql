-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Signature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "printedName" TEXT NOT NULL,
    "meaning" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordHash" TEXT NOT NULL,
    "sessionId" TEXT,
    "content" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_Signature" ("id", "instanceId", "meaning", "printedName", "recordHash", "sessionId", "signedAt", "taskId", "username") SELECT "id", "instanceId", "meaning", "printedName", "recordHash", "sessionId", "signedAt", "taskId", "username" FROM "Signature";
DROP TABLE "Signature";
ALTER TABLE "new_Signature" RENAME TO "Signature";
CREATE INDEX "Signature_instanceId_idx" ON "Signature"("instanceId");
CREATE INDEX "Signature_username_signedAt_idx" ON "Signature"("username", "signedAt");
CREATE UNIQUE INDEX "Signature_taskId_key" ON "Signature"("taskId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
