import { defineConfig } from "vitest/config";

// The reliability suite (`npm run test:affidabilita`, docs/affidabilita.md): each file reproduces an
// attack or an operator's mistake against a real server process. Files run one at a time: a flood or a
// CPU-bound attack in one file must not be what another file measures.
export default defineConfig({
  test: {
    include: ["test/affidabilita/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
