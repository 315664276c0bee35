import { Hono } from "hono";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Env } from "../contesto.ts";
import { editor } from "./editor.ts";

describe("editor statico", () => {
  it("senza build, `/` dice come farla; l'API non è toccata", async () => {
    const app = new Hono<Env>();
    editor(app, join(tmpdir(), "non-esiste-" + Date.now()));
    app.get("/v1/x", (c) => c.text("api"));
    const home = await app.request("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("npm run build:editor");
    expect(await (await app.request("/v1/x")).text()).toBe("api");
    expect((await app.request("/altro.js")).status).toBe(404);
  });

  it("con la build, serve i suoi file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dist-"));
    try {
      await writeFile(join(dir, "index.html"), "<!doctype html><title>editor</title>");
      const app = new Hono<Env>();
      editor(app, dir);
      const r = await app.request("/");
      expect(r.status).toBe(200);
      expect(await r.text()).toContain("<title>editor</title>");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
