// Browser tests: the built editor (editor/dist) served by the real server, driven in Debian's
// Chromium. Run with `npm run test:browser` (which builds the editor first). Not part of `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/globale.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
