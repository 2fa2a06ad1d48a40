import { test, expect, type Page } from '@playwright/test';
import { expectAccessible, signInAsGuest, failOnDialogs } from './helpers';

test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

async function next(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

test('new-service: every step, review, create, and the task runs to its output @subpath', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page, 'create');
  await page.getByRole('link', { name: 'Choose New backend service' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 4: Describe the service' })).toBeVisible();
  // ui:autofocus puts the cursor in the name field.
  await expect(page.getByLabel('Name')).toBeFocused();

  // Next is blocked until the step is valid; errors say what is wrong.
  await next(page);
  await expect(page.getByText('Name is required.')).toBeVisible();
  await expect(page.getByText('Owner is required.')).toBeVisible();
  await page.getByLabel('Name').fill('Bad Name');
  await page.getByLabel('Name').blur();
  await expect(page.getByText('Name does not have the expected form (pattern ^[a-z][a-z0-9-]{2,40}$).')).toBeVisible();
  await page.getByLabel('Name').fill('orders-api');
  await page.getByLabel('Description').fill('Takes orders.');
  // The owner picker searches the catalog as the user types.
  await page.getByLabel('Owner').fill('team-pay');
  await page.getByRole('button', { name: /Payments Team \(group:default\/team-payments\)/ }).click();
  await expect(page.getByLabel('Owner')).toHaveValue('group:default/team-payments');
  await next(page);

  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 4: Choose the stack' })).toBeVisible();
  // Defaults are filled in.
  await expect(page.getByLabel('Language').locator('option:checked')).toHaveText('Go');
  await page.getByLabel('Language').selectOption({ label: 'Rust' });
  // The conditional field appears only with a database.
  await expect(page.getByLabel('Database name')).toHaveCount(0);
  await page.getByLabel('Needs a database').check();
  await next(page);
  await expect(page.getByText('Database name is required.')).toBeVisible();
  await page.getByLabel('Database name').fill('orders');
  await page.getByLabel('System').fill('check');
  await page.getByRole('button', { name: /system:default\/checkout/ }).click();
  await page.getByRole('button', { name: 'Add to Tags' }).click();
  await page.getByRole('textbox', { name: 'Tags 1' }).fill('rust');
  await next(page);

  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 4: Deployment credentials' })).toBeVisible();
  await page.getByLabel('Deploy token').fill('s3cret-token');
  await next(page);

  await expect(page.getByRole('heading', { level: 2, name: 'Step 4 of 4: Review' })).toBeVisible();
  const review = page.locator('.review');
  await expect(review.first()).toContainText('orders-api');
  await expect(page.getByText('Rust', { exact: true })).toBeVisible();
  await expect(page.getByText('******')).toBeVisible();
  await expect(page.getByText('s3cret-token')).toHaveCount(0);
  // The secret is never stored.
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, sessionStorage, localStorage)));
  expect(stored).toContain('orders-api');
  expect(stored).not.toContain('s3cret-token');

  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/scaffolder/v2/tasks'));
  await page.getByRole('button', { name: 'Create' }).click();
  const body = (await posted).postDataJSON();
  expect(body.templateRef).toBe('template:default/new-service');
  expect(body.values).toMatchObject({ name: 'orders-api', owner: 'group:default/team-payments', language: 'rust', hasDatabase: true, databaseName: 'orders', system: 'system:default/checkout', tags: ['rust'] });
  expect(body.values.deployToken).toBeUndefined();
  expect(body.secrets).toEqual({ deployToken: 's3cret-token' });

  await expect(page).toHaveURL(/\/create\/tasks\/[0-9a-f-]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.task-log')).toContainText('Created orders-api for group:default/team-payments (database: orders)');
  await expect(page.getByRole('navigation', { name: 'Task steps' }).locator('.status-completed')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Next steps' })).toBeVisible();
  await page.getByRole('region', { name: 'Output' }).getByRole('link', { name: 'Owner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Payments team|team-payments/ })).toBeVisible();
});
