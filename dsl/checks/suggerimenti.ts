// "forse intendevi …?": the suggester lives in the engine (the engine checks a question's names
// too); the checks import it from here.
export { distanza, piuVicino, forseIntendevi } from "../../engine/suggerimenti.ts";
