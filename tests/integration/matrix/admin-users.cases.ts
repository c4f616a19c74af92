import { EVERYONE, type MatrixCase } from "../../support/matrix";

// User administration is for administrators alone; a reset link works for whoever holds it
// (world.resetToken is a live link for world.target, made in buildWorld and restored per row).
const ADMIN_ONLY = ["ADMIN"] as const;
const userPage = (w: { target: { id: string } }) => ({ path: `/admin/users/${w.target.id}`, params: { userId: w.target.id } });

export const cases: MatrixCase[] = [
  {
    route: "admin.users._index",
    intent: "create",
    allowed: ADMIN_ONLY,
    request: () => ({
      path: "/admin/users",
      form: { email: "baru@world.test", name: "Pengguna Baru", role: "LIAISON", campuses: ["itb"], password: "sandi-awal-2025" },
    }),
  },
  {
    route: "admin.users.$userId",
    intent: "update",
    allowed: ADMIN_ONLY,
    request: (w) => ({ ...userPage(w), form: { name: "Target Renamed", role: "LIAISON", campuses: ["itb", "umt"] } }),
  },
  { route: "admin.users.$userId", intent: "deactivate", allowed: ADMIN_ONLY, request: (w) => ({ ...userPage(w), form: {} }) },
  { route: "admin.users.$userId", intent: "activate", allowed: ADMIN_ONLY, request: (w) => ({ ...userPage(w), form: {} }) },
  { route: "admin.users.$userId", intent: "revoke-sessions", allowed: ADMIN_ONLY, request: (w) => ({ ...userPage(w), form: {} }) },
  { route: "admin.users.$userId", intent: "issue-reset", allowed: ADMIN_ONLY, request: (w) => ({ ...userPage(w), form: {} }) },
  {
    route: "reset.$token",
    allowed: EVERYONE,
    request: (w) => ({
      path: `/reset/${w.resetToken}`,
      params: { token: w.resetToken },
      form: { newPassword: "sandi-pulih-2025", confirmPassword: "sandi-pulih-2025" },
    }),
  },
];
