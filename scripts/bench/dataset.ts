// Benchmark dataset: a province-scale copy of the collaboration, bulk-inserted with better-sqlite3
// prepared statements inside one transaction (Prisma row by row would take minutes at scale 10).
// Deterministic: the same scale, seed and `today` give the same rows.
import fs from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { startOfDay, todayInBanten } from "../../app/domain/dates";
import { MILESTONE_STATES, TRI_DHARMA_FIELDS } from "../../app/domain/enums";
import { currentState } from "../../app/domain/roadmap";
import { rng } from "../../prisma/factories";
import { prepareDatabase } from "../prepare-database.mjs";

/** What scale 1 means: the 12 signatory campuses and their first year of roadmap. */
export const SCALE_1 = {
  campuses: 12,
  governmentUnits: 5,
  items: 600,
  updates: 25_000,
  milestones: 3_000,
  obstacles: 360,
  comments: 1_200,
} as const;

export const BENCH_DOMAIN = "bench.test";
export const BENCH_PASSWORD = "bench-kolaborasi-2025";
export const BENCH_SEED = 20251126;

export type DatasetOptions = { scale: number; seed?: number; today?: Date; password?: string };

export type DatasetSummary = {
  scale: number;
  seed: number;
  today: string;
  counts: {
    campuses: number;
    governmentUnits: number;
    users: number;
    items: number;
    publishedItems: number;
    updates: number;
    milestones: number;
    obstacles: number;
    comments: number;
    evidence: number;
    auditEvents: number;
  };
  /** The item the item page and the POST are measured on, and the campus it belongs to. */
  benchItem: { id: string; campusSlug: string; updates: number };
  accounts: { reviewer: string; liaison: string; admin: string; observer: string; password: string };
  milliseconds: number;
};

/** The target row counts of a scale (at least the reference campuses and units). */
export function targetCounts(scale: number) {
  if (!(scale > 0)) throw new Error(`Scale must be a positive number, got ${scale}`);
  return {
    campuses: Math.max(SCALE_1.campuses, Math.round(SCALE_1.campuses * scale)),
    governmentUnits: Math.max(SCALE_1.governmentUnits, Math.round(SCALE_1.governmentUnits * scale)),
    items: Math.max(1, Math.round(SCALE_1.items * scale)),
    updates: Math.round(SCALE_1.updates * scale),
    milestones: Math.round(SCALE_1.milestones * scale),
    obstacles: Math.round(SCALE_1.obstacles * scale),
    comments: Math.round(SCALE_1.comments * scale),
  };
}

/**
 * Makes a fresh database for a scale in `dir` (migrations and reference data through
 * scripts/prepare-database.mjs, like every other database of the app) and fills it.
 */
export function buildDataset(dir: string, options: DatasetOptions): { file: string; summary: DatasetSummary } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "app.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}`, DATA_DIR: dir, DEMO_DATA: "false" };
  prepareDatabase({ env, seed: true, quiet: true });
  return { file, summary: generateDataset(file, options) };
}

const GIVEN = ["Ahmad", "Siti", "Budi", "Dewi", "Rudi", "Nur", "Agus", "Rina", "Hendra", "Lestari", "Fajar", "Intan", "Yusuf", "Ratna"];
const FAMILY = ["Hidayat", "Rahmawati", "Santoso", "Kurniawan", "Wulandari", "Saputra", "Permata", "Nugroho", "Maulana", "Fitriani"];
const CITIES = ["Kota Serang", "Kota Cilegon", "Kota Tangerang", "Kota Tangerang Selatan", "Kabupaten Pandeglang", "Kabupaten Lebak", "Kabupaten Serang", "Kabupaten Tangerang"];
const UNIT_KINDS = ["Dinas", "Badan", "Biro", "UPTD"];
const UNIT_TOPICS = ["Pekerjaan Umum", "Perhubungan", "Pertanian", "Kelautan", "Lingkungan Hidup", "Sosial", "Koperasi dan UMKM", "Pariwisata", "Kominfo", "Perindustrian", "Pemuda dan Olahraga", "Ketahanan Pangan"];
const PROGRAMMES = ["Kajian", "Pendampingan", "Pelatihan", "Pemetaan", "Pengembangan sistem", "Evaluasi", "Inkubasi", "Riset terapan"];
const TOPICS = ["stunting", "UMKM ekspor", "air bersih perdesaan", "sampah pesisir", "literasi digital", "jalan provinsi", "desa wisata", "pekerja rentan", "mitigasi banjir", "guru SMK", "hilirisasi pertanian", "pelayanan publik"];
const ITEM_STATUS_WEIGHTS: [string, number][] = [["ON_TRACK", 0.6], ["AT_RISK", 0.2], ["DELAYED", 0.15], ["CANCELLED", 0.05]];

