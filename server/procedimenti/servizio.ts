// Procedures: create, act, read. An action is evaluated by the engine and, when allowed, appended
// in the same transaction that locked the procedure row, so concurrent actions on one procedure
// queue up: none is lost, none is stored twice, each is judged on the history before it.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Registro } from "../catalogo/registro.ts";
import { oggi } from "../catalogo/registro.ts";
import type { Database, Tx } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { pendenzaDi, type Azione, type Domanda, type Motore, type Pendenza, type Procedimento, type Regolamento, type Risposta, type Sequenza } from "../engine-adapter.ts";
import { ErroreApi, RispostaRifiutata } from "../errori/errore.ts";
import { conAttore, nonTrovatoProcedimento, puoVedere } from "./accesso.ts";
import { legaChiave } from "./concessioni.ts";
import { ANNULLAMENTO, annullamento, annullati, controllaData, storiaEfficace } from "./annullamenti.ts";
import { idempotente, type Esito } from "./idempotenza.ts";
import { budgetMemoria } from "../limiti/memoria.ts";
import { byteStimati } from "./memoria.ts";
import { LruByte } from "../../engine/lru-byte.ts";
import { scrittureDopoAzione } from "../agenda/dopo-azione.ts";
import { improntaIr } from "../ricevute/impronta.ts";
import { azioniPerParte } from "./azioni-per-parte.ts";
import { oscurato, puoVedereDocumento, regoleVisibilita } from "./visibilita.ts";

interface RigaProcedimento {
  id: string;
  versione_regolamento: string;
  fatti: Procedimento;
  revisione: number;
}
interface RigaEvento {
  seq: number;
  azione: Azione;
  attore: Record<string, unknown>;
  versione_regolamento: string;
  regole: unknown[];
  registrato_il: string | Date;
}

export interface Servizi {
  database: Database;
  motore: Motore;
  registro: Registro;
  statistiche: { azioniUnTempo: number; azioniConLock: number };
  /** Drops a key from the credential cache (a party key bound to the procedure it just opened). */
  verificatore?: { dimentica(organismoPuntoId: string): void };
  /** memoriaProcedimenti: the byte budget of the state cache (default: budgetMemoria()). */
  limiti?: { memoriaProcedimenti?: number };
}

const giorno = (d: string | undefined) => (d ?? oggi()).slice(0, 10);

const TIPI_CHE_DECIDONO = new Set(["vincolo", "termine", "azione", "eccezione", "visibilita", "insieme"]);

/** What regoleCheConsentono needs of a version, computed once per request (not per event). */
interface ContestoRegole {
  decisive: Set<string>;
  /** The last definition of each action (the organismo's over the baseline's). */
  definizioni: Map<string, Regolamento["regole"][number]>;
}

export function contestoRegole(regolamenti: Regolamento[]): ContestoRegole {
  const regole = regolamenti.flatMap((x) => x.regole);
  const definizioni = new Map<string, Regolamento["regole"][number]>();
  for (const g of regole) if (g.tipo === "azione" && typeof g.azione === "string") definizioni.set(g.azione, g);
  return { decisive: new Set(regole.filter((g) => TIPI_CHE_DECIDONO.has(g.tipo)).map((g) => `${g.fonte}/${g.nome}`)), definizioni };
}

/**
 * The rules that allowed an action: the definition of the action (the organismo's over the
 * baseline's), what the engine cited, and the traced rules that decide actions (not fees).
 */
export function regoleCheConsentono(r: Risposta, { decisive, definizioni }: ContestoRegole, azione: string): { regola: string; cita: string; fonte: string; esito?: string }[] {
  const definizione = definizioni.get(azione);
  const out: { regola: string; cita: string; fonte: string; esito?: string }[] = [
    ...(definizione ? [{ regola: definizione.nome, cita: definizione.cita, fonte: definizione.fonte, esito: "definisce l'azione" }] : []),
    ...r.motivi.map((m) => ({ regola: m.regola, cita: m.cita, fonte: m.fonte })),
    ...r.traccia.filter((t) => decisive.has(`${t.fonte}/${t.regola}`) && !/non applicabil/i.test(t.esito)).map((t) => ({ regola: t.regola, cita: t.cita, fonte: t.fonte, esito: t.esito })),
  ];
  const visti = new Set<string>();
  return out.filter((x) => !visti.has(`${x.fonte}/${x.regola}/${x.esito ?? ""}`) && visti.add(`${x.fonte}/${x.regola}/${x.esito ?? ""}`));
}

