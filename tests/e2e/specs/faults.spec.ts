import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { BACKEND, serveConfig, signInAsGuest } from './helpers';
import { FaultProxy } from './fault-proxy';

// The portal talks to the real backend through a proxy this file starts on
// 127.0.0.1:7998, which can go down, answer slowly, or answer a path itself with
// a 500 or with a body that is not JSON. One proxy, so these tests run in turn.
test.describe.configure({ mode: 'serial' });
const proxy = new FaultProxy(7998, BACKEND);

test.beforeAll(async () => proxy.up());
test.afterAll(async () => proxy.down());
test.beforeEach(async ({ page }) => {
  proxy.fault = { kind: 'none' };
  proxy.seen = [];
  await proxy.up();
  await serveConfig(page, JSON.stringify({ app: { title: 'Stagedoor demo' }, backend: { baseUrl: proxy.url }, auth: { providers: ['guest'] } }));
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const problem = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

test('backend stopped mid-session: every page says so with Try again; back up, Try again works without a reload, and the wizard draft typed meanwhile is intact', async ({ page }) => {
  await signInAsGuest(page, 'create/templates/default/new-service');
  await page.getByLabel('Name').fill('written-offline');
  await proxy.down();
  await page.getByLabel('Description').fill('Typed while the backend was down.');

  const unreachable = problem(page, `Could not reach the Backstage backend at ${proxy.url}`);
  // (Settings needs no backend call: it shows the session's own identity.)
  for (const section of ['Catalog', 'Create', 'Docs']) {
    await nav(page).getByRole('link', { name: section }).click();
    await expect(unreachable, section).toBeVisible();
    await expect(unreachable.getByRole('button', { name: 'Try again' }), section).toBeVisible();
  }
  await nav(page).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search term').fill('checkout');
  await expect(unreachable).toBeVisible();
  await expect(unreachable.getByRole('button', { name: 'Try again' })).toBeVisible();

  // Back up: Try again on the page at hand, no reload.
  await proxy.up();
  await unreachable.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('link', { name: /checkout-service/ }).first()).toBeVisible();
  await nav(page).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('link', { name: 'checkout-service' }).first()).toBeVisible();
  await nav(page).getByRole('link', { name: 'Create' }).click();
  await page.getByRole('link', { name: 'Choose New backend service' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('written-offline');
  await expect(page.getByLabel('Description')).toHaveValue('Typed while the backend was down.');
  await expect(unreachable).toHaveCount(0);
});

test('a slow backend: loading states show, and Create clicked twice makes one task', async ({ page }) => {
  await signInAsGuest(page, 'create');
  await page.getByRole('link', { name: 'Choose Documentation site' }).waitFor();
  proxy.fault = { kind: 'slow', ms: 3000 };
  await nav(page).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'checkout-service' }).first()).toBeVisible({ timeout: 20_000 });

  await nav(page).getByRole('link', { name: 'Create' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Choose Documentation site' }).click({ timeout: 20_000 });
  await page.getByLabel('Component').fill('component:default/checkout-service', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create' }).dblclick();
  await expect(page.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  await expect(page).toHaveURL(/\/create\/tasks\/[0-9a-f-]+$/, { timeout: 20_000 });
  expect(proxy.count(/^POST \/api\/scaffolder\/v2\/tasks$/)).toBe(1);
});

test('500s and bodies that are not JSON give readable errors with Try again, never a broken page', async ({ page }) => {
  await signInAsGuest(page, 'create');
  await page.getByRole('link', { name: 'Choose Documentation site' }).waitFor();

  // The catalog list: Backstage's own error body with a 500.
  proxy.fault = {
    kind: 'answer', match: /^GET \/api\/catalog\/entities\/by-query/, status: 500, contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ error: { name: 'Error', message: 'Knex: Timeout acquiring a connection' }, request: { method: 'GET', url: '/entities/by-query' }, response: { statusCode: 500 } }),
  };
  await nav(page).getByRole('link', { name: 'Catalog' }).click();
  const failed = problem(page, 'The backend failed while answering (500). Try again in a moment. Details: Knex: Timeout acquiring a connection');
  await expect(failed).toBeVisible();
  proxy.fault = { kind: 'none' };
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'checkout-service' }).first()).toBeVisible();

  // An entity: a gateway's HTML error page, then a cut-off JSON body.
  proxy.fault = { kind: 'answer', match: /^GET \/api\/catalog\/entities\/by-name\//, status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>' };
  await page.getByRole('link', { name: 'checkout-service' }).first().click();
  await expect(problem(page, 'The backend failed while answering (502).')).toBeVisible();
  proxy.fault = { kind: 'answer', match: /^GET \/api\/catalog\/entities\/by-name\//, status: 200, contentType: 'application/json', body: '{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"checkout-' };
  await problem(page, 'The backend failed').getByRole('button', { name: 'Try again' }).click();
  const unreadable = problem(page, 'The backend sent an answer this portal could not read.');
  await expect(unreadable).toBeVisible();
  proxy.fault = { kind: 'none' };
  await unreadable.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();

  // A template's form: the parameter schema is not JSON at all.
  proxy.fault = { kind: 'answer', match: /parameter-schema/, status: 200, contentType: 'application/json', body: 'Service Unavailable' };
  await nav(page).getByRole('link', { name: 'Create' }).click();
  await page.getByRole('link', { name: 'Choose Documentation site' }).click();
  await expect(problem(page, 'The backend sent an answer this portal could not read.')).toBeVisible();
  proxy.fault = { kind: 'none' };
  await problem(page, 'could not read').getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Component')).toBeVisible();
});
