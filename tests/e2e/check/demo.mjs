// What a new user does after `scripts/demo.sh`: open the portal, enter as guest
// and see the catalog's rows. `scripts/demo.sh --check` runs it against the
// portal the demo serves; it exits non-zero with the reason if any step fails.
//   BASE=http://127.0.0.1:8080/ node check/demo.mjs
import { launch } from '../bench/browser.mjs';

const base = process.env.BASE || 'http://127.0.0.1:8080/';
const browser = await launch();
const page = await browser.newPage();
const panics = [];
page.on('console', (m) => { if (m.type() === 'error' && m.text().includes('panicked at')) panics.push(m.text()); });
try {
  await page.goto(base, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Enter as guest' }).click({ timeout: 60_000 });
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor({ timeout: 30_000 });
  const rows = page.locator('table tbody tr');
  await rows.first().getByRole('link').first().waitFor({ timeout: 30_000 });
  const first = (await rows.first().getByRole('link').first().textContent()).trim();
  if (panics.length) throw new Error(`the portal panicked: ${panics[0]}`);
  console.log(`The demo portal at ${base} shows the catalog: ${await rows.count()} rows, the first "${first}".`);
} catch (e) {
  console.error(`The demo portal at ${base} did not show the catalog: ${e.message}`);
  await page.screenshot({ path: 'test-results/demo-check.png' }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
