-- CreateTable
CREATE TABLE "Stage2Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "assessorId" TEXT,
    "peerBuddy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stage2Assessment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Stage2Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Stage2Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "sessionOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Stage2Session_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Stage2Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkillsToFosterTraining" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "courseStartOn" TEXT NOT NULL,
    "attended" BOOLEAN NOT NULL,
    "completedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SkillsToFosterTraining_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Stage2Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Stage2Assessment_householdId_key" ON "Stage2Assessment"("householdId");

-- CreateIndex
CREATE INDEX "Stage2Assessment_assessorId_idx" ON "Stage2Assessment"("assessorId");

-- CreateIndex
CREATE INDEX "Stage2Session_assessmentId_sessionOn_idx" ON "Stage2Session"("assessmentId", "sessionOn");

-- CreateIndex
CREATE INDEX "SkillsToFosterTraining_assessmentId_courseStartOn_idx" ON "SkillsToFosterTraining"("assessmentId", "courseStartOn");
