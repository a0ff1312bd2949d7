-- CreateTable
CREATE TABLE "SgoSupportContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SgoSupportContact_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SgoSupportCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Constellation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "launchedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "closedOn" TEXT,
    "liaisonWorkerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Constellation_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Constellation" ("closedOn", "councilId", "createdAt", "id", "launchedOn", "liaisonWorkerId", "name", "status") SELECT "closedOn", "councilId", "createdAt", "id", "launchedOn", "liaisonWorkerId", "name", "status" FROM "Constellation";
DROP TABLE "Constellation";
ALTER TABLE "new_Constellation" RENAME TO "Constellation";
CREATE INDEX "Constellation_councilId_status_idx" ON "Constellation"("councilId", "status");
CREATE TABLE "new_SgoSupportCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "householdId" TEXT,
    "reference" TEXT NOT NULL,
    "guardianDisplayName" TEXT NOT NULL,
    "childReference" TEXT NOT NULL,
    "orderDate" TEXT NOT NULL,
    "formerCarerStatus" TEXT NOT NULL,
    "supportPlan" TEXT,
    "weeklyAllowancePence" INTEGER,
    "allowanceStartOn" TEXT,
    "allowanceEndOn" TEXT,
    "nextReviewOn" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SgoSupportCase_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SgoSupportCase_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SgoSupportCase" ("allowanceEndOn", "allowanceStartOn", "childReference", "councilId", "createdAt", "formerCarerStatus", "guardianDisplayName", "householdId", "id", "nextReviewOn", "orderDate", "reference", "status", "supportPlan", "updatedAt", "weeklyAllowancePence") SELECT "allowanceEndOn", "allowanceStartOn", "childReference", "councilId", "createdAt", "formerCarerStatus", "guardianDisplayName", "householdId", "id", "nextReviewOn", "orderDate", "reference", "status", "supportPlan", "updatedAt", "weeklyAllowancePence" FROM "SgoSupportCase";
DROP TABLE "SgoSupportCase";
ALTER TABLE "new_SgoSupportCase" RENAME TO "SgoSupportCase";
CREATE UNIQUE INDEX "SgoSupportCase_reference_key" ON "SgoSupportCase"("reference");
CREATE INDEX "SgoSupportCase_councilId_status_nextReviewOn_idx" ON "SgoSupportCase"("councilId", "status", "nextReviewOn");
CREATE INDEX "SgoSupportCase_householdId_idx" ON "SgoSupportCase"("householdId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SgoSupportContact_caseId_occurredOn_idx" ON "SgoSupportContact"("caseId", "occurredOn");
