// Build of the editor: Lit components + Monaco (core and the features we use only), served by the
// server at `/` from editor/dist. In development (`vite --config editor/vite.config.ts`) the API is
// proxied to the server on :3000.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: "es2022",
  },
  worker: { format: "es" },
  server: {
    port: 5173,
    // The API of `npm run dev` (override with REGOLAMENTO_API=http://host:port).
    proxy: { "/v1": process.env.REGOLAMENTO_API ?? "http://127.0.0.1:3000" },
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
  },
});
