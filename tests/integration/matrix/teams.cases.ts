import type { MatrixCase } from "../../support/matrix";

// Joint teams: only the campus's own liaisons (and administrators) manage its teams.
const MANAGERS = ["ADMIN", "LIAISON_OWN"] as const;

const member = {
  name: "Ir. Siti Aminah",
  side: "INDUSTRY",
  role: "ANGGOTA",
  position: "Manajer CSR",
  organization: "PT Krakatau Steel",
  email: "siti@example.test",
  phone: "+62 254 123 456",
};

export const cases: MatrixCase[] = [
  {
    route: "campuses.$slug_.teams",
    intent: "create-team",
    allowed: MANAGERS,
    request: () => ({
      path: "/campuses/itb/teams",
      params: { slug: "itb" },
      form: { name: "Tim Bersama Ketahanan Pangan", decreeRef: "SK 12/2026", decreeDate: "2026-02-03", mandate: "Memantau program." },
    }),
  },
  {
    route: "teams.$teamId",
    intent: "update-team",
    allowed: MANAGERS,
    request: (w) => ({
      path: `/teams/${w.team.id}`,
      params: { teamId: w.team.id },
      // edits carry the version they were opened at (the world's team and member are at 1)
      form: { version: "1", name: "Tim Bersama ITB (revisi)", decreeRef: "SK 7/2026", decreeDate: "2026-01-15", mandate: "Mandat baru." },
    }),
  },
  {
    route: "teams.$teamId",
    intent: "add-member",
    allowed: MANAGERS,
    request: (w) => ({ path: `/teams/${w.team.id}`, params: { teamId: w.team.id }, form: member }),
  },
  {
    route: "teams.$teamId",
    intent: "update-member",
    allowed: MANAGERS,
    request: (w) => ({
      path: `/teams/${w.team.id}`,
      params: { teamId: w.team.id },
      form: { ...member, memberId: w.teamMember.id, version: "1", name: "Anggota ITB (ubah)" },
    }),
  },
  {
    route: "teams.$teamId",
    intent: "remove-member",
    allowed: MANAGERS,
    request: (w) => ({ path: `/teams/${w.team.id}`, params: { teamId: w.team.id }, form: { memberId: w.teamMember.id, version: "1" } }),
  },
];
