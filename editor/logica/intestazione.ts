// The baselines a text applies, read from its header without the parser (which lives in the worker):
// needed before the first check, and for versions whose compiled form is missing (errors).
export function basiApplicate(sorgente: string): string[] {
  const m = /^[ \t]*applica[ \t]+([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*)/m.exec(sorgente);
  return m ? m[1]!.split(",").map((s) => s.trim()) : [];
}
