-- CreateIndex
CREATE INDEX "Household_stage_lastActivityAt_id_idx" ON "Household"("stage", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Household_stage_enquiryReceivedAt_id_idx" ON "Household"("stage", "enquiryReceivedAt", "id");
