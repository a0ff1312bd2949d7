-- CreateTable
CREATE TABLE "HouseholdStageCount" (
    "stage" TEXT NOT NULL,
    "councilKey" TEXT NOT NULL,
    "households" INTEGER NOT NULL,

    PRIMARY KEY ("stage", "councilKey")
);

-- Fill the counts from the households already stored, then keep them exact on every insert, delete and change of
-- stage or council, whichever code writes the row (the pipeline writer, enquiries, imports, merges, the seed).
-- A migration that redefines Household drops these triggers: tests/integration/households/stage-counts.test.ts
-- fails if they are missing.
INSERT INTO "HouseholdStageCount" ("stage", "councilKey", "households")
SELECT "stage", COALESCE("councilId", ''), COUNT(*) FROM "Household" GROUP BY "stage", COALESCE("councilId", '');

CREATE TRIGGER "Household_stage_count_insert" AFTER INSERT ON "Household" BEGIN
  INSERT INTO "HouseholdStageCount" ("stage", "councilKey", "households") VALUES (NEW."stage", COALESCE(NEW."councilId", ''), 1)
  ON CONFLICT ("stage", "councilKey") DO UPDATE SET "households" = "households" + 1;
END;

CREATE TRIGGER "Household_stage_count_delete" AFTER DELETE ON "Household" BEGIN
  UPDATE "HouseholdStageCount" SET "households" = "households" - 1 WHERE "stage" = OLD."stage" AND "councilKey" = COALESCE(OLD."councilId", '');
END;

CREATE TRIGGER "Household_stage_count_update" AFTER UPDATE OF "stage", "councilId" ON "Household"
WHEN OLD."stage" IS NOT NEW."stage" OR OLD."councilId" IS NOT NEW."councilId" BEGIN
  UPDATE "HouseholdStageCount" SET "households" = "households" - 1 WHERE "stage" = OLD."stage" AND "councilKey" = COALESCE(OLD."councilId", '');
  INSERT INTO "HouseholdStageCount" ("stage", "councilKey", "households") VALUES (NEW."stage", COALESCE(NEW."councilId", ''), 1)
  ON CONFLICT ("stage", "councilKey") DO UPDATE SET "households" = "households" + 1;
END;
