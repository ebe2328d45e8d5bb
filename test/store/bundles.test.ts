import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.js';
import { checkBundleBytes, deleteBundle, getBundle, getBundleBytes, libraryUsage, listBundles, listLibrary, removeUnreadable, saveBundle } from '../../src/store/bundles.js';
import type { ClawproofDb } from '../../src/store/db.js';
import { makeBundle, manualClock, openTestDb } from './support.js';

let db: ClawproofDb;
afterEach(() => db?.close());

describe('saveBundle', () => {
  it('stores the bytes once under their sha256 and lists the bundle with its name and source', async () => {
    db = openTestDb();
    const bytes = await makeBundle(1);
    const row = await saveBundle(db, { bytes, source: 'lab', name: 'run-1.clawproof' });

    expect(row.hash).toBe(sha256(bytes));
    expect(row).toMatchObject({ name: 'run-1.clawproof', source: 'lab', size: bytes.byteLength, lastVerdict: null });
    expect(await getBundleBytes(db, row.hash)).toEqual(bytes);
    expect((await listBundles(db)).map((b) => b.hash)).toEqual([row.hash]);
  });

  it('keeps one copy when the same bytes are saved again, and only moves "last opened"', async () => {
    db = openTestDb();
    const clock = manualClock();
    const bytes = await makeBundle(1);
    const first = await saveBundle(db, { bytes, source: 'opened', name: 'a.clawproof' }, clock.now);
    clock.advance();
    const second = await saveBundle(db, { bytes, source: 'lab', name: 'b.clawproof' }, clock.now);

    expect(await db.bundleBytes.count()).toBe(1);
    expect(await db.bundles.count()).toBe(1);
    expect(second).toMatchObject({ name: 'a.clawproof', source: 'opened', addedAt: first.addedAt });
    expect(second.lastOpenedAt > first.lastOpenedAt).toBe(true);
  });

  it('stores a copy, so a caller reusing its buffer cannot change the stored bundle', async () => {
    db = openTestDb();
    const bytes = await makeBundle(1);
    const original = bytes.slice();
    const row = await saveBundle(db, { bytes, source: 'opened' });
    bytes.fill(0);
    expect(await getBundleBytes(db, row.hash)).toEqual(original);
  });

  it('stores the bytes as a Blob (no clone of them on the page thread), and still reads bytes schema 1 stored as a Uint8Array', async () => {
    db = openTestDb();
    const bytes = await makeBundle(1);
    const row = await saveBundle(db, { bytes, source: 'opened' });
    expect((await db.bundleBytes.get(row.hash))?.bytes).toBeInstanceOf(Blob);
    expect(await getBundleBytes(db, row.hash)).toEqual(bytes);
    await db.bundleBytes.put({ hash: row.hash, bytes: bytes.slice() });
    expect(await getBundleBytes(db, row.hash)).toEqual(bytes);
  });

  it('checks stored bytes against their hash, hashing the Blob where it is told to', async () => {
    db = openTestDb();
    const row = await saveBundle(db, { bytes: await makeBundle(1), source: 'opened' });
    const hashed: number[] = [];
    const hashBlob = async (blob: Blob) => (hashed.push(blob.size), sha256(new Uint8Array(await blob.arrayBuffer())));
    await expect(checkBundleBytes(db, row.hash, hashBlob)).resolves.toBeUndefined();
    await expect(checkBundleBytes(db, row.hash)).resolves.toBeUndefined();
    expect(hashed).toEqual([row.size]);
    await db.bundleBytes.put({ hash: row.hash, bytes: new Blob([new Uint8Array([1, 2, 3])]) });
    await expect(checkBundleBytes(db, row.hash, hashBlob)).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining('no longer hashes to its name') });
    await expect(checkBundleBytes(db, row.hash)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('names an unnamed bundle after its hash', async () => {
    db = openTestDb();
    const bytes = await makeBundle(1);
    const row = await saveBundle(db, { bytes, source: 'opened', name: '   ' });
    expect(row.name).toBe(`bundle-${row.hash.slice(7, 19)}.clawproof`);
  });

  it('refuses an unknown source and content that is not bytes', async () => {
    db = openTestDb();
    await expect(saveBundle(db, { bytes: new Uint8Array([1]), source: 'cloud' as never })).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await expect(saveBundle(db, { bytes: 'text' as never, source: 'opened' })).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await db.bundles.count()).toBe(0);
  });
});

