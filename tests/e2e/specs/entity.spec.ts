import { test, expect } from './fixtures';
import { expectAccessible, signInAsGuest, failOnDialogs } from './helpers';

// axe-core checks every page a test ends on, on top of the checks inside tests.
test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

test('an entity page shows its header, about card and relations @subpath @core', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/component/checkout-service');
  await expect(page.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await expect(page.getByText('Component · service')).toBeVisible();
  await expect(page.locator('.entity-ref code')).toHaveText('component:default/checkout-service');

  const about = page.getByRole('region', { name: 'About' });
  await expect(about.getByRole('link', { name: 'team-payments' })).toBeVisible();
  await expect(about.getByRole('link', { name: 'checkout', exact: true })).toBeVisible();
  await expect(about.getByText('production')).toBeVisible();
  // The description is Markdown, as on Backstage's About card.
  await expect(about.locator('.description strong')).toHaveText('paid');
  await expect(about.getByRole('link', { name: 'on-call guide' })).toHaveAttribute('href', 'https://wiki.acme.example/checkout');
  await expect(about.getByRole('link', { name: 'Repository' })).toHaveAttribute('href', 'https://git.acme.example/team-payments/checkout-service');

  const relations = page.getByRole('region', { name: 'Relations', exact: true });
  await expect(relations.getByRole('list', { name: 'Depends on' }).getByRole('link')).toHaveText(['ledger-service', 'payments-db']);
  await expect(relations.getByRole('list', { name: 'Provides APIs' }).getByRole('link')).toHaveText(['checkout-api']);
  await expect(relations.getByRole('list', { name: 'Consumes APIs' }).getByRole('link')).toHaveText(['payments-api']);

  await expect(page.getByRole('link', { name: 'View source' })).toHaveAttribute('href', 'https://git.acme.example/team-payments/checkout-service/');
  await expect(page.getByRole('link', { name: 'Open docs' })).toHaveAttribute('href', /\/docs\/default\/component\/checkout-service$/);
  await expectAccessible(page);

  await relations.getByRole('link', { name: 'ledger-service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ledger-service' })).toBeVisible();
  await expect(page).toHaveURL(/catalog\/default\/component\/ledger-service$/);
});

test('copy, star and inspect on the entity page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsGuest(page, 'catalog/default/component/payments-gateway');
  await page.getByRole('button', { name: 'Copy entity ref' }).click();
  await expect(page.getByRole('status')).toHaveText('Copied component:default/payments-gateway to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('component:default/payments-gateway');

  await page.getByRole('button', { name: 'Star payments-gateway' }).click();
  await page.goto('catalog?user=starred');
  await expect(page.locator('tbody tr td:first-child')).toHaveText(['payments-gateway']);
  await page.goBack();

  const inspect = page.getByRole('region', { name: 'Inspect entity' });
  await inspect.getByText('Raw YAML').click();
  await expect(inspect.locator('pre').first()).toContainText('kind: Component');
  await expect(inspect.locator('pre').first()).toContainText('name: payments-gateway');
  // The ancestry loads with the page (the health panel needs it), so its loading line may still be inside.
  await inspect.getByText('Ancestry', { exact: true }).click();
  await expect(inspect.getByRole('list', { name: 'Ancestry' })).toContainText('location:default/');
  await expectAccessible(page);
});

test('group and user pages show members, parents and what they own', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/group/team-payments');
  await expect(page.getByRole('heading', { level: 1, name: 'team-payments' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('link')).toHaveText(['alice', 'bob']);
  await expect(page.getByRole('list', { name: 'Parent group' }).getByRole('link')).toHaveText(['engineering']);
  const owns = page.getByRole('region', { name: 'Ownership' });
  await expect(owns.getByRole('heading', { name: 'Component · service (4)' })).toBeVisible();
  await expect(owns.getByRole('list', { name: 'API · openapi' }).getByRole('link')).toHaveText(['checkout-api', 'ledger-api', 'payments-api']);
  await expectAccessible(page);

  await page.getByRole('list', { name: 'Members' }).getByRole('link', { name: 'alice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Moreau' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'alice' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'alice@acme.example' })).toHaveAttribute('href', 'mailto:alice@acme.example');
  // Alice owns legacy-billing herself and, through her team, the payments services.
  const aliceOwns = page.getByRole('region', { name: 'Ownership' });
  await expect(aliceOwns.getByRole('link', { name: 'legacy-billing' })).toBeVisible();
  await expect(aliceOwns.getByRole('link', { name: 'checkout-service' })).toBeVisible();
});

