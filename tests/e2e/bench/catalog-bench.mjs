// Measures the catalog page in headless Chromium against the running backend and
// the portal served at BASE (default http://127.0.0.1:8090/). Prints JSON medians.
//   node tests/e2e/bench/catalog-bench.mjs <label> [runs] [text-filter term]
// Each run uses a fresh browser context (cold HTTP cache); the guest session is
// restored by the portal itself from local storage, as after a reload.
import { BASE, BACKEND, guestContext, launch, median } from './browser.mjs';

const label = process.argv[2] || 'catalog';
const runs = Number(process.argv[3] || 5);
// A name fragment that narrows this catalog to a handful of rows.
const term = process.argv[4] || 'service';
const browser = await launch();
const samples = { firstRowMs: [], filterMs: [], textFilterMs: [], nextPageMs: [], heapPlusWasmMiB: [], requests: [] };

for (let i = 0; i < runs; i++) {
  const context = await guestContext(browser);
  const page = await context.newPage();
  let requests = 0;
  page.on('request', (r) => { if (r.url().startsWith(BACKEND)) requests++; });
  const caption = page.locator('table caption');

  // Five rows a page, so the small demo catalog has pages to turn too.
  let t = Date.now();
  await page.goto(`${BASE}catalog?limit=5`);
  await page.locator('tbody tr').first().waitFor();
  samples.firstRowMs.push(Date.now() - t);
  samples.requests.push(requests);
  await page.getByText(/^production \(\d+\)$/).waitFor();

  // Next page: until the range under the table changes.
  const range = page.locator('.pager-range');
  let before = await range.textContent();
  t = Date.now();
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.waitForFunction((b) => document.querySelector('.pager-range')?.textContent !== b, before);
  samples.nextPageMs.push(Date.now() - t);

  // A facet filter: until the table shows the new rows.
  const rowsText = () => page.locator('tbody').textContent();
  const rowsChanged = (b) => page.waitForFunction((b) => { const t = document.querySelector('tbody'); return t && t.textContent !== b; }, b);
  before = await rowsText();
  t = Date.now();
  await page.getByLabel(/^production/).check();
  await rowsChanged(before);
  samples.filterMs.push(Date.now() - t);
  await caption.filter({ hasText: /\(\d+\)/ }).waitFor();

  // Typing in the text filter: from the last keystroke to the filtered rows.
  before = await rowsText();
  await page.getByRole('searchbox', { name: 'Filter by name' }).pressSequentially(term, { delay: 20 });
  t = Date.now();
  await rowsChanged(before);
  samples.textFilterMs.push(Date.now() - t);

  await page.waitForTimeout(500);
  const mem = await page.evaluate(() => (performance.memory.usedJSHeapSize + (window.__wasm?.memory?.buffer?.byteLength || 0)) / 1048576);
  samples.heapPlusWasmMiB.push(Math.round(mem * 100) / 100);
  await context.close();
}
await browser.close();
const result = { label, runs };
for (const [k, v] of Object.entries(samples)) result[k] = median(v);
console.log(JSON.stringify(result));
