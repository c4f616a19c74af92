import type { PrismaClient } from "@prisma/client";
import { MILESTONE_STATES, TRI_DHARMA_FIELDS, UPDATE_STATUSES } from "../app/domain/enums";
import { addDays, startOfDay } from "../app/domain/dates";
import {
  createItem,
  createMember,
  createMilestone,
  createObstacle,
  createTeam,
  createUpdate,
  createUser,
  rng,
} from "./factories";

export const DEMO_DOMAIN = "demo.test";

const PROGRAMMES: Record<string, string[]> = {
  governance: ["Kajian reformasi birokrasi perangkat daerah", "Sistem informasi perencanaan berbasis data", "Evaluasi pelayanan publik terpadu"],
  social: ["Pemetaan kemiskinan ekstrem desa", "Pendampingan kelompok rentan", "Kajian perlindungan sosial pekerja informal"],
  health: ["Penurunan stunting berbasis posyandu", "Telemedisin puskesmas daerah terpencil", "Surveilans penyakit menular"],
  education: ["Peningkatan kompetensi guru SMA/SMK", "Beasiswa dan afirmasi pendidikan tinggi", "Literasi digital sekolah"],
  environment: ["Pengelolaan sampah terpadu kawasan pesisir", "Pemantauan kualitas air Sungai Ciujung", "Mitigasi banjir berbasis data"],
  "regional-economy": ["Penguatan UMKM ekspor", "Hilirisasi produk pertanian", "Pengembangan desa wisata"],
  infrastructure: ["Kajian jalan provinsi dan konektivitas", "Audit keselamatan jembatan", "Perencanaan air bersih perdesaan"],
  "human-resources": ["Sertifikasi kompetensi tenaga kerja", "Pelatihan ASN analis kebijakan", "Inkubator talenta digital"],
  employment: ["Kemitraan magang industri", "Perluasan kepesertaan BPJS Ketenagakerjaan pekerja rentan", "Link and match SMK–industri"],
};

const GIVEN = ["Ahmad", "Siti", "Budi", "Dewi", "Rudi", "Nur", "Agus", "Rina", "Hendra", "Lestari", "Fajar", "Intan"];
const FAMILY = ["Hidayat", "Rahmawati", "Santoso", "Kurniawan", "Wulandari", "Saputra", "Permata", "Nugroho"];
const INDUSTRY = ["PT Krakatau Steel", "Kawasan Industri Cikande", "Asosiasi UMKM Banten", "PT Indah Kiat", "Kadin Banten"];

