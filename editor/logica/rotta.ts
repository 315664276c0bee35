// The view in the URL hash, so a view can be linked and the tests can open it directly.
export type Rotta =
  | { vista: "editor"; organismo?: string; versione?: string }
  | { vista: "diff"; organismo?: string; a?: string; b?: string; altro?: string }
  | { vista: "confronto" }
  | { vista: "grafici" };

export function leggiRotta(hash: string): Rotta {
  const [vista, ...resto] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  switch (vista) {
    case "diff":
      return { vista, organismo: resto[0], a: resto[1], b: resto[2], altro: resto[3] };
    case "confronto":
    case "grafici":
      return { vista };
    default:
      return { vista: "editor", organismo: resto[0] || undefined, versione: resto[1] || undefined };
  }
}

export function scriviRotta(r: Rotta): string {
  const parti: (string | undefined)[] =
    r.vista === "editor" ? [r.vista, r.organismo, r.versione] : r.vista === "diff" ? [r.vista, r.organismo, r.a, r.b, r.altro] : [r.vista];
  let fino = parti.length;
  while (fino > 1 && !parti[fino - 1]) fino--;
  return `#/${parti.slice(0, fino).map((p) => encodeURIComponent(p ?? "")).join("/")}`;
}
