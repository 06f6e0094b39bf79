-- CreateIndex
CREATE INDEX "AuditEntry_actor_action_at_idx" ON "AuditEntry"("actor", "action", "at");