/** Demo accounts, teams, items with a few months of history, milestones in every state, obstacles. */
export async function seedDemo(db: PrismaClient, options: { password: string; today?: Date }): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const today = startOfDay(options.today ?? new Date());
  const random = rng(20251126);
  const person = () => `${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
  const [campuses, areas, units, agreement] = await Promise.all([
    db.campus.findMany({ orderBy: { position: "asc" } }),
    db.priorityArea.findMany({ orderBy: { position: "asc" } }),
    db.governmentUnit.findMany(),
    db.agreement.findFirst({ where: { kind: "MOU" } }),
  ]);

  await db.$transaction(async (tx) => {
    const password = options.password;
    await createUser(tx, { email: `admin@${DEMO_DOMAIN}`, name: "Admin Biro Adpim", role: "ADMIN", password });
    const reviewer = await createUser(tx, { email: `reviewer@${DEMO_DOMAIN}`, name: "Peninjau Biro Adpim", role: "REVIEWER", password });
    await createUser(tx, { email: `observer@${DEMO_DOMAIN}`, name: "Pemantau Bappeda", role: "OBSERVER", password });
    // one focal point per government unit
    for (const unit of units) {
      await createUser(tx, { email: `unit.${unit.code}@${DEMO_DOMAIN}`, name: `PIC ${unit.abbreviation ?? unit.name}`, role: "UNIT", password, unitIds: [unit.id] });
    }

    let stateCursor = 0;
    for (const [index, campus] of campuses.entries()) {
      const liaison = await createUser(tx, {
        email: `liaison.${campus.slug}@${DEMO_DOMAIN}`,
        name: `Penghubung ${campus.abbreviation ?? campus.name}`,
        role: "LIAISON",
        password,
        campusIds: [campus.id],
      });
      const team = await createTeam(tx, {
        campusId: campus.id,
        name: `Tim Bersama Pemprov Banten – ${campus.abbreviation ?? campus.name}`,
        decreeRef: `SK Gubernur Banten (demo) No. ${100 + index}/Kep.Huk/2026`,
      });
      await createMember(tx, { teamId: team.id, name: `Dr. ${person()}`, side: "CAMPUS", role: "KETUA", position: "Wakil Rektor Bidang Kerja Sama", organization: campus.name, email: `ketua.${campus.slug}@${DEMO_DOMAIN}` });
      await createMember(tx, { teamId: team.id, name: person(), side: "GOVERNMENT", role: "SEKRETARIS", position: "Analis Kebijakan", governmentUnitId: units[index % units.length]!.id, phone: "+62 254 000 000" });
      await createMember(tx, { teamId: team.id, name: person(), side: "CAMPUS", role: "ANGGOTA", position: "Kepala LPPM", organization: campus.name });
      await createMember(tx, { teamId: team.id, name: person(), side: "INDUSTRY", role: "ANGGOTA", position: "Manajer CSR", organization: random.pick(INDUSTRY) });

      const itemCount = random.int(5, 15);
      for (let n = 0; n < itemCount; n++) {
        const area = areas[(index + n) % areas.length]!;
        const start = addDays(today, -random.int(60, 300));
        const item = await createItem(tx, {
          campusId: campus.id,
          priorityAreaId: area.id,
          agreementId: agreement?.id ?? null,
          teamId: team.id,
          governmentUnitId: random.pick(units).id,
          triDharma: TRI_DHARMA_FIELDS[(index + n) % TRI_DHARMA_FIELDS.length]!,
          title: `${random.pick(PROGRAMMES[area.code] ?? ["Program kolaborasi"])} (${campus.abbreviation ?? campus.slug})`,
          description: "Program kolaborasi dalam roadmap Kesepakatan Bersama (data demo).",
          targets: "Laporan kajian, rekomendasi kebijakan, dan satu kegiatan diseminasi.",
          budgetIdr: random.int(5, 80) * 10_000_000,
          industryPartners: random.next() < 0.4 ? random.pick(INDUSTRY) : null,
          visibility: n === itemCount - 1 ? "DRAFT" : "PUBLISHED",
          plannedStart: start,
          plannedEnd: addDays(start, random.int(180, 540)),
          createdById: liaison.id,
        });

        const updates = n === itemCount - 1 ? 0 : random.int(1, 6);
        let progress = 0;
        for (let u = 0; u < updates; u++) {
          // the last update of some items is old, so the stale-item rules have something to show
          const daysAgo = (updates - u) * random.int(14, 30) - (n % 4 === 0 ? 0 : 10) + (n % 5 === 0 ? 40 : 0);
          progress = Math.min(100, progress + random.int(5, 25));
          const status = progress === 100 ? "COMPLETED" : random.pick(UPDATE_STATUSES.filter((s) => s !== "COMPLETED" && s !== "CANCELLED"));
          const update = await createUpdate(tx, {
            itemId: item.id,
            authorId: liaison.id,
            reportedOn: addDays(today, -Math.max(1, daysAgo)),
            progress,
            status,
            narrative: `Laporan kemajuan ke-${u + 1}: kegiatan lapangan dan koordinasi dengan perangkat daerah.`,
            achievements: "Rapat koordinasi dan pengumpulan data awal selesai.",
            nextSteps: "Analisis data dan penyusunan draf rekomendasi.",
          });
          if (u === 0 && n % 3 === 0) {
            await createObstacle(tx, {
              itemId: item.id,
              raisedInId: update.id,
              description: "Akses data sektoral dari perangkat daerah belum dibuka.",
              ownerName: person(),
              dueDate: addDays(today, random.int(-20, 30)),
              needsGovernorOffice: n % 2 === 0,
              // the ones raised for the province are the counterpart unit's to clear
              ownerUnitId: n % 2 === 0 ? item.governmentUnitId : null,
              // every twelfth resolved: half of the units' ones stay open (with n % 6 every one of them was resolved)
              resolved: n % 12 === 0 ? { resolution: "Data dibagikan melalui Bappeda.", resolvedAt: addDays(today, -5) } : undefined,
            });
          }
        }

        // milestones: cycle through every state across the province
        const milestoneCount = random.int(1, 3);
        for (let m = 0; m < milestoneCount; m++) {
          const state = MILESTONE_STATES[stateCursor++ % MILESTONE_STATES.length]!;
          const submitted = state !== "PENDING";
          const evaluated = !["PENDING", "SUBMITTED"].includes(state);
          await createMilestone(tx, {
            itemId: item.id,
            title: ["Laporan pendahuluan", "Laporan antara", "Laporan akhir dan rekomendasi"][m]!,
            dueDate: addDays(today, random.int(-60, 75)),
            state,
            submittedAt: submitted ? addDays(today, -random.int(2, 30)) : null,
            submittedById: submitted ? liaison.id : null,
            submissionNote: submitted ? "Dokumen laporan terlampir." : null,
            selfAssessment: submitted ? "Sebagian besar target tercapai." : null,
            decision: evaluated ? state : null,
            relevanceScore: evaluated && state !== "DEFERRED" ? random.int(2, 5) : null,
            sustainabilityScore: evaluated && state !== "DEFERRED" ? random.int(2, 5) : null,
            feedback: evaluated ? (state === "RETURNED" ? "Lengkapi data dukung dan daftar hadir." : "Terima kasih, dicatat.") : null,
            reviewerId: evaluated ? reviewer.id : null,
            reviewedAt: evaluated ? addDays(today, -1) : null,
          });
        }
      }
    }
  }, { timeout: 120_000 });
  if (agreement) await seedDemoAgreements(db, agreement, campuses, units, today);
  return true;
}

/**
 * The agreement chain of the demo (marked "(demo)"; the Kesepakatan Bersama itself stays as
 * recorded): a PKS per campus under it, and IAs so that every status shows — one ending within 90
 * days, one expired, one active, and one campus's proposal waiting for confirmation. A few items
 * that fit a PKS's validity implement it.
 */
async function seedDemoAgreements(
  db: PrismaClient,
  mou: { id: string; validFrom: Date; validUntil: Date },
  campuses: { id: string; slug: string; name: string; abbreviation: string | null }[],
  units: { id: string }[],
  today: Date,
) {
  const latest = (a: Date, b: Date) => (a > b ? a : b);
  const earliest = (a: Date, b: Date) => (a < b ? a : b);
  const from = latest(mou.validFrom, addDays(today, -365));
  const until = earliest(mou.validUntil, addDays(today, 730));
  await db.$transaction(async (tx) => {
    for (const [index, campus] of campuses.entries()) {
      const short = campus.abbreviation ?? campus.slug.toUpperCase();
      const pks = await tx.agreement.create({
        data: {
          kind: "PKS",
          parentId: mou.id,
          campusId: campus.id,
          number: `${String(200 + index).padStart(3, "0")}/PKS/BIRO-ADPIM/${from.getUTCFullYear()}`,
          campusNumber: `${String(index + 1).padStart(3, "0")}/${short.replace(/\s+/g, "-")}/PKS/${from.getUTCFullYear()}`,
          title: `PKS Pemerintah Provinsi Banten – ${short} (demo)`,
          signedOn: from,
          place: "KP3B, Kota Serang",
          validFrom: from,
          validUntil: until,
          scopeResearch: true,
          scopeCommunityService: true,
          scopeEducation: index % 2 === 0,
          scopeDevelopment: index % 3 === 0,
          governmentSignatory: "Sekretaris Daerah Provinsi Banten (demo)",
          campusRepresentative: `Rektor ${short} (demo)`,
          summary: "Perjanjian kerja sama pelaksanaan Kesepakatan Bersama (data demo).",
          confirmedAt: from,
          units: units[index % units.length] ? { create: [{ governmentUnitId: units[index % units.length]!.id }] } : undefined,
        },
        select: { id: true, validFrom: true, validUntil: true },
      });
      // items of the campus that lie within the PKS implement it
      const fitting = await tx.roadmapItem.findMany({
        where: { campusId: campus.id, plannedStart: { gte: pks.validFrom }, plannedEnd: { lte: pks.validUntil } },
        orderBy: { id: "asc" },
        take: 2,
        select: { id: true },
      });
      if (fitting.length) await tx.roadmapItem.updateMany({ where: { id: { in: fitting.map((i) => i.id) } }, data: { agreementId: pks.id } });
      const ia = (title: string, validFrom: Date, validUntil: Date, state = "CONFIRMED") =>
        validFrom >= pks.validFrom && validUntil <= pks.validUntil && validFrom <= validUntil
          ? tx.agreement.create({
              data: {
                kind: "IA",
                parentId: pks.id,
                campusId: campus.id,
                state,
                number: `IA/${short.replace(/\s+/g, "-")}/${index + 1} (demo)`,
                title: `${title} – ${short} (demo)`,
                validFrom,
                validUntil,
                scopeResearch: true,
                confirmedAt: state === "CONFIRMED" ? validFrom : null,
              },
            })
          : null;
      if (index === 0) await ia("IA Kajian Data Ketenagakerjaan", latest(pks.validFrom, addDays(today, -120)), addDays(today, 45));
      if (index === 1) await ia("IA Survei Kemiskinan Desa", pks.validFrom, addDays(today, -15));
      if (index === 2) await ia("IA Pendampingan UMKM", latest(pks.validFrom, addDays(today, -30)), addDays(today, 400));
      if (index === 3) await ia("Usulan IA Literasi Digital", latest(pks.validFrom, today), addDays(today, 300), "DRAFT");
    }
  });
}
