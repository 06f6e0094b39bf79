-- CreateTable
CREATE TABLE "BusinessCalendar" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "workingHours" TEXT NOT NULL,
    "holidays" TEXT NOT NULL DEFAULT '[]',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);

-- CreateTable
CREATE TABLE "TaskEscalation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "processKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "actions" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Substitution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "substitute" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "reason" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "username" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "digestId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "instanceId" TEXT,
    "taskId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "kind" TEXT NOT NULL DEFAULT 'info',
    "eventId" TEXT
);
INSERT INTO "new_Notification" ("body", "createdAt", "id", "instanceId", "readAt", "subject", "taskId", "userId") SELECT "body", "createdAt", "id", "instanceId", "readAt", "subject", "taskId", "userId" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
CREATE TABLE "new_Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "processKey" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementInstanceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "assignee" TEXT,
    "dueAt" DATETIME,
    "followUpAt" DATETIME,
    "priority" INTEGER NOT NULL DEFAULT 50,
    "state" TEXT NOT NULL DEFAULT 'open',
    "form" TEXT,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "completedBy" TEXT,
    "closeReason" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "delegatedFrom" TEXT,
    CONSTRAINT "Task_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Task" ("assignee", "closeReason", "completedAt", "completedBy", "createdAt", "definitionId", "dueAt", "elementId", "elementInstanceId", "followUpAt", "form", "id", "instanceId", "name", "priority", "processKey", "state", "variables") SELECT "assignee", "closeReason", "completedAt", "completedBy", "createdAt", "definitionId", "dueAt", "elementId", "elementInstanceId", "followUpAt", "form", "id", "instanceId", "name", "priority", "processKey", "state", "variables" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE INDEX "Task_state_assignee_dueAt_idx" ON "Task"("state", "assignee", "dueAt");
CREATE INDEX "Task_state_processKey_idx" ON "Task"("state", "processKey");
CREATE INDEX "Task_state_dueAt_idx" ON "Task"("state", "dueAt");
CREATE INDEX "Task_state_followUpAt_idx" ON "Task"("state", "followUpAt");
CREATE INDEX "Task_state_escalationLevel_idx" ON "Task"("state", "escalationLevel");
CREATE INDEX "Task_instanceId_idx" ON "Task"("instanceId");
CREATE UNIQUE INDEX "Task_instanceId_elementInstanceId_key" ON "Task"("instanceId", "elementInstanceId");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "managerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifyBy" TEXT NOT NULL DEFAULT 'immediate',
    CONSTRAINT "User_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "createdAt", "email", "id", "managerId", "name", "passwordHash", "roles", "username") SELECT "active", "createdAt", "email", "id", "managerId", "name", "passwordHash", "roles", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BusinessCalendar_name_key" ON "BusinessCalendar"("name");

-- CreateIndex
CREATE INDEX "BusinessCalendar_isDefault_idx" ON "BusinessCalendar"("isDefault");

-- CreateIndex
CREATE INDEX "TaskEscalation_taskId_idx" ON "TaskEscalation"("taskId");

-- CreateIndex
CREATE INDEX "TaskEscalation_instanceId_idx" ON "TaskEscalation"("instanceId");

-- CreateIndex
CREATE INDEX "TaskEscalation_at_idx" ON "TaskEscalation"("at");

-- CreateIndex
CREATE INDEX "TaskEscalation_processKey_at_idx" ON "TaskEscalation"("processKey", "at");

-- CreateIndex
CREATE INDEX "Substitution_username_startsAt_endsAt_idx" ON "Substitution"("username", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "MailMessage_state_createdAt_idx" ON "MailMessage"("state", "createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_username_state_idx" ON "MailMessage"("username", "state");
