// The engine's public API (docs/architettura.md): pure functions over the IR of engine/ir.ts.
export { prepare } from "./prepare.ts";
export { evaluate } from "./evaluate.ts";
export { Sequenza, valutaSequenza } from "./sequenza.ts";
export { LAVORO } from "./storia.ts";
export { diff, type Change } from "./diff.ts";
export { compare, matrix, type Matrix, type Cella } from "./compare.ts";
export { Catalog, dataDiRiferimento, IrNonCaricata, pendenzaDi, type Intestazione, type OpzioniCatalogo, type Pendenza } from "./catalog.ts";
export type { Prepared } from "./prepared.ts";
export { compile as compileCondition, type Compiled } from "./conditions/compile.ts";
export { varsOf } from "./conditions/vars.ts";
export { printCondition } from "./conditions/print.ts";
export { confronta, domandaDelCaso, eseguiCaso, type Caso, type EsitoCaso } from "./scenari.ts";
export type * from "./contract.ts";
export type * from "./ir.ts";
