-- CreateIndex
CREATE INDEX "ProgressUpdate_reportedOn_createdAt_idx" ON "ProgressUpdate"("reportedOn", "createdAt");