type Row = Record<string, string | number | null>;

/**
 * Fills a database that already has the migrations and the reference data (12 campuses, the
 * government units, priority areas, the MoU) and no users.
 */
export function generateDataset(file: string, options: DatasetOptions): DatasetSummary {
  const started = performance.now();
  const seed = options.seed ?? BENCH_SEED;
  const today = startOfDay(options.today ?? todayInBanten());
  const target = targetCounts(options.scale);
  const random = rng(seed);
  const pick = random.pick;
  const person = () => `${pick(GIVEN)} ${pick(FAMILY)}`;
  const weighted = (weights: [string, number][]) => {
    let x = random.next();
    for (const [value, w] of weights) if ((x -= w) < 0) return value;
    return weights[weights.length - 1]![0];
  };
  // cuid-like ids (25 characters, roughly ordered by creation), repeatable from the seed
  const counters = new Map<string, number>();
  const id = (tag: string) => {
    const n = (counters.get(tag) ?? 0) + 1;
    counters.set(tag, n);
    let tail = "";
    while (tail.length < 14) tail += Math.floor(random.next() * 36).toString(36);
    return `c${tag}${n.toString(36).padStart(8, "0")}${tail}`;
  };
  const ms = (d: Date) => d.getTime();
  const nowMs = ms(today);

  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  // a throw-away database: no fsync while loading, and room to keep the indexes in memory
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  if ((db.prepare(`SELECT COUNT(*) AS n FROM "User"`).get() as { n: number }).n > 0) {
    db.close();
    throw new Error(`${file} already has users: the benchmark dataset needs a fresh database`);
  }
  const statements = new Map<string, Database.Statement>();
  const insert = (table: string, row: Row) => {
    const columns = Object.keys(row);
    const key = `${table}:${columns.join(",")}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
      );
      statements.set(key, statement);
    }
    statement.run(row);
  };

  const refCampuses = db.prepare(`SELECT "id", "slug", "name", "abbreviation" FROM "Campus" ORDER BY "position"`).all() as {
    id: string;
    slug: string;
    name: string;
    abbreviation: string | null;
  }[];
  const areas = db.prepare(`SELECT "id", "code", "nameId" FROM "PriorityArea" ORDER BY "position"`).all() as { id: string; code: string; nameId: string }[];
  const refUnits = db.prepare(`SELECT "id" FROM "GovernmentUnit" ORDER BY "code"`).all() as { id: string }[];
  const mou = db.prepare(`SELECT "id", "validFrom", "validUntil" FROM "Agreement" WHERE "kind" = 'MOU' LIMIT 1`).get() as
    | { id: string; validFrom: number; validUntil: number }
    | undefined;
  if (refCampuses.length === 0 || areas.length === 0 || !mou) {
    db.close();
    throw new Error(`${file} has no reference data: prepare it with scripts/prepare-database.mjs first`);
  }
  const signedPositions = (db.prepare(`SELECT COUNT(*) AS n FROM "AgreementSignatory" WHERE "agreementId" = ?`).get(mou.id) as { n: number }).n;

  const passwordHash = bcrypt.hashSync(options.password ?? BENCH_PASSWORD, 10);
  const counts = { users: 0, publishedItems: 0, obstacles: 0, evidence: 0, auditEvents: 0 };
  // set inside the transaction (a holder, so TypeScript does not narrow it to null)
  const chosen: { item: DatasetSummary["benchItem"] | null } = { item: null };

  db.transaction(() => {
    const created = nowMs - 400 * 86_400_000;
    // ---- campuses and government units beyond the reference data
    const campuses = [...refCampuses];
    for (let n = refCampuses.length; n < target.campuses; n++) {
      const number = String(n + 1).padStart(3, "0");
      const type = pick(["UNIVERSITAS", "UNIVERSITAS", "INSTITUT", "SEKOLAH_TINGGI"]);
      const prefix = type === "INSTITUT" ? "Institut" : type === "SEKOLAH_TINGGI" ? "Sekolah Tinggi" : "Universitas";
      const campus = { id: id("ca"), slug: `kampus-${number}`, name: `${prefix} Banten Sintetis ${number}`, abbreviation: `KBS-${number}` };
      insert("Campus", {
        ...campus,
        type,
        city: pick(CITIES),
        website: null,
        position: n,
        createdAt: created,
        updatedAt: created,
      });
      insert("AgreementSignatory", { agreementId: mou.id, campusId: campus.id, position: signedPositions + n - refCampuses.length });
      campuses.push(campus);
    }
    const units = refUnits.map((u) => u.id);
    for (let n = refUnits.length; n < target.governmentUnits; n++) {
      const unitId = id("gu");
      const name = `${pick(UNIT_KINDS)} ${UNIT_TOPICS[n % UNIT_TOPICS.length]} ${Math.floor(n / UNIT_TOPICS.length) + 1}`;
      insert("GovernmentUnit", { id: unitId, code: `unit-${String(n + 1).padStart(3, "0")}`, name, abbreviation: null, createdAt: created });
      units.push(unitId);
    }

    // ---- users: the governor's office, and one liaison per campus
    const user = (email: string, name: string, role: string) => {
      const userId = id("us");
      insert("User", { id: userId, email, name, passwordHash, role, active: 1, locale: "id", lastLoginAt: null, createdAt: created, updatedAt: created });
      counts.users++;
      return userId;
    };
    user(`admin@${BENCH_DOMAIN}`, "Admin Biro Adpim", "ADMIN");
    const reviewerId = user(`reviewer@${BENCH_DOMAIN}`, "Peninjau Biro Adpim", "REVIEWER");
    user(`observer@${BENCH_DOMAIN}`, "Pemantau Bappeda", "OBSERVER");
    const liaisons = campuses.map((campus) => {
      const userId = user(`liaison.${campus.slug}@${BENCH_DOMAIN}`, `Penghubung ${campus.abbreviation ?? campus.name}`, "LIAISON");
      insert("UserCampus", { userId, campusId: campus.id });
      return userId;
    });

    // ---- one joint team per campus
    const teams = campuses.map((campus, index) => {
      const teamId = id("jt");
      insert("JointTeam", {
        id: teamId,
        campusId: campus.id,
        name: `Tim Bersama Pemprov Banten – ${campus.abbreviation ?? campus.name}`,
        decreeRef: `SK Gubernur Banten No. ${100 + index}/Kep.Huk/2026`,
        decreeDate: created,
        mandate: "Merancang perencanaan, pelaksanaan dan monitoring roadmap kolaborasi.",
        createdAt: created,
        updatedAt: created,
      });
      const members: [string, string, string | null][] = [["CAMPUS", "KETUA", null], ["GOVERNMENT", "SEKRETARIS", units[index % units.length]!], ["CAMPUS", "ANGGOTA", null], ["INDUSTRY", "ANGGOTA", null]];
      for (const [side, role, governmentUnitId] of members) {
        insert("TeamMember", {
          id: id("tm"),
          teamId,
          name: person(),
          side,
          role,
          position: null,
          organization: side === "CAMPUS" ? campus.name : side === "INDUSTRY" ? "Kadin Banten" : null,
          governmentUnitId,
          email: null,
          phone: null,
          createdAt: created,
          updatedAt: created,
        });
      }
      return teamId;
    });

    // ---- roadmap items (round robin over campuses: ~50 per campus at every scale >= 1)
    const earliest = Math.max(mou.validFrom, nowMs - 700 * 86_400_000);
    const latestStart = Math.max(earliest, nowMs - 60 * 86_400_000);
    type Item = { id: string; campus: number; draft: boolean; start: number; end: number; weight: number; updates: number; audit: string };
    const items: Item[] = [];
    for (let n = 0; n < target.items; n++) {
      const campus = n % campuses.length;
      const draft = n % 20 === 19;
      const start = startOfDay(new Date(earliest + random.next() * (latestStart - earliest))).getTime();
      const end = Math.min(mou.validUntil, start + random.int(180, 720) * 86_400_000);
      // most published items report, a few have not started; drafts never have updates
      const weight = draft || (n > 0 && random.next() < 0.05) ? 0 : 0.3 + random.next() * 1.4;
      const itemId = id("it");
      items.push({ id: itemId, campus, draft, start, end, weight, updates: 0, audit: "" });
      const area = areas[(campus + n) % areas.length]!;
      insert("RoadmapItem", {
        id: itemId,
        campusId: campuses[campus]!.id,
        agreementId: mou.id,
        teamId: teams[campus]!,
        priorityAreaId: area.id,
        triDharma: TRI_DHARMA_FIELDS[n % TRI_DHARMA_FIELDS.length]!,
        governmentUnitId: pick(units),
        title: `${pick(PROGRAMMES)} ${pick(TOPICS)} (${campuses[campus]!.abbreviation ?? campuses[campus]!.slug}) #${n + 1}`,
        description: "Program kolaborasi dalam roadmap Kesepakatan Bersama (data benchmark).",
        campusPicName: `Dr. ${person()}`,
        campusPicContact: "+62 254 000 000",
        govPicName: person(),
        govPicContact: null,
        plannedStart: start,
        plannedEnd: end,
        targets: "Laporan kajian, rekomendasi kebijakan, dan satu kegiatan diseminasi.",
        budgetIdr: random.int(5, 80) * 10_000_000,
        industryPartners: random.next() < 0.3 ? "Kadin Banten" : null,
        visibility: draft ? "DRAFT" : "PUBLISHED",
        publishedAt: draft ? null : start,
        // the current state is filled in once the updates are known
        status: "NOT_STARTED",
        progress: 0,
        lastUpdateAt: null,
        version: 1,
        createdById: liaisons[campus]!,
        createdAt: start,
        updatedAt: start,
      });
      if (!draft) counts.publishedItems++;
      audit({ actorId: liaisons[campus]!, action: "create", entity: "RoadmapItem", entityId: itemId, itemId, campusId: campuses[campus]!.id, before: null, after: JSON.stringify({ visibility: draft ? "DRAFT" : "PUBLISHED" }), createdAt: start });
    }

    // ---- progress updates: exactly target.updates, shared by weight (largest remainder)
    const totalWeight = items.reduce((a, i) => a + i.weight, 0);
    if (target.updates > 0 && totalWeight === 0) items[0]!.weight = 1;
    const weightSum = items.reduce((a, i) => a + i.weight, 0);
    const shares = items.map((i) => (weightSum ? (target.updates * i.weight) / weightSum : 0));
    items.forEach((item, n) => (item.updates = Math.floor(shares[n]!)));
    let left = target.updates - items.reduce((a, i) => a + i.updates, 0);
    const byRemainder = items.map((_, n) => n).sort((a, b) => shares[b]! - Math.floor(shares[b]!) - (shares[a]! - Math.floor(shares[a]!)) || a - b);
    for (const n of byRemainder) {
      if (left <= 0) break;
      if (items[n]!.weight > 0) {
        items[n]!.updates++;
        left--;
      }
    }

    const updatesByItem = new Map<string, string[]>();
    const updateItem = db.prepare(`UPDATE "RoadmapItem" SET "status" = ?, "progress" = ?, "lastUpdateAt" = ?, "updatedAt" = ? WHERE "id" = ?`);
    const averageUpdates = target.updates / Math.max(1, items.filter((i) => i.updates > 0).length);
    for (const item of items) {
      if (item.updates === 0) continue;
      const campusId = campuses[item.campus]!.id;
      const author = liaisons[item.campus]!;
      // reports run from the start to a last report 1–90 days ago (some items go stale)
      const last = Math.max(item.start, nowMs - random.int(1, 90) * 86_400_000);
      const span = Math.max(0, last - item.start);
      const finalStatus = weighted(ITEM_STATUS_WEIGHTS);
      const completes = finalStatus === "ON_TRACK" && random.next() < 0.15;
      const finalProgress = completes ? 100 : random.int(5, 95);
      const ids: string[] = [];
      const written: { reportedOn: Date; createdAt: Date; progress: number; status: string }[] = [];
      let previous: { id: string; reportedOn: number } | null = null;
      let before = { status: "NOT_STARTED", progress: 0 };
      for (let k = 0; k < item.updates; k++) {
        const isLast = k === item.updates - 1;
        // about 3 % are corrections of the previous report (same date, entered later)
        const correction: boolean = previous !== null && !isLast && random.next() < 0.03;
        const reportedOn: number = correction ? previous!.reportedOn : startOfDay(new Date(item.start + Math.round((span * (k + 1)) / item.updates))).getTime();
        const createdAt = reportedOn + 2 * 3_600_000 + k * 1000;
        const progress = isLast ? finalProgress : Math.min(finalProgress, Math.round((finalProgress * (k + 1)) / item.updates));
        const status = isLast ? (completes ? "COMPLETED" : finalStatus) : pick(["ON_TRACK", "ON_TRACK", "AT_RISK", "DELAYED"]);
        const updateId = id("pu");
        insert("ProgressUpdate", {
          id: updateId,
          itemId: item.id,
          reportedOn,
          progress,
          status,
          narrative: `Laporan kemajuan ke-${k + 1}: kegiatan lapangan dan koordinasi dengan perangkat daerah.`,
          achievements: random.next() < 0.6 ? "Rapat koordinasi dan pengumpulan data selesai." : null,
          obstacles: random.next() < 0.2 ? "Data sektoral belum lengkap." : null,
          nextSteps: random.next() < 0.6 ? "Analisis data dan penyusunan draf rekomendasi." : null,
          correctsId: correction ? previous!.id : null,
          authorId: author,
          createdAt,
        });
        if (random.next() < 0.15) {
          insert("Evidence", { id: id("ev"), kind: "LINK", url: `https://drive.example.org/laporan/${updateId}`, fileName: null, storagePath: null, mimeType: null, sizeBytes: null, updateId, milestoneId: null, uploadedById: author, createdAt });
          counts.evidence++;
        }
        written.push({ reportedOn: new Date(reportedOn), createdAt: new Date(createdAt), progress, status });
        const state = currentState(written);
        audit({
          actorId: author,
          action: "create",
          entity: "ProgressUpdate",
          entityId: updateId,
          itemId: item.id,
          campusId,
          before: JSON.stringify(before),
          after: JSON.stringify({ status: state.status, progress: state.progress, reportedOn: new Date(reportedOn).toISOString(), correctsId: correction ? previous!.id : null }),
          createdAt,
        });
        before = { status: state.status, progress: state.progress };
        ids.push(updateId);
        previous = { id: updateId, reportedOn };
      }
      // the item's current state is its latest update's, exactly as the app computes it
      const state = currentState(written);
      updateItem.run(state.status, state.progress, state.lastUpdateAt?.getTime() ?? null, written[written.length - 1]!.createdAt.getTime(), item.id);
      updatesByItem.set(item.id, ids);
      if (!chosen.item && item.campus === 0 && !item.draft && state.status !== "CANCELLED" && state.status !== "COMPLETED" && item.updates >= averageUpdates) {
        chosen.item = { id: item.id, campusSlug: campuses[0]!.slug, updates: item.updates };
      }
    }
    if (!chosen.item) {
      // tiny scales: any published item of the first campus
      const fallback = items.find((i) => i.campus === 0 && !i.draft) ?? items[0]!;
      chosen.item = { id: fallback.id, campusSlug: campuses[fallback.campus]!.slug, updates: fallback.updates };
    }

    // ---- milestones, cycling through every state
    for (let n = 0; n < target.milestones; n++) {
      const item = items[n % items.length]!;
      const state = MILESTONE_STATES[n % MILESTONE_STATES.length]!;
      const submitted = state !== "PENDING";
      const evaluated = state !== "PENDING" && state !== "SUBMITTED";
      const dueDate = startOfDay(new Date(item.start + random.next() * (item.end - item.start))).getTime();
      const submittedAt = submitted ? Math.min(nowMs - 86_400_000, dueDate) : null;
      const milestoneId = id("ms");
      insert("Milestone", {
        id: milestoneId,
        itemId: item.id,
        agreementId: null,
        title: `Tonggak ${Math.floor(n / items.length) + 1}: ${pick(["Laporan pendahuluan", "Laporan antara", "Laporan akhir", "Diseminasi hasil", "Rekomendasi kebijakan"])}`,
        description: null,
        dueDate,
        successCriteria: "Dokumen hasil tersedia dan disetujui tim bersama.",
        state,
        submittedAt,
        submittedById: submitted ? liaisons[item.campus]! : null,
        submissionNote: submitted ? "Dokumen laporan terlampir." : null,
        selfAssessment: submitted ? "Sebagian besar target tercapai." : null,
        decision: evaluated ? state : null,
        relevanceScore: evaluated && state !== "DEFERRED" ? random.int(2, 5) : null,
        sustainabilityScore: evaluated && state !== "DEFERRED" ? random.int(2, 5) : null,
        feedback: evaluated ? (state === "RETURNED" ? "Lengkapi data dukung dan daftar hadir." : "Terima kasih, dicatat.") : null,
        reviewerId: evaluated ? reviewerId : null,
        reviewedAt: evaluated && submittedAt !== null ? submittedAt + 86_400_000 : null,
        version: 1,
        createdAt: item.start,
        updatedAt: submittedAt ?? item.start,
      });
      audit({ actorId: liaisons[item.campus]!, action: "create", entity: "Milestone", entityId: milestoneId, itemId: item.id, campusId: campuses[item.campus]!.id, before: null, after: JSON.stringify({ state }), createdAt: item.start });
    }

    // ---- obstacles, raised in an update of their item; 40 % resolved
    const reporting = items.filter((i) => i.updates > 0);
    for (let n = 0; n < target.obstacles && reporting.length > 0; n++) {
      const item = reporting[(n * 7) % reporting.length]!;
      const ids = updatesByItem.get(item.id)!;
      const raisedInId = ids[Math.floor(random.next() * ids.length)]!;
      const resolved = random.next() < 0.4;
      const createdAt = item.start + 86_400_000;
      insert("Obstacle", {
        id: id("ob"),
        itemId: item.id,
        description: pick(["Akses data sektoral dari perangkat daerah belum dibuka.", "Anggaran kegiatan belum cair.", "Jadwal koordinasi dengan OPD tertunda.", "Izin lokasi kegiatan belum terbit."]),
        ownerName: person(),
        dueDate: nowMs + random.int(-30, 45) * 86_400_000,
        needsGovernorOffice: random.next() < 0.3 ? 1 : 0,
        status: resolved ? "RESOLVED" : "OPEN",
        resolution: resolved ? "Diselesaikan melalui rapat koordinasi Bappeda." : null,
        resolvedAt: resolved ? nowMs - random.int(1, 30) * 86_400_000 : null,
        resolvedById: resolved ? liaisons[item.campus]! : null,
        raisedInId,
        resolvedInId: null,
        createdAt,
        updatedAt: createdAt,
      });
      counts.obstacles++;
    }

    // ---- discussion
    for (let n = 0; n < target.comments; n++) {
      const item = items[(n * 3) % items.length]!;
      insert("Comment", {
        id: id("cm"),
        itemId: item.id,
        authorId: n % 2 === 0 ? liaisons[item.campus]! : reviewerId,
        body: n % 2 === 0 ? "Mohon arahan terkait jadwal diseminasi." : "Silakan koordinasikan dengan Bappeda minggu ini.",
        createdAt: item.start + (n % 60) * 3_600_000,
      });
    }
  })();

  function audit(row: { actorId: string; action: string; entity: string; entityId: string; itemId: string; campusId: string; before: string | null; after: string | null; createdAt: number }) {
    insert("AuditEvent", { id: id("ae"), ip: "127.0.0.1", ...row });
    counts.auditEvents++;
  }

  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const benchItem = chosen.item!;
  return {
    scale: options.scale,
    seed,
    today: today.toISOString().slice(0, 10),
    counts: {
      campuses: target.campuses,
      governmentUnits: target.governmentUnits,
      users: counts.users,
      items: target.items,
      publishedItems: counts.publishedItems,
      updates: target.updates,
      milestones: target.milestones,
      obstacles: counts.obstacles,
      comments: target.comments,
      evidence: counts.evidence,
      auditEvents: counts.auditEvents,
    },
    benchItem,
    accounts: {
      reviewer: `reviewer@${BENCH_DOMAIN}`,
      liaison: `liaison.${benchItem.campusSlug}@${BENCH_DOMAIN}`,
      admin: `admin@${BENCH_DOMAIN}`,
      observer: `observer@${BENCH_DOMAIN}`,
      password: options.password ?? BENCH_PASSWORD,
    },
    milliseconds: Math.round(performance.now() - started),
  };
}
