-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);
-- the one row of the data version counter
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "parentId" TEXT,
    "campusId" TEXT,
    "governmentUnitId" TEXT,
    "signedOn" DATETIME,
    "place" TEXT,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL,
    "scopeResearch" BOOLEAN NOT NULL DEFAULT false,
    "scopeDevelopment" BOOLEAN NOT NULL DEFAULT false,
    "scopeCommunityService" BOOLEAN NOT NULL DEFAULT false,
    "scopeEducation" BOOLEAN NOT NULL DEFAULT false,
    "governmentSignatory" TEXT,
    "campusRepresentative" TEXT,
    "documentRef" TEXT,
    "summary" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Agreement_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agreement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agreement_campusId_fkey" FOREIGN KEY ("campusId") REFERENCES "Campus" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agreement_governmentUnitId_fkey" FOREIGN KEY ("governmentUnitId") REFERENCES "GovernmentUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Agreement" ("campusId", "campusRepresentative", "createdAt", "documentRef", "governmentSignatory", "governmentUnitId", "id", "kind", "number", "parentId", "place", "scopeCommunityService", "scopeDevelopment", "scopeEducation", "scopeResearch", "signedOn", "summary", "title", "updatedAt", "validFrom", "validUntil") SELECT "campusId", "campusRepresentative", "createdAt", "documentRef", "governmentSignatory", "governmentUnitId", "id", "kind", "number", "parentId", "place", "scopeCommunityService", "scopeDevelopment", "scopeEducation", "scopeResearch", "signedOn", "summary", "title", "updatedAt", "validFrom", "validUntil" FROM "Agreement";
DROP TABLE "Agreement";
ALTER TABLE "new_Agreement" RENAME TO "Agreement";
CREATE INDEX "Agreement_parentId_idx" ON "Agreement"("parentId");
CREATE INDEX "Agreement_campusId_idx" ON "Agreement"("campusId");
CREATE INDEX "Agreement_validUntil_idx" ON "Agreement"("validUntil");
CREATE TABLE "new_JointTeam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campusId" TEXT,
    "name" TEXT NOT NULL,
    "decreeRef" TEXT,
    "decreeDate" DATETIME,
    "mandate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "JointTeam_campusId_fkey" FOREIGN KEY ("campusId") REFERENCES "Campus" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_JointTeam" ("campusId", "createdAt", "decreeDate", "decreeRef", "id", "mandate", "name", "updatedAt") SELECT "campusId", "createdAt", "decreeDate", "decreeRef", "id", "mandate", "name", "updatedAt" FROM "JointTeam";
DROP TABLE "JointTeam";
ALTER TABLE "new_JointTeam" RENAME TO "JointTeam";
CREATE INDEX "JointTeam_campusId_idx" ON "JointTeam"("campusId");
CREATE TABLE "new_TeamMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" TEXT,
    "organization" TEXT,
    "governmentUnitId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "JointTeam" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamMember_governmentUnitId_fkey" FOREIGN KEY ("governmentUnitId") REFERENCES "GovernmentUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TeamMember" ("createdAt", "email", "governmentUnitId", "id", "name", "organization", "phone", "position", "role", "side", "teamId", "updatedAt") SELECT "createdAt", "email", "governmentUnitId", "id", "name", "organization", "phone", "position", "role", "side", "teamId", "updatedAt" FROM "TeamMember";
DROP TABLE "TeamMember";
ALTER TABLE "new_TeamMember" RENAME TO "TeamMember";
CREATE INDEX "TeamMember_teamId_idx" ON "TeamMember"("teamId");
CREATE TABLE "new_Indicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "description" TEXT,
    "baselineYear" INTEGER NOT NULL,
    "baselineValue" REAL NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'INCREASE',
    "source" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Indicator" ("baselineValue", "baselineYear", "code", "createdAt", "description", "direction", "id", "nameEn", "nameId", "source", "unit", "updatedAt") SELECT "baselineValue", "baselineYear", "code", "createdAt", "description", "direction", "id", "nameEn", "nameId", "source", "unit", "updatedAt" FROM "Indicator";
DROP TABLE "Indicator";
ALTER TABLE "new_Indicator" RENAME TO "Indicator";
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");
CREATE TABLE "new_FormDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- drafts kept before this migration belong to no session: they are dropped (they last a day at most)
DROP TABLE "FormDraft";
ALTER TABLE "new_FormDraft" RENAME TO "FormDraft";
CREATE INDEX "FormDraft_expiresAt_idx" ON "FormDraft"("expiresAt");
CREATE INDEX "FormDraft_sessionId_createdAt_idx" ON "FormDraft"("sessionId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LoginAttempt_email_ip_createdAt_idx" ON "LoginAttempt"("email", "ip", "createdAt");

