// A least-recently-used map bounded in estimated bytes, not in entries: the catalogue's prepared
// versions and the register's IRs (issue 15 § 1), the procedure states a server last wrote (20,000
// states of 2 MB each drove a server out of memory). Each entry's size is estimated once, by whoever
// stores it. `lru-cache` keeps the order (a read makes an entry the most recent, in constant time);
// this adds the counters the server reports (/v1/stato) and the size an entry was stored with.
import { LRUCache } from "lru-cache";

export class LruByte<K extends {}, V extends {}> {
  private readonly voci: LRUCache<K, V>;
  /** Entries dropped to stay within the budget (for tests and /v1/stato). */
  espulse = 0;

  constructor(readonly budget: number) {
    this.voci = new LRUCache<K, V>({
      maxSize: Math.max(1, Math.floor(budget)),
      dispose: (_v, _k, motivo) => { if (motivo === "evict") this.espulse++; },
    });
  }

  get byte(): number { return this.voci.calculatedSize; }
  get size(): number { return this.voci.size; }

  get(k: K): V | undefined { return this.voci.get(k); }

  /** The estimated size an entry was stored with. */
  byteDi(k: K): number | undefined { return this.voci.info(k)?.size; }

  /** Stores (most recent); the least recent go until the total fits. An entry over the whole budget is not kept. */
  set(k: K, valore: V, byte: number): void {
    this.voci.delete(k);
    if (byte > this.budget) return;
    this.voci.set(k, valore, { size: Math.max(1, Math.ceil(byte)) });
  }

  delete(k: K): void { this.voci.delete(k); }

  keys(): IterableIterator<K> { return this.voci.keys(); }

  clear(): void { this.voci.clear(); }
}