describe('listing, usage and deletion', () => {
  it('lists the most recently opened bundle first', async () => {
    db = openTestDb();
    const clock = manualClock();
    const a = await saveBundle(db, { bytes: await makeBundle(1), source: 'opened' }, clock.now);
    clock.advance();
    const b = await saveBundle(db, { bytes: await makeBundle(2), source: 'opened' }, clock.now);
    clock.advance();
    await saveBundle(db, { bytes: await getBundleBytes(db, a.hash), source: 'opened' }, clock.now);
    expect((await listBundles(db)).map((r) => r.hash)).toEqual([a.hash, b.hash]);
  });

  it('adds up the stored sizes', async () => {
    db = openTestDb();
    const one = await makeBundle(1);
    const two = await makeBundle(2);
    await saveBundle(db, { bytes: one, source: 'opened' });
    await saveBundle(db, { bytes: two, source: 'lab' });
    expect(await libraryUsage(db)).toEqual({ bundles: 2, bundleBytes: one.byteLength + two.byteLength, reports: 0 });
  });

  it('deletes a bundle with its bytes, reports and seen tokens, leaving the others', async () => {
    db = openTestDb();
    const keep = await saveBundle(db, { bytes: await makeBundle(1), source: 'opened' });
    const drop = await saveBundle(db, { bytes: await makeBundle(2), source: 'opened' });
    const root = 'sha256:' + 'a'.repeat(64);
    for (const hash of [keep.hash, drop.hash]) {
      await db.reports.put({ bundleHash: hash, trustRootHash: root as never, verifierVersion: '1', verdict: 'valid', checkedAt: '', head: {} as never, outline: {} as never });
      await db.seenTokens.put({ jti: `jti-${hash}`, bundleHash: hash, jobId: 'job', seenAt: '' });
    }

    await deleteBundle(db, drop.hash);

    expect(await getBundle(db, drop.hash)).toBeUndefined();
    await expect(getBundleBytes(db, drop.hash)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    expect((await db.reports.toArray()).map((r) => r.bundleHash)).toEqual([keep.hash]);
    expect((await db.seenTokens.toArray()).map((r) => r.bundleHash)).toEqual([keep.hash]);
    expect(await getBundleBytes(db, keep.hash)).toBeInstanceOf(Uint8Array);
  });
});

describe('damaged entries', () => {
  /** Two good bundles and, written as a broken build or a hand edit would, three entries that are not. */
  async function libraryWithDamage() {
    db = openTestDb();
    const clock = manualClock();
    const good = await saveBundle(db, { bytes: await makeBundle(1), source: 'opened', name: 'good.clawproof' }, clock.now);
    clock.advance();
    const other = await saveBundle(db, { bytes: await makeBundle(2), source: 'lab', name: 'other.clawproof' }, clock.now);
    const misnamed = await saveBundle(db, { bytes: await makeBundle(3), source: 'opened', name: 'misnamed.clawproof' });
    await db.bundles.put({ ...misnamed, name: 42 } as never);
    await db.bundles.put({ hash: 7, name: 'not-a-digest.clawproof' } as never);
    const hollow = await saveBundle(db, { bytes: await makeBundle(4), source: 'opened', name: 'hollow.clawproof' });
    await db.bundleBytes.delete(hollow.hash);
    return { good, other, misnamed, hollow };
  }

  it('lists readable entries as before and each damaged one apart, saying what is wrong', async () => {
    const { good, other, misnamed, hollow } = await libraryWithDamage();
    const listing = await listLibrary(db);
    expect(listing.bundles.map((r) => r.name)).toEqual([other.name, good.name]);
    expect(listing.unreadable.map(({ keyText, name, problem }) => ({ keyText, name, problem }))).toEqual(
      [
        { keyText: '7', name: 'not-a-digest.clawproof', problem: expect.stringMatching(/^hash: /) },
        { keyText: misnamed.hash, name: null, problem: expect.stringMatching(/^name: /) },
        { keyText: hollow.hash, name: 'hollow.clawproof', problem: 'its stored content is missing' },
      ].sort((a, b) => (String(a.keyText) < String(b.keyText) ? -1 : 1)),
    );
    expect((await listBundles(db)).map((r) => r.name)).toEqual([other.name, good.name]);
    expect((await libraryUsage(db)).bundles).toBe(2);
  });

  it('removes one damaged entry with everything stored under its key, and nothing else', async () => {
    const { good, other, misnamed } = await libraryWithDamage();
    await db.reports.put({ bundleHash: misnamed.hash, trustRootHash: good.hash, verifierVersion: '1', verdict: 'valid', checkedAt: '', head: {} as never, outline: {} as never });
    await db.reports.put({ bundleHash: good.hash, trustRootHash: good.hash, verifierVersion: '1', verdict: 'valid', checkedAt: '', head: {} as never, outline: {} as never });
    const before = await db.bundleBytes.count();

    await removeUnreadable(db, misnamed.hash);
    await removeUnreadable(db, 7);

    const listing = await listLibrary(db);
    expect(listing.unreadable.map((e) => e.name)).toEqual(['hollow.clawproof']);
    expect(listing.bundles.map((r) => r.hash)).toEqual([other.hash, good.hash]);
    expect(await db.bundleBytes.count()).toBe(before - 1);
    expect((await db.reports.toArray()).map((r) => r.bundleHash)).toEqual([good.hash]);
    expect(await getBundleBytes(db, good.hash)).toBeInstanceOf(Uint8Array);
  });

  it('reports a damaged entry when it is opened by hash, instead of handing it on', async () => {
    const { misnamed } = await libraryWithDamage();
    await expect(getBundle(db, misnamed.hash)).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringMatching(/^The library entry sha256:\S+ cannot be read: name: .*Remove it from the library, then open the original file again/),
    });
  });

  it('refuses stored bytes that no longer hash to their key, or are not bytes', async () => {
    const { good, other } = await libraryWithDamage();
    const bytes = await getBundleBytes(db, good.hash);
    const flipped = bytes.slice();
    flipped[100] = flipped[100]! ^ 1;
    await db.bundleBytes.put({ hash: good.hash, bytes: flipped });
    await db.bundleBytes.put({ hash: other.hash, bytes: 'not bytes' as never });

    await expect(getBundleBytes(db, good.hash)).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: /no longer hashes to its name/ });
    await expect(getBundleBytes(db, other.hash)).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: /stored content cannot be read \(bytes: / });
  });

  it('saving the same bytes again rebuilds a damaged entry from them', async () => {
    const { misnamed } = await libraryWithDamage();
    const bytes = await makeBundle(3);
    await db.bundleBytes.put({ hash: misnamed.hash, bytes: new Uint8Array([1]) });

    const row = await saveBundle(db, { bytes, source: 'lab', name: 'rebuilt.clawproof' });

    expect(row).toMatchObject({ hash: misnamed.hash, name: 'rebuilt.clawproof', source: 'lab' });
    expect(await getBundle(db, misnamed.hash)).toEqual(row);
    expect(await getBundleBytes(db, misnamed.hash)).toEqual(bytes);
  });
});
