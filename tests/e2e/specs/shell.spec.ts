import { test, expect } from './fixtures';
import { expectAccessible, serveConfig, signInAsGuest, failOnDialogs } from './helpers';

// axe-core checks every page a test ends on, on top of the checks inside tests.
test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

const NAV = ['Catalog', 'Create', 'Docs', 'Search', 'Settings'];

test('guest sign-in shows the portal shell @subpath @core', async ({ page }) => {
  await page.goto('catalog');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Stagedoor demo' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enter as guest' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Stagedoor demo' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of NAV) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Catalog' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'Signed in as Guest User' }).or(page.getByRole('button', { name: 'Signed in as guest' }))).toBeVisible();
  // Rows come from the real catalog.
  const table = page.getByRole('table', { name: /Components \(\d+\)/ });
  await expect(table.getByRole('link', { name: 'checkout-service' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await expectAccessible(page);
});

test('every nav target renders its page from the backend @subpath @core', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new component' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'New backend service' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Installed actions' })).toHaveAttribute('href', /\/create\/actions$/);
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Docs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation' })).toBeVisible();
  const docs = page.getByRole('table', { name: 'Documented entities' });
  await expect(docs.getByRole('link', { name: 'checkout-service', exact: true })).toBeVisible();
  await expect(docs.getByRole('link', { name: 'storefront-web', exact: true })).toBeVisible();
  await expect(docs.getByRole('link', { name: 'Read the docs of checkout-service' })).toHaveAttribute('href', /\/docs\/default\/component\/checkout-service$/);
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await page.getByLabel('Search term').fill('ledger');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/search\?query=ledger/);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'ledger-service' })).toBeVisible();
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('user-entity-ref')).toHaveText('user:default/guest');
  await expect(page.getByRole('list', { name: 'Ownership entity refs' })).toContainText('group:default/team-web');
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await page.getByRole('link', { name: 'payments-gateway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'payments-gateway' })).toBeVisible();
  await expect(page).toHaveURL(/catalog\/default\/component\/payments-gateway$/);
  await expect(page.getByRole('region', { name: 'About' }).getByRole('link', { name: 'team-payments' })).toBeVisible();
  await expectAccessible(page);

  // Back and forward move through the pages visited, without a reload.
  await page.evaluate(() => ((window as any).__stillSamePage = true));
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__stillSamePage)).toBe(true);
});

test('an unknown path shows not-found inside the shell @subpath', async ({ page }) => {
  await signInAsGuest(page, 'no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expectAccessible(page);
});

test('a deep link survives sign-in @subpath', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/component/checkout-service');
  await expect(page.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await expect(page).toHaveURL(/catalog\/default\/component\/checkout-service$/);
  await expectAccessible(page);
});

test('reload keeps the session', async ({ page }) => {
  await signInAsGuest(page, 'settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('user-entity-ref')).toHaveText('user:default/guest');
  await expect(page.getByRole('heading', { name: /^Sign in to/ })).toHaveCount(0);
});

test('sign-out returns to the sign-in page and stays signed out over reload', async ({ page }) => {
  await signInAsGuest(page);
  await page.getByRole('button', { name: /Signed in as/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Stagedoor demo' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Stagedoor demo' })).toBeVisible();
});

test('the theme choice is remembered over reload', async ({ page }) => {
  await signInAsGuest(page);
  // The portal's root on its own page is <body>; the colors are what the user sees.
  const html = page.locator('body');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(html).toHaveCSS('background-color', 'rgb(246, 247, 249)');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveCSS('background-color', 'rgb(17, 21, 28)');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});

test('hostile entity data is shown as text and never runs', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page, 'catalog/default/component/hostile-widget');
  await expect(page.getByRole('heading', { level: 1 })).toContainText("<img src=x onerror=alert('owned')> Hostile widget");
  await expect(page.getByRole('region', { name: 'About' }).getByText("<script>alert('owned')</script>", { exact: false })).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('an entity that does not exist says so', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/component/does-not-exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Entity not found' })).toBeVisible();
  await expect(page.getByText('The catalog has no component named "does-not-exist" in namespace "default".')).toBeVisible();
});

test('with its base pinned the portal runs under the strict Content-Security-Policy; as built it finds its base @subpath', async ({ page }, testInfo) => {
  const response = await page.goto('catalog');
  const csp = response?.headers()['content-security-policy'] ?? '';
  if (testInfo.project.name === 'portal-as-built') {
    expect(csp).toBe('');
    expect(await page.locator('script:not([src])').count()).toBe(1);
  } else {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    // No inline script is left in the page itself.
    expect(await page.locator('script:not([src])').count()).toBe(0);
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Sign in to / })).toBeVisible();
});

test('config.json brands the header with a title and a logo', async ({ page }) => {
  const dot = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  await serveConfig(page, JSON.stringify({ app: { title: 'Acme Portal', logoUrl: dot }, backend: { baseUrl: 'http://127.0.0.1:7007' } }));
  await page.goto('catalog');
  const home = page.getByRole('banner').getByRole('link', { name: 'Acme Portal' });
  await expect(home).toBeVisible();
  const logo = home.locator('img.app-logo');
  await expect(logo).toHaveAttribute('src', dot);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page);
});

