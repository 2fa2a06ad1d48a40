// Measures an API entity page in headless Chromium against the running backend
// and the portal at BASE. Prints JSON.
//   node tests/e2e/bench/api-bench.mjs <label> <runs> <api name> <filter text>
// - definitionMs: a fresh browser context (cold cache) opening the API's page,
//   until the entity (with its definition) has arrived;
// - operationsMs: from that arrival to the frame that shows the first operation;
// - longestTaskMs: the longest the page's main thread was busy in one go from
//   the arrival on (a frozen tab is a long task);
// - filterMedianMs / filterMaxMs: typing <filter text> into the operation filter,
//   one character at a time, from each keystroke to the frame that shows its result;
// - shown: operations shown before and after the filter.
import { BASE, guestContext, launch, median } from './browser.mjs';

const [label, runsArg, name, filterText] = process.argv.slice(2);
const runs = Number(runsArg || 3);
const browser = await launch();
const samples = { definitionMs: [], operationsMs: [], longestTaskMs: [], filterMedianMs: [], filterMaxMs: [] };
let shown = {};
const watch = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (!window.__opsShown && document.querySelector('.api-definition .operation')) {
      window.__opsShown = -1;
      requestAnimationFrame(() => { window.__opsShown = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true });
};
for (let i = 0; i < runs; i++) {
  const c = await guestContext(browser);
  await c.addInitScript(watch);
  const p = await c.newPage();
  await p.goto(`${BASE}catalog/default/api/${name}`);
  await p.waitForFunction(() => window.__opsShown > 0, null, { timeout: 180000 });
  const t = await p.evaluate((name) => {
    const entity = performance.getEntriesByType('resource').find((e) => e.name.includes(`/entities/by-name/api/default/${name}`));
    const arrived = entity.responseEnd;
    const longest = Math.max(0, ...window.__longTasks.filter(([s, d]) => s + d >= arrived).map(([, d]) => d));
    return { arrived, shown: window.__opsShown, longest };
  }, name);
  samples.definitionMs.push(Math.round(t.arrived));
  samples.operationsMs.push(Math.round(t.shown - t.arrived));
  samples.longestTaskMs.push(Math.round(t.longest));
  const before = await p.locator('.api-definition .operation').count();
  // Each keystroke as the browser delivers it, timed to the next frame after it.
  const times = await p.evaluate(async (text) => {
    const box = document.querySelector('.api-definition input[type="search"]');
    if (!box) return null;
    const out = [];
    for (let n = 1; n <= text.length; n++) {
      const t0 = performance.now();
      box.value = text.slice(0, n);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, data: text[n - 1], inputType: 'insertText' }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - t0);
    }
    return out;
  }, filterText);
  // A build without the filter has nothing to time.
  samples.filterMedianMs.push(times ? Math.round(median(times)) : NaN);
  samples.filterMaxMs.push(times ? Math.round(Math.max(...times)) : NaN);
  const after = await p.locator('.api-definition .operation:visible').count();
  shown = { before, after };
  await c.close();
}
await browser.close();
const result = { label, runs, ...shown };
for (const [k, v] of Object.entries(samples)) result[k] = median(v);
console.log(JSON.stringify(result));
