-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "managerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "userId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "groupId"),
    CONSTRAINT "GroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Definition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "deployedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Form" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "formId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "schema" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "definitionId" TEXT NOT NULL,
    "processKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "businessKey" TEXT,
    "status" TEXT NOT NULL,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "path" TEXT NOT NULL DEFAULT '[]',
    "startedBy" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Task" (
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
    CONSTRAINT "Task_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskCandidate" (
    "taskId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("taskId", "kind", "value"),
    CONSTRAINT "TaskCandidate_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementInstanceId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedBy" TEXT,
    CONSTRAINT "Incident_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "instanceId" TEXT,
    "taskId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "instanceId" TEXT,
    "taskId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "Group_name_key" ON "Group"("name");

-- CreateIndex
CREATE INDEX "GroupMember_groupId_idx" ON "GroupMember"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Definition_key_hash_idx" ON "Definition"("key", "hash");

-- CreateIndex
CREATE UNIQUE INDEX "Definition_key_version_key" ON "Definition"("key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Form_formId_version_key" ON "Form"("formId", "version");

-- CreateIndex
CREATE INDEX "Instance_processKey_status_idx" ON "Instance"("processKey", "status");

-- CreateIndex
CREATE INDEX "Instance_status_startedAt_idx" ON "Instance"("status", "startedAt");

-- CreateIndex
CREATE INDEX "Instance_businessKey_idx" ON "Instance"("businessKey");

-- CreateIndex
CREATE INDEX "Task_state_assignee_dueAt_idx" ON "Task"("state", "assignee", "dueAt");

-- CreateIndex
CREATE INDEX "Task_state_processKey_idx" ON "Task"("state", "processKey");

-- CreateIndex
CREATE INDEX "Task_state_dueAt_idx" ON "Task"("state", "dueAt");

-- CreateIndex
CREATE INDEX "Task_instanceId_idx" ON "Task"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_instanceId_elementInstanceId_key" ON "Task"("instanceId", "elementInstanceId");

-- CreateIndex
CREATE INDEX "TaskCandidate_kind_value_idx" ON "TaskCandidate"("kind", "value");

-- CreateIndex
CREATE INDEX "Incident_instanceId_state_idx" ON "Incident"("instanceId", "state");

-- CreateIndex
CREATE INDEX "Incident_state_idx" ON "Incident"("state");

-- CreateIndex
CREATE INDEX "AuditEntry_instanceId_at_idx" ON "AuditEntry"("instanceId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_taskId_idx" ON "AuditEntry"("taskId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
