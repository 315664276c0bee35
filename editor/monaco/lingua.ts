// The `regolamento` language in Monaco: Monarch highlighting, brackets, comments, folding and a
// theme whose colours separate the text's structure, the rule kinds, actions and facts.
import * as monaco from "monaco-editor/editor/editor.api";
import { AZIONI, FATTI } from "../../engine/vocabolario.ts";
import { CLAUSOLE, DICHIARAZIONI, STRUTTURA } from "../logica/parole-chiave.ts";

export const LINGUA = "regolamento";
export const TEMA = "regolamento-chiaro";

const IDENT = /[a-zA-Z_\u00C0-\u017F][\w\u00C0-\u017F]*/;

export const monarch: monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  ignoreCase: false,
  struttura: [...STRUTTURA],
  dichiarazioni: [...DICHIARAZIONI],
  clausole: [...CLAUSOLE],
  azioni: [...AZIONI],
  fatti: [...FATTI],
  tokenizer: {
    root: [
      [/\s+/, "white"],
      [/#.*$/, "comment"],
      [/"/, { token: "string.quote", next: "@stringa" }],
      // `vincolo nome:` — the rule's name is its identity (traces, diffs, exceptions).
      [
        new RegExp(`(${DICHIARAZIONI.join("|")})(\\s+)(${IDENT.source})(?=\\s*(?::|sostituisce|a\\b))`),
        ["keyword.dichiarazione", "", "entity.name.regola"],
      ],
      [/\d{4}-\d{2}-\d{2}/, "number.data"],
      [/[a-z]+(-[0-9a-z]+)+/, "type.fonte"],
      [/€\s?\d[\d.]*(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?:\s?[€%])?|\d+(?:,\d+)?(?:\s?[€%])?/, "number"],
      [/€/, "number"],
      // `azione.mediatore`: the fact, not the statement kind.
      [/azione(?=\.)/, "variable.fatto"],
      [
        IDENT,
        {
          cases: {
            "@struttura": "keyword.struttura",
            "@dichiarazioni": "keyword.dichiarazione",
            "@clausole": "keyword",
            "@azioni": "type.azione",
            "@fatti": "variable.fatto",
            "@default": "identifier",
          },
        },
      ],
      [/!=|<=|>=|[=<>]/, "operator"],
      [/[()[\]]/, "@brackets"],
      [/[:,.-]/, "delimiter"],
    ],
    stringa: [
      [/[^\\"]+/, "string"],
      [/\\./, "string.escape"],
      [/"/, { token: "string.quote", next: "@pop" }],
    ],
  },
};

export const configurazione: monaco.languages.LanguageConfiguration = {
  comments: { lineComment: "#" },
  brackets: [
    ["(", ")"],
    ["[", "]"],
  ],
  autoClosingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
    { open: '"', close: '"', notIn: ["string"] },
  ],
  surroundingPairs: [
    { open: '"', close: '"' },
    { open: "(", close: ")" },
  ],
  folding: { offSide: true },
  wordPattern: /[a-zA-Z_\u00C0-\u017F][\w\u00C0-\u017F]*|-?\d[\d.,]*/,
};

let registrata = false;

/** Registers the language and its theme once per page. */
export function registraLingua(): void {
  if (registrata) return;
  registrata = true;
  monaco.languages.register({ id: LINGUA, extensions: [".regolamento"], aliases: ["Regolamento"] });
  monaco.languages.setMonarchTokensProvider(LINGUA, monarch);
  monaco.languages.setLanguageConfiguration(LINGUA, configurazione);
  monaco.editor.defineTheme(TEMA, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "keyword.struttura", foreground: "1d4ed8", fontStyle: "bold" },
      { token: "keyword.dichiarazione", foreground: "7c3aed", fontStyle: "bold" },
      { token: "keyword", foreground: "9333ea" },
      { token: "entity.name.regola", foreground: "b45309", fontStyle: "bold" },
      { token: "type.azione", foreground: "047857" },
      { token: "type.fonte", foreground: "0e7490", fontStyle: "underline" },
      { token: "variable.fatto", foreground: "0369a1" },
      { token: "number", foreground: "c2410c" },
      { token: "number.data", foreground: "be123c" },
      { token: "string", foreground: "4b5563", fontStyle: "italic" },
      { token: "string.quote", foreground: "4b5563" },
      { token: "comment", foreground: "6b7280", fontStyle: "italic" },
      { token: "operator", foreground: "111827" },
    ],
    colors: {},
  });
}