/** A denial: the engine's answer, plus the API's error object so every 4xx has `errore`. */
function negata(r: Risposta, extra: Record<string, unknown>): RispostaRifiutata {
  const perche = r.motivi.map((m) => m.messaggio ?? `${m.regola} (${m.cita}, ${m.fonte})`).join("; ");
  return new RispostaRifiutata(422, {
    ...r,
    ...extra,
    errore: { code: "action_denied", messaggio: `Azione negata dal regolamento${perche ? `: ${perche}` : "."}` },
  });
}

function stato(r: Risposta) {
  const { esito: _e, motivi: _m, ...resto } = r;
  return resto;
}

/** A procedure as of one revision: what an action is judged on. */
interface StatoProcedimento {
  fatti: Procedimento;
  storia: Azione[];
  revisione: number;
  versione: string;
}

/** Its size in memory, estimated from its JSON: once per state read from the database. */
function stimaStato(st: StatoProcedimento): number {
  let byte = byteStimati(JSON.stringify(st.fatti));
  for (const e of st.storia) byte += byteStimati(JSON.stringify(e));
  return byte;
}

export class ServizioProcedimenti {
  /**
   * Procedures this server last wrote, by `<organismo>/<id>`: an action on one of them is decided on
   * this state and written in one round trip, guarded by its revision (agisciSuStatoNoto). Never
   * trusted for a refusal, never shared: another server's writes only make it miss.
   */
  private readonly memoria: LruByte<string, StatoProcedimento>;

  constructor(private readonly s: Servizi) {
    this.memoria = new LruByte(s.limiti?.memoriaProcedimenti ?? budgetMemoria());
  }

  // Each entry point holds the organismo's IRs (and its baselines') while it works: read from the
  // database if this server has not got them (server/catalogo/registro.ts).
  crea(...a: Parameters<ServizioProcedimenti["creaConIr"]>) { return this.s.registro.usa([a[1]], () => this.creaConIr(...a)); }
  agisci(...a: Parameters<ServizioProcedimenti["agisciConIr"]>) { return this.s.registro.usa([a[1]], () => this.agisciConIr(...a)); }
  leggi(...a: Parameters<ServizioProcedimenti["leggiConIr"]>) { return this.s.registro.usa([a[1]], () => this.leggiConIr(...a)); }
  eventi(...a: Parameters<ServizioProcedimenti["eventiConIr"]>) { return this.s.registro.usa([a[1]], () => this.eventiConIr(...a)); }

  private preparato(organismo: string, versione: string, deposito: string, pendenza?: Pendenza) {
    const p = this.s.registro.preparato(organismo, { versione, date: deposito, ...(pendenza ? { pendenza } : {}) });
    if (!p) throw new ErroreApi(503, "regolamento_unavailable", `La versione ${versione} del regolamento non è disponibile su questo server.`);
    return p;
  }

  /** The content hash of the compiled version an event is judged by (kept with the event). */
  private impronta(organismo: string, versione: string): string | null {
    const reg = this.s.registro.versione(organismo, versione);
    return reg ? improntaIr(reg) : null;
  }

  /** The organismo's version and the baselines it applies at the procedure's deposit. */
  private regolamenti(organismo: string, versione: string, deposito: string): Regolamento[] {
    const reg = this.s.registro.versione(organismo, versione);
    return reg ? [...this.s.registro.catalog.bases(reg, deposito), reg] : [];
  }

  private valuta(organismo: string, versione: string, procedimento: Procedimento, azione: Azione | undefined, data: string): Risposta {
    const deposito = giorno(procedimento.eventi?.[0]?.data);
    const domanda: Domanda = { data, procedimento, ...(azione ? { azione } : {}) };
    return this.s.motore.evaluate(this.preparato(organismo, versione, deposito, pendenzaDi(domanda)), domanda);
  }

  /** `valuta` on the events of a sequence so far: the version is chosen as `valuta` chooses it, without reading them again. */
  private valutaInSequenza(organismo: string, versione: string, seq: Sequenza, azione: Azione | undefined, data: string): Risposta {
    const deposito = giorno(seq.eventi[0]?.data);
    return seq.valuta(this.preparato(organismo, versione, deposito, seq.pendenza(data)), { data, ...(azione ? { azione } : {}) });
  }

