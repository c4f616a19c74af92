import path from "node:path";
import { defineConfig } from "vitest/config";

// One scratch folder per run, inherited by the workers, so two runs never share a database.
process.env.TEST_RUN_DIR ??= path.resolve(__dirname, "tests", ".tmp", `run-${process.pid}`);

// Two projects: unit tests of pure code need no database and start in seconds; integration tests
// get a migrated, seeded base database (global set-up) copied for every test file.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
