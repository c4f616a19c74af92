/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // `*.server.ts` beside a route holds its action (or one shared by routes), not a route of its own:
  // docs/decisions/006-actions-beside-routes.md
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.server.ts"],
  serverModuleFormat: "esm",
  tailwind: true,
  postcss: true,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
