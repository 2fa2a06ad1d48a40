// A UI that knows what the user may do, against the "guarded" fixture backend
// (127.0.0.1:7008, tests/backstage/guarded-policy.js): its real permission
// policy denies guests registering, unregistering, deleting and running one
// template (hidden from them), denies Carol running any template, and lets
// other users signed in through the OpenID Connect provider do all of it. The
// portal asks POST /api/permission/authorize before offering an action.
import { test, expect } from './fixtures';
import { expectAccessible, serveConfig, signInWithProvider } from './helpers';

const GUARDED = 'http://127.0.0.1:7008';
const REPOS = 'http://127.0.0.1:7102';

test.beforeEach(async ({ page }) => {
  await serveConfig(page, JSON.stringify({
    app: { title: 'Stagedoor demo' },
    backend: { baseUrl: GUARDED },
    auth: { providers: [{ id: 'oidc', title: 'Acme SSO' }, 'guest'] },
  }));
});

test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

test('a guest is told what the policy denies, and the actions are disabled', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url() === `${GUARDED}/api/permission/authorize`) asked.push(r.postData() ?? ''); });
  await page.goto('catalog-import');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are not allowed to register entities in this catalog' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeDisabled();
  // What was typed stays.
  await page.getByRole('textbox', { name: /URL of a catalog-info.yaml file/ }).fill(`${REPOS}/billing-worker/catalog-info.yaml`);
  await expect(page.getByRole('textbox', { name: /URL of a catalog-info.yaml file/ })).toHaveValue(`${REPOS}/billing-worker/catalog-info.yaml`);
  await expectAccessible(page);

  await page.goto('catalog/default/component/checkout-service');
  await expect(page.getByRole('heading', { level: 1, name: 'checkout-service' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unregister entity' })).toBeDisabled();
  await expect(page.getByText('You are not allowed to unregister or delete entities')).toBeVisible();
  // The entity page's three questions went in one request.
  expect(asked.some((body) => ['catalog.entity.delete', 'catalog.location.delete', 'catalog.entity.refresh'].every((n) => body.includes(n)))).toBe(true);
  await expectAccessible(page);

  // Guests may run templates, but not the staff-only one: the catalog does not
  // show it to them, so neither the list nor its wizard offers it.
  await page.goto('create');
  await expect(page.getByRole('heading', { name: 'Shared library' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New backend service' })).toHaveCount(0);
  await page.goto('create/templates/default/new-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Template not found' })).toBeVisible();
  await expect(page.getByText(/There is no template "new-service" in namespace "default" that you may use/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Choose another template' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('create/templates/default/new-library');
  await expect(page.getByRole('textbox', { name: /Name/ }).first()).toBeVisible();
  await expect(page.getByText('You are not allowed to run templates')).toHaveCount(0);
});

test('a form step the policy hides from guests is named in the editor, whose dry run it then blocks', async ({ page }) => {
  // The everything-form template tags its "Catalog pickers" step staff-only; the
  // guarded policy answers scaffolder.template.parameter.read for guests with
  // "not tagged staff-only", so the scaffolder serves them the form without it.
  await page.goto('create/templates/default/everything-form');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  const stepper = page.getByRole('list', { name: 'Steps', exact: true });
  await expect(stepper).toContainText('Lists and choices');
  await expect(stepper).not.toContainText('Catalog pickers');

  await page.goto('create/edit?template=default/everything-form');
  const notice = page.getByRole('region', { name: 'Form preview' }).getByText(/hides the form step “Catalog pickers” of this template from you/);
  await expect(notice).toContainText('scaffolder.template.parameter.read');
  await expect(page.locator('#dry-run-hidden')).toContainText('you may not dry-run the template');
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeDisabled();
  // The author still sees every step as written.
  await expect(page.getByRole('list', { name: 'Steps of the previewed form' })).toContainText('Catalog pickers');

  // A template with no hidden step says nothing of the kind, and may be dry-run.
  await page.goto('create/edit?template=default/new-library');
  await expect(page.getByRole('region', { name: 'Form preview' }).getByRole('heading', { name: 'Shared library' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeEnabled();
  await expect(page.getByText(/hides the form step/)).toHaveCount(0);
});

test('a reviewer the policy denies running templates is told so at Create', async ({ page }) => {
  await page.goto('create/templates/default/new-library');
  await signInWithProvider(page, 'carol@acme.example', 'carol-secret');
  await expect(page.getByText('You are not allowed to run templates')).toBeVisible();
  // She may still fill in the form (to review it, or hand it on as a link).
  await page.getByRole('textbox', { name: /Name/ }).first().fill('reviewed-lib');
  await expect(page.getByRole('textbox', { name: /Name/ }).first()).toHaveValue('reviewed-lib');
});

test('a reviewer the policy denies running templates cannot dry-run one in the editor, and is told why', async ({ page }) => {
  await page.goto('create/edit');
  await signInWithProvider(page, 'carol@acme.example', 'carol-secret');
  await page.getByRole('button', { name: 'Start from a blank template' }).click();
  await expect(page.getByText('You are not allowed to dry-run templates')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeDisabled();
  // She can still edit the template and see its form.
  await expect(page.getByRole('region', { name: 'Form preview' }).getByRole('textbox', { name: /^Name/ })).toBeVisible();
});

test('a signed-in user may register and unregister on the same backend', async ({ page }) => {
  await page.goto('catalog-import');
  await signInWithProvider(page, 'alice@acme.example', 'alice-secret');
  await expect(page.getByRole('button', { name: /Signed in as/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
  await expect(page.getByText('You are not allowed')).toHaveCount(0);
  await page.getByRole('textbox', { name: /URL of a catalog-info.yaml file/ }).fill(`${REPOS}/billing-worker/catalog-info.yaml`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await page.getByRole('button', { name: 'Import' }).click();
  const item = page.getByRole('list', { name: 'Entities' }).getByRole('listitem');
  await expect(item).toContainText('in the catalog', { timeout: 30_000 });
  await item.getByRole('link', { name: 'billing-worker' }).click();
  await page.getByRole('button', { name: 'Unregister entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unregister this entity?' });
  await dialog.getByRole('button', { name: 'Unregister location' }).click();
  await expect(page).toHaveURL(/\/catalog$/);

  await page.goto('create/templates/default/new-service');
  await expect(page.getByRole('heading', { level: 1, name: 'New backend service' })).toBeVisible();
  await expect(page.getByText('You are not allowed to run templates')).toHaveCount(0);
});
