-- CreateIndex
CREATE INDEX "Household_allocatedCouncilId_updatedAt_id_idx" ON "Household"("allocatedCouncilId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Household_previousHouseholdId_idx" ON "Household"("previousHouseholdId");

-- CreateIndex
CREATE INDEX "OutboundEmail_status_createdAt_idx" ON "OutboundEmail"("status", "createdAt");
