-- CreateTable
CREATE TABLE "AgreementUnit" (
    "agreementId" TEXT NOT NULL,
    "governmentUnitId" TEXT NOT NULL,

    PRIMARY KEY ("agreementId", "governmentUnitId"),
    CONSTRAINT "AgreementUnit_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreementUnit_governmentUnitId_fkey" FOREIGN KEY ("governmentUnitId") REFERENCES "GovernmentUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "signedOn" DATETIME NOT NULL,
    "summary" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementAmendment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Keep any government unit recorded on an agreement (the column moves to AgreementUnit)
INSERT INTO "AgreementUnit" ("agreementId", "governmentUnitId")
SELECT "id", "governmentUnitId" FROM "Agreement" WHERE "governmentUnitId" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "campusNumber" TEXT,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'CONFIRMED',
    "supersededById" TEXT,
    "documentPublic" BOOLEAN NOT NULL DEFAULT false,
    "proposedById" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "parentId" TEXT,
    "campusId" TEXT,
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
    CONSTRAINT "Agreement_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Agreement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agreement_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agreement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agreement_campusId_fkey" FOREIGN KEY ("campusId") REFERENCES "Campus" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Agreement" ("campusId", "campusRepresentative", "createdAt", "documentRef", "governmentSignatory", "id", "kind", "number", "parentId", "place", "scopeCommunityService", "scopeDevelopment", "scopeEducation", "scopeResearch", "signedOn", "summary", "title", "updatedAt", "validFrom", "validUntil", "version") SELECT "campusId", "campusRepresentative", "createdAt", "documentRef", "governmentSignatory", "id", "kind", "number", "parentId", "place", "scopeCommunityService", "scopeDevelopment", "scopeEducation", "scopeResearch", "signedOn", "summary", "title", "updatedAt", "validFrom", "validUntil", "version" FROM "Agreement";
DROP TABLE "Agreement";
ALTER TABLE "new_Agreement" RENAME TO "Agreement";
CREATE UNIQUE INDEX "Agreement_supersededById_key" ON "Agreement"("supersededById");
CREATE INDEX "Agreement_parentId_idx" ON "Agreement"("parentId");
CREATE INDEX "Agreement_campusId_idx" ON "Agreement"("campusId");
CREATE INDEX "Agreement_validUntil_idx" ON "Agreement"("validUntil");
CREATE INDEX "Agreement_state_validUntil_idx" ON "Agreement"("state", "validUntil");
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "storagePath" TEXT,
    "mimeType" TEXT,
    "sizeBytes" INTEGER,
    "updateId" TEXT,
    "milestoneId" TEXT,
    "agreementId" TEXT,
    "amendmentId" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "AgreementAmendment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Evidence" ("createdAt", "fileName", "id", "kind", "milestoneId", "mimeType", "sizeBytes", "storagePath", "updateId", "uploadedById", "url") SELECT "createdAt", "fileName", "id", "kind", "milestoneId", "mimeType", "sizeBytes", "storagePath", "updateId", "uploadedById", "url" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE INDEX "Evidence_updateId_idx" ON "Evidence"("updateId");
CREATE INDEX "Evidence_milestoneId_idx" ON "Evidence"("milestoneId");
CREATE INDEX "Evidence_agreementId_idx" ON "Evidence"("agreementId");
CREATE INDEX "Evidence_amendmentId_idx" ON "Evidence"("amendmentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AgreementUnit_governmentUnitId_idx" ON "AgreementUnit"("governmentUnitId");

-- CreateIndex
CREATE INDEX "AgreementAmendment_agreementId_signedOn_idx" ON "AgreementAmendment"("agreementId", "signedOn");

