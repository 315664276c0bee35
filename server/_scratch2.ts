import { analizza } from "../dsl/analizza.ts";
import { readFileSync } from "node:fs";
for (const f of ["server/test-fixtures/semi/alfa.regolamento", "server/test-fixtures/alfa-2.regolamento"]) {
  const r = analizza(readFileSync(f, "utf8"));
  console.log(f, r.diagnostics, r.regolamento ? r.regolamento.regole.map((x) => x.nome) : "NO IR");
}
