// Stars kept by the backend: the guarded fixture backend (127.0.0.1:7008) has
// Backstage's user-settings plugin, so a user's stars follow them to another
// browser, in the same place Backstage's own frontend keeps them. The stars a
// browser kept before are merged in once, and a save the backend refuses loses
// nothing. (Without the plugin, stars stay in the browser: catalog.spec.ts
// against the main backend, optional-plugins.spec.ts.)
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectAccessible, serveConfig, signInAsGuest } from './helpers';

const GUARDED = 'http://127.0.0.1:7008';
const STARS = `${GUARDED}/api/user-settings/buckets/default.starredEntities/keys/entityRefs`;
const CONFIG = JSON.stringify({ app: { title: 'Stagedoor demo' }, backend: { baseUrl: GUARDED } });

async function guestToken(request: APIRequestContext): Promise<string> {
  const auth = await (await request.get(`${GUARDED}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json();
  return auth.backstageIdentity.token;
}

/** The guest's stars as the backend keeps them (null: never saved). */
async function starsOnServer(request: APIRequestContext): Promise<string[] | null> {
  const res = await request.get(STARS, { headers: { Authorization: `Bearer ${await guestToken(request)}` } });
  if (res.status() === 404) return null;
  expect(res.status()).toBe(200);
  return (await res.json()).value;
}

async function setStarsOnServer(request: APIRequestContext, refs: string[]) {
  const res = await request.put(STARS, { headers: { Authorization: `Bearer ${await guestToken(request)}` }, data: { value: refs } });
  expect(res.status()).toBe(200);
}

const rowNames = (page: Page) => page.locator('tbody tr td:first-child');
const filters = (page: Page) => page.getByRole('complementary', { name: 'Filters' });

test.beforeEach(async ({ page, request }) => {
  await setStarsOnServer(request, []);
  await serveConfig(page, CONFIG);
});

test('stars are kept by the backend and follow the user to another browser', async ({ page, browser, request }, testInfo) => {
  await signInAsGuest(page, 'catalog');
  await page.getByRole('button', { name: 'Star checkout-service' }).click();
  await expect.poll(() => starsOnServer(request)).toEqual(['component:default/checkout-service']);
  await filters(page).getByLabel('Starred').check();
  await expect(filters(page).getByText('Your stars are kept by the backend: they follow you to every browser you sign in with.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('settings');
  await expect(page.getByRole('region', { name: 'Stars' })).toContainText('Your stars are kept by the backend');
  await page.goBack();

  // Another browser: nothing in its storage, the same user.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const second = await other.newPage();
  await serveConfig(second, CONFIG);
  await signInAsGuest(second, 'catalog?user=starred');
  await expect(rowNames(second)).toHaveText(['checkout-service']);
  await second.getByRole('button', { name: 'Unstar checkout-service' }).click();
  await expect.poll(() => starsOnServer(request)).toEqual([]);
  await other.close();

  // Unstarred elsewhere: this browser's copy does not bring it back.
  await page.reload();
  await expect(page.getByText('No components match these filters.')).toBeVisible();
  expect(await starsOnServer(request)).toEqual([]);
});

test('stars a browser kept before the backend could are merged in once', async ({ page, request }) => {
  await setStarsOnServer(request, ['component:default/checkout-service']);
  // This browser starred ledger-service when the backend could not keep stars.
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, JSON.stringify(['component:default/ledger-service']));
      sessionStorage.setItem('seeded', 'yes');
    }
  }, `stagedoor:starred@${GUARDED}`);
  await signInAsGuest(page, 'catalog?user=starred');
  await expect(rowNames(page)).toHaveText(['checkout-service', 'ledger-service']);
  await expect.poll(() => starsOnServer(request)).toEqual(['component:default/checkout-service', 'component:default/ledger-service']);

  // Unstarred in another browser afterwards: merged once, not again.
  await setStarsOnServer(request, ['component:default/checkout-service']);
  await page.reload();
  await expect(rowNames(page)).toHaveText(['checkout-service']);
});

test('a star the backend fails to save is kept in the browser, and Try again saves it', async ({ page, request }) => {
  await signInAsGuest(page, 'catalog');
  await page.route(STARS, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { name: 'Error', message: 'database is down' } }) })
      : route.continue(),
  );
  await page.getByRole('button', { name: 'Star checkout-service' }).click();
  const problem = filters(page).getByRole('status');
  await expect(problem).toContainText('Your last change to your stars could not be saved on the backend. The backend failed while answering (500).');
  await expect(problem).toContainText('database is down');
  await expect(problem).toContainText('Until then your stars are kept in this browser; nothing is lost.');
  await expect(page.getByRole('button', { name: 'Unstar checkout-service' })).toHaveAttribute('aria-pressed', 'true');
  expect(await starsOnServer(request)).toEqual([]);
  await expectAccessible(page);

  await page.unroute(STARS);
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => starsOnServer(request)).toEqual(['component:default/checkout-service']);
  await expect(filters(page).getByRole('status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unstar checkout-service' })).toBeVisible();
});