  private async creaConIr(cred: CredenzialeChiave, organismo: string, corpo: Procedimento & { eventi: Azione[]; parti: NonNullable<Procedimento["parti"]> }, chiave: string | undefined, impronta: string): Promise<Esito> {
    if (cred.procedimento !== undefined) throw new ErroreApi(403, "forbidden", "Questa chiave vale per un solo procedimento: non ne crea altri.");
    if (cred.ruolo === "parte" && !corpo.parti.some((p) => p.id === cred.parte && p.ruolo === "istante"))
      throw new ErroreApi(403, "forbidden", "Una parte deposita una domanda solo come istante.");
    const { eventi: eventiDati, ...fatti } = corpo;
    const deposito = giorno(eventiDati[0]!.data);
    const reg = this.s.registro.inVigore(organismo, deposito);
    if (!reg)
      throw new ErroreApi(422, "no_regolamento_in_force", `Nessuna versione pubblicata del regolamento di ${organismo} era in vigore il ${deposito}.`);
    const attore = { ruolo: cred.ruolo, ...(cred.parte ? { parte: cred.parte } : {}), chiave: cred.id };

    // Each initial event is judged on the history before it, exactly as if it had been posted, and
    // the work is linear in the events (issue 12, item 9): the engine keeps the history folded and
    // folds each accepted event once (a Sequenza: evaluate's answers); the version's rules are
    // indexed once; one INSERT for all the events. MASSIMO_EVENTI_INIZIALI (server/schemi.ts) caps them.
    const seq = this.s.motore.sequenza(fatti);
    const regole: unknown[][] = [];
    const contesto = contestoRegole(this.regolamenti(organismo, reg.versione, deposito));
    for (const [i, e] of eventiDati.entries()) {
      const precedente = seq.eventi[i - 1]?.data;
      if (i > 0 && typeof e.data === "string" && typeof precedente === "string" && giorno(e.data) < giorno(precedente))
        throw new ErroreApi(422, "events_out_of_order", `L'evento ${i} (${e.azione}) è anteriore al precedente: gli eventi vanno dal più vecchio.`);
      const azione: Azione = { ...e, data: e.data ?? precedente ?? deposito };
      if (azione.azione === ANNULLAMENTO) throw new ErroreApi(422, "invalid_initial_event", `L'evento ${i} è un annullamento: si registra dopo, con POST …/azioni.`);
      controllaData(azione.data!, oggi(), deposito, `dell'evento ${i} (${azione.azione})`);
      const r = this.valutaInSequenza(organismo, reg.versione, seq, azione, giorno(azione.data));
      if (r.errori?.length)
        throw new ErroreApi(422, "invalid_facts", `I fatti del procedimento non sono leggibili dal motore: ${r.errori.join("; ")}`, { errori: r.errori, evento: i });
      if (r.esito === "negato") throw negata(r, { evento_rifiutato: i });
      regole.push(regoleCheConsentono(r, contesto, azione.azione));
      seq.aggiungi(azione);
    }
    const storia = [...seq.eventi];

    const id = randomUUID();
    const testoFatti = JSON.stringify(fatti);
    const testoRighe = JSON.stringify(storia.map((azione, i) => ({ seq: i + 1, azione, regole: regole[i] })));
    const esito = await inTenant(this.s.database, organismo, (tx) =>
      idempotente(this.s.database, tx, organismo, chiave, impronta, async () => {
        await tx.execute(sql`insert into procedimenti (organismo_id, id, versione_regolamento, fatti, revisione)
                             values (${organismo}, ${id}, ${reg.versione}, ${testoFatti}::jsonb, ${storia.length})`);
        await tx.execute(sql`insert into eventi (organismo_id, procedimento_id, seq, azione, attore, versione_regolamento, regole, impronta_ir)
                             select ${organismo}, ${id}, e.seq, e.azione, ${JSON.stringify(attore)}::jsonb, ${reg.versione}, e.regole, ${this.impronta(organismo, reg.versione)}
                             from jsonb_to_recordset(${testoRighe}::jsonb) as e(seq int, azione jsonb, regole jsonb)`);
        if (cred.ruolo === "parte") await legaChiave(tx, organismo, cred.id, id, cred.id);
        const r = this.valutaInSequenza(organismo, reg.versione, seq, undefined, oggi());
        const nuovi = storia.map((azione, i) => ({ seq: i + 1, azione, attore }));
        for (const w of scrittureDopoAzione({ organismo, pid: id, fatti, storia, stato: r, nuovi })) await tx.execute(w);
        return { status: 201, corpo: { id, organismo, versione: reg.versione, revisione: storia.length, ...stato(r) } };
      }),
    );
    if (cred.ruolo === "parte") this.s.verificatore?.dimentica(`${organismo}.${cred.id}`);
    if (!esito.ripetuta)
      this.ricorda(`${organismo}/${id}`, { fatti, storia, revisione: storia.length, versione: reg.versione }, byteStimati(testoFatti) + byteStimati(testoRighe));
    return esito;
  }

