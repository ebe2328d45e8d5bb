/**
 * The browser half of `npm run bench` (`--only browser`): the built app in Chromium, served by
 * `clawproof serve` as users run it, opens each bench bundle through its file input and this
 * prints, per size:
 *  - time to verdict (file chosen -> verdict banner shown), with the longest main-thread task
 *    the page saw meanwhile (PerformanceObserver 'longtask');
 *  - the cached reopen: a reload of the bundle's own address until the banner shows again, and
 *    within it the time from the Verify view opening the stored bundle (mark
 *    `clawproof:open-stored`), and from the library being open (`clawproof:library-ready`), to
 *    the verdict being in the page;
 *  - the same reopen, then scrolling the ticket list to its end (later diffs paged in), with the
 *    longest task while scrolling;
 *  - a baseline in the same browser: WebCrypto Ed25519 verifications of every signature of the
 *    bundle (v1: every DSSE envelope; v2: the WPC, the CST and every signed line), one after
 *    another, in the page, nothing else.
 * Each size is opened as format v1 and as format v2.
 * Chromium: $CLAWPROOF_CHROMIUM, else /usr/bin/chromium, else Playwright's own download.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { MAX_OPEN_BYTES } from '../src/ui/lib/files.js';

export interface BrowserBenchBundle {
  readonly size: number;
  readonly path: string;
  /** "format v1", "format v2". */
  readonly label: string;
}

const PORT = Number(process.env['CLAWPROOF_BENCH_PORT'] ?? '') || 4391;
const BASE = `http://127.0.0.1:${PORT}/`;

function chromiumPath(): string | undefined {
  const fromEnv = process.env['CLAWPROOF_CHROMIUM'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function startServer(root: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(root, 'bin', 'clawproof.js'), 'serve', '--port', String(PORT)], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`clawproof serve did not answer on ${BASE}`);
}

/**
 * Installs, before any script of the page runs, the long-task observer and a watch for the
 * verdict banner (the time it first is in the page, on the page's clock).
 */
