-- Search by name (app/models/search.server.ts): when a query matches many roadmap item titles,
-- the search walks this index in title order and stops at the tenth visible match, instead of
-- sorting every match the trigram index found (772 titles for "kajian" at benchmark scale 10).

-- CreateIndex
CREATE INDEX "RoadmapItem_title_idx" ON "RoadmapItem"("title");
