// The one schema of the runtime. Every table leads its primary key with `organismo_id`, so a
// deployment past one Postgres distributes on it (Citus) and every lookup is tenant-local
// (docs/scalabilita.md). Row-level security is declared here; FORCE, the role and the GRANTs are
// hand-written in the migrations (drizzle-kit emits neither).
import { sql } from "drizzle-orm";
import {
  boolean, foreignKey, integer, jsonb, pgPolicy, pgRole, pgTable, primaryKey, text, timestamp,
} from "drizzle-orm/pg-core";
import { date, index, unique } from "drizzle-orm/pg-core";

/** The role every request runs as (`SET LOCAL ROLE app_user`); created by hand, never by drizzle-kit. */
export const appUser = pgRole("app_user").existing();

/** The tenant of the current transaction, set with `set_config('app.organismo', $1, true)`. */
const tenant = sql`current_setting('app.organismo', true)`;
const ownRows = (t: { organismoId: unknown }) => sql`${t.organismoId} = ${tenant}`;

export const organismi = pgTable(
  "organismi",
  {
    organismoId: text("organismo_id").primaryKey(),
    nome: text("nome").notNull(),
    registro: text("registro"),
    /** National baselines (dlgs-28-2010, dm-150-2023…) live here too but are not listed as organismi. */
    normativa: boolean("normativa").notNull().default(false),
    creatoIl: timestamp("creato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Who an organismo is, is public (the register is); only the tenant itself writes its row.
    pgPolicy("organismi_lettura", { for: "select", to: appUser, using: sql`true` }),
    pgPolicy("organismi_scrittura", { for: "insert", to: appUser, withCheck: ownRows(t) }),
    pgPolicy("organismi_modifica", { for: "update", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
  ],
).enableRLS();

export const regolamentoVersioni = pgTable(
  "regolamento_versioni",
  {
    organismoId: text("organismo_id").notNull(),
    versione: text("versione").notNull(),
    stato: text("stato", { enum: ["bozza", "pubblicata"] }).notNull(),
    inVigoreDal: text("in_vigore_dal"),
    sorgente: text("sorgente").notNull(),
    ir: jsonb("ir"),
    /** sha-256 of the IR's canonical JSON (ricevute/impronta.ts), set when the version is published. */
    improntaIr: text("impronta_ir"),
    /** What choosing a version needs of its IR, computed from it (migration 0009): a start reads these, not the IR. */
    applica: jsonb("applica").generatedAlwaysAs(sql`ir->'applica'`),
    governaPendenti: boolean("governa_pendenti").generatedAlwaysAs(sql`coalesce((ir->'parametri'->'applica_ai_procedimenti_pendenti'->>'valore') = 'true', false)`),
    diagnostiche: jsonb("diagnostiche").notNull().default(sql`'[]'::jsonb`),
    creatoIl: timestamp("creato_il", { withTimezone: true }).notNull().defaultNow(),
    aggiornatoIl: timestamp("aggiornato_il", { withTimezone: true }).notNull().defaultNow(),
    pubblicatoIl: timestamp("pubblicato_il", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.versione] }),
    // Published versions are public law of the organismo; drafts are its own business.
    pgPolicy("versioni_lettura", { for: "select", to: appUser, using: sql`${t.stato} = 'pubblicata' or ${ownRows(t)}` }),
    pgPolicy("versioni_inserimento", { for: "insert", to: appUser, withCheck: ownRows(t) }),
    pgPolicy("versioni_modifica", { for: "update", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
    pgPolicy("versioni_cancellazione", { for: "delete", to: appUser, using: ownRows(t) }),
  ],
).enableRLS();

export const procedimenti = pgTable(
  "procedimenti",
  {
    organismoId: text("organismo_id").notNull(),
    id: text("id").notNull(),
    /** The organismo's version in force at deposito_domanda: it judges the procedure for its whole life. */
    versioneRegolamento: text("versione_regolamento").notNull(),
    /** The procedimento's facts without `eventi` (those are rows of `eventi`). */
    fatti: jsonb("fatti").notNull(),
    /** Number of stored events: the optimistic-concurrency token (`versione_attesa`). */
    revisione: integer("revisione").notNull().default(0),
    creatoIl: timestamp("creato_il", { withTimezone: true }).notNull().defaultNow(),
    aggiornatoIl: timestamp("aggiornato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.id] }),
    pgPolicy("procedimenti_tenant", { for: "all", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
  ],
).enableRLS();

export const eventi = pgTable(
  "eventi",
  {
    organismoId: text("organismo_id").notNull(),
    procedimentoId: text("procedimento_id").notNull(),
    seq: integer("seq").notNull(),
    azione: jsonb("azione").notNull(),
    /** `{ ruolo, parte?, chiave? }`: who asked, from the credential. */
    attore: jsonb("attore").notNull(),
    versioneRegolamento: text("versione_regolamento").notNull(),
    /** The rules that allowed it (`{ regola, cita, fonte }`). */
    regole: jsonb("regole").notNull(),
    /** sha-256 of the canonical JSON of the compiled version that judged it (migration 0005). */
    improntaIr: text("impronta_ir"),
    registratoIl: timestamp("registrato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.procedimentoId, t.seq] }),
    foreignKey({ columns: [t.organismoId, t.procedimentoId], foreignColumns: [procedimenti.organismoId, procedimenti.id] }),
    // Append-only: app_user gets SELECT and INSERT only (GRANTs in the migration).
    pgPolicy("eventi_lettura", { for: "select", to: appUser, using: ownRows(t) }),
    pgPolicy("eventi_inserimento", { for: "insert", to: appUser, withCheck: ownRows(t) }),
  ],
).enableRLS();

export const chiavi = pgTable(
  "chiavi",
  {
    organismoId: text("organismo_id").notNull(),
    id: text("id").notNull(),
    /** sha-256 (hex) of the whole key: the key itself is never stored nor retrievable. */
    hash: text("hash").notNull(),
    ruolo: text("ruolo", { enum: ["amministratore", "responsabile", "segreteria", "mediatore", "parte"] }).notNull(),
    /** The party id (ruolo parte) or the mediator id (ruolo mediatore) the key speaks for. */
    parte: text("parte"),
    /** Optional: the key is good for this one procedure only (for a party key: the first binding, see chiavi_procedimenti). */
    procedimento: text("procedimento"),
    revocata: boolean("revocata").notNull().default(false),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.id] }),
    pgPolicy("chiavi_tenant", { for: "all", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
  ],
).enableRLS();

/**
 * The procedures a party key may read and act on: the one it was issued for, the ones it opened, the
 * ones the segreteria granted it. A party's label ("A") is free text and never identity: two disputes
 * of one organismo may both have a party "A", and only this binding tells their keys apart.
 */
export const chiaviProcedimenti = pgTable(
  "chiavi_procedimenti",
  {
    organismoId: text("organismo_id").notNull(),
    chiaveId: text("chiave_id").notNull(),
    procedimentoId: text("procedimento_id").notNull(),
    /** The key (id) that made the binding: the administrator at issue, the key itself on opening, a segreteria. */
    concessaDa: text("concessa_da").notNull(),
    concessaIl: timestamp("concessa_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.chiaveId, t.procedimentoId] }),
    foreignKey({ columns: [t.organismoId, t.chiaveId], foreignColumns: [chiavi.organismoId, chiavi.id] }),
    foreignKey({ columns: [t.organismoId, t.procedimentoId], foreignColumns: [procedimenti.organismoId, procedimenti.id] }),
    pgPolicy("chiavi_procedimenti_tenant", { for: "all", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
  ],
).enableRLS();

/**
 * Who published which version, when, and whether its `in vigore dal` was already past (a retroactive
 * publication changes answers for past dates, so it must be asked for). One row per publication;
 * append-only (SELECT and INSERT granted). Versions loaded from files at start have none.
 */
export const pubblicazioni = pgTable(
  "pubblicazioni",
  {
    organismoId: text("organismo_id").notNull(),
    versione: text("versione").notNull(),
    /** The id of the key that published (`<id>` within the organismo; the administrator's id otherwise). */
    chiaveId: text("chiave_id").notNull(),
    ruolo: text("ruolo").notNull(),
    inVigoreDal: text("in_vigore_dal").notNull(),
    retroattiva: boolean("retroattiva").notNull(),
    pubblicataIl: timestamp("pubblicata_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.versione] }),
    foreignKey({ columns: [t.organismoId, t.versione], foreignColumns: [regolamentoVersioni.organismoId, regolamentoVersioni.versione] }),
    // Like the published version it describes, public; only the tenant records it.
    pgPolicy("pubblicazioni_lettura", { for: "select", to: appUser, using: sql`true` }),
    pgPolicy("pubblicazioni_inserimento", { for: "insert", to: appUser, withCheck: ownRows(t) }),
  ],
).enableRLS();

export const idempotenza = pgTable(
  "idempotenza",
  {
    organismoId: text("organismo_id").notNull(),
    chiave: text("chiave").notNull(),
    /** sha-256 of method, path and body: the same key with another request is a 409. */
    impronta: text("impronta").notNull(),
    status: integer("status").notNull(),
    risposta: jsonb("risposta").notNull(),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.chiave] }),
    pgPolicy("idempotenza_tenant", { for: "all", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
  ],
).enableRLS();


// ---------------------------------------------------------------------------------------------
// Issue 14, for client apps (migration 0005_clienti, hand-written with its policies and GRANTs):
// the lists' summary, the deadline agenda, denied attempts, webhooks, their outbox and log.
const tenantPolicy = (nome: string) => (t: { organismoId: unknown }) => [
  pgPolicy(`${nome}_tenant`, { for: "all", to: appUser, using: ownRows(t), withCheck: ownRows(t) }),
];

export const procedimentiSintesi = pgTable(
  "procedimenti_sintesi",
  {
    organismoId: text("organismo_id").notNull(),
    procedimentoId: text("procedimento_id").notNull(),
    fase: text("fase").notNull(),
    depositatoIl: date("depositato_il").notNull(),
    parti: text("parti").array().notNull(),
    mediatori: text("mediatori").array().notNull(),
    /** The earliest open deadline at the last action; 'infinity' when there is none. */
    prossimaScadenza: date("prossima_scadenza").notNull().default(sql`'infinity'`),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.procedimentoId], name: "procedimenti_sintesi_pk" }),
    index("sintesi_deposito").on(t.organismoId, t.depositatoIl, t.procedimentoId),
    index("sintesi_scadenza").on(t.organismoId, t.prossimaScadenza, t.procedimentoId),
    index("sintesi_fase").on(t.organismoId, t.fase, t.depositatoIl, t.procedimentoId),
    // INCLUDE (fase, depositato_il, prossima_scadenza), hand-written in 0007 (drizzle has no INCLUDE):
    // a person's list picks its page from this index alone.
    index("sintesi_procedimento").on(t.organismoId, t.procedimentoId),
    ...tenantPolicy("procedimenti_sintesi")(t),
  ],
).enableRLS();

/** Who is in which procedure (`parte:A`, `mediatore:m1`): lists by party or mediator through a btree. */
export const procedimentiPersone = pgTable(
  "procedimenti_persone",
  {
    organismoId: text("organismo_id").notNull(),
    persona: text("persona").notNull(),
    procedimentoId: text("procedimento_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organismoId, t.persona, t.procedimentoId], name: "procedimenti_persone_pk" }), ...tenantPolicy("procedimenti_persone")(t)],
).enableRLS();

export const scadenzeAgenda = pgTable(
  "scadenze_agenda",
  {
    organismoId: text("organismo_id").notNull(),
    procedimentoId: text("procedimento_id").notNull(),
    nome: text("nome").notNull(),
    /** '' for a deadline of the whole procedure. */
    parte: text("parte").notNull().default(""),
    dal: date("dal"),
    entro: date("entro").notNull(),
    cita: text("cita").notNull(),
    fonte: text("fonte").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.procedimentoId, t.nome, t.parte], name: "scadenze_agenda_pk" }),
    // INCLUDE (parte, dal, cita, fonte) since 0007 (hand-written): the agenda is an index-only scan.
    index("agenda_data").on(t.organismoId, t.entro, t.procedimentoId, t.nome),
    ...tenantPolicy("scadenze_agenda")(t),
  ],
).enableRLS();

export const tentativiNegati = pgTable(
  "tentativi_negati",
  {
    organismoId: text("organismo_id").notNull(),
    procedimentoId: text("procedimento_id").notNull(),
    id: text("id").notNull(),
    revisione: integer("revisione").notNull(),
    azione: jsonb("azione").notNull(),
    attore: jsonb("attore").notNull(),
    versioneRegolamento: text("versione_regolamento").notNull(),
    risposta: jsonb("risposta").notNull(),
    registratoIl: timestamp("registrato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.procedimentoId, t.id], name: "tentativi_negati_pk" }),
    index("tentativi_data").on(t.organismoId, t.procedimentoId, t.registratoIl),
    ...tenantPolicy("tentativi_negati")(t),
  ],
).enableRLS();

export const webhook = pgTable(
  "webhook",
  {
    organismoId: text("organismo_id").notNull(),
    id: text("id").notNull(),
    url: text("url").notNull(),
    eventi: text("eventi").array().notNull(),
    giorni: integer("giorni").array().notNull().default(sql`'{}'`),
    segreto: text("segreto").notNull(),
    attivo: boolean("attivo").notNull().default(true),
    creatoIl: timestamp("creato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organismoId, t.id], name: "webhook_pk" }), ...tenantPolicy("webhook")(t)],
).enableRLS();

export const webhookUscita = pgTable(
  "webhook_uscita",
  {
    organismoId: text("organismo_id").notNull(),
    id: text("id").notNull(),
    webhookId: text("webhook_id").notNull(),
    tipo: text("tipo").notNull(),
    chiaveEvento: text("chiave_evento").notNull(),
    corpo: jsonb("corpo").notNull(),
    stato: text("stato", { enum: ["in_attesa", "consegnata", "fallita"] }).notNull().default("in_attesa"),
    tentativi: integer("tentativi").notNull().default(0),
    prossimoTentativo: timestamp("prossimo_tentativo", { withTimezone: true }).notNull().defaultNow(),
    inConsegnaFino: timestamp("in_consegna_fino", { withTimezone: true }),
    creatoIl: timestamp("creato_il", { withTimezone: true }).notNull().defaultNow(),
    consegnataIl: timestamp("consegnata_il", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.id], name: "webhook_uscita_pk" }),
    unique("webhook_uscita_evento").on(t.organismoId, t.webhookId, t.chiaveEvento),
    foreignKey({ columns: [t.organismoId, t.webhookId], foreignColumns: [webhook.organismoId, webhook.id], name: "webhook_uscita_webhook_fk" }),
    index("uscita_da_consegnare").on(t.organismoId, t.stato, t.prossimoTentativo),
    ...tenantPolicy("webhook_uscita")(t),
  ],
).enableRLS();

export const webhookConsegne = pgTable(
  "webhook_consegne",
  {
    organismoId: text("organismo_id").notNull(),
    id: text("id").notNull(),
    uscitaId: text("uscita_id").notNull(),
    webhookId: text("webhook_id").notNull(),
    tentativo: integer("tentativo").notNull(),
    status: integer("status"),
    errore: text("errore"),
    durataMs: integer("durata_ms").notNull(),
    il: timestamp("il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organismoId, t.id], name: "webhook_consegne_pk" }),
    index("consegne_data").on(t.organismoId, t.il),
    ...tenantPolicy("webhook_consegne")(t),
  ],
).enableRLS();

const schemaClienti = { procedimentiSintesi, procedimentiPersone, scadenzeAgenda, tentativiNegati, webhook, webhookUscita, webhookConsegne };

export const schema = { organismi, regolamentoVersioni, procedimenti, eventi, chiavi, chiaviProcedimenti, pubblicazioni, idempotenza, ...schemaClienti };
