// Vitest global setup: one real server for all browser test files.
import type { TestProject } from "vitest/node";
import { avviaServer, type ServerAvviato } from "./servizio.ts";

let server: ServerAvviato | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await avviaServer();
  project.provide("url", server.url);
  project.provide("chiaveAdmin", server.chiaveAdmin);
}

export async function teardown(): Promise<void> {
  await server?.ferma();
}

declare module "vitest" {
  export interface ProvidedContext {
    url: string;
    chiaveAdmin: string;
  }
}
