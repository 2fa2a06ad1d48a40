// Catalog management against the real backend: registering files from the
// fixture source host (tests/repo-host), unregistering and deleting, processing
// errors and orphans, validating YAML. These tests change the catalog, so they
// run in their own Playwright project after every read-only test, and put it
// back as they found it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures';
import { expectAccessible, signInAsGuest } from './helpers';
import type { Page } from '@playwright/test';

const REPOS = 'http://127.0.0.1:7102';
// Files the source host serves under /live/ (scripts/services/backend.sh).
const LIVE_DIR = path.resolve(__dirname, '../../../.run/repo-host-live');

test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

const urlBox = (page: Page) => page.getByRole('textbox', { name: /URL of a catalog-info.yaml file/ });

async function analyze(page: Page, url: string) {
  await urlBox(page).fill(url);
  await page.getByRole('button', { name: 'Analyze' }).click();
}

/** Registers `url` through the import page and waits until every entity is in the catalog. */
async function register(page: Page, url: string, entities: string[]) {
  await page.goto('catalog-import');
  await analyze(page, url);
  await expect(page.getByRole('heading', { name: `${entities.length} ${entities.length === 1 ? 'entity' : 'entities'} will be added` })).toBeFocused();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Registered' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Entities' });
  for (const e of entities) {
    await expect(list.getByRole('listitem').filter({ hasText: e })).toContainText('in the catalog', { timeout: 30_000 });
  }
}

