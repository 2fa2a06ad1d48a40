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
//   the click event until the new heading was painted (browser.mjs recordShown),
//   which leaves out the automation's own delays around a click.
// While a page loads, the script waits on a CSS selector, not on the heading's
// role: finding a role computes every element's role, 20-120 ms a poll in a 1 MB
// page, on the main thread the figures are about. The role is checked after.
import { BASE, guestContext, launch, median, recordShown, shownMs } from './browser.mjs';

const [label, runsArg, site, from, to, heading] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const browser = await launch();
const samples = { coldMs: [], coldWholeMs: [], inDocMs: [], inDocReadMs: [], inDocPageMs: [], inDocReadPageMs: [] };
// The whole article is in once its heading and the last heading of the table of
// contents are.
const wholeIn = () => {
  const last = [...document.querySelectorAll('.docs-toc a[href*="#"]')].pop();
  const id = last && decodeURIComponent(last.getAttribute('href').split('#')[1]);
  return document.querySelector('.docs-content h1') && (!last || document.getElementById(id)) && performance.now();
};
const url = (page) => `${BASE}docs/default/component/${site}/${page}`;
const headingIn = (page, text) => page.locator('.docs-content h1', { hasText: text }).waitFor({ timeout: 120000 });
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
  const whole = await p.waitForFunction(wholeIn, null, { timeout: 120000 });
  samples.coldWholeMs.push(Math.round(await whole.jsonValue()));
  samples.coldMs.push(await shownMs(p));
  await headingShown(p, heading);
  await c.close();

  for (const [key, pageKey, waitMs] of [['inDocMs', 'inDocPageMs', 0], ['inDocReadMs', 'inDocReadPageMs', 2000]]) {
    c = await guestContext(browser);
    await recordShown(c, '.docs-content h1', heading);
    await c.addInitScript(() => document.addEventListener('click', (e) => { window.__click = e.timeStamp; }, true));
    p = await c.newPage();
    await p.goto(url(from));
    await p.locator('.docs-content h1').waitFor({ timeout: 120000 });
    if (waitMs) await p.waitForTimeout(waitMs);
    const link = p.getByRole('navigation', { name: 'Documentation pages' }).getByRole('link', { name: heading, exact: true });
    const t = Date.now();
    await link.click();
    await headingIn(p, heading);
    samples[key].push(Date.now() - t);
    samples[pageKey].push(Math.round((await shownMs(p)) - (await p.evaluate(() => window.__click))));
    await headingShown(p, heading);
    await c.close();
  }
}
await browser.close();
const result = { label, runs };
for (const [k, v] of Object.entries(samples)) result[k] = median(v);
console.log(JSON.stringify(result));
