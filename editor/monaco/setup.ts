// Monaco, lean: the editor API plus only the features this editor uses (the package's main entry
// pulls in every language and its workers). Workers are built by Vite from `?worker` imports.
/// <reference types="vite/client" />
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/diffEditor/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/find/register";
import "monaco-editor/editor/contrib/find/browser/findController";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/quickOutline/register";
import "monaco-editor/features/documentSymbols/register";
import * as monaco from "monaco-editor/editor/editor.api";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

// The only worker needed: the editor's own (diff computation, word-based features).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
