// The entry of an analysis worker thread: registers the TypeScript loader in this thread (module
// hooks are per thread) and hands over to lavoratore.ts.
import { register } from "tsx/esm/api";

register();
const { default: esegui } = await import("./lavoratore.ts");
export default esegui;
