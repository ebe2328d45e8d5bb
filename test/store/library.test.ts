import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_MEDIA_TYPE } from '../../src/core/bundle/media-types.js';
import { utf8Encode } from '../../src/core/bytes.js';
import { sha256 } from '../../src/core/hash.js';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { ClawproofDb } from '../../src/store/db.js';
import { inThreadVerifier } from '../../src/store/in-thread-verifier.js';
import { createStore, type Store } from '../../src/store/store.js';
import type { Verifier } from '../../src/store/verifier.js';
import { DEMO_ROOT, makeBundle, manualClock, openTestDb, otherRoot, withReusedJti } from './support.js';

let db: ClawproofDb;
afterEach(() => db?.close());

/** The real in-thread verifier, counting how often it actually verified. */
function countingVerifier(version?: string): Verifier & { calls: number } {
  const inner = inThreadVerifier();
  const verifier = {
    version: version ?? inner.version,
    calls: 0,
    verify: (...args: Parameters<Verifier['verify']>) => {
      verifier.calls += 1;
      return inner.verify(...args);
    },
  };
  return verifier;
}

async function demoStore(verifier: Verifier): Promise<Store> {
  db = openTestDb();
  const clock = manualClock();
  const store = createStore(db, verifier, () => {
    clock.advance();
    return clock.now();
  });
  await store.installTrustRoot(DEMO_ROOT, { builtIn: true });
  return store;
}

