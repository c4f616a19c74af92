// The form schemas for server code: a route module imports the schemas its action parses from here
// (`linkItemSchema` is the agreement's; the indicator's is `indicatorLinkItemSchema`).
// Why not from the schema modules: the browser also loads them, on demand (app/domain/schemas/forms.ts),
// and Remix's esbuild (0.17, code splitting) then keeps a shared chunk imported by every route that
// names it, even when only the action (dropped from the browser build) used it: Zod was back in the
// page's first load. A `.server` module is an empty module in the browser build (issue #17).
// Beware: in the server build a schema module that the validation chunk imports is lazily
// initialised, and esbuild 0.17 elides a re-export through this file without initialising it. Each
// module below is also imported directly by server code (a model or a component), which
// initialises it at start; a schema module reached ONLY through here and forms.ts is undefined in
// the action (a close-quarter schema moved to its own module did exactly that: CI caught a 500).
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
