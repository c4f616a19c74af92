import path from "node:path";
import { defineConfig } from "vitest/config";

// One scratch folder per run, inherited by the workers, so two runs never share a database.
process.env.TEST_RUN_DIR ??= path.resolve(__dirname, "tests", ".tmp", `run-${process.pid}`);

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