describe('verifyAndCache', () => {
  it('verifies a new bundle, keeps bundle and report, and reuses the report when opened again', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);

    const first = await store.verifyAndCache(bytes, { source: 'opened', name: 'run.clawproof' });
    expect(first.report.verdict).toBe('valid');
    expect(first.fromCache).toBe(false);
    expect(first.storeError).toBeNull();
    expect(first.entry).toMatchObject({ name: 'run.clawproof', lastVerdict: 'valid', jobId: first.report.bundle.jobId });

    const second = await store.verifyAndCache(bytes, { source: 'opened' });
    expect(second.fromCache).toBe(true);
    expect(second.report).toEqual(first.report);
    expect(await second.lazy.full()).toEqual(await first.lazy.full());
    expect(verifier.calls).toBe(1);
    expect(second.entry!.lastOpenedAt > first.entry!.lastOpenedAt).toBe(true);
  });

  it("stores the Blob the verifier made of the bytes (made off the page's thread)", async () => {
    const inner = inThreadVerifier();
    const made: Blob[] = [];
    const store = await demoStore({
      version: inner.version,
      verify: async (...args) => {
        const blob = new Blob([args[0] as Uint8Array<ArrayBuffer>], { type: 'application/x-made-by-the-verifier' });
        made.push(blob);
        return { ...(await inner.verify(...args)), blob };
      },
    });
    const outcome = await store.verifyAndCache(await makeBundle(1), { source: 'opened' });
    // IndexedDB hands back a copy of a Blob: its type says whose it is.
    expect(made).toHaveLength(1);
    expect(((await db.bundleBytes.get(outcome.bundleHash))?.bytes as Blob).type).toBe('application/x-made-by-the-verifier');
    await expect(store.checkBundleBytes(outcome.bundleHash)).resolves.toBeUndefined();
  });

  it('stores a chosen file as the Blob it is, under the hash of its bytes, and finds it again from the same bytes', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);
    const file = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-the-chosen-file' });

    const first = await store.verifyAndCache(file, { source: 'opened', name: 'run.clawproof' });
    expect(first.bundleHash).toBe(sha256(bytes));
    expect(first.report.verdict).toBe('valid');
    expect(first.entry).toMatchObject({ name: 'run.clawproof', size: bytes.byteLength });
    expect(((await db.bundleBytes.get(first.bundleHash))?.bytes as Blob).type).toBe('application/x-the-chosen-file');
    expect(await store.getBundleBytes(first.bundleHash)).toEqual(bytes);

    expect((await store.verifyAndCache(bytes, { source: 'opened' })).fromCache).toBe(true);
    expect(verifier.calls).toBe(1);
  });

  it("verifies a file the verifier prepared (read and hashed in the worker) once, and lets go of it on a cached report", async () => {
    const inner = inThreadVerifier();
    const log: string[] = [];
    const verifier: Verifier = {
      version: inner.version,
      verify: inner.verify,
      prepare: async (blob) => {
        const held = new Uint8Array(await blob.arrayBuffer());
        log.push('prepare');
        return {
          hash: sha256(held),
          verify: async (root, call) => {
            log.push('verify');
            // A made Blob is ignored: the store keeps the file it was given.
            return { ...(await inner.verify(held, root, call)), blob: new Blob(['not the file']) };
          },
          release: () => void log.push('release'),
        };
      },
    };
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);
    const first = await store.verifyAndCache(new Blob([bytes as Uint8Array<ArrayBuffer>]), { source: 'opened' });
    const second = await store.verifyAndCache(new Blob([bytes as Uint8Array<ArrayBuffer>]), { source: 'opened' });

    expect([first.fromCache, second.fromCache]).toEqual([false, true]);
    expect(log).toEqual(['prepare', 'verify', 'release', 'prepare', 'release']);
    await expect(store.checkBundleBytes(first.bundleHash)).resolves.toBeUndefined();
    expect(await store.getBundleBytes(first.bundleHash)).toEqual(bytes);
  });

  it('lets go of a prepared file when there is no trust root to verify it against', async () => {
    db = openTestDb();
    const released: string[] = [];
    const inner = inThreadVerifier();
    const store = createStore(db, {
      ...inner,
      prepare: async () => ({ hash: sha256(new Uint8Array()), verify: inner.verify.bind(null, new Uint8Array()), release: () => void released.push('release') }),
    });
    await expect(store.verifyAndCache(new Blob(['{}']), { source: 'opened' })).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    expect(released).toEqual(['release']);
  });

  it('verifies afresh when the trust root changes, and keeps one report per root', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);
    await store.verifyAndCache(bytes, { source: 'opened' });

    const other = await store.installTrustRoot(otherRoot());
    await store.setActiveTrustRoot(other.hash);
    const outcome = await store.verifyAndCache(bytes, { source: 'opened' });

    expect(outcome.fromCache).toBe(false);
    expect(outcome.report.verdict).toBe('unknown-signer');
    expect(outcome.key.trustRootHash).toBe(other.hash);
    expect(verifier.calls).toBe(2);
    expect((await store.reportsForBundle(outcome.bundleHash)).map((r) => r.verdict).sort()).toEqual(['unknown-signer', 'valid']);
    expect(await db.bundleBytes.count()).toBe(1);
  });

  it('verifies afresh under a new verifier version', async () => {
    const store = await demoStore(countingVerifier('1.0.0'));
    const bytes = await makeBundle(1);
    await store.verifyAndCache(bytes, { source: 'opened' });

    const newer = countingVerifier('1.1.0');
    const again = await createStore(db, newer).verifyAndCache(bytes, { source: 'opened' });
    expect(again.fromCache).toBe(false);
    expect(newer.calls).toBe(1);
  });

  it('verifies afresh when one byte of the bundle changes', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);
    await store.verifyAndCache(bytes, { source: 'opened' });
    // Whitespace between members: a different file, though its signed content is the same.
    const reformatted = utf8Encode(new TextDecoder().decode(bytes).replace('{\n', '{\n '));
    const outcome = await store.verifyAndCache(reformatted, { source: 'opened' });
    expect(outcome.fromCache).toBe(false);
    expect(verifier.calls).toBe(2);
  });

  it('records the token of each trusted bundle; two honest jobs do not flag each other', async () => {
    const store = await demoStore(countingVerifier());
    const first = await store.verifyAndCache(await makeBundle(1), { source: 'opened' });
    const second = await store.verifyAndCache(await makeBundle(2), { source: 'opened' });
    const rows = await db.seenTokens.toArray();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.jobId))).toEqual(new Set([first.report.bundle.jobId, second.report.bundle.jobId]));
    const replay = second.report.checks.find((c) => c.id === 'replay');
    expect(replay?.status).toBe('pass');
  });

  it('flags a bundle of another job that reuses a jti seen before', async () => {
    const store = await demoStore(countingVerifier());
    const donor = await makeBundle(1);
    const seen = await store.verifyAndCache(donor, { source: 'opened' });
    const replayed = await store.verifyAndCache(withReusedJti(await makeBundle(2), donor), { source: 'opened' });

    const replay = replayed.report.checks.find((c) => c.id === 'replay');
    expect(replay?.status).toBe('fail');
    expect(replay?.issues.map((i) => i.code)).toContain('CST_JTI_REUSED');
    expect(replay?.issues.find((i) => i.code === 'CST_JTI_REUSED')?.evidence[0]?.actual).toBe(seen.report.bundle.jobId);
    // Verifying the first bundle again does not flag it against the replay it was copied into.
    expect((await store.verifyAndCache(donor, { source: 'opened' })).report.verdict).toBe('valid');
  });

  it('hands the verifier the tokens of other bundles only', async () => {
    const verifier = countingVerifier();
    const seen: ReadonlyMap<string, string>[] = [];
    const spying: Verifier = { version: verifier.version, verify: (bytes, root, call) => (seen.push(call.seenTokens), verifier.verify(bytes, root, call)) };
    const store = await demoStore(spying);
    const a = await makeBundle(1);
    await store.verifyAndCache(a, { source: 'opened' });
    const b = await store.verifyAndCache(await makeBundle(2), { source: 'opened' });

    // Verifying A again under another root: B's token is offered, A's own is not.
    const other = await store.installTrustRoot(otherRoot());
    await store.setActiveTrustRoot(other.hash);
    await store.verifyAndCache(a, { source: 'opened' });
    expect([...seen[2]!.values()]).toEqual([b.report.bundle.jobId]);
  });

  it('does not record the token of a bundle whose signer is unknown', async () => {
    const store = await demoStore(countingVerifier());
    const other = await store.installTrustRoot(otherRoot());
    await store.setActiveTrustRoot(other.hash);
    const outcome = await store.verifyAndCache(await makeBundle(1), { source: 'opened' });
    expect(outcome.report.verdict).toBe('unknown-signer');
    expect(outcome.entry).not.toBeNull();
    expect(await db.seenTokens.count()).toBe(0);
  });

  it('reports a file that is not a bundle without storing it', async () => {
    const store = await demoStore(countingVerifier());
    const outcome = await store.verifyAndCache(utf8Encode('just some text'), { source: 'opened', name: 'notes.txt' });
    expect(outcome.report.verdict).toBe('invalid');
    expect(outcome.report.bundle.mediaType).toBeNull();
    expect(outcome.entry).toBeNull();
    expect(await db.bundles.count()).toBe(0);
    expect(await db.reports.count()).toBe(0);
  });

  it('keeps a damaged bundle of the right media type, with its failing report', async () => {
    const store = await demoStore(countingVerifier());
    const text = new TextDecoder().decode(await makeBundle(1));
    const doc = JSON.parse(text) as { mediaType: string; manifest: { payload: string } };
    doc.manifest.payload = doc.manifest.payload.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const outcome = await store.verifyAndCache(utf8Encode(JSON.stringify(doc)), { source: 'opened' });
    expect(doc.mediaType).toBe(BUNDLE_MEDIA_TYPE);
    expect(outcome.report.verdict).toBe('invalid');
    expect(outcome.entry?.lastVerdict).toBe('invalid');
  });

  it('fails without a trust root, and says where to get one', async () => {
    db = openTestDb();
    const store = createStore(db, countingVerifier());
    await expect(store.verifyAndCache(await makeBundle(1), { source: 'opened' })).rejects.toMatchObject({
      code: 'STORE_NOT_FOUND',
      message: expect.stringMatching(/Trust page/),
    });
  });

  it('verifies a stored bundle by hash, with the source and name it was saved with', async () => {
    const store = await demoStore(countingVerifier());
    const saved = await store.saveBundle(await makeBundle(1), 'lab', { name: 'lab-run.clawproof' });
    expect(saved.lastVerdict).toBeNull();
    const outcome = await store.verifyStored(saved.hash);
    expect(outcome.bundleHash).toBe(saved.hash);
    expect(outcome.entry).toMatchObject({ name: 'lab-run.clawproof', source: 'lab', lastVerdict: 'valid' });
    await expect(store.verifyStored(`sha256:${'0'.repeat(64)}`)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
  });
});

