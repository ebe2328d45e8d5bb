/**
 * The screenshots of docs/screenshots/ (npm run screenshots): the Verify view for a good and a
 * tampered demo bundle, at 1024x768 and 1440x900, as a user sees them right after verifying.
 * The built app (npm run build first) is served by the same command users run, and shot with
 * the Chromium the browser tests use. Deterministic: fixed viewports, fixed fixtures, light
 * scheme, reduced motion, a fresh profile, and each shot waits for the verdict.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const ROOT = process.cwd();
const OUT = join(ROOT, 'docs', 'screenshots');
const PORT = Number(process.env['CLAWPROOF_SCREENSHOT_PORT'] ?? '') || 4391;
const BASE = `http://127.0.0.1:${PORT}/`;

const SHOTS = [
  { name: 'verify-valid', bundle: 'auto-assign-approved.clawproof', verdict: 'valid' },
  { name: 'verify-tampered', bundle: 'receipt-removed.clawproof', verdict: 'invalid' },
] as const;

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** Same choice as playwright.config.ts: $CLAWPROOF_CHROMIUM, else Debian's, else Playwright's own. */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CLAWPROOF_CHROMIUM'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function serve(): Promise<ChildProcess> {
  if (!existsSync(join(ROOT, 'dist', 'app', 'index.html'))) throw new Error('dist/app is missing: run `npm run build` first.');
  const server = spawn(process.execPath, ['bin/clawproof.js', 'serve', '--port', String(PORT)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`clawproof serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`clawproof serve did not answer on ${BASE} within 30 s`);
}

async function shoot(browser: Browser, shot: (typeof SHOTS)[number], viewport: (typeof VIEWPORTS)[number]): Promise<string> {
  // A new context each time: an empty library, so every shot starts from the same page.
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}#/verify`);
    await page.getByRole('region', { name: 'Or try a demo bundle' }).getByRole('button', { name: new RegExp(`^${shot.bundle.replace(/\./g, '\\.')}`) }).click();
    const banner = page.locator(`[data-verdict="${shot.verdict}"]`);
    await banner.waitFor({ state: 'visible', timeout: 60_000 });
    // No caret, no transition caught half way, the page scrolled as verifying left it.
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = join(OUT, `${shot.name}-${viewport.width}x${viewport.height}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    return file;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await serve();
  let browser: Browser | undefined;
  try {
    const executablePath = chromiumExecutable();
    browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
    for (const shot of SHOTS) {
      for (const viewport of VIEWPORTS) console.log(`wrote ${await shoot(browser, shot, viewport)}`);
    }
  } finally {
    await browser?.close();
    server.kill();
  }
}

await main();