  private async inserisciEvento(tx: Tx, organismo: string, pid: string, seq: number, azione: Azione, attore: object, versione: string, regole: unknown[]) {
    await tx.execute(sql`insert into eventi (organismo_id, procedimento_id, seq, azione, attore, versione_regolamento, regole, impronta_ir)
                         values (${organismo}, ${pid}, ${seq}, ${JSON.stringify(azione)}::jsonb, ${JSON.stringify(attore)}::jsonb,
                                 ${versione}, ${JSON.stringify(regole)}::jsonb, ${this.impronta(organismo, versione)})`);
  }

  /** The procedure and its history, for reading (the action path locks: see `agisci`). */
  private async carica(tx: Tx, organismo: string, pid: string) {
    const { database } = this.s;
    // Issued together: pipelined on the connection, one round trip.
    const procedimento = database.rows<RigaProcedimento>(
      tx,
      sql`select id, versione_regolamento, fatti, revisione from procedimenti where organismo_id = ${organismo} and id = ${pid}`,
    );
    const storia = database.rows<RigaEvento>(
      tx,
      sql`select seq, azione, attore, versione_regolamento, regole, registrato_il from eventi
          where organismo_id = ${organismo} and procedimento_id = ${pid} order by seq`,
    );
    storia.catch(() => {});
    const [p] = await procedimento;
    const eventi = await storia;
    if (!p) return undefined;
    return { p, eventi };
  }

  /**
   * What the engine decides about an action on a procedure in a known state. Pure: it throws the
   * refusal (404, 409, 422) or returns the event to append and the answer to give.
   */
  private decidi(cred: CredenzialeChiave, organismo: string, pid: string, st: StatoProcedimento, richiesta: Azione & { versione_attesa?: number }) {
    const { versione_attesa, ...azioneChiesta } = richiesta;
    const { fatti, storia: registrata, revisione, versione } = st;
    // What the engine judges: the stored history without voided events (and the voiding ones).
    const storia = storiaEfficace(registrata);
    const annulla = azioneChiesta.azione === ANNULLAMENTO;
    if (cred.ruolo === "responsabile" && !annulla) conAttore(cred, azioneChiesta);
    const vede = annulla && cred.ruolo === "responsabile" ? cred.procedimento === undefined || cred.procedimento === pid : puoVedere(cred, pid, fatti, storia);
    if (!vede) throw nonTrovatoProcedimento();
    if (versione_attesa !== undefined && versione_attesa !== revisione)
      throw new ErroreApi(409, "stale_version", `Il procedimento è alla revisione ${revisione}, non ${versione_attesa}: ricaricalo e riprova.`, { revisione });
    if (annulla) return this.decidiAnnullamento(cred, organismo, pid, st, azioneChiesta);
    const ultima = storia[storia.length - 1]?.data;
    const azione = conAttore(cred, { ...azioneChiesta, data: azioneChiesta.data ?? oggi() });
    // Before the last event (hence also before the filing) keeps its code; then the future bound.
    if (typeof ultima === "string" && giorno(azione.data) < giorno(ultima))
      throw new ErroreApi(422, "action_before_last_event", `La data dell'azione (${azione.data}) è anteriore all'ultimo evento (${ultima}).`);
    controllaData(azione.data!, oggi(), giorno(storia[0]?.data));
    const procedimento = { ...fatti, eventi: storia };
    const r = this.valuta(organismo, versione, procedimento, azione, giorno(azione.data));
    if (r.esito === "negato") {
      const domanda: Domanda = { data: giorno(azione.data), procedimento, azione };
      r.per_consentire = this.s.motore.perConsentire(this.preparato(organismo, versione, giorno(procedimento.eventi?.[0]?.data)), domanda, r);
      throw negata(r, { revisione });
    }
    const seq = revisione + 1;
    const attore = { ruolo: cred.ruolo, ...(cred.parte ? { parte: cred.parte } : {}), chiave: cred.id };
    const regole = regoleCheConsentono(r, contestoRegole(this.regolamenti(organismo, versione, giorno(storia[0]?.data))), azione.azione);
    const dopo = this.valuta(organismo, versione, { ...procedimento, eventi: [...storia, azione] }, undefined, oggi());
    // The state before, for the agenda: rows that did not change are not written.
    const prima = { stato: this.valuta(organismo, versione, procedimento, undefined, oggi()), storia };
    const esito: Esito = {
      status: 201,
      corpo: { ...r, id: pid, versione, revisione: seq, evento: { seq, ...azione, attore, regole }, stato: stato(dopo) },
    };
    const nuovoStato: StatoProcedimento = { fatti, storia: [...registrata, azione], revisione: seq, versione };
    return { azione, attore, regole, seq, esito, nuovoStato, dopo, prima };
  }

