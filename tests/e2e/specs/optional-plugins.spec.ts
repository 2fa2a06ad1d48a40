// A deployment without the optional plugins, against the "lean" fixture backend
// (127.0.0.1:7009, scripts/services/backend.sh start-all): no search, TechDocs or
// scaffolder, nor user-settings. Each page that needs one says so in words, and
// what still works keeps working.
import { test, expect } from './fixtures';
import { expectAccessible, serveConfig, signInAsGuest } from './helpers';

const LEAN = 'http://127.0.0.1:7009';

test.beforeEach(async ({ page }) => {
  await serveConfig(page, JSON.stringify({ app: { title: 'Stagedoor demo' }, backend: { baseUrl: LEAN } }));
});

test('without search: the Search page says so, and the quick switcher still finds entities', async ({ page }) => {
  await signInAsGuest(page, 'search');
  await expect(page.getByRole('status').filter({ hasText: 'does not have the search plugin installed' })).toBeVisible();
  await page.getByRole('searchbox').first().fill('ledger');
  await expect(page.getByRole('alert')).toContainText(`does not have the search plugin installed (404 for ${LEAN}/api/search/query)`);
  await expectAccessible(page);

  await page.goto('catalog');
  await page.getByRole('searchbox').first().focus();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
  await expect(dialog.getByText('docs pages are not offered here; entities and templates are.')).toBeVisible();
  await page.keyboard.type('ledger');
  await expect(dialog.getByRole('option').filter({ hasText: 'ledger-service' })).toBeVisible();
  await expectAccessible(page);
});

test('without TechDocs: the Docs page explains, and a docs page says why it cannot be shown', async ({ page }) => {
  await signInAsGuest(page, 'docs');
  await expect(page.getByRole('status').filter({ hasText: 'does not have the TechDocs plugin installed' })).toBeVisible();
  // The catalog still knows which entities declare docs.
  await expect(page.getByRole('link', { name: 'checkout-service' }).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('docs/default/component/checkout-service');
  await expect(page.getByRole('alert')).toContainText('does not have the TechDocs plugin installed');
  await expectAccessible(page);
});

test('without the scaffolder: Create lists the templates but says none can be run, and the wizard says why', async ({ page }) => {
  await signInAsGuest(page, 'create');
  await expect(page.getByRole('status').filter({ hasText: 'does not have the scaffolder plugin installed' })).toBeVisible();
  await expect(page.getByText('New backend service').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('create/templates/default/new-service');
  await expect(page.getByRole('alert')).toContainText('does not have the scaffolder plugin installed');
  await expect(page.getByRole('heading', { name: 'Template not found' })).toHaveCount(0);
  await expectAccessible(page);
});

test('without user-settings: stars stay in this browser, and the page says so', async ({ page, browser }, testInfo) => {
  await signInAsGuest(page, 'catalog');
  await page.getByRole('button', { name: 'Star ledger-service' }).click();
  const filters = page.getByRole('complementary', { name: 'Filters' });
  await filters.getByLabel('Starred').check();
  await expect(filters.getByText('Your stars are kept in this browser only: this backend has no user-settings plugin to keep them.')).toBeVisible();
  await expect(page.locator('tbody tr td:first-child')).toHaveText(['ledger-service']);
  await page.reload();
  await expect(page.locator('tbody tr td:first-child')).toHaveText(['ledger-service']);
  await expectAccessible(page);

  // Another browser does not have them.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const second = await other.newPage();
  await serveConfig(second, JSON.stringify({ app: { title: 'Stagedoor demo' }, backend: { baseUrl: LEAN } }));
  await signInAsGuest(second, 'catalog?user=starred');
  await expect(second.getByText('No components match these filters.')).toBeVisible();
  await other.close();
});

test('with every plugin, no notice is shown', async ({ page }) => {
  await page.unroute('**/config.json');
  await signInAsGuest(page, 'create');
  await expect(page.getByText('New backend service').first()).toBeVisible();
  await page.goto('docs');
  await expect(page.getByRole('link', { name: 'checkout-service' }).first()).toBeVisible();
  await page.goto('search');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  // The probe has answered by now: the plugins' keys were served.
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/does not have the .* plugin installed/)).toHaveCount(0);
});
