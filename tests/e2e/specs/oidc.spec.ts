import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { BACKEND, OIDC, SSO, serveConfig, signInWithProvider } from './helpers';

// Sign-in through Backstage's popup flow with a real OpenID Connect provider
// (tests/oidc, node-oidc-provider on 127.0.0.1:7100, started with the backend):
// its own login and consent pages, users matched to User entities by email.

test.beforeEach(async ({ page }) => {
  await serveConfig(page, JSON.stringify({
    app: { title: 'Stagedoor demo' },
    backend: { baseUrl: BACKEND },
    auth: { providers: [{ id: 'oidc', title: 'Acme SSO' }, 'guest'] },
  }));
});

/** A sign-in answer nobody should accept: it does not come from the backend. */
const FORGED = {
  type: 'authorization_response',
  response: { profile: { displayName: 'Forged' }, providerInfo: {}, backstageIdentity: { token: 'forged', identity: { type: 'user', userEntityRef: 'user:default/forged', ownershipEntityRefs: [] } } },
};

const signInPage = (page: Page) => page.getByRole('heading', { level: 1, name: 'Sign in to Stagedoor demo' });

test('signing in through the provider\'s popup: identity, ownership views, refresh on reload, sign-out; the token is never stored @core', async ({ page }) => {
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  await page.goto('settings');
  await expect(signInPage(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Acme SSO' })).toBeVisible();
  await signInWithProvider(page, 'alice@acme.example', 'alice-secret');

  // Identity: the User entity the backend matched by email, and its groups.
  await expect(page.getByRole('button', { name: 'Signed in as Alice Moreau' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('user-entity-ref')).toHaveText('user:default/alice');
  await expect(page.getByRole('list', { name: 'Ownership entity refs' }).getByRole('listitem')).toHaveText(['user:default/alice', 'group:default/team-payments']);
  await expect(page.getByText('Acme SSO', { exact: true })).toBeVisible();

  // "Owned by me" is Alice's team's.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('complementary', { name: 'Filters' }).getByLabel('Owned by me').check();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('link', { name: 'checkout-service' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'design-system' })).toHaveCount(0);

  // The wizard's MyGroupsPicker offers her groups only.
  const prefill = { component_id: 'alice-svc', kind: 'web', replicas: 2, port: 8080, storage: { bucket: 'b' } };
  await page.goto(`create/templates/default/everything-form?formData=${encodeURIComponent(JSON.stringify(prefill))}`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 4: Catalog pickers' })).toBeVisible();
  await expect(page.locator('#field-owner option')).toHaveText(['Choose…', 'Payments Team (group:default/team-payments)']);

  // Reload: the provider's refresh (its cookie) brings the session back, no popup.
  let popups = 0;
  page.on('popup', () => { popups += 1; });
  const refreshed = page.waitForResponse((r) => r.url().startsWith(`${BACKEND}/api/auth/oidc/refresh`) && r.status() === 200);
  await page.goto('settings');
  const token: string = (await (await refreshed).json()).backstageIdentity.token;
  await expect(page.getByTestId('user-entity-ref')).toHaveText('user:default/alice');
  expect(popups).toBe(0);

  // The token lives in memory only.
  expect(token.length).toBeGreaterThan(20);
  const stored = await page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)]));
  expect(stored).not.toContain(token);
  expect(stored).not.toContain(token.split('.')[1]);
  expect(page.url()).not.toContain(token.slice(0, 20));
  expect(consoleText.join('\n')).not.toContain(token.slice(0, 20));

  // Sign-out ends the provider's session on the backend; a reload asks again.
  const loggedOut = page.waitForResponse((r) => r.url().startsWith(`${BACKEND}/api/auth/oidc/logout`));
  await page.getByRole('button', { name: 'Sign out' }).click();
  expect((await loggedOut).ok()).toBe(true);
  await expect(signInPage(page)).toBeVisible();
  await page.reload();
  await expect(signInPage(page)).toBeVisible();
  // The backend's refresh cookie is gone: its refresh gives no identity now.
  const again = await page.evaluate(async (url) => (await fetch(url, { credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } })).text(), `${BACKEND}/api/auth/oidc/refresh?optional&env=development`);
  expect(again).not.toContain('backstageIdentity');
});

test('a blocked popup, a popup closed by the user and a refused sign-in each say so, and the page stays usable', async ({ page }) => {
  await page.goto('catalog');
  await expect(signInPage(page)).toBeVisible();
  const failure = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });

  // Blocked: the browser's window.open gives nothing back.
  await page.evaluate(() => { (window as any).__open = window.open; window.open = () => null; });
  await page.getByRole('button', { name: SSO }).click();
  await expect(failure).toContainText('The browser blocked the sign-in window. Allow pop-ups for this site and try again.');
  await page.evaluate(() => { window.open = (window as any).__open; });

  // Closed by the user before signing in.
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: SSO }).click();
  const popup = await popupOpened;
  await popup.waitForURL(`${OIDC}/interaction/**`);
  await popup.close();
  await expect(failure).toContainText('The sign-in window was closed before sign-in finished.');
  await expect(page.getByRole('button', { name: SSO })).toBeEnabled();

  // The provider knows Mallory; the catalog does not: the backend's
  // authorization_response carries an error.
  await signInWithProvider(page, 'mallory@outside.example', 'mallory-secret');
  await expect(failure).toContainText(/Sign-in failed: .*(user|identity)/i);
  await expect(signInPage(page)).toBeVisible();

  // Still usable: the guest way in works.
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('button', { name: /Signed in as/ })).toBeVisible();
});

test('a wrong password stays on the provider\'s page; a message from another origin is ignored', async ({ page }) => {
  await page.goto('catalog');
  await expect(signInPage(page)).toBeVisible();
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: SSO }).click();
  const popup = await popupOpened;
  await popup.waitForURL(`${OIDC}/interaction/**`);
  await popup.locator('input[name="login"]').fill('carol@acme.example');
  await popup.locator('input[name="password"]').fill('not-her-password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await expect(popup.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page.getByRole('button', { name: /Signed in as/ })).toHaveCount(0);

  // A forged answer from the portal's own origin (not the backend's) is ignored.
  await page.evaluate((forged) => window.postMessage(forged, '*'), FORGED);
  // So is one from the provider's page in the popup (an origin that is not the backend's).
  await popup.evaluate((forged) => window.opener.postMessage(forged, '*'), FORGED);
  await expect(page.getByRole('status').filter({ hasText: 'Signing in…' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Signed in as/ })).toHaveCount(0);

  await popup.getByRole('link', { name: 'Try again' }).click();
  await popup.locator('input[name="login"]').fill('carol@acme.example');
  await popup.locator('input[name="password"]').fill('carol-secret');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Signed in as Carol Lindqvist' })).toBeVisible();
  await page.getByRole('button', { name: 'Signed in as Carol Lindqvist' }).click();
  await page.getByRole('link', { name: 'Settings' }).last().click();
  await expect(page.getByTestId('user-entity-ref')).toHaveText('user:default/carol');
});
