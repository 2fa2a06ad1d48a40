// What the benchmark scripts share: Debian's Chromium, headless, as the e2e
// suite runs it (but without root's thread priorities, below), the services'
// addresses, and the median.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const BASE = process.env.BASE || 'http://127.0.0.1:8090/';
export const BACKEND = process.env.BACKEND || 'http://127.0.0.1:7007';
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

// Through chromium-as-user.sh: run as root, Chromium would give its own threads a
// priority a user's cannot have, and starve the backend on this 2-core machine.
const executablePath = fileURLToPath(new URL('./chromium-as-user.sh', import.meta.url));
export const launch = () => chromium.launch({ executablePath, args: flags });
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** A fresh browser context (cold HTTP cache) in which the portal restores the
 *  guest session itself, as after a reload; `window.__wasm` is the wasm's exports. */
export async function guestContext(browser) {
  const context = await browser.newContext();
  await context.addInitScript((backend) => {
    localStorage.setItem(`stagedoor:signed-in-with@${backend}`, 'guest');
    addEventListener('StagedoorStarted', (e) => { window.__wasm = e.detail.wasm; });
  }, BACKEND);
  return context;
}

/** Has each page of `context` record, from navigation start, when the frame in
 *  which the first element matching `css` (holding `text`, if given) showed had
 *  been laid out and painted; `shownMs` reads it. Timed inside the page, so
 *  neither `goto` waiting for the load event nor the protocol's round trips
 *  count. (A message posted from the frame's requestAnimationFrame runs once the
 *  frame's style, layout and paint are done: a page whose layout is slow counts
 *  it, as its user waits for it.) */
export const recordShown = (context, css, text = '') =>
  context.addInitScript(({ css, text }) => {
    new MutationObserver((_, o) => {
      if ([...document.querySelectorAll(css)].some((e) => e.textContent.includes(text))) {
        o.disconnect();
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => { window.__shown = performance.now(); };
          after.port2.postMessage(0);
        });
      }
    }).observe(document, { subtree: true, childList: true });
  }, { css, text });
export const shownMs = (page) => page.waitForFunction(() => window.__shown).then((h) => h.jsonValue()).then(Math.round);
