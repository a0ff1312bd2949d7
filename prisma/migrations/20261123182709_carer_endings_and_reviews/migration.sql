-- AlterTable
ALTER TABLE "ApprovalReview" ADD COLUMN "recordedById" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deregistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "approvalId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "noticeReceivedOn" TEXT,
    "effectiveOn" TEXT NOT NULL,
    "primaryReason" TEXT NOT NULL,
    "reasonGroup" TEXT NOT NULL,
    "secondaryReasons" TEXT,
    "details" TEXT,
    "exitInterview" TEXT NOT NULL DEFAULT 'notOffered',
    "exitInterviewJson" TEXT,
    "endedBy" TEXT NOT NULL DEFAULT 'carer',
    "reviewId" TEXT,
    "qdLetterOn" TEXT,
    "councilRoute" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deregistration_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deregistration_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deregistration" ("approvalId", "councilId", "createdAt", "details", "effectiveOn", "exitInterview", "exitInterviewJson", "id", "noticeReceivedOn", "primaryReason", "reasonGroup", "recordedById", "secondaryReasons") SELECT "approvalId", "councilId", "createdAt", "details", "effectiveOn", "exitInterview", "exitInterviewJson", "id", "noticeReceivedOn", "primaryReason", "reasonGroup", "recordedById", "secondaryReasons" FROM "Deregistration";
DROP TABLE "Deregistration";
ALTER TABLE "new_Deregistration" RENAME TO "Deregistration";
CREATE UNIQUE INDEX "Deregistration_approvalId_key" ON "Deregistration"("approvalId");
CREATE INDEX "Deregistration_councilId_effectiveOn_idx" ON "Deregistration"("councilId", "effectiveOn");
CREATE INDEX "Deregistration_effectiveOn_reasonGroup_idx" ON "Deregistration"("effectiveOn", "reasonGroup");
CREATE INDEX "Deregistration_primaryReason_idx" ON "Deregistration"("primaryReason");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