const LONGTASK_WATCH = `
  window.__longest = 0;
  window.__verdictAt = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-verdict]') === null) return;
    window.__verdictAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

/** From a mark VerifyView sets when it opens a stored bundle to the verdict in the page, in ms. */
async function markToVerdict(page: Page, mark: 'clawproof:open-stored' | 'clawproof:library-ready'): Promise<number | null> {
  return page.evaluate((name) => {
    const entry = performance.getEntriesByName(name)[0];
    const at = (window as unknown as { __verdictAt: number | null }).__verdictAt;
    return entry === undefined || at === null ? null : at - entry.startTime;
  }, mark);
}

async function resetLongest(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
}

/** Opens the Tickets tab and scrolls its list to the end, until the last ticket's diff summary is read. */
async function scrollTickets(page: Page): Promise<number> {
  await page.getByRole('tab', { name: /^Tickets/ }).click();
  const started = performance.now();
  await page.evaluate(async () => {
    const scroller = document.querySelector('.ticket-scroller');
    if (scroller === null) return;
    for (let i = 0; i < 400 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1; i++) {
      scroller.scrollTop += scroller.clientHeight;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
  await page.locator('[data-ticket-row]').last().filter({ hasNotText: '…' }).waitFor({ timeout: 60_000 });
  return performance.now() - started;
}

async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}

async function waitForVerdict(page: Page): Promise<void> {
  await page.locator('[data-verdict]').first().waitFor({ state: 'visible', timeout: 30 * 60_000 });
}

/** WebCrypto verify of every DSSE signature of the bundle, in the page, sequentially. */
async function webCryptoLoop(page: Page, path: string, trustRoot: string): Promise<{ ms: number; concurrentMs: number; count: number }> {
  const input = await page.evaluateHandle(() => {
    const el = document.createElement('input');
    el.type = 'file';
    el.style.display = 'none';
    document.body.append(el);
    return el;
  });
  await input.setInputFiles(path);
  return page.evaluate(
    async ({ el, root }) => {
      const file = (el as HTMLInputElement).files?.[0];
      if (file === undefined) throw new Error('no file');
      const text = await file.text();
      const trust = JSON.parse(root) as { keys: { keyid: string; publicKey: string }[] };
      const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const b64url = (s: string) => b64(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
      const keys = new Map<string, CryptoKey>();
      for (const k of trust.keys) keys.set(k.keyid, await crypto.subtle.importKey('raw', b64(k.publicKey), { name: 'Ed25519' }, false, ['verify']));
      const enc = new TextEncoder();
      const pae = (payloadType: string, payload: Uint8Array) => {
        const head = enc.encode(`DSSEv1 ${enc.encode(payloadType).length} ${payloadType} ${payload.length} `);
        const message = new Uint8Array(head.length + payload.length);
        message.set(head);
        message.set(payload, head.length);
        return message;
      };
      type Envelope = { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] };
      const envelopeJob = (e: Envelope) => ({ key: keys.get(e.signatures[0]!.keyid)!, sig: b64(e.signatures[0]!.sig), message: pae(e.payloadType, b64(e.payload)) });
      let jobs: { key: CryptoKey; sig: Uint8Array<ArrayBuffer>; message: Uint8Array<ArrayBuffer> }[];
      if (text.startsWith('{"counts":')) {
        // Format v2: the WPC envelope, the CST (JWS), and every {payload, sig} line: receipts,
        // approvals, tree heads, over PAE(type, canonical payload); a canonical line's payload
        // re-serialises to the same bytes with JSON.stringify (sorted keys kept in order).
        const lines = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
        const header = lines[0] as { keys: Record<string, string[]> };
        const types: Record<string, [string, string]> = {
          receipt: ['proxy', 'application/vnd.clawproof.receipt+json'],
          approval: ['approver', 'application/vnd.clawproof.approval+json'],
        };
        jobs = [envelopeJob(lines[1]!['envelope'] as Envelope)];
        const [h, p, sig] = (lines[2]!['token'] as string).split('.');
        const jwsKid = (JSON.parse(new TextDecoder().decode(b64url(h!))) as { kid: string }).kid;
        jobs.push({ key: keys.get(jwsKid)!, sig: b64url(sig!), message: enc.encode(`${h}.${p}`) });
        for (const line of lines) {
          const t = line['t'] as string;
          const payload = line['payload'] as Record<string, unknown> | undefined;
          if (typeof line['sig'] !== 'string' || payload === undefined) continue;
          const [role, type] = t === 'tree_head' ? [payload['service'] as string, 'application/vnd.clawproof.tree-head+json'] : types[t]!;
          const raw = b64(line['sig']);
          jobs.push({ key: keys.get(header.keys[role]![raw[0]!]!)!, sig: raw.slice(1), message: pae(type, enc.encode(JSON.stringify(payload))) });
        }
      } else {
        const bundle = JSON.parse(text) as Record<string, unknown>;
        const list = [bundle['wpc'], ...(bundle['receipts'] as unknown[]), ...(bundle['records'] as unknown[]), ...(bundle['approvals'] as unknown[]), bundle['manifest']] as Envelope[];
        jobs = list.map(envelopeJob);
      }
      const verify = async (j: (typeof jobs)[number]) => {
        if (!(await crypto.subtle.verify({ name: 'Ed25519' }, j.key, j.sig, j.message))) throw new Error('a baseline signature did not verify');
      };
      const started = performance.now();
      for (const j of jobs) await verify(j);
      const ms = performance.now() - started;
      // The same with 256 in flight, as the verifier awaits them: does WebCrypto use more than one core?
      const concurrentStarted = performance.now();
      for (let i = 0; i < jobs.length; i += 256) await Promise.all(jobs.slice(i, i + 256).map(verify));
      return { ms, concurrentMs: performance.now() - concurrentStarted, count: jobs.length };
    },
    { el: input, root: trustRoot },
  );
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export async function benchBrowser(root: string, bundles: readonly BrowserBenchBundle[]): Promise<void> {
  console.log('\nclawproof browser bench (the built app in Chromium)');
  if (!existsSync(join(root, 'dist', 'app', 'index.html')) || !existsSync(join(root, 'dist', 'lib', 'cli', 'main.js'))) {
    console.log('  skipped: the app is not built (run `npm run build` first)');
    return;
  }
  const trustRoot = readFileSync(join(root, 'fixtures', 'trust', 'demo-trust-root.json'), 'utf8');
  const server = await startServer(root);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log(`  ${browser.version()}`);
    for (const { size, path, label } of bundles) {
      const bytes = statSync(path).size;
      if (bytes > MAX_OPEN_BYTES) {
        // The page refuses the file before reading it; there is no verdict to time.
        console.log(`  ${size.toLocaleString('en-US')} receipts, ${label}: skipped, ${(bytes / 2 ** 20).toFixed(0)} MiB is over the ${MAX_OPEN_BYTES / 2 ** 20} MiB the app opens (src/ui/lib/files.ts)`);
        continue;
      }
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(LONGTASK_WATCH);
      const page = await context.newPage();
      await page.goto(`${BASE}#/verify`);
      await page.locator('input[type=file]').first().waitFor({ state: 'attached' });
      const started = performance.now();
      await page.locator('input[type=file]').first().setInputFiles(path);
      await waitForVerdict(page);
      const firstMs = performance.now() - started;
      const firstLongest = await longestTask(page);
      const address = page.url();

      if (!address.includes('/bundle/') && !address.includes('sha256')) console.log(`  note: the address after verifying is ${address}; a reload may not reopen the bundle`);
      const reopenStarted = performance.now();
      await page.reload();
      await waitForVerdict(page);
      const reopenMs = performance.now() - reopenStarted;
      const reopenLongest = await longestTask(page);
      const askedToVerdict = await markToVerdict(page, 'clawproof:open-stored');
      const readyToVerdict = await markToVerdict(page, 'clawproof:library-ready');
      await resetLongest(page);
      const scrollMs = await scrollTickets(page);
      const scrollLongest = await longestTask(page);

      const loop = await webCryptoLoop(page, path, trustRoot);
      console.log(`\n== ${size.toLocaleString('en-US')} tickets, ${label} (${(readFileSync(path).length / 1024 / 1024).toFixed(0)} MiB)`);
      console.log(`  time to verdict (file chosen -> banner)      ${seconds(firstMs).padStart(9)}  longest main-thread task ${Math.round(firstLongest)} ms (target <= 200 ms)`);
      console.log(`  cached reopen (reload of its address)         ${seconds(reopenMs).padStart(9)}  longest main-thread task ${Math.round(reopenLongest)} ms (target: verdict <= 50 ms)`);
      const ms = (value: number | null) => (value === null ? 'n/a' : seconds(value)).padStart(9);
      console.log(`    of which: view opens the bundle -> verdict ${ms(askedToVerdict)}  (opening the database at start-up included)`);
      console.log(`    of which: library open -> verdict shown   ${ms(readyToVerdict)}  (target <= 50 ms)`);
      console.log(`  tickets tab, scrolled to the last ticket    ${seconds(scrollMs).padStart(9)}  longest main-thread task ${Math.round(scrollLongest)} ms`);
      console.log(`  baseline: WebCrypto verify loop, ${loop.count.toLocaleString('en-US')} sigs ${seconds(loop.ms).padStart(9)}  ratio loop / verdict ${(loop.ms / firstMs).toFixed(3)}`);
      console.log(`  the same loop with 256 in flight             ${seconds(loop.concurrentMs).padStart(9)}  (${(loop.ms / loop.concurrentMs).toFixed(2)}x the sequential loop)`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}
