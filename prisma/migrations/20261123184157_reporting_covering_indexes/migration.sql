-- CreateIndex
CREATE INDEX "Approval_approvedOn_councilId_endedOn_householdId_id_idx" ON "Approval"("approvedOn", "councilId", "endedOn", "householdId", "id");

-- CreateIndex
CREATE INDEX "Approval_councilId_approvedOn_endedOn_householdId_id_idx" ON "Approval"("councilId", "approvedOn", "endedOn", "householdId", "id");

-- CreateIndex
CREATE INDEX "Deregistration_effectiveOn_reasonGroup_approvalId_idx" ON "Deregistration"("effectiveOn", "reasonGroup", "approvalId");

-- CreateIndex
CREATE INDEX "Deregistration_approvalId_effectiveOn_idx" ON "Deregistration"("approvalId", "effectiveOn");

-- CreateIndex
CREATE INDEX "Household_enquiryDate_councilId_route_applicationDate_approvalDate_idx" ON "Household"("enquiryDate", "councilId", "route", "applicationDate", "approvalDate");

-- CreateIndex
CREATE INDEX "Household_councilId_enquiryDate_route_applicationDate_approvalDate_idx" ON "Household"("councilId", "enquiryDate", "route", "applicationDate", "approvalDate");

-- CreateIndex
CREATE INDEX "Household_applicationDate_councilId_route_idx" ON "Household"("applicationDate", "councilId", "route");

-- CreateIndex
CREATE INDEX "Household_id_route_enquiryDate_applicationDate_idx" ON "Household"("id", "route", "enquiryDate", "applicationDate");
