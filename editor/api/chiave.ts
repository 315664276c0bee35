// The responsabile's key: typed once in the interface, kept only for this browser tab
// (sessionStorage), never in the page's URL or in localStorage.
const CHIAVE = "regolamenti.chiave";

export function leggiChiave(): string | undefined {
  try {
    return sessionStorage.getItem(CHIAVE) ?? undefined;
  } catch {
    return undefined;
  }
}

export function salvaChiave(chiave: string | undefined): void {
  try {
    if (chiave) sessionStorage.setItem(CHIAVE, chiave.trim());
    else sessionStorage.removeItem(CHIAVE);
  } catch {
    /* storage disabled: the key lives only in memory for this page */
  }
}
