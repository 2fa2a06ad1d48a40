import { defineConfig } from '@playwright/test';

// The services (Backstage backend on 7007, nginx on 8090 and 8091) are started by
// scripts/test.sh before Playwright runs and stopped after it.
const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumFlags },
    trace: 'off',
  },
  projects: [
    { name: 'root', use: { baseURL: 'http://127.0.0.1:8090/' }, testIgnore: /manage\.spec/ },
    // Both under the strict Content-Security-Policy (base pinned at deploy time).
    // The same build under a sub-path: the sign-in and navigation tests again.
    { name: 'portal', use: { baseURL: 'http://127.0.0.1:8091/portal/' }, grep: /@subpath/ },
    // dist/ as built, finding its sub-path by itself (no CSP).
    { name: 'portal-as-built', use: { baseURL: 'http://127.0.0.1:8092/portal/' }, grep: /@subpath/ },
    // Tests that change the catalog (register, unregister, delete) run last, so the
    // read-only tests above always see the fixture catalog as it is written.
    {
      name: 'manage',
      use: { baseURL: 'http://127.0.0.1:8090/' },
      testMatch: /manage\.spec/,
      dependencies: ['root', 'portal', 'portal-as-built'],
    },
  ],
});
