/** Every object reachable from `root` through properties, array items, Map keys/values and Set items (memory tests). */
export function raggiungibili(root: unknown): Set<object> {
  const visti = new Set<object>();
  const coda: unknown[] = [root];
  while (coda.length) {
    const x = coda.pop();
    if (x === null || typeof x !== "object" || visti.has(x)) continue;
    visti.add(x);
    if (x instanceof Map) for (const [k, v] of x) coda.push(k, v);
    else if (x instanceof Set) for (const v of x) coda.push(v);
    for (const k of Reflect.ownKeys(x)) coda.push((x as Record<string | symbol, unknown>)[k]);
  }
  return visti;
}
