-- CreateTable
CREATE TABLE "Council" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "onsCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "councilId" TEXT,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" DATETIME,
    "lastSignInAt" DATETIME,
    "invitedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastFailedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MagicLinkToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "redirectTo" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "route" TEXT NOT NULL DEFAULT 'mainstream',
    "channel" TEXT NOT NULL DEFAULT 'webForm',
    "source" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'enquiry',
    "email" TEXT,
    "phone" TEXT,
    "preferredContactTime" TEXT,
    "addressLine1" TEXT,
    "town" TEXT,
    "postcode" TEXT,
    "spareBedrooms" INTEGER,
    "outsideArea" BOOLEAN NOT NULL DEFAULT false,
    "councilId" TEXT,
    "residenceCouncilId" TEXT,
    "allocatedCouncilId" TEXT,
    "allocationReason" TEXT,
    "ownerId" TEXT,
    "stage" TEXT NOT NULL,
    "pipelineSnapshot" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "enquiryReceivedAt" DATETIME NOT NULL,
    "enquiryDate" TEXT NOT NULL,
    "initialVisitDate" TEXT,
    "applicationDate" TEXT,
    "applicationAcceptedDate" TEXT,
    "handoverDate" TEXT,
    "panelDate" TEXT,
    "approvalDate" TEXT,
    "closedDate" TEXT,
    "closedReason" TEXT,
    "withdrawalAwCode" TEXT,
    "onHoldSince" TEXT,
    "nextDueOn" TEXT,
    "nextDueRule" TEXT,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previousHouseholdId" TEXT,
    "transferredInFrom" TEXT,
    "idempotencyKey" TEXT,
    "utmJson" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Household_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Household_residenceCouncilId_fkey" FOREIGN KEY ("residenceCouncilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Household_allocatedCouncilId_fkey" FOREIGN KEY ("allocatedCouncilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Household_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Household_previousHouseholdId_fkey" FOREIGN KEY ("previousHouseholdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "relationship" TEXT,
    "preferredLanguage" TEXT,
    "interpreterNeeded" BOOLEAN NOT NULL DEFAULT false,
    "bslNeeded" BOOLEAN NOT NULL DEFAULT false,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HouseholdInterest" (
    "householdId" TEXT NOT NULL,
    "interest" TEXT NOT NULL,

    PRIMARY KEY ("householdId", "interest"),
    CONSTRAINT "HouseholdInterest_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PipelineTransition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "reasonCode" TEXT,
    "payloadJson" TEXT,
    "occurredOn" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "machineVersion" INTEGER NOT NULL,
    CONSTRAINT "PipelineTransition_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT,
    "title" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "completedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Task_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "summary" TEXT,
    "byId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactAttempt_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Note" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "restricted" BOOLEAN NOT NULL DEFAULT false,
    "peerSupport" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Note_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Stage1Check" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "personId" TEXT,
    "type" TEXT NOT NULL,
    "refereeName" TEXT,
    "refereeContact" TEXT,
    "requestedOn" TEXT,
    "remindedOn" TEXT,
    "receivedOn" TEXT,
    "outcome" TEXT,
    "restrictedNotes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stage1Check_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Stage1Check_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'inProgress',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationSection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "personKey" TEXT NOT NULL DEFAULT 'household',
    "answersJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'inProgress',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApplicationSection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KinshipDetails" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "childReference" TEXT NOT NULL,
    "relationship" TEXT,
    "viabilityOn" TEXT,
    "tempApprovalStartOn" TEXT,
    "tempApprovalEndOn" TEXT,
    "extensionEndOn" TEXT,
    "irmStay" BOOLEAN NOT NULL DEFAULT false,
    "assessmentForm" TEXT,
    CONSTRAINT "KinshipDetails_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "approvalType" TEXT NOT NULL,
    "approvedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedOn" TEXT,
    "supervisingWorkerId" TEXT,
    "firstReviewDueOn" TEXT,
    "nextReviewDueOn" TEXT,
    "tsdDueOn" TEXT,
    "tsdMetOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Approval_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Approval_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApprovalTerms" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "approvalId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "numberOfChildren" INTEGER NOT NULL,
    "minAge" INTEGER NOT NULL,
    "maxAge" INTEGER NOT NULL,
    "placementKinds" TEXT NOT NULL,
    "specialisms" TEXT,
    "namedChildren" TEXT,
    "reason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalTerms_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApprovalReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "approvalId" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "heldOn" TEXT,
    "toPanel" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalReview_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlacementSummary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "approvalId" TEXT NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    "numberOfChildren" INTEGER NOT NULL,
    CONSTRAINT "PlacementSummary_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deregistration" (
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
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deregistration_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deregistration_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StayingPutArrangement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "youngPersonReference" TEXT NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "StayingPutArrangement_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Constellation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "launchedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "closedOn" TEXT,
    "liaisonWorkerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Constellation_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConstellationMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "constellationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "householdType" TEXT NOT NULL DEFAULT 'foster',
    "joinedOn" TEXT NOT NULL,
    "leftOn" TEXT,
    "leftReason" TEXT,
    CONSTRAINT "ConstellationMembership_constellationId_fkey" FOREIGN KEY ("constellationId") REFERENCES "Constellation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConstellationMembership_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MockingbirdActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "constellationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "nights" INTEGER,
    "householdIdsJson" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT,
    CONSTRAINT "MockingbirdActivity_constellationId_fkey" FOREIGN KEY ("constellationId") REFERENCES "Constellation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SgoSupportCase" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SgoSupportCase_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SgoSupportCase_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "basis" TEXT NOT NULL DEFAULT 'cohort',
    "valuePercent" REAL,
    "valueCount" INTEGER,
    "enquiryType" TEXT,
    "councilId" TEXT,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "source" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "Target_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CostParameter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT,
    "name" TEXT NOT NULL,
    "weeklyPence" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "CostParameter_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BankHoliday" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "OutboundEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "template" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "propsJson" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "resendId" TEXT,
    "sentAt" DATETIME,
    "householdId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboundEmail_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT,
    "entityId" TEXT,
    "councilId" TEXT,
    "summary" TEXT,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    "requestId" TEXT,
    "ip" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Council_onsCode_key" ON "Council"("onsCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_councilId_idx" ON "User"("role", "councilId");

-- CreateIndex
CREATE INDEX "User_councilId_active_idx" ON "User"("councilId", "active");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MagicLinkToken_tokenHash_key" ON "MagicLinkToken"("tokenHash");

-- CreateIndex
CREATE INDEX "MagicLinkToken_email_createdAt_idx" ON "MagicLinkToken"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Household_reference_key" ON "Household"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Household_idempotencyKey_key" ON "Household"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Household_stage_councilId_idx" ON "Household"("stage", "councilId");

-- CreateIndex
CREATE INDEX "Household_councilId_stage_updatedAt_idx" ON "Household"("councilId", "stage", "updatedAt");

-- CreateIndex
CREATE INDEX "Household_allocatedCouncilId_stage_updatedAt_idx" ON "Household"("allocatedCouncilId", "stage", "updatedAt");

-- CreateIndex
CREATE INDEX "Household_route_enquiryDate_idx" ON "Household"("route", "enquiryDate");

-- CreateIndex
CREATE INDEX "Household_councilId_enquiryDate_idx" ON "Household"("councilId", "enquiryDate");

-- CreateIndex
CREATE INDEX "Household_enquiryDate_idx" ON "Household"("enquiryDate");

-- CreateIndex
CREATE INDEX "Household_applicationDate_idx" ON "Household"("applicationDate");

-- CreateIndex
CREATE INDEX "Household_approvalDate_idx" ON "Household"("approvalDate");

-- CreateIndex
CREATE INDEX "Household_closedDate_idx" ON "Household"("closedDate");

-- CreateIndex
CREATE INDEX "Household_ownerId_stage_idx" ON "Household"("ownerId", "stage");

-- CreateIndex
CREATE INDEX "Household_nextDueOn_idx" ON "Household"("nextDueOn");

-- CreateIndex
CREATE INDEX "Household_lastActivityAt_idx" ON "Household"("lastActivityAt");

-- CreateIndex
CREATE INDEX "Household_updatedAt_id_idx" ON "Household"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Household_postcode_idx" ON "Household"("postcode");

-- CreateIndex
CREATE INDEX "Household_email_idx" ON "Household"("email");

-- CreateIndex
CREATE INDEX "Household_phone_idx" ON "Household"("phone");

-- CreateIndex
CREATE INDEX "Household_source_idx" ON "Household"("source");

-- CreateIndex
CREATE INDEX "Person_householdId_idx" ON "Person"("householdId");

-- CreateIndex
CREATE INDEX "Person_lastName_idx" ON "Person"("lastName");

-- CreateIndex
CREATE INDEX "Person_email_idx" ON "Person"("email");

-- CreateIndex
CREATE INDEX "Person_userId_idx" ON "Person"("userId");

-- CreateIndex
CREATE INDEX "HouseholdInterest_interest_idx" ON "HouseholdInterest"("interest");

-- CreateIndex
CREATE INDEX "PipelineTransition_householdId_recordedAt_idx" ON "PipelineTransition"("householdId", "recordedAt");

-- CreateIndex
CREATE INDEX "PipelineTransition_toStage_occurredOn_idx" ON "PipelineTransition"("toStage", "occurredOn");

-- CreateIndex
CREATE INDEX "PipelineTransition_event_occurredOn_idx" ON "PipelineTransition"("event", "occurredOn");

-- CreateIndex
CREATE INDEX "Task_ownerId_status_dueOn_idx" ON "Task"("ownerId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "Task_householdId_status_idx" ON "Task"("householdId", "status");

-- CreateIndex
CREATE INDEX "Task_status_dueOn_idx" ON "Task"("status", "dueOn");

-- CreateIndex
CREATE INDEX "ContactAttempt_householdId_occurredAt_idx" ON "ContactAttempt"("householdId", "occurredAt");

-- CreateIndex
CREATE INDEX "Note_householdId_createdAt_idx" ON "Note"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "Stage1Check_householdId_type_idx" ON "Stage1Check"("householdId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Application_householdId_key" ON "Application"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationSection_applicationId_section_personKey_key" ON "ApplicationSection"("applicationId", "section", "personKey");

-- CreateIndex
CREATE UNIQUE INDEX "KinshipDetails_householdId_key" ON "KinshipDetails"("householdId");

-- CreateIndex
CREATE INDEX "KinshipDetails_tempApprovalEndOn_idx" ON "KinshipDetails"("tempApprovalEndOn");

-- CreateIndex
CREATE INDEX "KinshipDetails_extensionEndOn_idx" ON "KinshipDetails"("extensionEndOn");

-- CreateIndex
CREATE INDEX "Approval_councilId_status_idx" ON "Approval"("councilId", "status");

-- CreateIndex
CREATE INDEX "Approval_approvedOn_idx" ON "Approval"("approvedOn");

-- CreateIndex
CREATE INDEX "Approval_endedOn_idx" ON "Approval"("endedOn");

-- CreateIndex
CREATE INDEX "Approval_householdId_idx" ON "Approval"("householdId");

-- CreateIndex
CREATE INDEX "Approval_nextReviewDueOn_idx" ON "Approval"("nextReviewDueOn");

-- CreateIndex
CREATE INDEX "ApprovalTerms_approvalId_effectiveFrom_idx" ON "ApprovalTerms"("approvalId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ApprovalReview_approvalId_dueOn_idx" ON "ApprovalReview"("approvalId", "dueOn");

-- CreateIndex
CREATE INDEX "PlacementSummary_approvalId_startOn_idx" ON "PlacementSummary"("approvalId", "startOn");

-- CreateIndex
CREATE UNIQUE INDEX "Deregistration_approvalId_key" ON "Deregistration"("approvalId");

-- CreateIndex
CREATE INDEX "Deregistration_councilId_effectiveOn_idx" ON "Deregistration"("councilId", "effectiveOn");

-- CreateIndex
CREATE INDEX "Deregistration_effectiveOn_reasonGroup_idx" ON "Deregistration"("effectiveOn", "reasonGroup");

-- CreateIndex
CREATE INDEX "Deregistration_primaryReason_idx" ON "Deregistration"("primaryReason");

-- CreateIndex
CREATE INDEX "StayingPutArrangement_householdId_idx" ON "StayingPutArrangement"("householdId");

-- CreateIndex
CREATE INDEX "Constellation_councilId_status_idx" ON "Constellation"("councilId", "status");

-- CreateIndex
CREATE INDEX "ConstellationMembership_constellationId_leftOn_idx" ON "ConstellationMembership"("constellationId", "leftOn");

-- CreateIndex
CREATE INDEX "ConstellationMembership_householdId_joinedOn_idx" ON "ConstellationMembership"("householdId", "joinedOn");

-- CreateIndex
CREATE INDEX "MockingbirdActivity_constellationId_occurredOn_idx" ON "MockingbirdActivity"("constellationId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "SgoSupportCase_reference_key" ON "SgoSupportCase"("reference");

-- CreateIndex
CREATE INDEX "SgoSupportCase_councilId_status_nextReviewOn_idx" ON "SgoSupportCase"("councilId", "status", "nextReviewOn");

-- CreateIndex
CREATE INDEX "Target_fromStage_toStage_effectiveFrom_idx" ON "Target"("fromStage", "toStage", "effectiveFrom");

-- CreateIndex
CREATE INDEX "CostParameter_name_councilId_effectiveFrom_idx" ON "CostParameter"("name", "councilId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundEmail_idempotencyKey_key" ON "OutboundEmail"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboundEmail_status_nextAttemptAt_idx" ON "OutboundEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundEmail_householdId_createdAt_idx" ON "OutboundEmail"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundEmail_createdAt_idx" ON "OutboundEmail"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_at_idx" ON "AuditEvent"("entity", "entityId", "at");
