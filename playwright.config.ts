import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/e2e/support/browser';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const executablePath = findChromium();

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Playwright's API requests (\`request\`, \`context.request\`) send no Origin, and the server refuses a
    // state-changing request without one (server/http/csrf.ts). Pages send their own Origin anyway;
    // the cross-site tests open contexts without this header.
    extraHTTPHeaders: { origin: `http://127.0.0.1:${PORT}` },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /last\// },
    // The authorization matrix and the fuzzer (tests/e2e/last) run after every other spec: their
    // allowed calls really change data (an uploaded plan, new incidents, versions), which must not
    // change what the other specs find.
    { name: 'last', testMatch: /last\/.*\.spec\.ts$/, dependencies: ['chromium'] },
  ],
  webServer: {
    // Builds, then serves production on a fresh database seeded with the demo district.
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // The fuzzer signs in from many X-Forwarded-For addresses, so its failures slow only those.
      TRUSTED_PROXIES: '127.0.0.1',
      // Lets integration tokens sign requests (HMAC); tests/e2e/reports-from-other-systems.spec.ts.
      INTEGRATION_KEY_SECRET: 'e2e-integration-key-0123456789abcdef',
    },
  },
});