// The boot script starts config.json, the session refresh, the page's first
// backend call and the page's wasm chunk before the wasm is there; the app then
// uses those answers instead of asking again (shell/boot.js, api/http.rs).
test('a reload asks for config, session, first data and chunk files once each @subpath @core', async ({ page }) => {
  const seen = new Map<string, number>();
  page.on('request', (r) => seen.set(`${r.method()} ${r.url()}`, (seen.get(`${r.method()} ${r.url()}`) ?? 0) + 1));
  const asked = (re: RegExp) => [...seen].filter(([k]) => re.test(k));
  const once = (re: RegExp) => {
    const hits = asked(re);
    expect(hits.length, `${re} was requested`).toBeGreaterThan(0);
    for (const [k, n] of hits) expect(n, k).toBe(1);
  };
  // Once the catalog is up it fetches the chunks' loader and the small chunks in
  // the background (catalog/list.rs), after its first row.
  const backgroundFetched = () =>
    expect.poll(() => asked(/\/chunk-loader\.js$/).length * asked(/\/small-chunks\.bin$/).length).toBeGreaterThan(0);
  await signInAsGuest(page, 'catalog');
  // The sign-in load's own calls end first (on an older backend the first page
  // is asked twice then, and only then: see api/catalog.rs, totalItems), and so
  // does its background fetching.
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await backgroundFetched();
  seen.clear();

  // Which script sent each request (Chrome DevTools Protocol): the boot script's
  // guesses must be the requests the app used.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sentBy = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const frame = e.initiator?.stack?.callFrames?.[0];
    if (e.request.method !== 'OPTIONS') sentBy.set(e.request.url, frame ? frame.url.split('/').pop()! : e.initiator.type);
  });
  const fromBoot = (re: RegExp) => {
    const urls = [...sentBy.keys()].filter((u) => re.test(u));
    expect(urls.length, `${re} was requested`).toBe(1);
    expect(sentBy.get(urls[0]), urls[0]).toBe('boot.js');
  };

  await page.reload();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  once(/^GET .*\/config\.json$/);
  once(/^GET .*\/api\/auth\/guest\/refresh\?/);
  once(/^GET .*\/api\/catalog\/entities\/by-query\?filter=kind%3Dcomponent&orderField=metadata\.name,asc&fields=/);
  // config.json is preloaded by index.html itself, and boot.js takes that answer.
  expect([...sentBy].filter(([u]) => /\/config\.json$/.test(u)).map(([, by]) => by)).toEqual(['parser']);
  fromBoot(/\/api\/auth\/guest\/refresh\?/);
  fromBoot(/\/api\/catalog\/entities\/by-query\?filter=kind%3Dcomponent&orderField=metadata\.name,asc&fields=/);
  await backgroundFetched();
  once(/^GET .*\/chunk-loader\.js$/);
  once(/^GET .*\/small-chunks\.bin$/);

  seen.clear();
  await page.goto('catalog/default/component/checkout-service');
  await expect(page.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  once(/^GET .*\/api\/catalog\/entities\/by-name\/component\/default\/checkout-service$/);
  fromBoot(/\/api\/catalog\/entities\/by-name\/component\/default\/checkout-service$/);
  // The locations it came through (its ancestry) are asked for beside it, not after.
  await page.waitForLoadState('networkidle');
  once(/^GET .*\/checkout-service\/ancestry$/);
  fromBoot(/\/checkout-service\/ancestry$/);
  // Opened first, the page's wasm comes in one file the boot script fetched
  // (scripts/build/first-pages.mjs), and no chunk is asked for alone.
  once(/^GET .*\/first-entity\.bin$/);
  fromBoot(/\/first-entity\.bin$/);
  expect(asked(/\/(split_\w+|chunk_\d+)\.wasm$|\/small-chunks\.bin$/)).toEqual([]);
  // The chunks' loader is not in the catalog's first load: preloaded by boot.js
  // for a chunk's page, and that one request serves the import.
  once(/^GET .*\/chunk-loader\.js$/);
  // The page's own styles come with its chunk (not in the first load's CSS), and
  // the page shows only once they are there: styled at its first frame.
  once(/^GET .*\/entity\.css$/);
  expect(await page.locator('.entity-grid').first().evaluate((e) => getComputedStyle(e).display)).toBe('grid');

  seen.clear();
  await page.goto('create/templates/default/new-library');
  await expect(page.getByRole('textbox', { name: /Name/ }).first()).toBeVisible();
  once(/^GET .*\/parameter-schema$/);
  fromBoot(/\/parameter-schema$/);
  once(/^GET .*\/first-create\.bin$/);
  expect(asked(/\/(split_\w+|chunk_\d+)\.wasm$/)).toEqual([]);

  // A docs page's HTML, once its site is built (before, the first answer is "not
  // built yet" and the page asks again when the build ends).
  await page.goto('docs/default/component/checkout-service/architecture');
  await expect(page.getByRole('heading', { level: 1, name: 'Architecture' })).toBeVisible({ timeout: 120000 });
  seen.clear();
  sentBy.clear();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Architecture' })).toBeVisible();
  once(/^GET .*\/api\/techdocs\/static\/docs\/default\/component\/checkout-service\/architecture\/index\.html$/);
  fromBoot(/\/checkout-service\/architecture\/index\.html$/);
});
