import type { MatrixCase } from "../../support/matrix";
import type { World } from "../../support/world";

const CAMPUS_CONTENT = ["ADMIN", "LIAISON_OWN"] as const;

export function validItemForm(w: World): Record<string, string> {
  return {
    title: "Kajian kepesertaan BPJS Ketenagakerjaan pekerja informal",
    priorityAreaId: w.area.id,
    triDharma: "RESEARCH",
    campusPicName: "Dr. Siti Rahmawati",
    govPicName: "Budi Santoso",
    plannedStart: "2026-02-01",
    plannedEnd: "2026-10-30",
    visibility: "PUBLISHED",
  };
}

export const cases: MatrixCase[] = [
  {
    route: "items.new",
    allowed: CAMPUS_CONTENT,
    request: (w) => ({ path: "/items/new?campus=itb", form: validItemForm(w) }),
  },
  {
    route: "items.$itemId.edit",
    allowed: CAMPUS_CONTENT,
    request: (w) => ({
      path: `/items/${w.publishedItem.id}/edit`,
      params: { itemId: w.publishedItem.id },
      form: { ...validItemForm(w), version: "1", startedAt: new Date().toISOString() },
    }),
  },
  {
    route: "items.$itemId._index",
    intent: "post-update",
    allowed: CAMPUS_CONTENT,
    request: (w) => ({
      path: `/items/${w.publishedItem.id}`,
      params: { itemId: w.publishedItem.id },
      form: { reportedOn: "2026-03-01", progress: "20", status: "ON_TRACK", narrative: "Survei lapangan selesai." },
    }),
  },
  {
    route: "items.$itemId._index",
    intent: "resolve-obstacle",
    allowed: CAMPUS_CONTENT,
    request: (w) => ({
      path: `/items/${w.publishedItem.id}`,
      params: { itemId: w.publishedItem.id },
      form: { obstacleId: w.obstacle.id, resolution: "Data dibagikan Bappeda." },
    }),
  },
  {
    // an obstacle handed to Bappeda: its focal point clears it, as the campus's liaison may
    route: "items.$itemId._index",
    intent: "resolve-obstacle",
    allowed: ["ADMIN", "LIAISON_OWN", "UNIT_OWN"],
    request: (w) => ({
      path: `/items/${w.publishedItem.id}`,
      params: { itemId: w.publishedItem.id },
      form: { obstacleId: w.unitObstacle.id, resolution: "Data BPS sudah dikirim." },
    }),
  },
  {
    route: "items.$itemId._index",
    intent: "assign-obstacle",
    allowed: ["ADMIN", "REVIEWER", "LIAISON_OWN"],
    request: (w) => ({
      path: `/items/${w.publishedItem.id}`,
      params: { itemId: w.publishedItem.id },
      form: { obstacleId: w.obstacle.id, ownerSide: "GOVERNMENT", ownerUnitId: w.ownUnit.id, ownerName: "Kabid Data", dueDate: "2026-12-31" },
    }),
  },
  {
    route: "items.$itemId._index",
    intent: "government-note",
    allowed: ["ADMIN", "UNIT_OWN"],
    request: (w) => ({
      path: `/items/${w.publishedItem.id}`,
      params: { itemId: w.publishedItem.id },
      form: { body: "Data kepesertaan sudah kami serahkan ke tim kampus." },
    }),
  },
  {
    route: "items.$itemId._index",
    intent: "comment",
    allowed: ["ADMIN", "REVIEWER", "LIAISON_OWN", "UNIT_OWN"],
    request: (w) => ({
      path: `/items/${w.publishedItem.id}`,
      params: { itemId: w.publishedItem.id },
      form: { body: "Mohon lampirkan daftar hadir." },
    }),
  },
];
