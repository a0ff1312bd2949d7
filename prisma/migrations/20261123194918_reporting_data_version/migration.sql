-- CreateTable
CREATE TABLE "ReportingDataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- The reports count from these tables. Any change to them, by whatever code writes it (the pipeline writer, the
-- carers and Mockingbird modules, imports, the seed, a manager editing targets), bumps the version in the same
-- transaction, so figures remembered under an older version are never shown again (decision 014). A migration that
-- redefines one of these tables drops its triggers: tests/integration/reporting/figures-cache.test.ts fails then.
INSERT INTO "ReportingDataVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "Household_reporting_version_insert" AFTER INSERT ON "Household" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Household_reporting_version_delete" AFTER DELETE ON "Household" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Household_reporting_version_update" AFTER UPDATE OF "enquiryDate", "initialVisitDate", "applicationDate", "approvalDate", "closedDate", "closedReason", "councilId", "route", "source", "channel" ON "Household" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "HouseholdInterest_reporting_version_insert" AFTER INSERT ON "HouseholdInterest" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "HouseholdInterest_reporting_version_update" AFTER UPDATE ON "HouseholdInterest" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "HouseholdInterest_reporting_version_delete" AFTER DELETE ON "HouseholdInterest" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Approval_reporting_version_insert" AFTER INSERT ON "Approval" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Approval_reporting_version_update" AFTER UPDATE ON "Approval" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Approval_reporting_version_delete" AFTER DELETE ON "Approval" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Deregistration_reporting_version_insert" AFTER INSERT ON "Deregistration" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Deregistration_reporting_version_update" AFTER UPDATE ON "Deregistration" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Deregistration_reporting_version_delete" AFTER DELETE ON "Deregistration" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ConstellationMembership_reporting_version_insert" AFTER INSERT ON "ConstellationMembership" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ConstellationMembership_reporting_version_update" AFTER UPDATE ON "ConstellationMembership" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ConstellationMembership_reporting_version_delete" AFTER DELETE ON "ConstellationMembership" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Target_reporting_version_insert" AFTER INSERT ON "Target" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Target_reporting_version_update" AFTER UPDATE ON "Target" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Target_reporting_version_delete" AFTER DELETE ON "Target" BEGIN UPDATE "ReportingDataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
