-- CreateTable
CREATE TABLE "GovernmentNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GovernmentNote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RoadmapItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GovernmentNote_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "GovernmentUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GovernmentNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserUnit" (
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "unitId"),
    CONSTRAINT "UserUnit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "GovernmentUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GovernmentUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "abbreviation" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'DINAS',
    "parentOrganization" TEXT,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_GovernmentUnit" ("abbreviation", "code", "createdAt", "id", "name") SELECT "abbreviation", "code", "createdAt", "id", "name" FROM "GovernmentUnit";
DROP TABLE "GovernmentUnit";
ALTER TABLE "new_GovernmentUnit" RENAME TO "GovernmentUnit";
CREATE UNIQUE INDEX "GovernmentUnit_code_key" ON "GovernmentUnit"("code");
CREATE TABLE "new_Obstacle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerName" TEXT,
    "ownerSide" TEXT NOT NULL DEFAULT 'CAMPUS',
    "ownerUnitId" TEXT,
    "assignedAt" DATETIME,
    "dueDate" DATETIME,
    "needsGovernorOffice" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "raisedInId" TEXT,
    "resolvedInId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Obstacle_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RoadmapItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Obstacle_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "GovernmentUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Obstacle_raisedInId_fkey" FOREIGN KEY ("raisedInId") REFERENCES "ProgressUpdate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Obstacle_resolvedInId_fkey" FOREIGN KEY ("resolvedInId") REFERENCES "ProgressUpdate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Obstacle" ("createdAt", "description", "dueDate", "id", "itemId", "needsGovernorOffice", "ownerName", "raisedInId", "resolution", "resolvedAt", "resolvedById", "resolvedInId", "status", "updatedAt") SELECT "createdAt", "description", "dueDate", "id", "itemId", "needsGovernorOffice", "ownerName", "raisedInId", "resolution", "resolvedAt", "resolvedById", "resolvedInId", "status", "updatedAt" FROM "Obstacle";
DROP TABLE "Obstacle";
ALTER TABLE "new_Obstacle" RENAME TO "Obstacle";
CREATE INDEX "Obstacle_itemId_status_idx" ON "Obstacle"("itemId", "status");
CREATE INDEX "Obstacle_status_idx" ON "Obstacle"("status");
CREATE INDEX "Obstacle_ownerUnitId_status_idx" ON "Obstacle"("ownerUnitId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GovernmentNote_itemId_createdAt_idx" ON "GovernmentNote"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "GovernmentNote_unitId_createdAt_idx" ON "GovernmentNote"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "UserUnit_unitId_idx" ON "UserUnit"("unitId");


-- The five reference units: their kind and the organisation they belong to
UPDATE "GovernmentUnit" SET "kind" = 'BADAN', "parentOrganization" = 'Pemerintah Provinsi Banten' WHERE "code" = 'bappeda';
UPDATE "GovernmentUnit" SET "kind" = 'BIRO', "parentOrganization" = 'Sekretariat Daerah Provinsi Banten' WHERE "code" = 'biro-adpim';
UPDATE "GovernmentUnit" SET "kind" = 'DINAS', "parentOrganization" = 'Pemerintah Provinsi Banten' WHERE "code" IN ('dindik', 'dinkes', 'disnakertrans');