  /** A voiding event: not judged by the engine (it corrects the record); the state after it is. */
  private decidiAnnullamento(cred: CredenzialeChiave, organismo: string, pid: string, st: StatoProcedimento, richiesta: Azione) {
    const { fatti, storia: registrata, revisione, versione } = st;
    const azione = annullamento(cred, registrata, richiesta, oggi());
    const seq = revisione + 1;
    const attore = { ruolo: cred.ruolo, chiave: cred.id };
    const regole: unknown[] = [];
    const storiaDopo = [...registrata, azione];
    const r = this.valuta(organismo, versione, { ...fatti, eventi: storiaEfficace(storiaDopo) }, undefined, oggi());
    const esito: Esito = {
      status: 201,
      corpo: { esito: "consentito", motivi: [], id: pid, versione, revisione: seq, evento: { seq, ...azione, attore, regole }, stato: stato(r) },
    };
    // The agenda follows the state the engine sees: the voided event no longer counts.
    const storiaPrima = storiaEfficace(registrata);
    const prima = { stato: this.valuta(organismo, versione, { ...fatti, eventi: storiaPrima }, undefined, oggi()), storia: storiaPrima };
    return { azione, attore, regole, seq, esito, nuovoStato: { fatti, storia: storiaDopo, revisione: seq, versione } as StatoProcedimento, dopo: r, prima };
  }

  private async agisciConIr(
    cred: CredenzialeChiave,
    organismo: string,
    pid: string,
    richiesta: Azione & { versione_attesa?: number },
    chiave: string | undefined,
    impronta: string,
  ): Promise<Esito> {
    const chiaveMemoria = `${organismo}/${pid}`;
    const noto = this.memoria.get(chiaveMemoria);
    if (noto) {
      const veloce = await this.agisciSuStatoNoto(cred, organismo, pid, noto, richiesta, chiave, impronta);
      if (veloce) {
        this.s.statistiche.azioniUnTempo++;
        const prima = this.memoria.byteDi(chiaveMemoria) ?? stimaStato(noto);
        this.ricorda(chiaveMemoria, veloce.nuovoStato, prima + byteStimati(JSON.stringify(veloce.azione)));
        return veloce.esito;
      }
      this.memoria.delete(chiaveMemoria);
    }
    return this.agisciConLock(cred, organismo, pid, richiesta, chiave, impronta);
  }

