/**
 * Chromium leg of the Ed25519 rule: the same cases as test/core/ed25519/verdicts.test.ts, run
 * in the browser through the noble and WebCrypto (BoringSSL) backends, must give libsodium's
 * verdicts (computed here in Node).
 */
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { HarnessCase, HarnessResult } from '../browser/ed25519-harness.js';
import { generatedCases, type VerdictCase } from '../core/ed25519/cases.js';
import { libsodiumVerdicts } from '../core/ed25519/libsodium.js';
import { vectorCases } from '../core/ed25519/vectors.js';
import { serveBundle, type ServedBundle } from './support/serve-bundle.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../browser/ed25519-harness.ts', import.meta.url));

let served: ServedBundle | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  served = await serveBundle(entry, root);
});

test.afterAll(async () => {
  await served?.close();
});

test('Chromium gives libsodium verdicts on every Ed25519 case, with noble, with WebCrypto and through the Web Worker pool', async ({ page }) => {
  test.setTimeout(180_000);
  const cases: readonly VerdictCase[] = [...vectorCases(), ...generatedCases()];
  const reference = await libsodiumVerdicts(cases);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(served?.url ?? 'about:blank');
  await page.waitForFunction(() => window.clawproofEd25519Harness !== undefined);
  const input: HarnessCase[] = cases.map(({ id, publicKey, message, signature }) => ({ id, publicKey, message, signature }));
  const result: HarnessResult = await page.evaluate((cs) => window.clawproofEd25519Harness!.run(cs), input);

  expect(pageErrors).toEqual([]);
  expect(result.webCryptoSupported, `WebCrypto Ed25519 in ${result.userAgent}`).toBe(true);
  expect(result.defaultBackend).toBe('webcrypto');
  expect(result.verdicts.map((v) => v.id)).toEqual(cases.map((c) => c.id));

  // The pool's workers really answered (a pool whose workers cannot start answers on the page's thread).
  expect(result.poolAnswered.here).toBe(0);
  expect(result.poolAnswered.byWorkers).toBeGreaterThan(0);
  for (const backend of ['noble', 'webcrypto', 'pool'] as const) {
    const verdicts = result.verdicts.map((v) => v[backend]);
    const wrong = cases.flatMap((c, i) => (verdicts[i] === reference[i] ? [] : [`${c.id}: ${verdicts[i]}`]));
    expect(wrong, `${backend} verdicts that differ from libsodium`).toEqual([]);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  }

  // Where the raw backends (no pre-checks) differ from libsodium: recorded for the spec text.
  const rawDisagreements = Object.fromEntries(
    (['nobleRaw', 'webcryptoRaw'] as const).map((raw) => [
      raw,
      cases.flatMap((c, i) => (result.verdicts[i]?.[raw] === reference[i] ? [] : [c.id])),
    ]),
  );
  await test.info().attach('raw-backend-disagreements.json', {
    body: JSON.stringify({ userAgent: result.userAgent, ...rawDisagreements }, null, 2),
    contentType: 'application/json',
  });
});
