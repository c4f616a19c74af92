// The form schemas for server code: a route module imports the schemas its action parses from here
// (`linkItemSchema` is the agreement's; the indicator's is `indicatorLinkItemSchema`).
// Why not from the schema modules: the browser also loads them, on demand (app/domain/schemas/forms.ts),
// and Remix's esbuild (0.17, code splitting) then keeps a shared chunk imported by every route that
// names it, even when only the action (dropped from the browser build) used it: Zod was back in the
// page's first load. A `.server` module is an empty module in the browser build (issue #17).
export * from "./agreement";
export * from "./auth";
export { MIN_INDICATOR_YEAR, recordValueSchema, linkItemSchema as indicatorLinkItemSchema } from "./indicator";
export type { LinkItemInput, RecordValueInput } from "./indicator";
export * from "./item";
export * from "./mail";
export * from "./milestone";
export * from "./obstacle";
export * from "./progress";
export * from "./team";
export * from "./unit";
