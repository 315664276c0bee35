// Language features of `regolamento` in Monaco: completion, hover, formatting, document symbols.
// Each adapts a pure function of ../logica (tested in Node) to Monaco's provider interface.
import * as monaco from "monaco-editor/editor/editor.api";
import { inProsa, proposte, type Genere } from "../logica/completamento.ts";
import { indiceArticoli } from "../logica/indice-articoli.ts";
import { spiega, spiegazioneMarkdown } from "../logica/spiegazione.ts";
import { LINGUA } from "./lingua.ts";
import { statoModello } from "./stato-modelli.ts";
import { formatta } from "./formattatore.ts";

const K = monaco.languages.CompletionItemKind;
const GENERI: Record<Genere, monaco.languages.CompletionItemKind> = {
  parola: K.Keyword, frase: K.Keyword, azione: K.Event, fatto: K.Field, valore: K.EnumMember, regola: K.Function, articolo: K.Reference, campo: K.Property,
};

let registrati = false;

export function registraFornitori(): void {
  if (registrati) return;
  registrati = true;

  monaco.languages.registerCompletionItemProvider(LINGUA, {
    triggerCharacters: [".", " "],
    provideCompletionItems(model, position) {
      if (inProsa(model.getValue(), model.getOffsetAt(position))) return { suggestions: [] };
      const parola = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, parola.startColumn, position.lineNumber, parola.endColumn);
      const prima = model.getValueInRange(new monaco.Range(position.lineNumber, 1, position.lineNumber, position.column));
      const stato = statoModello(model.uri.toString());
      const suggestions = proposte(model.getValue(), prima, stato.basi).map((p) => ({
        label: p.etichetta,
        kind: GENERI[p.genere],
        detail: p.dettaglio,
        insertText: p.inserisci,
        sortText: p.ordine,
        range,
      }));
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider(LINGUA, {
    provideHover(model, position) {
      const stato = statoModello(model.uri.toString());
      if (!stato.regolamento) return null;
      const parola = model.getWordAtPosition(position);
      const s = spiega(stato.regolamento, position.lineNumber, parola?.word, stato.basi);
      if (!s) return null;
      return { contents: [{ value: spiegazioneMarkdown(s) }] };
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(LINGUA, {
    displayName: "Formattazione del regolamento",
    async provideDocumentFormattingEdits(model) {
      const prima = model.getValue();
      const text = await formatta(prima);
      // Syntax errors: nothing to format (the markers already say why). Text changed meanwhile: skip.
      if (text === undefined || text === prima || model.getValue() !== prima) return [];
      return [{ range: model.getFullModelRange(), text }];
    },
  });

  monaco.languages.registerDocumentSymbolProvider(LINGUA, {
    displayName: "Articoli",
    provideDocumentSymbols(model) {
      return indiceArticoli(model.getValue())
        .filter((v) => v.livello === "articolo")
        .map((v) => {
          const range = new monaco.Range(v.riga, v.colonna, v.riga, model.getLineMaxColumn(v.riga));
          return {
            name: `art. ${v.numero}${v.titolo ? ` — ${v.titolo}` : ""}`,
            detail: "",
            kind: monaco.languages.SymbolKind.Namespace,
            tags: [],
            range,
            selectionRange: range,
          };
        });
    },
  });
}
