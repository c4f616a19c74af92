import { SIGNED_IN, type MatrixCase } from "../../support/matrix";

// E-mail preferences and the calendar feed (/account), the outbox (/admin/outbox). The calendar
// feed itself (/calendar/<secret>.ics) only reads: tests/integration/calendar.test.ts.
export const cases: MatrixCase[] = [
  {
    route: "account",
    intent: "mail-preferences",
    allowed: SIGNED_IN,
    request: () => ({ path: "/account", form: { emailDigest: "OFF", locale: "en" } }),
  },
  { route: "account", intent: "calendar-create", allowed: SIGNED_IN, request: () => ({ path: "/account" }) },
  { route: "account", intent: "calendar-revoke", allowed: SIGNED_IN, request: () => ({ path: "/account" }) },
  { route: "admin.outbox", intent: "retry-all", allowed: ["ADMIN"], request: () => ({ path: "/admin/outbox" }) },
  {
    route: "admin.outbox",
    intent: "retry",
    allowed: ["ADMIN"],
    request: () => ({ path: "/admin/outbox", form: { id: "no-such-message" } }),
  },
];
