// Starts the portal: loads the main wasm module (the chunks load on demand).
// A file rather than an inline script, so a strict Content-Security-Policy can
// forbid inline scripts.
import init from './main.js';

const wasm = await init({ module_or_path: new URL('./main_bg.wasm', import.meta.url) });
dispatchEvent(new CustomEvent('StagedoorStarted', { detail: { wasm } }));
