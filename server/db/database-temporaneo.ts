// A throwaway database on a Postgres server (tests and the HTTP benchmark): created beside `base`,
// dropped with `elimina`, so parallel runs never share tables.
import { randomBytes } from "node:crypto";

export async function creaDatabaseTemporaneo(base: string, prefisso = "t_"): Promise<{ nome: string; url: string; elimina(): Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const nome = `${prefisso}${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${nome}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${nome}`;
  return {
    nome,
    url: u.toString(),
    async elimina() {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${nome} with (force)`).catch(() => {});
      await a.end();
    },
  };
}
