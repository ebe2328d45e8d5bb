import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// CLAWPROOF_E2E_PORT lets two checkouts run their browser tests side by side without sharing a server.
const PORT = Number(process.env['CLAWPROOF_E2E_PORT'] ?? '') || 4317;
const BASE_URL = `http://127.0.0.1:${PORT}/`;

/**
 * Which Chromium runs the tests: $CLAWPROOF_CHROMIUM if set, else Debian's /usr/bin/chromium when
 * present (CI), else Playwright's own download (`npx playwright install chromium`).
 */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CLAWPROOF_CHROMIUM'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const isCI = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : 2,
  reporter: isCI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  // The built app, served by the same command users run (`npm start` builds first).
  webServer: {
    command: `node bin/clawproof.js serve --port ${PORT}`,
    url: BASE_URL,
    reuseExistingServer: !isCI,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
