// A least-recently-used map bounded in bytes, not in entries: 20,000 procedure states of 2 MB each
// drove a server out of memory. Each entry's size is estimated once, by whoever stores it.
export class MemoriaLimitata<K, V> {
  private readonly voci = new Map<K, { valore: V; byte: number }>();
  private totale = 0;

  constructor(readonly budget: number) {}

  get byte(): number {
    return this.totale;
  }
  get size(): number {
    return this.voci.size;
  }

  get(k: K): V | undefined {
    return this.voci.get(k)?.valore;
  }

  /** The estimated size an entry was stored with. */
  byteDi(k: K): number | undefined {
    return this.voci.get(k)?.byte;
  }

  /** Stores (most recent); the oldest go until the total fits. An entry over the whole budget is not kept. */
  set(k: K, valore: V, byte: number): void {
    this.delete(k);
    if (byte > this.budget) return;
    this.voci.set(k, { valore, byte });
    this.totale += byte;
    for (const [vecchia, v] of this.voci) {
      if (this.totale <= this.budget) break;
      this.voci.delete(vecchia);
      this.totale -= v.byte;
    }
  }

  delete(k: K): void {
    const v = this.voci.get(k);
    if (!v) return;
    this.voci.delete(k);
    this.totale -= v.byte;
  }

  clear(): void {
    this.voci.clear();
    this.totale = 0;
  }
}

/** Bytes a JSON-shaped value holds in memory, roughly: two per character of its JSON, plus objects. */
export const byteStimati = (json: string): number => 2 * json.length + 64;
