// The first load as a browser fetches it: headless Chromium, cold (fresh context,
// empty cache, nobody signed in), opens /catalog, enters as guest and waits for
// the first row. Every response from the portal's origin whose request started
// before the first row showed is counted with the bytes its body took on the
// wire (after content encoding, headers left out); later ones are listed apart.
// Run with the browser asking for gzip only (the budget's measure) and as
// Chromium asks by itself (brotli too).
//   node tests/e2e/bench/first-load.mjs      prints one line of JSON
import { BASE, launch } from './browser.mjs';

const origin = new URL(BASE).origin;

async function firstLoad(browser, acceptEncoding) {
  const context = await browser.newContext();
  // When the first row appeared, by the page's own clock (Node learns it later,
  // and a request the page sends right after would pass for an earlier one).
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('tbody tr')) {
        window.__firstRowAt = Date.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  const files = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (new URL(e.request.url).origin === origin && !files.has(e.requestId)) {
      files.set(e.requestId, { url: e.request.url.slice(origin.length), sentAt: e.wallTime * 1000, encoding: '', headers: 0, bytes: 0 });
    }
  });
  cdp.on('Network.responseReceived', (e) => {
    const f = files.get(e.requestId);
    if (!f) return;
    const h = e.response.headers;
    f.encoding = h['content-encoding'] || h['Content-Encoding'] || 'none';
    f.headers = e.response.encodedDataLength;
  });
  // Everything received for the request, less its headers: the body as sent.
  cdp.on('Network.loadingFinished', (e) => {
    const f = files.get(e.requestId);
    if (f) f.bytes = e.encodedDataLength - f.headers;
  });
  await page.goto(new URL('catalog', BASE).href);
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await page.locator('tbody tr').first().waitFor();
  const firstRow = await page.evaluate(() => window.__firstRowAt);
  // What was started after the first row still finishes, to be listed.
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  await context.close();
  const list = [...files.values()].map(({ headers, sentAt, ...f }) => ({ ...f, beforeFirstRow: sentAt <= firstRow }));
  return { total: list.filter((f) => f.beforeFirstRow).reduce((n, f) => n + f.bytes, 0), files: list };
}

const browser = await launch();
try {
  const gzip = await firstLoad(browser, 'gzip');
  const asChromiumAsks = await firstLoad(browser, null);
  console.log(JSON.stringify({ gzip, browser: asChromiumAsks }));
} finally {
  await browser.close();
}
