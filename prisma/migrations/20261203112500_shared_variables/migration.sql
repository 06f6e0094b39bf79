-- CreateTable
CREATE TABLE "SharedVariables" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "variables" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SharedVariables_bodyId_idx" ON "SharedVariables"("bodyId");

-- CreateIndex
CREATE INDEX "SharedVariables_instanceId_idx" ON "SharedVariables"("instanceId");
