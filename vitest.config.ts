import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["dsl/**/*.test.ts", "cli/**/*.test.ts", "sdk/**/*.test.ts", "engine/**/*.test.ts", "server/**/*.test.ts", "editor/**/*.test.ts", "regolamenti/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["node_modules/**", "test/browser/**", "test/affidabilita/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    coverage: { provider: "v8", include: ["dsl/**", "engine/**", "server/**"], exclude: ["**/*.test.ts"] },
  },
});