/** Unregisters the location an entity came from, through its page's dialog. */
async function unregister(page: Page, entityPath: string, expected: string[]) {
  await page.goto(entityPath);
  // By keyboard: the button, then the dialog's.
  await page.getByRole('button', { name: 'Unregister entity' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Unregister this entity?' });
  const items = dialog.getByRole('list', { name: 'Entities to remove' }).getByRole('listitem');
  await expect(items).toHaveCount(expected.length);
  expect((await items.allTextContents()).sort()).toEqual([...expected].sort());
  await dialog.getByRole('button', { name: 'Unregister location' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(dialog).toBeHidden();
}

test('register a file from the Catalog, see it on its page, then unregister it', async ({ page }) => {
  await signInAsGuest(page, 'catalog');
  await page.getByRole('link', { name: 'Register existing component' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register an existing component' })).toBeVisible();
  await expectAccessible(page);

  await analyze(page, `${REPOS}/billing-worker/catalog-info.yaml`);
  const step = page.getByRole('heading', { name: '1 entity will be added' });
  await expect(step).toBeFocused();
  const table = page.getByRole('table', { name: /Entities in/ });
  await expect(table.getByRole('row').nth(1)).toHaveText(/Component\s*billing-worker\s*team-payments/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Registered' })).toBeVisible();
  const item = page.getByRole('list', { name: 'Entities' }).getByRole('listitem');
  await expect(item).toContainText('in the catalog', { timeout: 30_000 });
  await item.getByRole('link', { name: 'billing-worker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'billing-worker' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'About' }).locator('.description strong')).toHaveText('invoices');

  // Registered already: the page offers Refresh instead of Import.
  await page.goto('catalog-import');
  await analyze(page, `${REPOS}/billing-worker/catalog-info.yaml`);
  await expect(page.getByRole('heading', { name: 'This location is registered already' })).toBeVisible();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('heading', { name: 'Refresh scheduled' })).toBeVisible();

  await unregister(page, 'catalog/default/component/billing-worker', [
    'component:default/billing-worker',
    'location:default/generated-f7e44e2122c231e2d87d634e4c466bbd2f6ba366',
  ]);
  await page.goto('catalog?q=billing-worker');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.locator('.empty')).toBeVisible();
  await page.goto('catalog/default/component/billing-worker');
  await expect(page.getByRole('heading', { level: 1, name: 'Entity not found' })).toBeVisible();
});

test('a file with two entities, from the Create page, by keyboard', async ({ page }) => {
  await signInAsGuest(page, 'create');
  await page.getByRole('link', { name: 'Register existing component' }).click();
  await urlBox(page).focus();
  await page.keyboard.type(`${REPOS}/search-suite/catalog-info.yaml`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '2 entities will be added' })).toBeFocused();
  const rows = page.getByRole('table', { name: /Entities in/ }).getByRole('row');
  await expect(rows.nth(1)).toHaveText(/API\s*search-query-api\s*team-web/);
  await expect(rows.nth(2)).toHaveText(/Component\s*search-indexer\s*team-web/);
  // Tab to Import and press it.
  await page.getByRole('button', { name: 'Import' }).focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('list', { name: 'Entities' });
  for (const e of ['search-query-api', 'search-indexer']) {
    await expect(list.getByRole('listitem').filter({ hasText: e })).toContainText('in the catalog', { timeout: 30_000 });
  }
  await unregister(page, 'catalog/default/api/search-query-api', [
    'api:default/search-query-api',
    'component:default/search-indexer',
    'location:default/generated-6a80a22e4c01af566b3784387a96f81de8c94af2',
  ]);
});

test('every failure says what to do and keeps the URL', async ({ page }) => {
  await signInAsGuest(page, 'catalog-import');
  const problem = page.getByRole('alert');
  const cases: [string, RegExp][] = [
    ['not a url', /This is not a web address/],
    [`${REPOS}/broken-yaml/catalog-info.yaml`, /The file is not valid YAML: .* at line 7, column 1\. Fix the file and try again\./],
    [`${REPOS}/bad-name/catalog-info.yaml`, /An entity in the file is not valid: metadata\.name: "metadata\.name" is not valid;.*found "Bad Name!"/],
    [`${REPOS}/notes-app/catalog-info.yaml`, /There is no file at http:\/\/127\.0\.0\.1:7102\/notes-app\/catalog-info\.yaml\./],
    ['https://git.elsewhere.example/acme/x/catalog-info.yaml', /The backend is not allowed to read from https:\/\/git\.elsewhere\.example\. .*backend\.reading\.allow/],
  ];
  for (const [url, message] of cases) {
    await analyze(page, url);
    await expect(problem).toHaveText(message);
    await expect(urlBox(page)).toHaveValue(url);
    await expect(urlBox(page)).toHaveAttribute('aria-invalid', 'true');
  }
  await expectAccessible(page);

  // A name another location registered first: the dry run passes, the page warns.
  await analyze(page, `${REPOS}/checkout-clash/catalog-info.yaml`);
  await expect(page.getByRole('heading', { name: '1 entity will be added' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    /component:default\/checkout-service is already in the catalog, registered from file:.*components\.yaml\. The catalog keeps that one/,
  );
});

test('a repository without an entity file gets a catalog-info.yaml to copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsGuest(page, 'catalog-import');
  // A repository URL on a plain file host: its default file is found.
  await analyze(page, `${REPOS}/billing-worker`);
  await expect(page.getByRole('heading', { name: '1 entity will be added' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${REPOS}/billing-worker/catalog-info.yaml` })).toBeVisible();

  await analyze(page, `${REPOS}/notes-app/`);
  await expect(page.getByRole('heading', { name: 'No catalog-info.yaml found' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('notes-app');
  const owner = page.getByRole('combobox', { name: /Owner/ });
  await owner.fill('team-web');
  await page.getByRole('listbox', { name: 'Catalog matches' }).getByRole('option', { name: /team-web/ }).click();
  await page.getByRole('combobox', { name: 'Type' }).or(page.getByLabel('Type')).first().selectOption('website');
  await page.getByRole('textbox', { name: 'Description' }).fill('Notes: "quoted" # not a comment');
  const yaml = page.locator('pre', { has: page.locator('code') }).last();
  await expect(yaml).toContainText(/owner: "?group:default\/team-web"?/);
  await expect(yaml).toContainText('type: website');
  await page.getByRole('textbox', { name: 'Name' }).fill('Notes App!');
  await page.getByRole('textbox', { name: 'Name' }).blur();
  await expect(page.locator('.field-error').first()).not.toBeEmpty();
  await page.getByRole('textbox', { name: 'Name' }).fill('notes-app');
  await page.getByRole('button', { name: 'Copy YAML' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(/^Copied\./);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('kind: Component\nmetadata:\n  name: notes-app\n');
  expect(copied).toContain('description: "Notes: \\"quoted\\" # not a comment"');
});

test('processing errors and orphans from a file that changed after registering', async ({ page }) => {
  const dir = path.join(LIVE_DIR, `changing-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'catalog-info.yaml');
  const component = (name: string, description: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: team-web\n`;
  // A Location in the file points at a second file, which lists one component.
  const location = `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: more-of-${path.basename(dir)}\nspec:\n  type: url\n  targets: [./more.yaml]\n`;
  fs.writeFileSync(path.join(dir, 'more.yaml'), component('more-notes', 'Listed by the second file.'));
  fs.writeFileSync(file, component('release-notes', 'All the releases.') + '---\n' + component('old-cron', 'Runs at night.') + '---\n' + location);
  const url = `${REPOS}/live/${path.basename(dir)}/catalog-info.yaml`;

  await signInAsGuest(page, 'catalog-import');
  // The dry run follows the Location to the second file too.
  await register(page, url, ['release-notes', 'old-cron', `more-of-${path.basename(dir)}`, 'more-notes']);
  await page.goto('catalog/default/component/more-notes');

  // The second file disappears: its Location fails, and the component it listed
  // shows its location's error.
  fs.unlinkSync(path.join(dir, 'more.yaml'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  const ancestorPanel = page.getByRole('alert').filter({ hasText: 'The catalog could not process this entity' });
  await expect(async () => {
    await page.reload();
    await expect(ancestorPanel).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(ancestorPanel).toContainText(`Its location location:default/more-of-${path.basename(dir)}`);
  await expect(ancestorPanel).toContainText('more.yaml');

  // The developer's next commit: a placeholder pointing at a missing file, and
  // old-cron dropped from the file.
  fs.writeFileSync(file, component('release-notes', '\n    $text: ./MISSING.md') + '---\n' + location);
  await page.goto('catalog/default/component/release-notes');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('status')).toContainText('Refresh scheduled');
  const panel = page.getByRole('alert').filter({ hasText: 'The catalog could not process this entity' });
  await expect(async () => {
    await page.reload();
    await expect(panel).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(panel).toContainText('This entity');
  await expect(panel).toContainText('MISSING.md');
  // What was processed last is still shown.
  await expect(page.getByRole('region', { name: 'About' })).toContainText('All the releases.');
  await expectAccessible(page);

  // old-cron is an orphan now (marked when the catalog next processes it): a
  // banner, the catalog's orphan filter, and Delete entity removes it.
  await expect(async () => {
    await page.goto('catalog/default/component/old-cron');
    await expect(page.getByText('This entity is orphaned')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
  await expectAccessible(page);
  await page.goto('catalog?orphan=true');
  await expect(page.locator('tbody tr td:first-child')).toHaveText(['old-cron']);
  await page.goto('catalog/default/component/old-cron');
  await page.getByRole('button', { name: 'Delete entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this entity?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Delete entity' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete entity' }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await page.goto('catalog/default/component/old-cron');
  await expect(page.getByRole('heading', { level: 1, name: 'Entity not found' })).toBeVisible();

  // Put the catalog back.
  fs.writeFileSync(file, component('release-notes', 'All the releases.'));
  fs.writeFileSync(path.join(dir, 'more.yaml'), '');
  await page.goto('catalog/default/component/release-notes');
  await page.getByRole('button', { name: 'Unregister entity' }).click();
  const unregisterDialog = page.getByRole('dialog', { name: 'Unregister this entity?' });
  await unregisterDialog.getByRole('button', { name: 'Unregister location' }).click();
  await expect(page).toHaveURL(/\/catalog$/);
});

test('an entity from the configuration can only be deleted, and Escape closes the dialog', async ({ page }) => {
  await signInAsGuest(page, 'catalog/default/component/ledger-service');
  await page.getByRole('button', { name: 'Unregister entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unregister this entity?' });
  await expect(dialog).toContainText(/comes from the backend's own configuration \(file:.*components\.yaml\)/);
  await expect(dialog.getByRole('button', { name: 'Unregister location' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Delete entity' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Unregister entity' })).toBeFocused();
});

test('validate entity YAML: each document at its lines, kept over a reload, by keyboard', async ({ page }) => {
  await signInAsGuest(page, 'catalog-import');
  await page.getByRole('link', { name: 'Validate entity YAML' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Validate entity YAML' })).toBeVisible();
  const box = page.getByRole('textbox', { name: /Entity YAML/ });
  const text = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: good-one',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: team-web',
    '---',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: Bad Name!',
    'spec:',
    '  lifecycle: production',
    '  owner: team-web',
    '---',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Widget',
    'metadata:',
    '  name: odd-one',
    '---',
    '- just a list',
  ].join('\n');
  await box.fill(text);
  await page.reload();
  await expect(box).toHaveValue(text);

  await box.focus();
  await page.keyboard.press('Tab'); // to Validate
  await expect(page.getByRole('button', { name: 'Validate' })).toBeFocused();
  await page.keyboard.press('Enter');
  const docs = page.getByRole('list', { name: 'Documents' }).locator(':scope > li');
  await expect(docs).toHaveCount(4);
  await expect(docs.nth(0)).toContainText('component:default/good-one · line 1 · Valid');
  await expect(docs.nth(1)).toContainText('component:default/Bad Name! · line 9 · 1 problem');
  await expect(docs.nth(1)).toContainText(/metadata\.name: "metadata\.name" is not valid;/);
  await expect(docs.nth(1).getByRole('button', { name: 'Go to line 13' })).toBeVisible();
  await expect(docs.nth(2)).toContainText('widget:default/odd-one');
  await expect(docs.nth(2)).toContainText('No processor recognized');
  await expect(docs.nth(3)).toContainText('not an entity');
  await expectAccessible(page);

  // Fixing the name shows the next problem, at its line.
  await box.fill(text.replace('Bad Name!', 'bad-name'));
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(docs.nth(1)).toContainText(/spec\.type: \/spec must have required property 'type'/);
  await docs.nth(1).getByRole('button', { name: 'Go to line 14' }).click();
  await expect(box).toBeFocused();
  const caretLine = await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length);
  expect(caretLine).toBe(14);

  // Broken YAML: the documents before it are checked, and where it broke is named.
  await box.fill('kind: Component\nmetadata: {name: x}\n---\nkind: [oops\n');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The YAML could not be read past line' })).toBeVisible();
});