  /**
   * One round trip, on the state this server last saw: the event is appended only if the procedure
   * is still at that revision (`update … where revisione = N`, which waits for a concurrent writer
   * and then re-checks), and, with an Idempotency-Key, only if the key is new (a duplicate key is a
   * unique violation that rolls everything back). Anything else (a refusal on a possibly stale
   * state, another writer first, a used key) returns undefined: the locking path decides.
   */
  private async agisciSuStatoNoto(
    cred: CredenzialeChiave, organismo: string, pid: string, noto: StatoProcedimento,
    richiesta: Azione & { versione_attesa?: number }, chiave: string | undefined, impronta: string,
  ) {
    let d: ReturnType<ServizioProcedimenti["decidi"]>;
    try {
      d = this.decidi(cred, organismo, pid, noto, richiesta);
    } catch {
      return undefined;
    }
    const reclamo = chiave === undefined
      ? sql``
      : sql`, reclamo as (
          insert into idempotenza (organismo_id, chiave, impronta, status, risposta)
          select ${organismo}, ${chiave}, ${impronta}, ${d.esito.status}, ${JSON.stringify(d.esito.corpo)}::jsonb from avanza returning 1)`;
    try {
      const [riga] = await this.s.database.unTempo<{ n: number }>(
        organismo,
        sql`with avanza as (
              update procedimenti set revisione = ${d.seq}, aggiornato_il = now()
              where organismo_id = ${organismo} and id = ${pid} and revisione = ${noto.revisione}
              returning revisione),
            nuovo as (
              insert into eventi (organismo_id, procedimento_id, seq, azione, attore, versione_regolamento, regole, impronta_ir)
              select ${organismo}, ${pid}, revisione, ${JSON.stringify(d.azione)}::jsonb, ${JSON.stringify(d.attore)}::jsonb,
                     ${noto.versione}, ${JSON.stringify(d.regole)}::jsonb, ${this.impronta(organismo, noto.versione)} from avanza
              returning seq)${reclamo}${sql.join(
                scrittureDopoAzione(this.dopoAzione(organismo, pid, d), sql`exists (select 1 from avanza)`).map((w, i) => sql`, dopo_${sql.raw(String(i))} as (${w})`),
              )}
            select (select count(*) from nuovo)::int as n`,
      );
      return Number(riga?.n) === 1 ? d : undefined;
    } catch (e) {
      // The key was used: the locking path replays it. (drizzle wraps driver errors in `cause`.)
      const e2 = e as { code?: string; cause?: { code?: string } };
      if ((e2.code ?? e2.cause?.code) === "23505") return undefined;
      throw e;
    }
  }

  /** The agenda, summary and outbox rows an allowed action writes with its event. */
  private dopoAzione(organismo: string, pid: string, d: ReturnType<ServizioProcedimenti["decidi"]>) {
    const { fatti, storia } = d.nuovoStato;
    return { organismo, pid, fatti, storia, stato: d.dopo, prima: d.prima, nuovi: [{ seq: d.seq, azione: d.azione, attore: d.attore }] };
  }

  /** Two round trips with the procedure row locked: the path that always decides. */
  private async agisciConLock(
    cred: CredenzialeChiave, organismo: string, pid: string,
    richiesta: Azione & { versione_attesa?: number }, chiave: string | undefined, impronta: string,
  ): Promise<Esito> {
    // [BEGIN, tenant, idempotency claim, lock, history] then [event + revision, idempotency answer,
    // COMMIT]. The history query starts once the lock is held (the connection runs them in order)
    // and, in READ COMMITTED, with a fresh snapshot: it sees every event committed by whoever held
    // the lock before. A concurrent retry with the same Idempotency-Key waits on the claim
    // (INSERT … ON CONFLICT) until the first commits.
    const letture = [
      ...(chiave === undefined
        ? []
        : [
            sql`insert into idempotenza (organismo_id, chiave, impronta, status, risposta)
                values (${organismo}, ${chiave}, ${impronta}, 0, 'null'::jsonb) on conflict do nothing returning chiave`,
            sql`select impronta, status, risposta from idempotenza where organismo_id = ${organismo} and chiave = ${chiave}`,
          ]),
      sql`select id, versione_regolamento, fatti, revisione from procedimenti where organismo_id = ${organismo} and id = ${pid} for update`,
      sql`select seq, azione, attore, versione_regolamento, regole, registrato_il from eventi
          where organismo_id = ${organismo} and procedimento_id = ${pid} order by seq`,
    ];
    const { esito, nuovoStato } = await this.s.database.dueTempi<{ esito: Esito; nuovoStato?: StatoProcedimento }>(organismo, letture, (righe) => {
      if (chiave !== undefined) {
        const [rivendicata, registrata] = righe as [unknown[], { impronta: string; status: number; risposta: Record<string, unknown> }[]];
        if (rivendicata.length === 0) {
          const r = registrata[0];
          if (!r || r.impronta !== impronta)
            throw new ErroreApi(409, "idempotency_key_reused", "Questa Idempotency-Key è già stata usata per una richiesta diversa.");
          return { scritture: [], valore: { esito: { status: r.status as 201, corpo: r.risposta, ripetuta: true } } };
        }
      }
      const [righeP, righeE] = righe.slice(chiave === undefined ? 0 : 2) as [RigaProcedimento[], RigaEvento[]];
      const p = righeP[0];
      if (!p) throw nonTrovatoProcedimento();
      const st: StatoProcedimento = { fatti: p.fatti, storia: (righeE ?? []).map((e) => e.azione), revisione: p.revisione, versione: p.versione_regolamento };
      const d = this.decidi(cred, organismo, pid, st, richiesta);
      return {
        scritture: [
          // One statement: the event and the procedure's new revision.
          sql`with nuovo as (
              insert into eventi (organismo_id, procedimento_id, seq, azione, attore, versione_regolamento, regole, impronta_ir)
              values (${organismo}, ${pid}, ${d.seq}, ${JSON.stringify(d.azione)}::jsonb, ${JSON.stringify(d.attore)}::jsonb,
                      ${st.versione}, ${JSON.stringify(d.regole)}::jsonb, ${this.impronta(organismo, st.versione)})
              returning seq)
            update procedimenti set revisione = (select seq from nuovo), aggiornato_il = now()
            where organismo_id = ${organismo} and id = ${pid}`,
          ...scrittureDopoAzione(this.dopoAzione(organismo, pid, d)),
          ...(chiave === undefined
            ? []
            : [sql`update idempotenza set status = ${d.esito.status}, risposta = ${JSON.stringify(d.esito.corpo)}::jsonb
                   where organismo_id = ${organismo} and chiave = ${chiave}`]),
        ],
        valore: { esito: d.esito, nuovoStato: d.nuovoStato },
      };
    });
    // Remembered only once committed.
    if (nuovoStato) {
      this.s.statistiche.azioniConLock++;
      this.ricorda(`${organismo}/${pid}`, nuovoStato, stimaStato(nuovoStato));
    }
    return esito;
  }

