// A least-recently-used map bounded in (estimated) bytes: the catalogue's prepared versions (issue
// 15 § 1). Like server/procedimenti/memoria.ts, but a read makes an entry the most recent.
export class LruByte<K, V> {
  private readonly voci = new Map<K, { valore: V; byte: number }>();
  private totale = 0;
  /** Entries dropped to stay within the budget (for tests and /v1/stato). */
  espulse = 0;

  constructor(public budget: number) {}

  get byte(): number { return this.totale; }
  get size(): number { return this.voci.size; }

  get(k: K): V | undefined {
    const v = this.voci.get(k);
    if (!v) return undefined;
    // Map keeps insertion order: re-inserting makes it the most recent.
    this.voci.delete(k);
    this.voci.set(k, v);
    return v.valore;
  }

  /** Stores (most recent); the least recent go until the total fits. An entry over the whole budget is not kept. */
  set(k: K, valore: V, byte: number): void {
    this.delete(k);
    if (byte > this.budget) return;
    this.voci.set(k, { valore, byte });
    this.totale += byte;
    for (const [vecchia, v] of this.voci) {
      if (this.totale <= this.budget) break;
      this.voci.delete(vecchia);
      this.totale -= v.byte;
      this.espulse++;
    }
  }

  delete(k: K): void {
    const v = this.voci.get(k);
    if (!v) return;
    this.voci.delete(k);
    this.totale -= v.byte;
  }

  keys(): IterableIterator<K> { return this.voci.keys(); }

  clear(): void { this.voci.clear(); this.totale = 0; }
}
