-- DropIndex
DROP INDEX "Household_nextDueOn_idx";

-- DropIndex
DROP INDEX "Household_enquiryDate_idx";

-- CreateIndex
CREATE INDEX "Household_enquiryDate_id_idx" ON "Household"("enquiryDate", "id");

-- CreateIndex
CREATE INDEX "Household_nextDueOn_id_idx" ON "Household"("nextDueOn", "id");

-- CreateIndex
CREATE INDEX "Household_stage_updatedAt_id_idx" ON "Household"("stage", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "PipelineTransition_householdId_occurredAt_idx" ON "PipelineTransition"("householdId", "occurredAt");
