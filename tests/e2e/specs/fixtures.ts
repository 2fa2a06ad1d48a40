import { test as base, expect } from '@playwright/test';

/**
 * Every spec's `test`: fails any test whose page hit a Rust panic (the portal
 * would show its "Something went wrong" page), so no tested path reaches it, or
 * broke the Content-Security-Policy the test servers send.
 */
export const test = base.extend<{ noPanic: void }>({
  noPanic: [
    async ({ page }, use) => {
      const panics: string[] = [];
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && m.text().includes('panicked at')) panics.push(m.text());
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      await use();
      expect(panics, 'a Rust panic in the portal').toEqual([]);
      expect(blocked, 'something the Content-Security-Policy refused').toEqual([]);
      expect(await page.locator('.panic-page').count(), 'the panic page is showing').toBe(0);
    },
    { auto: true },
  ],
});
export { expect };
