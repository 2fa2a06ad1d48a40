import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const BACKEND = 'http://127.0.0.1:7007';
// The OpenID Connect provider (tests/oidc) and its button on the sign-in page.
export const OIDC = 'http://127.0.0.1:7100';
export const SSO = 'Sign in with Acme SSO';

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Opens `path` (relative to the portal's base) and signs in as guest there. */
export async function signInAsGuest(page: Page, path = 'catalog') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: /^Sign in to / })).toBeVisible();
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('button', { name: /Signed in as/ })).toBeVisible();
}

/** Serves a different config.json to the page (the portal's own static file). */
export async function serveConfig(page: Page, body: string, status = 200) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status, contentType: 'application/json', body }),
  );
}

/** Makes any script dialog a test failure: backend text must never run. */
export function failOnDialogs(page: Page) {
  page.on('dialog', async (d) => {
    await d.dismiss();
    throw new Error(`a script dialog opened: ${d.message()}`);
  });
}

/** Clicks the provider's button and signs in on the provider's own pages in the
 *  popup; resolves when the popup has closed. */
export async function signInWithProvider(page: Page, email: string, password: string, before?: () => Promise<void>) {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: SSO }).click();
  const popup = await popupOpened;
  await popup.waitForURL(`${OIDC}/interaction/**`);
  await expect(popup.locator('input[name="login"]')).toBeVisible();
  if (before) await before();
  await popup.locator('input[name="login"]').fill(email);
  await popup.locator('input[name="password"]').fill(password);
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  // First sign-in of this user in this browser: the provider asks for consent.
  const consent = popup.getByRole('button', { name: 'Continue' });
  await Promise.race([consent.click().catch(() => {}), popup.waitForEvent('close')]);
  if (!popup.isClosed()) await popup.waitForEvent('close');
}
