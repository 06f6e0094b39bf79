-- AlterTable
ALTER TABLE "Definition" ADD COLUMN "deploymentId" TEXT;
ALTER TABLE "Definition" ADD COLUMN "versionTag" TEXT;

-- AlterTable
ALTER TABLE "Instance" ADD COLUMN "parentInstanceId" TEXT;

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "drgId" TEXT NOT NULL,
    "resourceName" TEXT,
    "xml" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "versionTag" TEXT,
    "deploymentId" TEXT,
    "deployedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "correlationKey" TEXT,
    "instanceId" TEXT,
    "definitionId" TEXT,
    "processKey" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementInstanceId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "correlationKey" TEXT NOT NULL,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "messageId" TEXT,
    "publishedBy" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MessageCorrelation" (
    "messageId" TEXT NOT NULL,
    "processKey" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("messageId", "processKey"),
    CONSTRAINT "MessageCorrelation_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Decision_decisionId_versionTag_idx" ON "Decision"("decisionId", "versionTag");

-- CreateIndex
CREATE INDEX "Decision_deploymentId_idx" ON "Decision"("deploymentId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_decisionId_version_key" ON "Decision"("decisionId", "version");

-- CreateIndex
CREATE INDEX "Subscription_kind_name_state_correlationKey_idx" ON "Subscription"("kind", "name", "state", "correlationKey");

-- CreateIndex
CREATE INDEX "Subscription_instanceId_idx" ON "Subscription"("instanceId");

-- CreateIndex
CREATE INDEX "Subscription_definitionId_idx" ON "Subscription"("definitionId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_messageId_key" ON "Message"("messageId");

-- CreateIndex
CREATE INDEX "Message_name_correlationKey_expiresAt_idx" ON "Message"("name", "correlationKey", "expiresAt");

-- CreateIndex
CREATE INDEX "Definition_key_versionTag_idx" ON "Definition"("key", "versionTag");

-- CreateIndex
CREATE INDEX "Definition_deploymentId_idx" ON "Definition"("deploymentId");

-- CreateIndex
CREATE INDEX "Instance_parentInstanceId_idx" ON "Instance"("parentInstanceId");
