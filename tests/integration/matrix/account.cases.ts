import { SIGNED_IN, type MatrixCase } from "../../support/matrix";

// The audit trail (/audit) only reads, so it has no row here: it has no action.
export const cases: MatrixCase[] = [
  {
    route: "account",
    intent: "change-password",
    allowed: SIGNED_IN,
    request: () => ({
      path: "/account",
      form: { currentPassword: "kolaborasi2025", newPassword: "sandi-baru-2025", confirmPassword: "sandi-baru-2025" },
    }),
  },
];
