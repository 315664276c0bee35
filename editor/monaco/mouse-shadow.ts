// Monaco watches `mousemove` on the document to notice the mouse leaving the editor, testing
// `viewDomNode.contains(event.target)`. From inside a shadow root the document sees the event
// retargeted to the shadow host, so every move looks like a leave and the hover never opens.
// Keeping the editor's own mouse moves from reaching the document fixes it: moves outside the
// editor still reach the document and close the hover as they should.
export function isolaMovimentiMouse(contenitore: HTMLElement): void {
  contenitore.addEventListener("mousemove", (e) => e.stopPropagation());
}