describe('verifyStored with no cached report', () => {
  it('reports a stored copy that no longer hashes to its name as a damaged entry, without verifying it', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const saved = await store.saveBundle(await makeBundle(1), 'lab');
    await db.bundleBytes.put({ hash: saved.hash, bytes: new Blob([await makeBundle(2) as Uint8Array<ArrayBuffer>]) });

    await expect(store.verifyStored(saved.hash)).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining('no longer hashes to its name') });
    expect(verifier.calls).toBe(0);
  });

  it('checks the stored Blob where the verifier hashes it (prepare), and lets go of it when it does not match', async () => {
    const inner = inThreadVerifier();
    const log: string[] = [];
    const store = await demoStore({
      ...inner,
      prepare: async (blob) => {
        const held = new Uint8Array(await blob.arrayBuffer());
        log.push('prepare');
        return { hash: sha256(held), verify: (root, call) => inner.verify(held, root, call), release: () => void log.push('release') };
      },
    });
    const good = await store.saveBundle(await makeBundle(1), 'lab');
    expect((await store.verifyStored(good.hash)).report.verdict).toBe('valid');
    const bad = await store.saveBundle(await makeBundle(2), 'lab');
    await db.bundleBytes.put({ hash: bad.hash, bytes: new Blob(['damaged']) });
    await expect(store.verifyStored(bad.hash)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(log).toEqual(['prepare', 'release', 'prepare', 'release']);
  });
});

