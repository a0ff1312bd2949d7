-- CreateIndex
CREATE INDEX "Household_councilId_stage_nextDueOn_idx" ON "Household"("councilId", "stage", "nextDueOn");

-- CreateIndex
CREATE INDEX "Household_stage_nextDueOn_idx" ON "Household"("stage", "nextDueOn");
