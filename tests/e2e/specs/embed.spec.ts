import { test, expect } from './fixtures';
import { type Page, type FrameLocator } from '@playwright/test';
import { BACKEND, serveConfig } from './helpers';

// Intranet pages that embed the portal (tests/e2e/host, served by
// scripts/services/static.sh): mounted into a <div> of a page on the portal's own server,
// and framed by pages of two other origins, one of them allow-listed.
const DIV_HOST = 'http://127.0.0.1:8092/intranet/div.html';
const PORTAL = 'http://127.0.0.1:8091/portal/';
const ALLOWED_HOST = 'http://127.0.0.1:8093/iframe.html';
const OTHER_HOST = 'http://127.0.0.1:8092/intranet/iframe.html';

/** Computed styles of the host page's own elements, including ones whose
 *  element names and classes the portal also uses. */
async function hostStyles(page: Page) {
  return page.evaluate(() => {
    const pick = (sel: string, props: string[]) => {
      const cs = getComputedStyle(document.querySelector(sel)!);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    return {
      body: pick('body', ['margin-top', 'font-family', 'font-size', 'line-height', 'background-color', 'color']),
      header: pick('body > header.app-header', ['display', 'padding-top', 'min-height', 'background-color', 'color']),
      page: pick('main.page', ['max-width', 'padding-top', 'margin-left']),
      card: pick('#host-card', ['border-top-style', 'border-radius', 'padding-top', 'background-color', 'box-sizing']),
      link: pick('#host-link', ['color', 'text-decoration-line']),
      button: pick('#host-button', ['font-size', 'font-weight', 'background-color', 'color', 'border-radius', 'padding-top']),
      table: pick('#host-table', ['width', 'border-collapse', 'background-color']),
      heading: pick('#contacts', ['font-size', 'margin-top']),
    };
  });
}

function embedConfig(app: Record<string, unknown>) {
  return JSON.stringify({ app: { title: 'Acme tools', ...app }, backend: { baseUrl: BACKEND }, auth: { providers: ['guest'] } });
}

/** The iframe's height and the height of the portal page inside it. */
async function frameFit(page: Page, frame: FrameLocator) {
  const outer = await page.locator('#portal').evaluate((f) => (f as HTMLIFrameElement).clientHeight);
  const inner = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  return { outer, inner };
}

test('mounted into a div of an intranet page, the portal works, keeps its route in the fragment and leaves the page\'s styles alone', async ({ page }) => {
  // The intranet page alone (the portal's loader blocked): its own look.
  await page.route('**/embed.js', (r) => r.abort());
  await page.goto(DIV_HOST);
  await expect(page.locator('#host-card')).toBeVisible();
  const alone = await hostStyles(page);
  await page.unroute('**/embed.js');

  await page.goto(DIV_HOST);
  const portal = page.locator('#portal-slot');
  await expect(portal.getByRole('heading', { level: 1, name: 'Sign in to Acme tools' })).toBeVisible();
  await portal.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(portal.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(portal.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await hostStyles(page)).toEqual(alone);
  // The portal is themed inside its element only; the host keeps its title.
  await expect(portal).toHaveCSS('font-family', /system-ui/);
  await expect(page).toHaveTitle('Acme intranet: tools');

  // Routes live in the fragment, so the host's server never sees them.
  await portal.getByRole('link', { name: 'checkout-service' }).first().click();
  await expect(portal.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/intranet/div.html');
  expect(new URL(page.url()).hash).toBe('#/catalog/default/component/checkout-service');
  await page.reload();
  await expect(portal.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await page.goBack();
  await expect(portal.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();

  // The host's own links stay the host's.
  await page.locator('#host-contacts').click();
  await expect(page).toHaveURL(/#contacts$/);
  await expect(portal.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  expect(await hostStyles(page)).toEqual(alone);
});

test('embed mode: one page in an iframe of an allowed intranet origin, without the portal\'s header, sized to its content', async ({ page }) => {
  // Narrow enough for the catalog's one-column layout, so fewer rows always
  // means a shorter page.
  await page.setViewportSize({ width: 760, height: 900 });
  await serveConfig(page, embedConfig({ embedParentOrigins: ['http://127.0.0.1:8093'] }));
  await page.goto(`${ALLOWED_HOST}?src=${encodeURIComponent(`${PORTAL}catalog?embed=1`)}`);
  const frame = page.frameLocator('#portal');
  const fits = async (ok: (height: number) => boolean) => {
    const f = await frameFit(page, frame);
    return Math.abs(f.outer - f.inner) <= 1 && ok(f.outer);
  };
  await expect(frame.getByRole('heading', { level: 1, name: 'Sign in to Acme tools' })).toBeVisible();
  // The frame takes the sign-in page's height (from the 150 px the host starts with).
  await expect.poll(() => fits((h) => h !== 150)).toBe(true);
  const signIn = (await frameFit(page, frame)).outer;

  await frame.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(frame.locator('.app-header')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const results = frame.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('link', { name: 'design-system' })).toBeVisible();
  // Every row there: the page is taller, and the frame follows.
  await expect.poll(() => fits((h) => h > signIn)).toBe(true);
  const tall = (await frameFit(page, frame)).outer;

  // One row left: the page gets shorter and the frame follows.
  await frame.getByRole('complementary', { name: 'Filters' }).getByRole('searchbox', { name: 'Filter by name' }).fill('checkout-service');
  await expect(results.getByRole('link', { name: 'design-system' })).toHaveCount(0);
  await expect.poll(() => fits((h) => h < tall)).toBe(true);

  // Links inside the frame stay in embed mode, and so does a reload of the frame
  // (whose address no longer says embed=1).
  await frame.getByRole('link', { name: 'checkout-service' }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await expect(frame.locator('.app-header')).toHaveCount(0);
  const portalFrame = page.frames().find((f) => f.url().startsWith(PORTAL))!;
  expect(portalFrame.url()).not.toContain('embed');
  await portalFrame.goto(portalFrame.url());
  await expect(frame.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await expect(frame.locator('.app-header')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('embed mode from config: a page of an origin that is not allowed gets no height messages', async ({ page }) => {
  await serveConfig(page, embedConfig({ embed: true, embedParentOrigins: ['http://127.0.0.1:8093'] }));
  await page.goto(`${OTHER_HOST}?src=${encodeURIComponent(`${PORTAL}catalog`)}`);
  const frame = page.frameLocator('#portal');
  await expect(frame.getByRole('heading', { level: 1, name: 'Sign in to Acme tools' })).toBeVisible();
  await frame.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(frame.locator('.app-header')).toHaveCount(0);
  // The content changed size twice (sign-in page, catalog); the host heard nothing.
  await frame.getByRole('link', { name: 'checkout-service' }).first().waitFor();
  expect(await page.evaluate(() => (window as any).stagedoorHeights)).toEqual([]);
  expect((await frameFit(page, frame)).outer).toBe(150);
});
