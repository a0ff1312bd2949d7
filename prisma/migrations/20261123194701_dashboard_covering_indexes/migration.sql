-- DropIndex
DROP INDEX "Household_councilId_enquiryDate_route_applicationDate_approvalDate_idx";

-- DropIndex
DROP INDEX "Household_enquiryDate_councilId_route_applicationDate_approvalDate_idx";

-- DropIndex
DROP INDEX "Household_closedDate_idx";

-- CreateIndex
CREATE INDEX "Household_closedDate_councilId_route_closedReason_idx" ON "Household"("closedDate", "councilId", "route", "closedReason");

-- CreateIndex
CREATE INDEX "Household_enquiryDate_councilId_route_applicationDate_approvalDate_initialVisitDate_source_channel_idx" ON "Household"("enquiryDate", "councilId", "route", "applicationDate", "approvalDate", "initialVisitDate", "source", "channel");

-- CreateIndex
CREATE INDEX "Household_councilId_enquiryDate_route_applicationDate_approvalDate_initialVisitDate_source_channel_idx" ON "Household"("councilId", "enquiryDate", "route", "applicationDate", "approvalDate", "initialVisitDate", "source", "channel");

-- CreateIndex
CREATE INDEX "Household_initialVisitDate_councilId_route_idx" ON "Household"("initialVisitDate", "councilId", "route");
