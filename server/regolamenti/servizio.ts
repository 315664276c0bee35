// Regolamento versions: drafts are compiled on every write (diagnostics returned), a publish makes
// a version immutable (the database trigger enforces it too) and tells every server through NOTIFY.
import { createTwoFilesPatch } from "diff";
import { sql } from "drizzle-orm";
import type { Credenziale, CredenzialeChiave } from "../auth/credenziale.ts";
import { tenantBozze } from "../auth/permessi.ts";
import { CANALE_PUBBLICAZIONI, oggi, type Registro } from "../catalogo/registro.ts";
import type { Database, Tx } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { improntaIr } from "../ricevute/impronta.ts";
import type { Diagnostic, Motore, Regolamento } from "../engine-adapter.ts";
import type { Analizzatore } from "../lavoro/analisi.ts";
import { ErroreApi, RispostaRifiutata } from "../errori/errore.ts";
import { idempotente, type Esito } from "../procedimenti/idempotenza.ts";

/** An Idempotency-Key and the fingerprint of the request it came with. */
export interface Idem {
  chiave: string | undefined;
  impronta: string;
}

interface RigaVersione {
  organismo_id: string;
  versione: string;
  stato: "bozza" | "pubblicata";
  in_vigore_dal: string | null;
  sorgente: string;
  ir: Regolamento | null;
  diagnostiche: Diagnostic[];
  creato_il: string | Date;
  aggiornato_il: string | Date;
  pubblicato_il: string | Date | null;
  /** From the publication audit (pubblicazioni), when the version was published through the API. */
  pub_chiave?: string | null;
  pub_ruolo?: string | null;
  pub_retroattiva?: boolean | null;
  pub_il?: string | Date | null;
}

/** `chiave`: who published is shown to the organismo's responsabile and the administrator only. */
function pubblicazione(r: RigaVersione, chiMostrare: boolean) {
  if (r.stato !== "pubblicata") return {};
  if (r.pub_il === undefined || r.pub_il === null) return { pubblicazione: null };
  return {
    pubblicazione: {
      ...(chiMostrare ? { chiave: `${r.organismo_id}.${r.pub_chiave}`, ruolo: r.pub_ruolo } : {}),
      il: iso(r.pub_il),
      retroattiva: r.pub_retroattiva === true,
    },
  };
}

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());
const haErrori = (ds: Diagnostic[]) => ds.some((d) => d.severity === "error");

function vista(r: RigaVersione, completa: boolean, chiMostrare = false) {
  return {
    organismo: r.organismo_id,
    versione: r.versione,
    stato: r.stato,
    in_vigore_dal: r.in_vigore_dal,
    creato_il: iso(r.creato_il),
    aggiornato_il: iso(r.aggiornato_il),
    pubblicato_il: iso(r.pubblicato_il),
    errori: r.diagnostiche.filter((d) => d.severity === "error").length,
    ...pubblicazione(r, chiMostrare),
    ...(completa ? { sorgente: r.sorgente, ir: r.ir, diagnostics: r.diagnostiche } : {}),
  };
}

export class ServizioRegolamenti {
  constructor(private readonly s: { database: Database; motore: Motore; registro: Registro; analisi: Analizzatore }) {}

  private async organismoEsiste(tx: Tx, organismo: string): Promise<boolean> {
    const righe = await this.s.database.rows<{ x: number }>(tx, sql`select 1 as x from organismi where organismo_id = ${organismo}`);
    return righe.length > 0;
  }

  private async riga(tx: Tx, organismo: string, versione: string, perAggiornare = false): Promise<RigaVersione | undefined> {
    const [r] = await this.s.database.rows<RigaVersione>(
      tx,
      perAggiornare
        ? sql`select * from regolamento_versioni where organismo_id = ${organismo} and versione = ${versione} for update`
        : sql`select * from regolamento_versioni where organismo_id = ${organismo} and versione = ${versione}`,
    );
    return r;
  }

