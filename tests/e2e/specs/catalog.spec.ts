import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { expectAccessible, signInAsGuest, failOnDialogs } from './helpers';

// axe-core checks every page a test ends on, on top of the checks inside tests.
test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

const caption = (page: Page) => page.locator('table caption');
const rowNames = (page: Page) => page.locator('tbody tr td:first-child');
const filters = (page: Page) => page.getByRole('complementary', { name: 'Filters' });

test('facet filters narrow on the server and live in the URL @subpath @core', async ({ page }) => {
  await signInAsGuest(page, 'catalog');
  await expect(caption(page)).toHaveText('Components (17)');
  await expect(filters(page).getByText('production (9)')).toBeVisible();

  await filters(page).getByLabel(/^production/).check();
  await expect(caption(page)).toHaveText('Components (9)');
  await expect(page).toHaveURL(/lifecycle=production/);
  await filters(page).getByLabel(/^service/).check();
  await expect(caption(page)).toHaveText('Components (5)');
  await expect(page).toHaveURL(/type=service/);
  await expectAccessible(page);

  // A link reproduces the view.
  await page.reload();
  await expect(caption(page)).toHaveText('Components (5)');
  await expect(filters(page).getByLabel(/^service/)).toBeChecked();
  // Back undoes the last filter.
  await page.goBack();
  await expect(caption(page)).toHaveText('Components (9)');
  await expect(filters(page).getByLabel(/^service/)).not.toBeChecked();
});

test("Backstage's filters[...] links still work", async ({ page }) => {
  await signInAsGuest(page, 'catalog?filters%5Bkind%5D=api&filters%5Blifecycles%5D=production');
  await expect(caption(page)).toHaveText('APIs (3)');
  await expect(filters(page).getByLabel('Kind')).toHaveValue('api');
});

test('text filter, owner picker and "owned by me" ask the backend @core', async ({ page }) => {
  await signInAsGuest(page, 'catalog');
  await filters(page).getByRole('searchbox', { name: 'Filter by name' }).fill('ledger');
  await expect(caption(page)).toHaveText('Components (1)');
  await expect(rowNames(page)).toHaveText(['ledger-service']);
  await expect(page).toHaveURL(/q=ledger/);
  await filters(page).getByRole('searchbox', { name: 'Filter by name' }).fill('');
  await expect(caption(page)).toHaveText('Components (17)');

  await filters(page).getByRole('searchbox', { name: 'Owner' }).fill('payments');
  await filters(page).getByRole('button', { name: /Add owner .*team-payments/ }).click();
  await expect(caption(page)).toHaveText('Components (5)');
  await expect(page).toHaveURL(/owner=group%3Adefault%2Fteam-payments|owner=group:default\/team-payments/);
  await filters(page).getByRole('button', { name: 'Remove owner team-payments' }).click();
  await expect(caption(page)).toHaveText('Components (17)');

  // The guest is a member of team-web.
  await filters(page).getByLabel('Owned by me').check();
  await expect(caption(page)).toHaveText('Components (6)');
  await expect(rowNames(page)).toContainText(['design-system']);
  await expectAccessible(page);
});

