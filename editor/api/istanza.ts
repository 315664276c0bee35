// One API client for the page (same origin: the server serves the editor at `/`).
import { Api } from "./client.ts";

export const api = new Api("");
