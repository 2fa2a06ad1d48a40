import { test, expect } from './fixtures';
import { BACKEND, expectAccessible, serveConfig, signInAsGuest } from './helpers';

// axe-core checks every page a test ends on, on top of the checks inside tests.
test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

test('a backend that cannot be reached is named, with the CORS hint', async ({ page }) => {
  // Nothing listens on 7999: the browser sees the same failure as a CORS refusal.
  await serveConfig(page, JSON.stringify({ backend: { baseUrl: 'http://127.0.0.1:7999' } }));
  await page.goto('catalog');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not reach the Backstage backend at http://127.0.0.1:7999');
  await expect(alert).toContainText("CORS settings (backend.cors.origin, with credentials: true) do not allow this portal's origin (http://127.0.0.1:8090)");
  await expectAccessible(page);
  // Trying again is possible: the button is still there.
  await expect(page.getByRole('button', { name: 'Enter as guest' })).toBeEnabled();
});

test('a config without the backend URL names the file and the field', async ({ page }) => {
  await serveConfig(page, JSON.stringify({ app: { title: 'Broken' } }));
  await page.goto('catalog');
  await expect(page.getByRole('heading', { level: 1, name: /configuration has a problem/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('config.json: field "backend.baseUrl" is missing; set it to your Backstage backend, e.g. "https://backstage.example.com"');
  await expectAccessible(page);
});

test('a config that is not JSON is reported, not a blank page', async ({ page }) => {
  await serveConfig(page, '{ "backend": { "baseUrl": ');
  await page.goto('catalog');
  await expect(page.getByRole('alert')).toContainText('config.json: is not valid JSON');
});

test('a wrong field value names the field', async ({ page }) => {
  await serveConfig(page, JSON.stringify({ backend: { baseUrl: 'http://127.0.0.1:7007' }, app: { theme: 'purple' } }));
  await page.goto('settings');
  await expect(page.getByRole('alert')).toContainText('config.json: field "app.theme" is "purple"');
});

test('a missing config file is reported with its URL', async ({ page }) => {
  await serveConfig(page, 'not here', 404);
  await page.goto('catalog');
  await expect(page.getByRole('alert')).toContainText(/config\.json: could not be loaded from http:\/\/127\.0\.0\.1:8090\/config\.json: the server answered 404/);
});

test('an embedding page can set window.STAGEDOOR_CONFIG instead of config.json', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).STAGEDOOR_CONFIG = {
      app: { title: 'Embedded portal', theme: 'dark' },
      backend: { baseUrl: 'http://127.0.0.1:7007' },
      auth: { providers: ['guest'] },
    };
  });
  await page.goto('catalog');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Embedded portal' })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-theme', 'dark');
});

test('a 401 refreshes once, then asks to sign in again and returns to the page', async ({ page }) => {
  await signInAsGuest(page);
  // Let the catalog page finish its calls (rows, count, facet counts) first.
  await expect(page.locator('table caption')).toHaveText(/\(\d+\)/);
  await expect(page.getByText(/^production \(\d+\)$/)).toBeVisible();
  await expect(page.getByLabel('Kind').locator('option')).not.toHaveCount(1);
  // From now on the real backend sees a token it did not issue, and answers 401.
  const rejected = new Map<string, number>();
  await page.route(`${BACKEND}/api/catalog/**`, async (route) => {
    const url = route.request().url();
    rejected.set(url, (rejected.get(url) ?? 0) + 1);
    await route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer not-a-token' } });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Docs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Stagedoor demo' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Your session expired');
  // Each call is tried once more after the refresh, never again.
  const tries = [...rejected.values()];
  expect(Math.max(...tries), JSON.stringify([...rejected])).toBe(2);
  await expect(page).toHaveURL(/\/docs$/);

  await page.unroute(`${BACKEND}/api/catalog/**`);
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation' })).toBeVisible();
});

test('a token that expired while the user was away is refreshed silently on the next action', async ({ page }) => {
  await signInAsGuest(page);
  await expect(page.locator('table caption')).toHaveText(/\(\d+\)/);
  // The token has expired: the backend refuses it once; the refreshed one is accepted.
  let refused = 0;
  let refreshes = 0;
  page.on('request', (r) => { if (r.url().includes('/api/auth/guest/refresh')) refreshes++; });
  await page.route(`${BACKEND}/api/catalog/**`, async (route) => {
    if (refused === 0) {
      refused++;
      return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { name: 'AuthenticationError', message: 'Token expired' } }) });
    }
    return route.continue();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Docs' }).click();
  // The page loads as if nothing happened: no sign-in page, no error.
  await expect(page.getByRole('table', { name: 'Documented entities' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Sign in to / })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(refused).toBe(1);
  expect(refreshes).toBeGreaterThanOrEqual(1);
});

test('a page whose code cannot be fetched says so, and Try again loads it', async ({ page }) => {
  await signInAsGuest(page);
  // The search page's chunk is unreachable, as on a flaky network.
  await page.route('**/pkg*/split_search.wasm', (route) => route.abort('connectionreset'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
  await page.unroute('**/pkg*/split_search.wasm');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
});

test('a page opened first whose packed wasm cannot be fetched loads its chunks one by one', async ({ page }) => {
  await signInAsGuest(page);
  // The file boot.js fetches for an entity page opened first (first-pages.mjs).
  let refused = 0;
  await page.route('**/pkg*/first-entity.bin', (route) => {
    refused++;
    return route.abort('connectionreset');
  });
  const alone: string[] = [];
  page.on('request', (r) => {
    if (/\/split_entity\.wasm$/.test(r.url())) alone.push(r.url());
  });
  await page.goto('catalog/default/component/checkout-service');
  await expect(page.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(refused).toBe(1);
  expect(alone).toHaveLength(1);
});

test('when the chunks\' loader cannot be fetched the page says so, and Try again fetches it', async ({ page }) => {
  // The catalog does without it: it is shown while every import of it fails.
  await page.route('**/pkg*/chunk-loader.js*', (route) => route.abort('connectionreset'));
  await signInAsGuest(page);
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
  await page.unroute('**/pkg*/chunk-loader.js*');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
});
