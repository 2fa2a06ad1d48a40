// Measures "Export" on the catalog against the running backend: every component
// as CSV, from the click to the downloaded file, the longest task the page's
// main thread ran meanwhile (a frozen page would show one long task), and, as the
// floor, the backend alone answering the same pages (same fields, 1,000 a page).
//   node tests/e2e/bench/export-bench.mjs <label> [runs]
import { BASE, BACKEND, guestContext, launch, median } from './browser.mjs';

const label = process.argv[2] || 'export';
const runs = Number(process.argv[3] || 3);
const FIELDS = 'kind,metadata.namespace,metadata.name,metadata.title,metadata.description,metadata.tags,spec.type,spec.lifecycle,spec.owner,spec.system';

async function backendAlone() {
  const token = (await (await fetch(`${BACKEND}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).backstageIdentity.token;
  const headers = { Authorization: `Bearer ${token}` };
  const t = Date.now();
  let url = `${BACKEND}/api/catalog/entities/by-query?filter=kind%3Dcomponent&orderField=metadata.name,asc&fields=${FIELDS}&limit=1000`;
  let rows = 0;
  for (;;) {
    const page = await (await fetch(url, { headers })).json();
    rows += page.items.length;
    if (!page.pageInfo.nextCursor || page.items.length === 0) break;
    url = `${BACKEND}/api/catalog/entities/by-query?cursor=${encodeURIComponent(page.pageInfo.nextCursor)}&fields=${FIELDS}&limit=1000&totalItems=exclude`;
  }
  return { ms: Date.now() - t, rows };
}

const browser = await launch();
const samples = { exportMs: [], longestTaskMs: [], backendMs: [] };
let rows = 0;
for (let i = 0; i < runs; i++) {
  samples.backendMs.push((await backendAlone()).ms);
  const context = await guestContext(browser);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${BASE}catalog/export?kind=component`);
  const panel = page.getByRole('region', { name: 'Export' });
  await panel.getByRole('button', { name: 'Export' }).waitFor();
  await page.evaluate(() => { window.__longest = 0; });
  const t = Date.now();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await panel.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  samples.exportMs.push(Date.now() - t);
  samples.longestTaskMs.push(Math.round(await page.evaluate(() => window.__longest)));
  const text = (await import('node:fs')).readFileSync(await file.path(), 'utf8');
  rows = text.trim().split('\r\n').length - 1;
  await context.close();
}
await browser.close();
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
console.log(JSON.stringify({ label, runs, rows, ...m, rowsPerSecond: Math.round(rows / (m.exportMs / 1000)), backendRowsPerSecond: Math.round(rows / (m.backendMs / 1000)) }));
