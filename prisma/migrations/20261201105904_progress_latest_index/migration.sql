-- DropIndex
DROP INDEX "ProgressUpdate_itemId_reportedOn_idx";

-- CreateIndex
CREATE INDEX "ProgressUpdate_itemId_reportedOn_createdAt_idx" ON "ProgressUpdate"("itemId", "reportedOn", "createdAt");

