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
 *  guest session itself, as after a reload: local storage holds what the last
 *  visit left there (the app: who signed in; boot.js: where that session came
 *  from, for the portal at the origin's root). `window.__wasm` is the wasm's exports. */
export async function guestContext(browser) {
  const context = await browser.newContext();
  await context.addInitScript((backend) => {
    localStorage.setItem(`stagedoor:signed-in-with@${backend}`, 'guest');
    const session = `${backend} guest development`;
    localStorage.setItem(`stagedoor:last-session@${location.origin}/config.json`, session);
    addEventListener('StagedoorStarted', (e) => { window.__wasm = e.detail.wasm; });
  }, BACKEND);
  return context;
}

/** Has each page of `context` record, from navigation start, when the first
 *  element matching `css` (holding `text`, if given) was painted; `shownMs`
 *  reads it. Timed inside the page, so neither `goto` waiting for the load event
 *  nor the protocol's round trips count, and the frame's style, layout and paint
 *  do, as its user waits for them: the Element Timing API's render time of the
 *  element and its descendants, which get an `elementtiming` attribute before
 *  their first frame. Chromium drops that entry when the element leaves the page
 *  right after its frame (a long docs page's beginning, replaced by the whole
 *  article in the next task): then the end of that frame's rendering by the Long
 *  Animation Frames API, or, for a frame too short to be listed, when a message
 *  posted from its requestAnimationFrame runs (after its layout and paint, and
 *  after any task queued before it: a later time, never an earlier one). */
export const recordShown = (context, css, text = '') =>
  context.addInitScript(({ css, text }) => {
    const frames = [];
    new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
    new PerformanceObserver((list, o) => {
      const painted = list.getEntries().find((e) => e.identifier === 'bench-shown');
      if (painted) {
        o.disconnect();
        window.__shown = painted.renderTime || painted.loadTime;
      }
    }).observe({ type: 'element', buffered: true });
    new MutationObserver((_, o) => {
      const el = [...document.querySelectorAll(css)].find((e) => e.textContent.includes(text));
      if (!el) return;
      o.disconnect();
      for (const e of [el, ...el.querySelectorAll('*')]) e.setAttribute('elementtiming', 'bench-shown');
      requestAnimationFrame(() => {
        const inFrame = performance.now();
        const after = new MessageChannel();
        after.port1.onmessage = () => {
          const messaged = performance.now();
          // Element timing comes with the frame's presentation, soon after.
          setTimeout(() => {
            const long = frames.find((f) => f.renderStart && f.renderStart <= inFrame && inFrame <= f.startTime + f.duration);
            window.__shown ||= long ? long.startTime + long.duration : messaged;
          }, 2000);
        };
        after.port2.postMessage(0);
      });
    }).observe(document, { subtree: true, childList: true });
  }, { css, text });
export const shownMs = (page) => page.waitForFunction(() => window.__shown).then((h) => h.jsonValue()).then(Math.round);

/** A fresh context (cold cache, the guest session restored by the portal) that
 *  records when `shows` ({ css, text }, if given) is painted, and in it a page
 *  whose network is emulated: `rtt` ms round trip, `bytesPerSec` both ways. */
export async function coldPage(browser, shows, rtt, bytesPerSec) {
  const context = await guestContext(browser);
  if (shows) await recordShown(context, shows.css, shows.text);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rtt, downloadThroughput: bytesPerSec, uploadThroughput: bytesPerSec });
  return { context, page, cdp };
}