test('a template page offers to launch it', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/template/new-service');
  await expect(page.getByRole('heading', { level: 1, name: 'New backend service' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Launch template' })).toHaveAttribute('href', /\/create\/templates\/default\/new-service$/);
});

test('hostile entity fields render inert on the entity page', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page, 'catalog/default/api/hostile-api');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("<svg onload=alert('api')>Hostile API</svg>");
  const about = page.getByRole('region', { name: 'About' });
  await expect(about.getByText(`<a href="javascript:alert('desc')">click me</a>`, { exact: false })).toBeVisible();
  // Only the mailto link is a link; javascript: and data: stay text.
  await expect(about.getByRole('list', { name: 'Links' }).getByRole('link')).toHaveText(['Mail the security team']);
  await expect(about.getByText("javascript:alert('link')", { exact: false })).toBeVisible();
  // The backend itself replaces script URLs in these annotations; nothing runs either way.
  for (const name of ['View source', 'Edit']) {
    await expect(page.getByRole('link', { name })).not.toHaveAttribute('href', /^\s*(javascript|data):/i);
  }
  await expect(page.locator('main svg:not(.relations-graph), main img, main b, main a[href^="javascript"], main a[href^="data"]')).toHaveCount(0);
  await expectAccessible(page);
});

test('an unknown entity links back to a catalog search for its name', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/component/checkout');
  await expect(page.getByRole('heading', { level: 1, name: 'Entity not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Search the catalog for "checkout"' }).click();
  await expect(page).toHaveURL(/catalog\?kind=component&q=checkout$/);
  await expect(page.locator('table caption')).toHaveText('Components (1)');
});

test('the relations graph grows with depth, filters by relation and opens nodes', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/component/checkout-service');
  const graph = page.getByRole('group', { name: 'Relations graph' });
  const node = (name: string) => graph.getByRole('link', { name });
  await expect(node('checkout-service (component)')).toBeVisible();
  await expect(node('ledger-service (component)')).toBeVisible();
  await expect(node('payments-db (resource)')).toBeVisible();
  await expect(node('team-payments (group)')).toBeVisible();
  await expect(node('ledger-api (api)')).toHaveCount(0);

  const card = page.getByRole('region', { name: 'Relations graph' });
  await card.getByLabel('Depth').selectOption('2');
  await expect(node('ledger-api (api)')).toBeVisible();
  await card.getByLabel('ownedBy').uncheck();
  await expect(node('team-payments (group)')).toHaveCount(0);
  await expectAccessible(page);

  await node('ledger-service (component)').click();
  await expect(page.getByRole('heading', { level: 1, name: 'ledger-service' })).toBeVisible();
  await expect(page).toHaveURL(/catalog\/default\/component\/ledger-service$/);
});

test('an OpenAPI definition is shown as servers and operations by tag', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/api/checkout-api');
  const def = page.getByRole('region', { name: 'Definition' });
  await expect(def.getByText('Checkout API')).toBeVisible();
  await expect(def.getByText('version 2.1.0')).toBeVisible();
  await expect(def.getByRole('list', { name: 'Servers' })).toHaveText('https://api.acme.example/checkout/v2');
  await expect(def.getByRole('heading', { level: 3 })).toHaveText(['Servers', 'carts', 'orders']);
  await def.getByText('Create a cart').click();
  // The request body (and, below it, the 201 response) has the resolved Cart shape.
  await expect(def.getByText('object { id: string, items*: array<object { sku: string, quantity: integer ≥1 }> }')).toHaveCount(2);
  await expect(def.getByText('object { id: string, items*: array<object { sku: string, quantity: integer ≥1 }> }').first()).toBeVisible();
  await expect(def.getByRole('table', { name: 'Responses' }).first().getByRole('row').nth(1)).toHaveText(/201\s*The new cart/);
  await def.getByText('Check out a cart').click();
  await expect(def.getByRole('table', { name: 'Parameters' })).toContainText('cartId');
  // The filter narrows the operations as the user types (method, path, summary, tag).
  const total = await def.locator('.operation').count();
  await def.getByLabel('Filter operations').fill('check');
  await expect(def.locator('.operation:visible')).toHaveCount(1);
  await expect(def.getByRole('status')).toHaveText(`1 of ${total} operations`);
  await expect(def.getByRole('heading', { level: 3, name: 'carts' })).toBeHidden();
  await def.getByLabel('Filter operations').fill('');
  await expect(def.locator('.operation:visible')).toHaveCount(total);

  // JSON definitions work the same way.
  await page.goto('catalog/default/api/payments-api');
  await expect(page.getByRole('region', { name: 'Definition' }).getByRole('heading', { level: 3 })).toHaveText(['Servers', 'payments', 'refunds']);
});

test('a definition that is not OpenAPI, or is broken, is shown as written', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page, 'catalog/default/api/hostile-api');
  const def = page.getByRole('region', { name: 'Definition' });
  await expect(def.getByText('Definitions of type "<b>openapi</b>" are shown as written.')).toBeVisible();
  await expect(def.locator('pre')).toHaveText('not: [valid');
});

test('AsyncAPI and GraphQL definitions are shown as written, coloured', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/api/order-events');
  const def = page.getByRole('region', { name: 'Definition' });
  await expect(def.getByText('Definitions of type "asyncapi" are shown as written.')).toBeVisible();
  await expect(def.locator('pre')).toContainText('order/created:');
  await expect(def.locator('pre .tok-key').first()).toHaveText('asyncapi');
  await expect(def.locator('pre .tok-comment').first()).toHaveText(/# Published by the checkout service\./);

  await page.goto('catalog/default/api/product-graph');
  await expect(page.getByRole('region', { name: 'Definition' }).locator('pre .tok-keyword')).toHaveText(['type', 'type']);
});
