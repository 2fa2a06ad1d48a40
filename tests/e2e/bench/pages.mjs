// The pages the network benchmarks open cold (network-bench.mjs,
// alternate-bench.mjs).
// What "first content" means on each page: what a user waits for.
export const PAGES = [
  { name: 'catalog, first row', path: 'catalog', shows: { css: 'tbody tr' }, ready: (p) => p.locator('tbody tr').first().waitFor() },
  {
    name: 'entity page',
    path: 'catalog/default/component/checkout-service',
    shows: { css: 'h1', text: 'checkout-service' },
    ready: (p) => p.getByRole('heading', { level: 1, name: 'checkout-service' }).waitFor(),
  },
  {
    name: 'wizard, first field',
    path: 'create/templates/default/new-library',
    shows: { css: 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea' },
    ready: (p) => p.getByRole('textbox').first().waitFor(),
  },
  {
    name: 'docs page content',
    path: 'docs/default/component/checkout-service/architecture/',
    shows: { css: '.docs-content h1' },
    ready: (p) => p.locator('.docs-content h1').first().waitFor(),
  },
];
