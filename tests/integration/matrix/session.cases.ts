import { EVERYONE, type MatrixCase } from "../../support/matrix";

export const cases: MatrixCase[] = [
  {
    route: "login",
    allowed: EVERYONE,
    request: (w) => ({ path: "/login", form: { email: w.users.OBSERVER.email, password: "kolaborasi2025" } }),
  },
  { route: "logout", allowed: EVERYONE, request: () => ({ path: "/logout", form: {} }) },
  { route: "locale", allowed: EVERYONE, request: () => ({ path: "/locale", form: { locale: "en", redirectTo: "/" } }) },
];
