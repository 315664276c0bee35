// The procedure states a server last wrote are kept in a byte-bounded LRU (engine/lru-byte.ts); each
// entry's size is estimated once, by whoever stores it, from its JSON.

/** Bytes a JSON-shaped value holds in memory, roughly: two per character of its JSON, plus objects. */
export const byteStimati = (json: string): number => 2 * json.length + 64;
