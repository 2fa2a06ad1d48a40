import { test, expect } from './fixtures';
import { expectAccessible, signInAsGuest } from './helpers';

test('Ctrl-K opens the quick switcher; arrows, Enter and Esc drive it; recent choices come first @core', async ({ page }) => {
  await signInAsGuest(page, 'catalog');
  const searchBox = page.getByRole('searchbox').first();
  await searchBox.focus();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
  const box = dialog.getByRole('combobox', { name: 'Go to an entity, template or docs page' });
  await expect(box).toBeFocused();
  await expectAccessible(page);

  await page.keyboard.type('ledger');
  const options = dialog.getByRole('option');
  await expect(options.filter({ hasText: 'ledger-service' })).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(/\d+ results/);
  // Tab stays in the dialog.
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  // Arrow to ledger-service, then Enter.
  for (let i = 0; i < 5; i++) {
    if ((await options.filter({ hasText: 'ledger-service' }).getAttribute('aria-selected')) === 'true') break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(options.filter({ hasText: 'ledger-service' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/catalog\/default\/component\/ledger-service$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ledger-service' })).toBeVisible();

  // Reopened: the recent choice is listed before typing; Esc closes.
  await page.keyboard.press('Control+k');
  await expect(dialog.getByRole('option').first()).toContainText('ledger-service');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Templates open their wizard.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('New backend');
  await expect(dialog.getByRole('option').filter({ hasText: 'New backend service' })).toBeVisible();
  await dialog.getByRole('option').filter({ hasText: 'New backend service' }).click();
  await expect(page).toHaveURL(/create\/templates\/default\//);
});
