// Shared look of the components: toolbar, buttons, panels, messages.
import { css } from "lit";

export const stiliComuni = css`
  :host { display: block; box-sizing: border-box; font-family: system-ui, "Segoe UI", Roboto, sans-serif; color: #1f2933; }
  * { box-sizing: border-box; }
  .barra { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 12px; background: #fff; border-bottom: 1px solid #d9e2ec; }
  .barra .spazio { flex: 1; }
  label { font-size: 13px; color: #52606d; display: inline-flex; gap: 4px; align-items: center; }
  select, input, button { font: inherit; font-size: 13px; padding: 4px 8px; border: 1px solid #bcccdc; border-radius: 4px; background: #fff; }
  button { cursor: pointer; background: #f0f4f8; }
  button.primario { background: #1d4ed8; color: #fff; border-color: #1d4ed8; }
  button:disabled { opacity: 0.5; cursor: default; }
  .messaggio { font-size: 13px; padding: 4px 8px; border-radius: 4px; }
  .messaggio.ok { background: #e3f9e5; color: #05400a; }
  .messaggio.errore { background: #ffe3e3; color: #610404; }
  .messaggio.avviso { background: #fff3c4; color: #5c3c00; }
  .pannello { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; }
  h2, h3 { font-weight: 600; margin: 0 0 8px; }
  h3 { font-size: 14px; }
  .cita { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #1d4ed8; white-space: nowrap; }
  .vuoto { color: #7b8794; font-style: italic; font-size: 13px; }
`;
