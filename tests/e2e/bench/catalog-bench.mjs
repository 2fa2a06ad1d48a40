// Measures the catalog page in headless Chromium against the running backend and
// the portal served at BASE (default http://127.0.0.1:8090/). Prints JSON medians.
//   node tests/e2e/bench/catalog-bench.mjs <label> [runs] [text-filter term] [owner term]
// Each run uses a fresh browser context (cold HTTP cache); the guest session is
// restored by the portal itself from local storage, as after a reload. Then the
// backend calls each step made in the last run are sent again without a browser
// (median of 5 each): `backend…Ms` is the slowest call of the step, the backend's
// own share of the step's time.
import { BASE, BACKEND, guestContext, launch, median } from './browser.mjs';

const label = process.argv[2] || 'catalog';
const runs = Number(process.argv[3] || 5);
// A name fragment that narrows this catalog to a handful of rows.
const term = process.argv[4] || 'service';
// A fragment of a group's name that the owner picker offers a handful for.
const ownerTerm = process.argv[5] || 'payments';
const browser = await launch();
const samples = { firstRowMs: [], filterMs: [], textFilterMs: [], nextPageMs: [], ownerSearchMs: [], heapPlusWasmMiB: [], requests: [] };
// The backend calls of the last run, by step.
let calls = {};
let step = 'firstRow';

for (let i = 0; i < runs; i++) {
  const context = await guestContext(browser);
  const page = await context.newPage();
  let requests = 0;
  calls = {};
  step = 'firstRow';
  page.on('request', (r) => {
    if (!r.url().startsWith(BACKEND)) return;
    requests++;
    (calls[step] ??= []).push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() });
  });
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
  step = 'nextPage';
  t = Date.now();
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.waitForFunction((b) => document.querySelector('.pager-range')?.textContent !== b, before);
  samples.nextPageMs.push(Date.now() - t);

  // A facet filter: until the table shows the new rows.
  const rowsText = () => page.locator('tbody').textContent();
  const rowsChanged = (b) => page.waitForFunction((b) => { const t = document.querySelector('tbody'); return t && t.textContent !== b; }, b);
  before = await rowsText();
  step = 'filter';
  t = Date.now();
  await page.getByLabel(/^production/).check();
  await rowsChanged(before);
  samples.filterMs.push(Date.now() - t);
  await caption.filter({ hasText: /\(\d+\)/ }).waitFor();

  // Typing in the text filter: from the last keystroke to the filtered rows.
  before = await rowsText();
  step = 'textFilter';
  await page.getByRole('searchbox', { name: 'Filter by name' }).pressSequentially(term, { delay: 20 });
  t = Date.now();
  await rowsChanged(before);
  samples.textFilterMs.push(Date.now() - t);

  // The owner picker: from the last typed character to the first group offered.
  step = 'ownerSearch';
  await page.getByRole('searchbox', { name: 'Owner' }).pressSequentially(ownerTerm, { delay: 20 });
  t = Date.now();
  await page.getByRole('button', { name: /^Add owner / }).first().waitFor();
  samples.ownerSearchMs.push(Date.now() - t);
  step = 'after';

  await page.waitForTimeout(500);
  const mem = await page.evaluate(() => (performance.memory.usedJSHeapSize + (window.__wasm?.memory?.buffer?.byteLength || 0)) / 1048576);
  samples.heapPlusWasmMiB.push(Math.round(mem * 100) / 100);
  await context.close();
}
await browser.close();
const result = { label, runs };
for (const [k, v] of Object.entries(samples)) result[k] = median(v);

// The same calls without the portal: each sent 5 times, the median kept.
async function timeCall({ url, method, headers, body }) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(url, { method, headers: { authorization: headers.authorization ?? '', 'content-type': headers['content-type'] ?? 'application/json' }, body });
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return median(times);
}
for (const name of ['firstRow', 'nextPage', 'filter', 'textFilter', 'ownerSearch']) {
  // The text filter's and the owner picker's last call is the one the user waits for.
  const list = calls[name] ?? [];
  const wanted = name === 'textFilter' || name === 'ownerSearch' ? list.slice(-1) : list;
  let slowest = 0;
  for (const c of wanted) slowest = Math.max(slowest, await timeCall(c));
  result[`backend${name[0].toUpperCase()}${name.slice(1)}Ms`] = Math.round(slowest);
}
console.log(JSON.stringify(result));
