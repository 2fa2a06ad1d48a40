// The critical path on an emulated network: each page opened cold (fresh browser
// context, empty HTTP cache, the guest session restored by the portal itself from
// local storage) in headless Chromium with Chrome DevTools Protocol network
// emulation (round trip `rtt` ms, `mbit` Mbit/s both ways). Prints, per page, the
// median time to its first content and the waterfall of the median run: every
// request (CORS preflights too), when it started and ended, and what it waited for.
//   node tests/e2e/bench/network-bench.mjs <label> <rtt ms> [runs] [mbit]
// The last line is JSON for scripts/bench/network.sh's table.
import { BASE, BACKEND, coldPage, launch, median, shownMs } from './browser.mjs';
import { PAGES } from './pages.mjs';

const [label = 'build', rttArg = '40', runsArg = '3', mbitArg = '20'] = process.argv.slice(2);
const rtt = Number(rttArg);
const runs = Number(runsArg);
const bytesPerSec = (Number(mbitArg) * 1e6) / 8;


/** `page.goto(url)`; when the load event does not come within its 30 s (twice
 *  in a few hundred loads, at 0 ms), says which requests were still open and
 *  lets the run go on: the sample then counts those 30 s, which a median of
 *  several shrugs off, instead of ending the run. */
async function goto(page, url) {
  const open = new Set();
  const track = (r) => open.add(r);
  const done = (r) => open.delete(r);
  page.on('request', track);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  try {
    await page.goto(url);
  } catch (e) {
    console.error(`${url}: ${e.message.split('\n')[0]}; still open: ${[...open].map((r) => r.url()).join(' ') || 'none'}`);
  } finally {
    page.off('request', track);
    page.off('requestfinished', done);
    page.off('requestfailed', done);
  }
}

/** One cold load of `page`: ms to first content and the requests, from CDP. */
async function coldLoad(browser, target) {
  const { context, page, cdp } = await coldPage(browser, target.shows, rtt, bytesPerSec);
  const requests = new Map();
  let t0 = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (t0 === null) t0 = e.timestamp;
    const known = requests.get(e.requestId);
    // A redirect reuses the id: keep the first start.
    requests.set(e.requestId, {
      url: e.request.url,
      method: e.request.method,
      type: e.type,
      start: known?.start ?? e.timestamp,
      end: null,
      bytes: 0,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, failed: e.errorText });
  });
  const started = Date.now();
  const said = [];
  page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`error: ${e.message}`));
  await goto(page, BASE + target.path);
  await target.ready(page).catch(async (e) => {
    // Say what the page showed and logged, then fail.
    const pending = [...requests.values()].filter((r) => r.end === null).map((r) => r.url);
    console.error(`${target.name} did not show: ${(await page.locator('body').innerText()).slice(0, 400)}`);
    console.error(`console: ${said.join(' | ').slice(0, 2000)}\nunfinished requests: ${pending.join(' ')}`);
    throw e;
  });
  const ms = Date.now() - started;
  const shown = await shownMs(page);
  await context.close();
  const list = [...requests.values()]
    .filter((r) => r.end !== null)
    .map((r) => ({ ...r, start: (r.start - t0) * 1000, end: (r.end - t0) * 1000 }))
    .filter((r) => r.start <= ms)
    .sort((a, b) => a.start - b.start);
  return { ms, shown, requests: list };
}

/** The request whose end this one's start most plausibly waited for. */
function waitedFor(r, all) {
  let best = null;
  for (const o of all) {
    if (o === r || o.end > r.start + 2) continue;
    if (!best || o.end > best.end) best = o;
  }
  return best && r.start - best.end < 50 ? best : null;
}

const short = (url) => {
  const u = new URL(url);
  const where = url.startsWith(BACKEND) ? 'backend' : 'portal';
  const path = (u.pathname + u.search).replace(/pkg-[0-9a-f]+\//, 'pkg/');
  return `${where} ${path.length > 78 ? path.slice(0, 75) + '...' : path}`;
};

const browser = await launch();
const out = { label, rtt, mbit: Number(mbitArg), pages: {} };
// ONLY=entity: just the pages whose name contains it.
for (const target of PAGES.filter((t) => t.name.includes(process.env.ONLY || ''))) {
  // Warm the backend's own caches (built docs, compiled templates) first.
  await coldLoad(browser, target);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await coldLoad(browser, target));
  const mid = median(samples.map((s) => s.ms));
  const run = samples.find((s) => s.ms === mid);
  const backendCalls = run.requests.filter((r) => r.url.startsWith(BACKEND));
  const preflights = backendCalls.filter((r) => r.method === 'OPTIONS').length;
  const inPage = median(samples.map((s) => s.shown));
  out.pages[target.name] = { ms: mid, inPage, requests: run.requests.length, backend: backendCalls.length - preflights, preflights };
  console.log(`\n${target.name} (${label}, ${rtt} ms round trip, ${mbitArg} Mbit/s): first content ${mid} ms as the automation saw it, ${inPage} ms in the page, medians of ${runs}`);
  console.log(`${'start'.padStart(6)} ${'end'.padStart(6)} ${'KB'.padStart(6)}  request  (waited for)`);
  for (const r of run.requests) {
    const w = waitedFor(r, run.requests);
    const after = w ? `after ${short(w.url).split(' ')[1].split('?')[0].split('/').pop() || w.url}` : 'at once';
    console.log(
      `${r.start.toFixed(0).padStart(6)} ${r.end.toFixed(0).padStart(6)} ${(r.bytes / 1024).toFixed(1).padStart(6)}  ` +
        `${r.method.padEnd(7)} ${short(r.url)}  (${r.failed ? 'failed: ' + r.failed + ', ' : ''}${after})`,
    );
  }
}
// In the app: from the catalog, open an entity, go back, open it again. Backend
// calls and CORS preflights per step show what `backend.cors.maxAge` saves (a
// preflight answer is reused for the same URL only).
if (!process.env.ONLY || 'in the app'.includes(process.env.ONLY)) {
  const steps = { 'entity, opened in the app': [], 'entity, opened again': [] };
  for (let i = 0; i < runs; i++) {
    const { context, page, cdp } = await coldPage(browser, null, rtt, bytesPerSec);
    let sent = [];
    cdp.on('Network.requestWillBeSent', (e) => { if (e.request.url.startsWith(BACKEND)) sent.push(e.request.method); });
    await goto(page, `${BASE}catalog`);
    await page.locator('tbody tr').first().waitFor();
    await page.waitForTimeout(1000);
    for (const name of Object.keys(steps)) {
      sent = [];
      const t = Date.now();
      await page.getByRole('link', { name: 'checkout-service', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'checkout-service' }).waitFor();
      const ms = Date.now() - t;
      await page.waitForTimeout(1000);
      const preflights = sent.filter((m) => m === 'OPTIONS').length;
      steps[name].push({ ms, backend: sent.length - preflights, preflights });
      await page.goBack();
      await page.locator('tbody tr').first().waitFor();
      // Chromium keeps a preflight answer 5 s when the backend names no maxAge.
      await page.waitForTimeout(6000);
    }
    await context.close();
  }
  for (const [name, xs] of Object.entries(steps)) {
    const mid = median(xs.map((x) => x.ms));
    out.pages[name] = { ...xs.find((x) => x.ms === mid), ms: mid };
  }
}
await browser.close();
console.log(JSON.stringify(out));