  /** Compiles a source for `organismo` (and `versione`, on update): the header must agree with the path. */
  private async compila(organismo: string, sorgente: string, versione?: string) {
    // Off the event loop (a draft can be 2 MB): see lavoro/analisi.ts.
    const { analisi, registro } = this.s;
    const h = await analisi.intestazione(sorgente);
    if (!h) {
      const { diagnostics } = await analisi.compile(sorgente, []);
      throw new ErroreApi(422, "invalid_header", "Intestazione mancante o illeggibile: `regolamento <id> \"nome\" versione … in vigore dal AAAA-MM-GG`.", { diagnostics });
    }
    if (h.id !== organismo) throw new ErroreApi(422, "organismo_mismatch", `Il file dichiara l'organismo ${h.id}, non ${organismo}.`);
    if (versione !== undefined && h.versione !== versione)
      throw new ErroreApi(422, "version_mismatch", `Il file dichiara la versione ${h.versione}, non ${versione}.`);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(h.versione)) throw new ErroreApi(422, "invalid_version", "La versione usa solo lettere, cifre, punto, trattino.");
    const { regolamento, diagnostics } = await analisi.compile(sorgente, await registro.usa(h.applica, () => registro.basi(h)));
    return { h, regolamento, diagnostics };
  }

  async elenco(cred: Credenziale, organismo: string) {
    const tenant = tenantBozze(cred, organismo);
    return inTenant(this.s.database, tenant, async (tx) => {
      if (!(await this.organismoEsiste(tx, organismo))) throw new ErroreApi(404, "not_found", `Organismo ${organismo} non trovato.`);
      const righe = await this.s.database.rows<RigaVersione>(
        tx,
        sql`select v.*, p.chiave_id as pub_chiave, p.ruolo as pub_ruolo, p.retroattiva as pub_retroattiva, p.pubblicata_il as pub_il
            from regolamento_versioni v left join pubblicazioni p on p.organismo_id = v.organismo_id and p.versione = v.versione
            where v.organismo_id = ${organismo} order by v.in_vigore_dal nulls last, v.creato_il`,
      );
      return righe.map((r) => vista(r, false, tenant !== null));
    });
  }

  async leggi(cred: Credenziale, organismo: string, versione: string) {
    const r = await inTenant(this.s.database, tenantBozze(cred, organismo), (tx) => this.riga(tx, organismo, versione));
    if (!r) throw new ErroreApi(404, "not_found", `Versione ${versione} di ${organismo} non trovata.`);
    return vista(r, true);
  }

  async crea(cred: CredenzialeChiave, organismo: string, sorgente: string, idem?: Idem): Promise<Esito> {
    const { h, regolamento, diagnostics } = await this.compila(organismo, sorgente);
    return inTenant(this.s.database, cred.organismo, (tx) =>
      idempotente(this.s.database, tx, organismo, idem?.chiave, idem?.impronta ?? "", async () => {
        if (await this.riga(tx, organismo, h.versione))
          throw new ErroreApi(409, "version_exists", `La versione ${h.versione} esiste già: modificala con PUT (se bozza) o usa un'altra versione.`);
        await tx.execute(sql`insert into regolamento_versioni (organismo_id, versione, stato, in_vigore_dal, sorgente, ir, diagnostiche)
          values (${organismo}, ${h.versione}, 'bozza', ${h.inVigoreDal}, ${sorgente}, ${regolamento ? JSON.stringify(regolamento) : null}::jsonb, ${JSON.stringify(diagnostics)}::jsonb)`);
        const r = await this.riga(tx, organismo, h.versione);
        return { status: 201, corpo: vista(r!, true) };
      }),
    );
  }

  async aggiorna(cred: CredenzialeChiave, organismo: string, versione: string, sorgente: string) {
    const { h, regolamento, diagnostics } = await this.compila(organismo, sorgente, versione);
    return inTenant(this.s.database, cred.organismo, async (tx) => {
      const r = await this.riga(tx, organismo, versione, true);
      if (!r) throw new ErroreApi(404, "not_found", `Bozza ${versione} di ${organismo} non trovata.`);
      if (r.stato === "pubblicata") throw new ErroreApi(409, "version_published", `La versione ${versione} è pubblicata: è immutabile. Crea una nuova versione.`);
      await tx.execute(sql`update regolamento_versioni set sorgente = ${sorgente}, in_vigore_dal = ${h.inVigoreDal},
        ir = ${regolamento ? JSON.stringify(regolamento) : null}::jsonb, diagnostiche = ${JSON.stringify(diagnostics)}::jsonb, aggiornato_il = now()
        where organismo_id = ${organismo} and versione = ${versione}`);
      const dopo = await this.riga(tx, organismo, versione);
      return vista(dopo!, true);
    });
  }

  /**
   * Publishes a draft. A version whose `in vigore dal` is already past changes the answers for past
   * dates (procedures deposited since then would be judged by it): refused unless `retroattiva`.
   * Two published versions of one organismo with the same date would make "the version in force"
   * ambiguous: the second is refused. Each publication leaves an audit row (pubblicazioni).
   */
  async pubblica(cred: CredenzialeChiave, organismo: string, versione: string, idem?: Idem, retroattiva = false): Promise<Esito> {
    let pubblicata: Regolamento | undefined;
    const esito = await inTenant(this.s.database, cred.organismo, (tx) =>
      idempotente(this.s.database, tx, organismo, idem?.chiave, idem?.impronta ?? "", async () => {
        // Publications of one organismo in turn: the same-date check below sees the one before.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pubblica:${organismo}`}))`);
        const r = await this.riga(tx, organismo, versione, true);
        if (!r) throw new ErroreApi(404, "not_found", `Bozza ${versione} di ${organismo} non trovata.`);
        if (r.stato === "pubblicata") throw new ErroreApi(409, "version_published", `La versione ${versione} è già pubblicata.`);
        if (haErrori(r.diagnostiche) || !r.ir)
          throw new RispostaRifiutata(422, {
            errore: { code: "draft_has_errors", messaggio: "La bozza ha errori: correggili prima di pubblicare.", dettagli: { diagnostics: r.diagnostiche } },
          });
        const dal = r.in_vigore_dal ?? r.ir.inVigoreDal;
        const passata = dal < oggi();
        if (passata && !retroattiva)
          throw new ErroreApi(
            422,
            "retroactive_publication",
            `La versione ${versione} è in vigore dal ${dal}, data già passata: pubblicarla cambierebbe le risposte per le date dal ${dal} a oggi ` +
              `(i procedimenti depositati da allora sarebbero giudicati da questa versione). Se è voluto, ripeti con { "retroattiva": true }.`,
            { in_vigore_dal: dal },
          );
        const [stessa] = await this.s.database.rows<{ versione: string }>(
          tx,
          sql`select versione from regolamento_versioni where organismo_id = ${organismo} and stato = 'pubblicata' and in_vigore_dal = ${dal} and versione <> ${versione}`,
        );
        if (stessa)
          throw new ErroreApi(409, "same_effective_date", `La versione ${stessa.versione} è già in vigore dal ${dal}: due versioni con la stessa data renderebbero ambigua quella in vigore. Cambia la data della bozza.`, {
            versione: stessa.versione,
            in_vigore_dal: dal,
          });
        // Stored compiled: the IR and its hash (a start reads them and compiles nothing).
        await tx.execute(sql`update regolamento_versioni set stato = 'pubblicata', impronta_ir = ${improntaIr(r.ir)}, pubblicato_il = now(), aggiornato_il = now()
          where organismo_id = ${organismo} and versione = ${versione}`);
        await tx.execute(sql`insert into pubblicazioni (organismo_id, versione, chiave_id, ruolo, in_vigore_dal, retroattiva)
          values (${organismo}, ${versione}, ${cred.id}, ${cred.ruolo}, ${dal}, ${passata})`);
        // Delivered at commit, to every server listening (this one too).
        await tx.execute(sql`select pg_notify(${CANALE_PUBBLICAZIONI}, ${`${organismo}@${versione}`})`);
        pubblicata = r.ir;
        const dopo = await this.riga(tx, organismo, versione);
        return { status: 200, corpo: vista(dopo!, true) };
      }),
    );
    // Without waiting for our own notification: the next request here already sees it.
    if (pubblicata) this.s.registro.aggiungi(pubblicata);
    return esito;
  }

  /** Textual and semantic difference; `altro` = `<organismo>@<versione>` compares across organismi. */
  async diff(cred: Credenziale, organismo: string, a: string, b: string, altro: string | undefined) {
    let orgB = organismo;
    let verB = b;
    if (altro !== undefined) {
      const at = altro.lastIndexOf("@");
      if (at <= 0) throw new ErroreApi(400, "invalid_request", "`altro` ha la forma <organismo>@<versione>.");
      orgB = altro.slice(0, at);
      verB = altro.slice(at + 1);
    }
    const ra = await this.leggi(cred, organismo, a);
    const rb = await this.leggi(cred, orgB, verB);
    const testuale = createTwoFilesPatch(`${organismo}@${a}`, `${orgB}@${verB}`, ra.sorgente ?? "", rb.sorgente ?? "", undefined, undefined, { context: 3 });
    const semantico = ra.ir && rb.ir ? this.s.motore.diff(ra.ir, rb.ir) : [];
    return {
      a: { organismo, versione: a },
      b: { organismo: orgB, versione: verB },
      testuale,
      semantico,
      ...(ra.ir && rb.ir ? {} : { nota: "Una delle due versioni ha errori di compilazione: solo la differenza testuale." }),
    };
  }
}
