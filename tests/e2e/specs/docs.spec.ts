import { test, expect } from './fixtures';
import { expectAccessible, signInAsGuest, failOnDialogs } from './helpers';

test.afterEach(async ({ page }, testInfo) => {
  if (testInfo.status !== 'skipped') await expectAccessible(page);
});

test('a docs page shows at once with no internet: its text, image, navigation and sections @core', async ({ page, context }) => {
  failOnDialogs(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // No internet here, as in an air-gapped intranet: any request leaving the two
  // local services fails, and the test records it.
  const outside: string[] = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  // This browser reads pages itself (the HTML Sanitizer API): the portal's own
  // HTML reader, a chunk for other browsers, is never fetched.
  const markupReader: string[] = [];
  page.on('request', (r) => { if (r.url().includes('docs_markup')) markupReader.push(r.url()); });
  await signInAsGuest(page, 'docs');
  await page.getByRole('table', { name: /Documented entities/ }).getByRole('link', { name: 'Read the docs of checkout-service' }).click();
  // Nothing has built this site on this fresh backend: the first build shows, with its log.
  await expect(page.getByRole('status').filter({ hasText: 'Building the docs' })).toBeVisible();
  await page.getByRole('button', { name: 'Show the build log' }).click();
  await expect(page.getByRole('region', { name: 'Build log' }).or(page.getByLabel('Build log'))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Checkout service|Overview/i })).toBeVisible({ timeout: 60_000 });
  const pages = page.getByRole('navigation', { name: 'Documentation pages' });
  await expect(pages.getByRole('link')).toHaveText(['Overview', 'Architecture', 'Runbook', 'Changelog']);
  // Above the docs: whose they are, linked to the entity and its owner.
  await expect(page.getByText('Documentation of checkout-service · Owner: team-payments')).toBeVisible();
  await expect(page.getByRole('link', { name: 'team-payments' })).toHaveAttribute('href', /catalog\/default\/group\/team-payments$/);

  // Every code block has a copy button that puts exactly its code on the clipboard.
  await page.getByRole('button', { name: 'Copy code' }).first().click();
  await expect(page.getByRole('button', { name: 'Code copied' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('make run');

  // A link to a section of another page opens that page scrolled to the section.
  await page.getByRole('article').getByRole('link', { name: 'runbook', exact: true }).click();
  await expect(page).toHaveURL(/operations\/runbook\/#doc-restarting-safely$/);
  await expect(page.getByRole('heading', { level: 2, name: /Restarting safely/ })).toBeInViewport();
  // Back returns to the first page.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /Checkout service/i })).toBeVisible();

  // Client-side navigation to another page of the site, with its image loaded
  // from the backend (the auth cookie lets the browser's own request through).
  await pages.getByRole('link', { name: 'Architecture' }).click();
  await expect(page).toHaveURL(/docs\/default\/component\/checkout-service\/architecture\/$/);
  const image = page.getByRole('img', { name: 'Payment flow diagram' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // The page's sections link to its headings.
  const sections = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
  await expect(sections.first()).toHaveAttribute('href', /\/#doc-/);
  expect(outside).toEqual([]);

  // In the long runbook, a section link of the table of contents scrolls to it.
  await pages.getByRole('link', { name: 'Runbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Runbook/ })).toBeInViewport();
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Dashboards' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Dashboards/ })).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1, name: /Runbook/ })).not.toBeInViewport();
  expect(markupReader).toEqual([]);
});

// After the first test, so the site is built (one worker runs this file in order).
test('a long docs page shows its first screens at once and then all of it: every section, every entry of its contents', async ({ page }) => {
  // 300 releases: more than the first frame takes of the article (two parts of
  // 40 blocks) and of the table of contents (150 entries); the rest follows in steps.
  await signInAsGuest(page, 'docs/default/component/checkout-service/changelog/');
  await expect(page.getByRole('heading', { level: 1, name: 'Changelog' })).toBeVisible({ timeout: 60_000 });
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 2 })).toHaveCount(300);
  await expect(article.getByRole('heading', { level: 2 }).first()).toHaveText(/^3\.9\.9/);
  await expect(article.getByText('Release 2.0.0: retries on payment timeouts')).toHaveCount(1);
  // The table of contents: every release once, in order, each a link to its heading.
  const contents = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
  await expect(contents).toHaveCount(300);
  await expect(contents.nth(150)).toHaveText('2.4.9');
  await expect(contents.last()).toHaveText('1.0.0');
  // A link to a release far down scrolls to it.
  await contents.nth(290).click();
  await expect(page.getByRole('heading', { level: 2, name: '1.0.9' })).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1, name: 'Changelog' })).not.toBeInViewport();
});

// After the test above, so the site is built (one worker runs this file in order).
test('a browser without the HTML Sanitizer API gets the same page from the portal\'s own reader, and a retry when it cannot be fetched', async ({ page }) => {
  await page.addInitScript(() => { delete (Document as unknown as { parseHTML?: unknown }).parseHTML; });
  // The reader's chunk is unreachable at first, as on a flaky network.
  await page.route('**/pkg*/*docs_markup*', (route) => route.abort('connectionreset'));
  await signInAsGuest(page, 'docs/default/component/checkout-service/operations/runbook/');
  await expect(page.getByRole('alert')).toContainText('This page could not be loaded', { timeout: 60_000 });
  await page.unroute('**/pkg*/*docs_markup*');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Runbook/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Documentation pages' }).getByRole('link')).toHaveText(['Overview', 'Architecture', 'Runbook', 'Changelog']);
  await expect(page.getByRole('button', { name: 'Copy code' }).first()).toBeVisible();
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Dashboards' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Dashboards/ })).toBeInViewport();
});

// Under the sub-path, another site: two first builds of one site at the same moment
// race in the backend's local publisher.
test('docs pages and their links work under a sub-path @subpath', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'portal', 'the root project reads checkout-service above');
  await signInAsGuest(page, 'docs/default/component/storefront-web');
  const pages = page.getByRole('navigation', { name: 'Documentation pages' });
  await expect(pages.getByRole('link')).toHaveText(['Home', 'Releasing'], { timeout: 60_000 });
  await pages.getByRole('link', { name: 'Releasing' }).click();
  await expect(page).toHaveURL(/\/docs\/default\/component\/storefront-web\/releasing\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an entity without docs says so', async ({ page }) => {
  await signInAsGuest(page, 'docs/default/component/ledger-service');
  await expect(page.getByRole('alert')).toContainText('The docs could not be built');
});
