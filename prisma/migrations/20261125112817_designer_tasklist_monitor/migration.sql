-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "processKey" TEXT,
    "name" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "baseVersion" INTEGER,
    "createdBy" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "printedName" TEXT NOT NULL,
    "meaning" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordHash" TEXT NOT NULL,
    "sessionId" TEXT
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TaskComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Draft_processKey_idx" ON "Draft"("processKey");

-- CreateIndex
CREATE INDEX "Draft_createdBy_updatedAt_idx" ON "Draft"("createdBy", "updatedAt");

-- CreateIndex
CREATE INDEX "Signature_instanceId_idx" ON "Signature"("instanceId");

-- CreateIndex
CREATE INDEX "Signature_username_signedAt_idx" ON "Signature"("username", "signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_taskId_key" ON "Signature"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_username_name_key" ON "SavedFilter"("username", "name");

-- CreateIndex
CREATE INDEX "TaskComment_taskId_createdAt_idx" ON "TaskComment"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "TaskComment_instanceId_idx" ON "TaskComment"("instanceId");

-- CreateIndex
CREATE INDEX "Attachment_taskId_idx" ON "Attachment"("taskId");

-- CreateIndex
CREATE INDEX "Attachment_instanceId_idx" ON "Attachment"("instanceId");

-- CreateIndex
CREATE INDEX "Task_state_priority_idx" ON "Task"("state", "priority");

-- CreateIndex
CREATE INDEX "Task_state_createdAt_idx" ON "Task"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Task_completedBy_completedAt_idx" ON "Task"("completedBy", "completedAt");
