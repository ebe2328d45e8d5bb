import { afterEach, describe, expect, it } from 'vitest';
import { trustRootDigest } from '../../src/core/trust-root.js';
import type { ClawproofDb } from '../../src/store/db.js';
import {
  deleteTrustRoot,
  getActiveTrustRoot,
  getTrustRoot,
  installTrustRoot,
  listTrustRoots,
  setActiveTrustRoot,
} from '../../src/store/trust-roots.js';
import { DEMO_ROOT, manualClock, openTestDb, otherRoot } from './support.js';

let db: ClawproofDb;
afterEach(() => db?.close());

describe('trust roots', () => {
  it('installs a root under its digest and reads back the same root', async () => {
    db = openTestDb();
    const row = await installTrustRoot(db, DEMO_ROOT, { builtIn: true });
    expect(row).toMatchObject({ hash: trustRootDigest(DEMO_ROOT), name: DEMO_ROOT.name, demoOnly: true, builtIn: true, keyCount: 6 });
    expect((await getTrustRoot(db, row.hash)).root).toEqual(DEMO_ROOT);
  });

  it('installing the same root twice keeps one entry', async () => {
    db = openTestDb();
    await installTrustRoot(db, DEMO_ROOT, { builtIn: true });
    const again = await installTrustRoot(db, DEMO_ROOT);
    expect(again.builtIn).toBe(true);
    expect(await listTrustRoots(db)).toHaveLength(1);
  });

  it('uses the first installed root until another is chosen, then the chosen one', async () => {
    db = openTestDb();
    const clock = manualClock();
    expect(await getActiveTrustRoot(db)).toBeUndefined();
    const demo = await installTrustRoot(db, DEMO_ROOT, { builtIn: true }, clock.now);
    clock.advance();
    const other = await installTrustRoot(db, otherRoot(), {}, clock.now);

    expect((await getActiveTrustRoot(db))?.row.hash).toBe(demo.hash);
    await setActiveTrustRoot(db, other.hash);
    expect((await getActiveTrustRoot(db))?.row.hash).toBe(other.hash);
    expect((await listTrustRoots(db)).map((r) => r.hash)).toEqual([demo.hash, other.hash]);
  });

  it('refuses to choose a root that is not installed', async () => {
    db = openTestDb();
    await expect(setActiveTrustRoot(db, `sha256:${'0'.repeat(64)}`)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
  });

  it('deletes an imported root and falls back to the demo root when it was the active one', async () => {
    db = openTestDb();
    const clock = manualClock();
    const demo = await installTrustRoot(db, DEMO_ROOT, { builtIn: true }, clock.now);
    clock.advance();
    const other = await installTrustRoot(db, otherRoot(), {}, clock.now);
    await setActiveTrustRoot(db, other.hash);

    await deleteTrustRoot(db, other.hash);

    expect((await listTrustRoots(db)).map((r) => r.hash)).toEqual([demo.hash]);
    expect((await getActiveTrustRoot(db))?.row.hash).toBe(demo.hash);
  });

  it('never deletes the built-in demo root', async () => {
    db = openTestDb();
    const demo = await installTrustRoot(db, DEMO_ROOT, { builtIn: true });
    await expect(deleteTrustRoot(db, demo.hash)).rejects.toMatchObject({ code: 'TRUST_ROOT_BUILT_IN' });
    expect(await listTrustRoots(db)).toHaveLength(1);
  });

  it('reports a stored root whose text was altered as damaged instead of trusting it', async () => {
    db = openTestDb();
    const row = await installTrustRoot(db, otherRoot());
    const tampered = row.json.replace(/"validFrom": "2025/g, '"validFrom": "2020');
    expect(tampered).not.toBe(row.json);
    await db.trustRoots.put({ ...row, json: tampered });
    await setActiveTrustRoot(db, row.hash);

    await expect(getTrustRoot(db, row.hash)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await expect(getActiveTrustRoot(db)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });
});
