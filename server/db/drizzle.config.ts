// drizzle-kit config: `node node_modules/.bin/drizzle-kit generate --config server/db/drizzle.config.ts`,
// then hand-edit (role, FORCE RLS, GRANTs, triggers) in a separate migration.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema.ts",
  out: "./server/db/migrations",
  entities: { roles: { provider: "", exclude: ["app_user"] } },
});
