// `regolamento chiavi crea --organismo <id> --ruolo <ruolo> [--parte <id>] [--procedimento <id>] --server <url>`
// `regolamento chiavi revoca <organismo.id> --server <url>`
// The administrator key comes from REGOLAMENTO_ADMIN_KEY. The new key is printed once: the server
// keeps only its sha-256.
import { parseArgs } from "node:util";

const USO = `uso:
  regolamento chiavi crea --organismo <id> --ruolo <responsabile|segreteria|mediatore|parte> [--parte <id>] [--procedimento <id>] --server <url>
  regolamento chiavi revoca <id> --server <url>
(la chiave dell'amministratore è letta da REGOLAMENTO_ADMIN_KEY)`;

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env, out = console): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        organismo: { type: "string" },
        ruolo: { type: "string" },
        parte: { type: "string" },
        procedimento: { type: "string" },
        server: { type: "string" },
        json: { type: "boolean" },
      },
    });
  } catch (e) {
    out.error(`${(e as Error).message}\n${USO}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [comando, id] = positionals;
  const admin = env.REGOLAMENTO_ADMIN_KEY;
  if (!values.server || (comando !== "crea" && comando !== "revoca")) {
    out.error(USO);
    return 2;
  }
  if (!admin) {
    out.error("REGOLAMENTO_ADMIN_KEY non impostata: serve la chiave dell'amministratore.");
    return 2;
  }
  const base = values.server.replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${admin}`, "content-type": "application/json" };
  let risposta: Response;
  try {
    if (comando === "crea") {
      if (!values.organismo || !values.ruolo) {
        out.error(`servono --organismo e --ruolo\n${USO}`);
        return 2;
      }
      const corpo = {
        organismo: values.organismo,
        ruolo: values.ruolo,
        ...(values.parte ? { parte: values.parte } : {}),
        ...(values.procedimento ? { procedimento: values.procedimento } : {}),
      };
      risposta = await fetch(`${base}/v1/chiavi`, { method: "POST", headers, body: JSON.stringify(corpo) });
    } else {
      if (!id) {
        out.error(`serve l'id della chiave (organismo.id)\n${USO}`);
        return 2;
      }
      risposta = await fetch(`${base}/v1/chiavi/${encodeURIComponent(id)}`, { method: "DELETE", headers });
    }
  } catch (e) {
    out.error(`server non raggiungibile (${base}): ${(e as Error).message}`);
    return 1;
  }
  const corpo = (await risposta.json().catch(() => ({}))) as { chiave?: string; id?: string; errore?: { code: string; messaggio: string } };
  if (!risposta.ok) {
    out.error(`errore ${risposta.status}${corpo.errore ? ` ${corpo.errore.code}: ${corpo.errore.messaggio}` : ""}`);
    return 1;
  }
  if (values.json) out.log(JSON.stringify(corpo));
  else if (comando === "crea") out.log(`id:     ${corpo.id}\nchiave: ${corpo.chiave}\n(la chiave non sarà più mostrata: conservala)`);
  else out.log(`revocata: ${corpo.id}`);
  return 0;
}