describe('a cache entry that does not decode', () => {
  it('verifies the bundle again, says so, replaces the damaged report and leaves the others alone', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);
    const first = await store.verifyAndCache(bytes, { source: 'opened', name: 'damaged.clawproof' });
    const other = await store.verifyAndCache(await makeBundle(2), { source: 'opened', name: 'other.clawproof' });
    const otherReport = await db.reports.get([other.key.bundleHash, other.key.trustRootHash, other.key.verifierVersion]);
    const key = [first.key.bundleHash, first.key.trustRootHash, first.key.verifierVersion] as const;
    await db.reports.put({ ...(await db.reports.get([...key]))!, head: { verdict: 'valid', checks: 'all fine' } as never });

    const again = await store.verifyAndCache(bytes, { source: 'opened' });

    expect(again.fromCache).toBe(false);
    expect(verifier.calls).toBe(3);
    expect(again.report.verdict).toBe('valid');
    expect(again.damagedReport).toMatch(/^The report stored for this bundle could not be read \(head\.\w+: .*\), so the bundle was verified again\.$/);
    expect(again.entry).toMatchObject({ name: 'damaged.clawproof' });
    expect((await db.reports.get([...key]))?.head).toEqual(again.report);
    expect(await db.reports.get([other.key.bundleHash, other.key.trustRootHash, other.key.verifierVersion])).toEqual(otherReport);
    const third = await store.verifyAndCache(bytes, { source: 'opened' });
    expect(third.fromCache).toBe(true);
    expect(third.damagedReport).toBeNull();
  });

  it('rebuilds a damaged Library entry from the bytes opened again, keeping the good cached report', async () => {
    const verifier = countingVerifier();
    const store = await demoStore(verifier);
    const bytes = await makeBundle(1);
    const first = await store.verifyAndCache(bytes, { source: 'opened', name: 'run.clawproof' });
    await db.bundles.put({ hash: first.bundleHash, name: null } as never);
    await db.bundleBytes.put({ hash: first.bundleHash, bytes: new Uint8Array([0]) });

    const again = await store.verifyAndCache(bytes, { source: 'opened', name: 'run-again.clawproof' });

    expect(again.fromCache).toBe(true);
    expect(verifier.calls).toBe(1);
    expect(again.entry).toMatchObject({ hash: first.bundleHash, name: 'run-again.clawproof', lastVerdict: 'valid' });
    expect(await store.listBundles()).toEqual([again.entry]);
    expect(await store.getBundleBytes(first.bundleHash)).toEqual(bytes);
  });
});

describe('a full disk', () => {
  /** Makes every write fail as IndexedDB does when the origin's quota is used up (a middleware applies from the next open). */
  async function failWritesWhen(database: ClawproofDb, failing: () => boolean): Promise<void> {
    database.close();
    database.use({
      stack: 'dbcore',
      name: 'quota-exceeded',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) =>
              failing() ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request),
          };
        },
      }),
    });
    await database.open();
  }

  it('still shows the report, says the write failed, and loses nothing already stored', async () => {
    const store = await demoStore(countingVerifier());
    const kept = await store.verifyAndCache(await makeBundle(1), { source: 'opened', name: 'kept.clawproof' });
    const before = {
      bundles: await db.bundles.toArray(),
      bytes: await db.bundleBytes.count(),
      reports: await db.reports.toArray(),
      tokens: await db.seenTokens.toArray(),
    };
    let full = true;
    await failWritesWhen(db, () => full);

    const outcome = await store.verifyAndCache(await makeBundle(2), { source: 'opened', name: 'new.clawproof' });

    expect(outcome.report.verdict).toBe('valid');
    expect(outcome.entry).toBeNull();
    expect(outcome.storeError?.code).toBe('STORE_QUOTA_EXCEEDED');
    expect(outcome.storeError?.message).toMatch(/full\. Nothing already in the library was lost/);
    full = false;
    expect(await db.bundles.toArray()).toEqual(before.bundles);
    expect(await db.bundleBytes.count()).toBe(before.bytes);
    expect(await db.reports.toArray()).toEqual(before.reports);
    expect(await db.seenTokens.toArray()).toEqual(before.tokens);
    expect((await store.verifyAndCache(await store.getBundleBytes(kept.bundleHash), { source: 'opened' })).fromCache).toBe(true);
  });

  it('saveBundle rejects with STORE_QUOTA_EXCEEDED and leaves no half-written bundle', async () => {
    const store = await demoStore(countingVerifier());
    await failWritesWhen(db, () => true);
    await expect(store.saveBundle(await makeBundle(1), 'lab')).rejects.toMatchObject({ code: 'STORE_QUOTA_EXCEEDED' });
    expect(await db.bundleBytes.count()).toBe(0);
  });
});
