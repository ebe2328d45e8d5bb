/**
 * Schema 2's upgrade on a database schema 1 created: every cached report (stored whole) becomes a
 * head row and its pages, and nothing stored is lost. fake-indexeddb, as the other store tests; the
 * same upgrade in Chromium's IndexedDB is in test/e2e/report-pages.spec.ts.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { sha256 } from '../../src/core/hash.js';
import { ClawproofDb, SCHEMA_VERSIONS } from '../../src/store/db.js';
import { storedReport } from '../../src/store/lazy-report.js';
import { createStore } from '../../src/store/store.js';
import { inThreadVerifier } from '../../src/store/in-thread-verifier.js';
import { trustRootDigest } from '../../src/core/trust-root.js';
import { VERIFIER_VERSION } from '../../src/verify/version.js';
import type { Report } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { grown, smallReport } from './report-fixture.js';
import { DEMO_ROOT, makeBundle } from './support.js';

const open: ClawproofDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

let large: Report;
let withoutCauses: Omit<Report, 'causes'>;
let tamperedCauses: Report['causes'];
beforeAll(async () => {
  large = grown(await smallReport(), { tickets: 250, timeline: 1_201, evidence: 1_234 });
  const bundle = JSON.parse(new TextDecoder().decode(await makeBundle(2))) as { tickets: { after: { status: string } }[] };
  bundle.tickets[0]!.after.status = bundle.tickets[0]!.after.status === 'open' ? 'pending' : 'open';
  const tampered = await verifyBundle(utf8Encode(JSON.stringify(bundle)), DEMO_ROOT, { seenTokens: new Map() });
  const { causes, ...rest } = tampered;
  tamperedCauses = causes;
  withoutCauses = rest;
});

const digest = (n: number) => sha256(`bundle ${n}`);

/** A database exactly as a schema-1 build left it, holding three cached reports. */
async function schemaOneDatabase(name: string, indexedDB: IDBFactory): Promise<void> {
  const old = new ClawproofDb(name, { indexedDB, IDBKeyRange }, SCHEMA_VERSIONS.slice(0, 1));
  const key = (n: number) => ({ bundleHash: digest(n), trustRootHash: trustRootDigest(DEMO_ROOT), verifierVersion: VERIFIER_VERSION, checkedAt: large.checkedAt });
  await old.table('reports').bulkPut([
    { ...key(1), verdict: large.verdict, report: large },
    { ...key(2), verdict: 'invalid', report: withoutCauses },
    { ...key(3), verdict: 'valid', report: { verdict: 'valid', checks: 'all fine' } },
  ]);
  await old.table('settings').put({ key: 'kept', value: 'yes' });
  old.close();
}

describe('the upgrade to paged reports (schema 2)', () => {
  it('turns every stored whole report into a head and pages that read back as the same report', async () => {
    const indexedDB = new IDBFactory();
    await schemaOneDatabase('upgrade-1', indexedDB);
    const db = new ClawproofDb('upgrade-1', { indexedDB, IDBKeyRange });
    open.push(db);
    await db.open();
    expect(db.verno).toBe(2);

    const store = createStore(db, inThreadVerifier());
    await store.installTrustRoot(DEMO_ROOT, { builtIn: true });
    const [first] = await store.reportsForBundle(digest(1));
    expect(first).not.toHaveProperty('report');
    expect(first?.outline).toMatchObject({ tickets: 250, timeline: 1_201, evidence: { 'evidence/0': 1_234 } });
    expect(await db.reportPages.where('bundleHash').equals(digest(1)).count()).toBe(9);

    const key = { bundleHash: digest(1), trustRootHash: first!.trustRootHash, verifierVersion: VERIFIER_VERSION };
    expect(await storedReport(db, key, first!.head, first!.outline).full()).toEqual(large);
    expect(await db.settings.get('kept')).toEqual({ key: 'kept', value: 'yes' });
  });

  it('gives a report stored before causes existed the causes of its own checks', async () => {
    const indexedDB = new IDBFactory();
    await schemaOneDatabase('upgrade-2', indexedDB);
    const db = new ClawproofDb('upgrade-2', { indexedDB, IDBKeyRange });
    open.push(db);
    const [second] = await createStore(db, inThreadVerifier()).reportsForBundle(digest(2));
    expect(second?.head.causes.map((c) => [c.check, c.issue, c.sentence])).toEqual(tamperedCauses.map((c) => [c.check, c.issue, c.sentence]));
  });

  it('leaves a row that was already damaged as it was: reading it says so, as before the upgrade', async () => {
    const indexedDB = new IDBFactory();
    await schemaOneDatabase('upgrade-3', indexedDB);
    const db = new ClawproofDb('upgrade-3', { indexedDB, IDBKeyRange });
    open.push(db);
    expect(await createStore(db, inThreadVerifier()).reportsForBundle(digest(3))).toEqual([]);
    expect(await db.reports.where('bundleHash').equals(digest(3)).first()).toMatchObject({ report: { checks: 'all fine' } });
    expect(await db.reportPages.where('bundleHash').equals(digest(3)).count()).toBe(0);
  });
});
