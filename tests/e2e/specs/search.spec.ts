import { test, expect } from './fixtures';
import { expectAccessible, signInAsGuest, failOnDialogs } from './helpers';

test.afterEach(async ({ page }, testInfo) => {
  if (testInfo.status !== 'skipped') await expectAccessible(page);
});

test('search finds a word that is only in the docs, marks it and opens the docs page @core', async ({ page }) => {
  failOnDialogs(page);
  test.setTimeout(150_000);
  // Built on demand: opening the docs builds them; the next index run (every
  // 15 s in the test backend) makes them searchable.
  await signInAsGuest(page, 'docs/default/component/product-search');
  await expect(page.getByRole('navigation', { name: 'Documentation pages' }).getByRole('link')).toHaveText(['Home', 'Ranking'], { timeout: 60_000 });

  const results = page.getByRole('list', { name: 'Search results' });
  await expect(async () => {
    await page.goto('search?query=quokka&type=techdocs');
    await expect(results.getByRole('link', { name: 'Ranking' }).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'Documentation', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(results.locator('mark').first()).toHaveText('quokka');

  // The catalog tab has no such word.
  await page.getByRole('link', { name: 'Software Catalog' }).click();
  await expect(page).toHaveURL(/type=software-catalog/);
  await expect(page.getByText('Nothing matched your search.')).toBeVisible();
  await page.goBack();

  await results.getByRole('link', { name: 'Ranking' }).first().click();
  await expect(page).toHaveURL(/\/docs\/default\/component\/product-search\/ranking\//);
  await expect(page.getByRole('heading', { level: 1, name: /Ranking/ })).toBeVisible();

  // Search within these docs lists the same page.
  await page.getByRole('searchbox', { name: 'Search these docs' }).fill('quokka');
  const inDocs = page.getByRole('list', { name: 'Results in these docs' });
  await expect(inDocs.getByRole('link', { name: 'Ranking' }).first()).toBeVisible();
  await inDocs.getByRole('link', { name: 'Product Search' }).click();
  await expect(page).toHaveURL(/\/docs\/default\/component\/product-search\/(#.*)?$/);
  await expect(page.getByRole('heading', { level: 1, name: /Product Search/ })).toBeVisible();
});

test('typing searches after a pause, keeps the term in the URL, and filters by kind @core', async ({ page }) => {
  await signInAsGuest(page, 'search');
  await page.getByLabel('Search term').pressSequentially('ledger');
  // Debounced into the URL without pressing Search.
  await expect(page).toHaveURL(/search\?query=ledger$/);
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'ledger-service' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'ledger-api' })).toBeVisible();
  await page.getByLabel('Kind').selectOption('API');
  await expect(page).toHaveURL(/kind=API/);
  await expect(results.getByRole('link', { name: 'ledger-api' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'ledger-service' })).toHaveCount(0);
  // Reload keeps it all.
  await page.reload();
  await expect(page.getByLabel('Search term')).toHaveValue('ledger');
  await expect(page.getByLabel('Kind')).toHaveValue('API');
});
