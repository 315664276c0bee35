// A least-recently-used map bounded in (estimated) bytes: the catalogue's prepared versions (issue
// 15 § 1). Like server/procedimenti/memoria.ts, but a read makes an entry the most recent. A read
// only stamps the entry (re-inserting into the Map on every question cost ≈ 7% of a question);
// eviction, rare, drops the entries with the oldest stamps.
export class LruByte<K, V> {
  private readonly voci = new Map<K, { valore: V; byte: number; uso: number }>();
  private totale = 0;
  private orologio = 0;
  /** Entries dropped to stay within the budget (for tests and /v1/stato). */
  espulse = 0;

  constructor(public budget: number) {}

  get byte(): number { return this.totale; }
  get size(): number { return this.voci.size; }

  get(k: K): V | undefined {
    const v = this.voci.get(k);
    if (!v) return undefined;
    v.uso = ++this.orologio;
    return v.valore;
  }

  /** Stores (most recent); the least recent go until the total fits. An entry over the whole budget is not kept. */
  set(k: K, valore: V, byte: number): void {
    this.delete(k);
    if (byte > this.budget) return;
    this.voci.set(k, { valore, byte, uso: ++this.orologio });
    this.totale += byte;
    if (this.totale <= this.budget) return;
    // Oldest first; down to 90% of the budget, so that a full cache does not sort on every miss.
    const perUso = [...this.voci].sort((a, b) => a[1].uso - b[1].uso);
    for (const [vecchia, v] of perUso) {
      if (this.totale <= this.budget * 0.9 || vecchia === k) break;
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
