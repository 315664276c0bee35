// Monaco injects its CSS into the document; inside a shadow root those rules do not apply and the
// editor renders broken. Copy the document's rules once into constructable sheets and adopt them.
// Fonts (`@font-face`) only work at document level and stay there; `@import` cannot be adopted.

let copia: CSSStyleSheet | undefined;
let regoleCopiate = -1;

function regoleDelDocumento(): string[] {
  const testi: string[] = [];
  for (const foglio of Array.from(document.styleSheets)) {
    let regole: CSSRuleList;
    try {
      regole = foglio.cssRules;
    } catch {
      continue; // cross-origin sheet: unreadable, and not Monaco's
    }
    for (const r of Array.from(regole)) {
      if (r instanceof CSSFontFaceRule || r instanceof CSSImportRule) continue;
      testi.push(r.cssText);
    }
  }
  return testi;
}

/** The document's rules as one shared sheet, rebuilt only when the document gained rules. */
export function foglioDocumento(): CSSStyleSheet {
  const testi = regoleDelDocumento();
  if (!copia || testi.length !== regoleCopiate) {
    copia ??= new CSSStyleSheet();
    copia.replaceSync(testi.join("\n"));
    regoleCopiate = testi.length;
  }
  return copia;
}

/** Adds the document's rules to a shadow root, before the component's own styles. */
export function adottaStiliDocumento(root: ShadowRoot): void {
  const foglio = foglioDocumento();
  if (!root.adoptedStyleSheets.includes(foglio)) root.adoptedStyleSheets = [foglio, ...root.adoptedStyleSheets];
}
