// Measures the TechDocs reader in headless Chromium against the running backend
// and the portal at BASE; the docs are built once before measuring. Prints JSON.
//   node tests/e2e/bench/docs-bench.mjs <label> <runs> <site path> <from page> <to page> <to heading>
// - coldMs: a fresh browser context (cold HTTP cache, the guest session restored
//   from local storage) opening <to page> until the frame its heading shows in,
//   timed inside the page (a long page shows its beginning first);
// - coldWholeMs: the same until the whole article is in the page;
// - inDocMs: on <from page>, a click on the link to <to page> until its heading
//   shows, the moment <from page> has shown;
// - inDocReadMs: the same after 2 s on <from page>, as a reader clicks (the
//   reader has loaded the pages next to it in the navigation by then);
// - inDocPageMs / inDocReadPageMs: the same two clicks timed inside the page, from
//   the click event to the frame after the new heading is in the document, which
//   leaves out the automation's own delays around a click.
import { BASE, guestContext, launch, median, recordShown, shownMs } from './browser.mjs';

const [label, runsArg, site, from, to, heading] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const browser = await launch();
const samples = { coldMs: [], coldWholeMs: [], inDocMs: [], inDocReadMs: [], inDocPageMs: [], inDocReadPageMs: [] };
// In the page: when the click came, and when the frame in which `heading`
// showed had been laid out and painted (as browser.mjs recordShown).
const clickTimer = (heading) => {
  document.addEventListener('click', (e) => { window.__click = e.timeStamp; }, true);
  new MutationObserver(() => {
    const h = document.querySelector('.docs-content h1');
    if (window.__click && !window.__painted && h && h.textContent.includes(heading)) {
      window.__painted = -1;
      requestAnimationFrame(() => {
        const after = new MessageChannel();
        after.port1.onmessage = () => { window.__painted = performance.now(); };
        after.port2.postMessage(0);
      });
    }
  }).observe(document, { subtree: true, childList: true });
};
// The whole article is in once the last heading of the table of contents is.
const wholeIn = () => {
  const last = [...document.querySelectorAll('.docs-toc a[href*="#"]')].pop();
  const id = last && decodeURIComponent(last.getAttribute('href').split('#')[1]);
  return (!last || document.getElementById(id)) && performance.now();
};
const url = (page) => `${BASE}docs/default/component/${site}/${page}`;
const headingShown = (page, text) => page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 120000 });

// Build the docs first: the figures are for built docs.
{
  const c = await guestContext(browser);
  const p = await c.newPage();
  await p.goto(url(to));
  await headingShown(p, heading);
  await c.close();
}
for (let i = 0; i < runs; i++) {
  let c = await guestContext(browser);
  await recordShown(c, '.docs-content h1');
  let p = await c.newPage();
  await p.goto(url(to));
  await headingShown(p, heading);
  const whole = await p.waitForFunction(wholeIn, null, { timeout: 120000 });
  samples.coldWholeMs.push(Math.round(await whole.jsonValue()));
  samples.coldMs.push(await shownMs(p));
  await c.close();

  for (const [key, pageKey, waitMs] of [['inDocMs', 'inDocPageMs', 0], ['inDocReadMs', 'inDocReadPageMs', 2000]]) {
    c = await guestContext(browser);
    await c.addInitScript(clickTimer, heading);
    p = await c.newPage();
    await p.goto(url(from));
    await p.locator('.docs-content h1').waitFor({ timeout: 120000 });
    if (waitMs) await p.waitForTimeout(waitMs);
    const link = p.getByRole('navigation', { name: 'Documentation pages' }).getByRole('link', { name: heading, exact: true });
    const t = Date.now();
    await link.click();
    await headingShown(p, heading);
    samples[key].push(Date.now() - t);
    await p.waitForFunction(() => window.__painted > 0);
    samples[pageKey].push(Math.round(await p.evaluate(() => window.__painted - window.__click)));
    await c.close();
  }
}
await browser.close();
const result = { label, runs };
for (const [k, v] of Object.entries(samples)) result[k] = median(v);
console.log(JSON.stringify(result));
