import { test, expect } from './fixtures';
import type { Page, APIRequestContext } from '@playwright/test';
import { BACKEND, expectAccessible, signInAsGuest } from './helpers';

test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

const everything = (extra: Record<string, unknown> = {}) =>
  'create/templates/default/everything-form?formData=' +
  encodeURIComponent(JSON.stringify({ component_id: 'task-test', kind: 'web', replicas: 1, owner: 'group:default/team-web', ...extra }));

/** Fills nothing: the formData link did; steps through to Create and returns the task id. */
async function createFromLink(page: Page, link: string) {
  await page.goto(link);
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${i} of 4`) })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: /Review/ })).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/create\/tasks\/[0-9a-f-]+$/);
  return page.url().split('/').pop()!;
}

/** The task's log messages as the backend stores them. */
async function backendLog(request: APIRequestContext, id: string) {
  const auth = await (await request.get(`${BACKEND}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json();
  const events = await (await request.get(`${BACKEND}/api/scaffolder/v2/tasks/${id}/events`, { headers: { Authorization: `Bearer ${auth.backstageIdentity.token}` } })).json();
  // eslint-disable-next-line no-control-regex
  return events.map((e: any) => String(e.body.message ?? '').replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''));
}

async function shownLog(page: Page) {
  const text = await page.locator('.task-log').innerText();
  return text.split('\n').filter((l) => l !== '');
}

test('a cut event stream resumes after the last event: no line lost, none doubled @core', async ({ page, request }) => {
  await signInAsGuest(page, 'create');
  let streams = 0;
  let lastDelivered = '';
  await page.route('**/eventstream*', async (route) => {
    streams += 1;
    if (streams > 1) return route.continue();
    // The first stream is cut after three events (the real backend's events).
    const resp = await route.fetch();
    const text = await resp.text();
    const events = text.split('\n\n').slice(0, 3);
    lastDelivered = JSON.parse(events[2].split('data: ')[1]).id;
    const cut = events.join('\n\n') + '\n\n';
    await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: cut });
  });
  const resumed = page.waitForRequest((r) => r.url().includes('/eventstream?after='));
  const id = await createFromLink(page, everything());
  expect(new URL((await resumed).url()).searchParams.get('after')).toBe(String(lastDelivered));
  await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible({ timeout: 30_000 });
  const expected = (await backendLog(request, id)).flatMap((m: string) => m.split('\n')).filter((l: string) => l !== '');
  expect(await shownLog(page)).toEqual(expected);
});

test('when streaming keeps failing the log comes through the long-poll call', async ({ page, request }) => {
  await signInAsGuest(page, 'create');
  await page.route('**/eventstream*', (route) => route.abort('connectionreset'));
  const id = await createFromLink(page, everything());
  await expect(page.getByText(/The connection to the task's log was interrupted/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible({ timeout: 30_000 });
  const expected = (await backendLog(request, id)).flatMap((m: string) => m.split('\n')).filter((l: string) => l !== '');
  expect(await shownLog(page)).toEqual(expected);
  // A finished task's page replays its whole log.
  await page.unroute('**/eventstream*');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
  expect(await shownLog(page)).toEqual(expected);
  // Per-step view.
  await page.getByRole('button', { name: 'Report the values' }).click();
  await expect(page.locator('.task-log')).toContainText('Component task-test owned by group:default/team-web');
  await expect(page.locator('.task-log')).not.toContainText('Finished task-test');
});

test('a failed task says why, and Retry runs it again @core', async ({ page }) => {
  await signInAsGuest(page, 'create');
  await createFromLink(page, everything({ failOnPurpose: true }));
  await expect(page.getByRole('status').filter({ hasText: /^Failed: / })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Task steps' }).locator('.status-failed')).toHaveCount(1);
  const retried = page.waitForRequest((r) => r.method() === 'POST' && /\/v2\/tasks\/[^/]+\/retry$/.test(r.url()));
  await page.getByRole('button', { name: 'Retry' }).click();
  await retried;
  await expect(page.getByRole('status').filter({ hasText: /^Failed: / })).toBeVisible({ timeout: 30_000 });
});

test('cancel a running task; start over re-opens the wizard with its values @core', async ({ page }) => {
  await signInAsGuest(page, 'create');
  await createFromLink(page, everything({ component_id: 'to-cancel' }));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Every form feature' })).toBeVisible();
  await expect(page.getByLabel('Component name')).toHaveValue('to-cancel');
});

test('tasks list, installed actions and the template list filters @core', async ({ page }) => {
  await signInAsGuest(page, 'create');
  const id = await createFromLink(page, everything({ component_id: 'listed' }));
  await page.goto('create/tasks');
  await expect(page.getByRole('link', { name: id })).toBeVisible();
  await page.getByRole('button', { name: 'All tasks' }).click();
  await expect(page).toHaveURL(/create\/tasks\?owner=all$/);
  await expect(page.getByRole('link', { name: id })).toBeVisible();

  await page.goto('create/actions');
  const fetchTemplate = page.locator('#action-fetch\\:template');
  await expect(fetchTemplate.getByRole('heading', { name: 'fetch:template' })).toBeVisible();
  await expect(fetchTemplate.getByRole('table', { name: 'Inputs of fetch:template' }).getByRole('row', { name: /^url / })).toBeVisible();
  await page.getByLabel('Filter actions').fill('debug:');
  await expect(page.locator('.action-card')).toHaveCount(2);

  await page.goto('create');
  const cards = page.getByRole('list', { name: 'Templates' }).getByRole('heading', { level: 2 });
  await expect(cards).toHaveText(['Documentation site', 'Every form feature', 'Navigation menu', 'Shared library', 'New backend service']);
  await page.getByLabel('Filter by name').fill('library');
  await expect(cards).toHaveText(['Shared library']);
  await expect(page).toHaveURL(/q=library/);
  await page.getByLabel('Filter by name').fill('');
  await expect(cards).toHaveCount(5);
  await page.getByRole('group', { name: 'Tags' }).getByLabel('forms').check();
  await expect(cards).toHaveText(['Every form feature']);
  // The hostile description and link are inert.
  await expect(page.getByText('<img src=x onerror="window.__xss=1">', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hostile link' })).toHaveCount(0);
  await page.getByRole('group', { name: 'Tags' }).getByLabel('forms').uncheck();
  await page.getByRole('group', { name: 'Type' }).getByLabel('documentation').check();
  await expect(cards).toHaveText(['Documentation site']);
  await page.getByRole('button', { name: 'Star Documentation site' }).click();
  await page.getByRole('group', { name: 'Type' }).getByLabel('documentation').uncheck();
  await page.getByLabel('Starred').check();
  await expect(cards).toHaveText(['Documentation site']);
  await page.getByRole('link', { name: 'Choose Documentation site' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation site' })).toBeVisible();
});