  /**
   * The last state this server wrote of a procedure, with its estimated size (bounded in bytes: the
   * least recently used are forgotten).
   */
  private ricorda(chiave: string, st: StatoProcedimento, byte: number): void {
    this.memoria.set(chiave, st, byte);
  }

  private async leggiConIr(cred: CredenzialeChiave, organismo: string, pid: string, data: string | undefined) {
    const caricato = await inTenant(this.s.database, organismo, (tx) => this.carica(tx, organismo, pid));
    const storia = storiaEfficace(caricato?.eventi.map((e) => e.azione) ?? []);
    if (!caricato || !puoVedere(cred, pid, caricato.p.fatti, storia)) throw nonTrovatoProcedimento();
    const { p } = caricato;
    const procedimento = { ...p.fatti, eventi: storia };
    const r = this.valuta(organismo, p.versione_regolamento, procedimento, undefined, giorno(data));
    const perParte = azioniPerParte((p.fatti.parti ?? []).map((x) => x.id), r.azioni_consentite, giorno(data), (azione) =>
      this.valuta(organismo, p.versione_regolamento, procedimento, azione, giorno(data)));
    return { id: pid, organismo, versione: p.versione_regolamento, revisione: p.revisione, ...stato(r), azioni_consentite_per_parte: perParte };
  }

  private async eventiConIr(cred: CredenzialeChiave, organismo: string, pid: string) {
    const caricato = await inTenant(this.s.database, organismo, (tx) => this.carica(tx, organismo, pid));
    const registrata = caricato?.eventi.map((e) => e.azione) ?? [];
    const storia = storiaEfficace(registrata);
    if (!caricato || !puoVedere(cred, pid, caricato.p.fatti, storia)) throw nonTrovatoProcedimento();
    const regole = regoleVisibilita(this.regolamenti(organismo, caricato.p.versione_regolamento, giorno(storia[0]?.data)));
    const via = annullati(registrata);
    return caricato.eventi.map((e) => ({
      seq: e.seq,
      azione: puoVedereDocumento(cred, e.azione, regole) ? e.azione : oscurato(e.azione),
      attore: e.attore,
      registrato_il: new Date(e.registrato_il).toISOString(),
      versione_regolamento: e.versione_regolamento,
      regole: e.regole,
      // Voided by a later annullamento_evento: kept in the history, no longer counted.
      ...(via.has(e.seq) ? { annullato: { da: via.get(e.seq)!.seq, data: via.get(e.seq)!.data, motivazione: via.get(e.seq)!.motivazione } } : {}),
    }));
  }
}
