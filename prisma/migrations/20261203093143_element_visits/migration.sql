-- CreateTable
CREATE TABLE "ElementVisit" (
    "instanceId" TEXT NOT NULL,
    "elementInstanceId" TEXT NOT NULL,
    "processKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "elementId" TEXT NOT NULL,
    "enteredAt" DATETIME NOT NULL,
    "leftAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,

    PRIMARY KEY ("instanceId", "elementInstanceId")
);

-- CreateIndex
CREATE INDEX "ElementVisit_processKey_version_elementId_idx" ON "ElementVisit"("processKey", "version", "elementId");