test('cursor paging, page size and sorting @core', async ({ page }) => {
  await signInAsGuest(page, 'catalog?limit=5');
  await expect(page.getByText('1–5 of 17')).toBeVisible();
  await expect(rowNames(page).first()).toHaveText('artifact-proxy');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('6–10 of 17')).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  const secondPage = await rowNames(page).allTextContents();
  await page.reload();
  await expect(page.getByText('6–10 of 17')).toBeVisible();
  await expect(rowNames(page)).toHaveText(secondPage);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('1–5 of 17')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await page.getByLabel('Rows per page').selectOption('20');
  await expect(page.getByText('1–17 of 17')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rowNames(page).first()).toHaveText('A component with a 100 KB description');
  await page.getByRole('button', { name: /^Lifecycle/ }).click();
  await expect(page.getByRole('columnheader', { name: /Lifecycle/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('tbody tr').first()).toContainText('deprecated');
  await expect(page).toHaveURL(/sort=lifecycle%3Aasc|sort=lifecycle:asc/);
});

test('starring is remembered and the starred view shows only starred entities', async ({ page }) => {
  await signInAsGuest(page, 'catalog');
  await page.getByRole('button', { name: 'Star checkout-service' }).click();
  await expect(page.getByRole('button', { name: 'Unstar checkout-service' })).toHaveAttribute('aria-pressed', 'true');
  await filters(page).getByLabel('Starred').check();
  await expect(caption(page)).toHaveText('Components (1)');
  await expect(rowNames(page)).toHaveText(['checkout-service']);
  await page.reload();
  await expect(rowNames(page)).toHaveText(['checkout-service']);
  await page.getByRole('button', { name: 'Unstar checkout-service' }).click();
  await expect(page.getByText('No components match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(caption(page)).toHaveText('Components (17)');
});

test('another kind brings its own columns', async ({ page }) => {
  await signInAsGuest(page, 'catalog');
  await filters(page).getByLabel('Kind').selectOption('group');
  await expect(caption(page)).toHaveText('Groups (5)');
  await expect(page.getByRole('columnheader')).toHaveText([/^Name/, 'Type', 'Description', 'Actions']);
  await expect(page).toHaveURL(/kind=group/);
});

test('hostile catalog data stays inert text in the list', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page, 'catalog?kind=api');
  await expect(caption(page)).toHaveText('APIs (6)');
  await expect(page.getByRole('link', { name: "<svg onload=alert('api')>Hostile API</svg>" })).toBeVisible();
  await expect(page.locator('main svg, main img, main b')).toHaveCount(0);
  await page.goto('catalog?q=very-long');
  await expect(rowNames(page)).toHaveText(['A component with a 100 KB description']);
  // The table shows the description's first 200 characters: laid out whole, its
  // row was thousands of lines tall. The entity's page shows all of it.
  const cell = page.locator('tbody td', { hasText: 'This description is very long on purpose.' });
  const shown = await cell.innerText();
  expect([...shown]).toHaveLength(201);
  expect(shown.endsWith('purpose. This description is very long on…')).toBe(true);
  await page.getByRole('link', { name: 'A component with a 100 KB description' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A component with a 100 KB description' })).toBeVisible();
  // All of it, in a box that scrolls and so takes keyboard focus (checked by axe after the test).
  const whole = page.getByRole('region', { name: 'Description' });
  expect((await whole.textContent())!.length).toBe(100_000);
  await whole.focus();
  await expect(whole).toBeFocused();
});

test('export: the filtered rows of every page as CSV or JSON, and Cancel', async ({ page }) => {
  await signInAsGuest(page, 'catalog?lifecycle=production&limit=5');
  await expect(caption(page)).toHaveText('Components (9)');
  await page.getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export Components' })).toBeVisible();
  await expect(page.getByText('The catalog\'s components with lifecycle production.')).toBeVisible();
  const panel = page.getByRole('region', { name: 'Export' });
  await expectAccessible(page);

  // All 9 rows, not just the 5 on screen.
  let wait = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  let file = await wait;
  expect(file.suggestedFilename()).toMatch(/^catalog-components-\d{4}-\d\d-\d\d\.csv$/);
  const csv = require('node:fs').readFileSync(await file.path(), 'utf8') as string;
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('kind,namespace,name,title,type,lifecycle,owner,system,tags,description');
  expect(lines).toHaveLength(10);
  expect(lines.slice(1).every((l) => l.startsWith('Component,default,') && l.includes(',production,'))).toBe(true);
  expect(lines.some((l) => l.startsWith('Component,default,checkout-service,,service,production,team-payments,checkout,java;spring,'))).toBe(true);
  await expect(panel.getByRole('status')).toHaveText(/^Exported 9 rows to catalog-components-.*\.csv\.$/);

  await panel.getByRole('radio', { name: 'JSON' }).check();
  wait = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  file = await wait;
  const json = JSON.parse(require('node:fs').readFileSync(await file.path(), 'utf8'));
  expect(json).toHaveLength(9);
  expect(json.map((e: any) => e.spec.lifecycle)).toEqual(Array(9).fill('production'));

  // A slow backend: Cancel stops the export and nothing is downloaded.
  await page.route('**/entities/by-query?*limit=1000*', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await panel.getByRole('button', { name: 'Export' }).click();
  await expect(panel.getByRole('status')).toHaveText('Starting…');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('status')).toHaveText('Export cancelled; nothing was downloaded.', { timeout: 10_000 });
  expect(downloads).toBe(0);
  await panel.getByRole('link', { name: 'Back to the catalog' }).click();
  await expect(caption(page)).toHaveText('Components (9)');
});
