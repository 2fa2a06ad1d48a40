// Takes the README's screenshot of a re-themed portal: the catalog with the
// example theme (docs/acme-theme.css) loaded after the portal's own stylesheet.
//   node theme-screenshot.mjs THEME.css OUT.png
import { readFileSync } from 'node:fs';
import { launch, guestContext, BASE } from './browser.mjs';

const [themeFile, out] = process.argv.slice(2);
const browser = await launch();
const context = await guestContext(browser);
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 760 });
await page.route('**/acme-theme.css', (r) => r.fulfill({ contentType: 'text/css', body: readFileSync(themeFile, 'utf8') }));
await page.goto(`${BASE}catalog`);
await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
await page.getByRole('link', { name: 'checkout-service' }).first().waitFor();
// A <link> like the one a deployer adds to index.html (allowed by style-src 'self').
await page.evaluate(() => new Promise((done) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'acme-theme.css', onload: done });
  document.head.append(link);
}));
await page.screenshot({ path: out });
console.log(`wrote ${out}`);
await browser.close();
