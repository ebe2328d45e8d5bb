import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClawproofDb } from '../../src/store/db.js';
import { isStoreError } from '../../src/store/errors.js';
import { deleteBundle } from '../../src/store/bundles.js';
import { splitReport } from '../../src/store/report-parts.js';
import { createStore, type Store } from '../../src/store/store.js';
import type { Verifier } from '../../src/store/verifier.js';
import { VERIFIER_VERSION } from '../../src/verify/version.js';
import type { Report } from '../../src/verify/report.js';
import { grown, smallReport } from './report-fixture.js';
import { DEMO_ROOT, makeBundle, openTestDb } from './support.js';

let db: ClawproofDb;
afterEach(() => db?.close());

let large: Report;
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await makeBundle(1, 3);
  large = grown(await smallReport(), { tickets: 250, timeline: 1_201, evidence: 1_234 });
});

/** Hands out `large` (a real report, repeated to 250 tickets) for any bundle. */
const largeVerifier: Verifier = {
  version: VERIFIER_VERSION,
  verify: async () => ({ report: splitReport(large), token: null }),
};

async function storeWithReport(): Promise<{ store: Store; hash: `sha256:${string}` }> {
  db = openTestDb();
  const store = createStore(db, largeVerifier);
  await store.installTrustRoot(DEMO_ROOT, { builtIn: true });
  const first = await store.verifyAndCache(bytes, { source: 'opened' });
  expect(first.storeError).toBeNull();
  return { store, hash: first.bundleHash };
}

const pageKey = (hash: string, part: string, index: number) => [hash, large.trustRoot.hash, VERIFIER_VERSION, part, index] as [never, never, string, string, number];

describe('a report stored in pages', () => {
  it('stores the head apart from one row per page, and no whole report anywhere', async () => {
    const { hash } = await storeWithReport();
    const row = await db.reports.get([hash, large.trustRoot.hash, VERIFIER_VERSION]);
    expect(row).not.toHaveProperty('report');
    expect(row?.outline.tickets).toBe(250);
    expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(large).length / 5);
    expect(await db.reportPages.where('bundleHash').equals(hash).count()).toBe(3 + 3 + 3);
  });

  it('reopens from the head alone, then reads each page by its index, exactly as verified', async () => {
    const { store, hash } = await storeWithReport();
    const reopened = await store.verifyStored(hash);
    expect(reopened.fromCache).toBe(true);
    expect(reopened.report.verdict).toBe(large.verdict);
    expect(reopened.lazy.outline.ticketIds).toEqual(large.tickets.map((t) => t.ticketId));
    expect(await reopened.lazy.page('tickets', 2)).toEqual({ ok: true, items: large.tickets.slice(200) });
    expect(await reopened.lazy.page('timeline', 1)).toEqual({ ok: true, items: large.timeline.slice(500, 1000) });
    expect(await reopened.lazy.page('evidence/0', 0)).toEqual({ ok: true, items: large.checks[0]!.evidence.slice(0, 500) });
    expect(await reopened.lazy.full()).toEqual(large);
  });

  it('reports a damaged or missing page as damaged, and the other pages still read', async () => {
    const { store, hash } = await storeWithReport();
    const key = pageKey(hash, 'tickets', 1);
    await db.reportPages.put({ ...(await db.reportPages.get(key))!, items: [{ ticketId: 'seven' }] });
    await db.reportPages.delete(pageKey(hash, 'timeline', 2));
    const lazy = (await store.verifyStored(hash)).lazy;

    const damaged = await lazy.page('tickets', 1);
    expect(damaged.ok).toBe(false);
    expect(!damaged.ok && damaged.problem).toMatch(/^page 2 of tickets: items\.0\.ticketId: /);
    expect(await lazy.page('timeline', 2)).toEqual({ ok: false, problem: 'page 3 of timeline: it is missing' });
    expect(await lazy.page('tickets', 0)).toEqual({ ok: true, items: large.tickets.slice(0, 100) });
    const whole = await lazy.full().catch((cause: unknown) => cause);
    expect(isStoreError(whole) && whole.code).toBe('STORE_CORRUPT');
  });

  it('rejects a page cut short or padded: it must hold what its index says', async () => {
    const { store, hash } = await storeWithReport();
    const last = await db.reportPages.get(pageKey(hash, 'tickets', 2));
    await db.reportPages.put({ ...last!, items: last!.items.slice(0, 10) });
    const read = await (await store.verifyStored(hash)).lazy.page('tickets', 2);
    expect(read).toEqual({ ok: false, problem: 'page 3 of tickets: the page holds 10 items, not 50' });
  });

  it('replaces every page when a report is stored again, and deletes them with the bundle', async () => {
    const { store, hash } = await storeWithReport();
    // A damaged head makes the next open verify again and store afresh.
    const key = [hash, large.trustRoot.hash, VERIFIER_VERSION] as [never, never, string];
    await db.reportPages.put({ ...(await db.reportPages.get(pageKey(hash, 'tickets', 0)))!, index: 9 });
    await db.reports.put({ ...(await db.reports.get(key))!, head: null as never });
    const again = await store.verifyAndCache(bytes, { source: 'opened' });
    expect(again.fromCache).toBe(false);
    expect(await db.reportPages.get(pageKey(hash, 'tickets', 9))).toBeUndefined();
    expect(await db.reportPages.where('bundleHash').equals(hash).count()).toBe(9);

    await deleteBundle(db, hash);
    expect(await db.reportPages.count()).toBe(0);
    expect(await db.reports.count()).toBe(0);
  });
});
