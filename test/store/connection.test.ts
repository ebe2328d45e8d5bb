import { afterEach, describe, expect, it } from 'vitest';
import { connect, type ConnectionState } from '../../src/store/connection.js';
import { ClawproofDb } from '../../src/store/db.js';
import { inThreadVerifier } from '../../src/store/in-thread-verifier.js';
import { createStore } from '../../src/store/store.js';
import type { Verifier } from '../../src/store/verifier.js';
import { DEMO_ROOT, makeBundle, NEXT_SCHEMA, sharedDatabase } from './support.js';

const opened: ClawproofDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function track(db: ClawproofDb): ClawproofDb {
  opened.push(db);
  return db;
}

function states(connection: { subscribe(listener: (state: ConnectionState) => void): () => void }): ConnectionState['kind'][] {
  const seen: ConnectionState['kind'][] = [];
  connection.subscribe((state) => seen.push(state.kind));
  return seen;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('connect: a newer schema in another tab', () => {
  it('the older tab lets go for good and says so; the newer one upgrades with every stored entry', async () => {
    const shared = sharedDatabase();
    const older = track(shared.current());
    const olderConnection = connect(older);
    const olderStates = states(olderConnection);
    await olderConnection.open();
    const olderStore = createStore(older, inThreadVerifier());
    await olderStore.installTrustRoot(DEMO_ROOT, { builtIn: true });
    const kept = await olderStore.verifyAndCache(await makeBundle(1), { source: 'opened', name: 'kept.clawproof' });

    const newer = track(shared.next());
    const newerConnection = connect(newer);
    await newerConnection.open();

    expect(olderStates).toEqual(['opening', 'open', 'superseded']);
    expect(olderConnection.state).toEqual({ kind: 'superseded', newVersion: NEXT_SCHEMA.version });
    expect(older.isOpen()).toBe(false);
    // Every call now says what happened and what to do, and none reopens the database under the old schema.
    await expect(olderStore.listBundles()).rejects.toMatchObject({ code: 'STORE_SUPERSEDED', message: /another tab.*Reload this page.*nothing stored was lost/ });
    await expect(olderStore.getActiveTrustRoot()).rejects.toMatchObject({ code: 'STORE_SUPERSEDED' });
    expect(older.isOpen()).toBe(false);

    expect(newerConnection.state.kind).toBe('open');
    expect(newer.verno).toBe(NEXT_SCHEMA.version);
    expect(await newer.settings.get('upgradedBy')).toEqual({ key: 'upgradedBy', value: 'next-schema' });
    const newerStore = createStore(newer, inThreadVerifier());
    expect((await newerStore.listBundles()).map((row) => row.name)).toEqual(['kept.clawproof']);
    const again = await newerStore.verifyAndCache(await newerStore.getBundleBytes(kept.bundleHash), { source: 'opened' });
    expect(again.fromCache).toBe(true);
  });

  it('a verification under way when the upgrade lands still shows its report, and says it was not kept', async () => {
    const shared = sharedDatabase();
    const older = track(shared.current());
    await connect(older).open();
    const newer = track(shared.next());
    const inner = inThreadVerifier();
    // The newer tab opens while this tab's verifier is busy, between its reads and its write.
    const verifier: Verifier = {
      version: inner.version,
      verify: async (...args) => {
        const result = await inner.verify(...args);
        await connect(newer).open();
        return result;
      },
    };
    const store = createStore(older, verifier);
    await store.installTrustRoot(DEMO_ROOT, { builtIn: true });

    const outcome = await store.verifyAndCache(await makeBundle(2), { source: 'opened' });

    expect(outcome.report.verdict).toBe('valid');
    expect(outcome.entry).toBeNull();
    expect(outcome.storeError).toMatchObject({ code: 'STORE_SUPERSEDED', message: /Reload this page/ });
    expect(older.isOpen()).toBe(false);
    expect(await newer.bundles.count()).toBe(0);
  });
});

describe('connect: an older connection that does not let go', () => {
  it('reports the newer tab as blocked, then opens as soon as the other connection closes', async () => {
    const shared = sharedDatabase();
    const first = shared.current();
    await first.open();
    first.close();
    // A connection at the current version with no versionchange handler: it never closes by itself.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = shared.indexedDB.open(shared.name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

    const newer = track(shared.next());
    const connection = connect(newer);
    const seen = states(connection);
    let settled = false;
    const opening = connection.open().finally(() => (settled = true));
    await until(() => connection.state.kind === 'blocked', 'the blocked event');

    expect(connection.state).toEqual({ kind: 'blocked', heldVersion: NEXT_SCHEMA.version - 1 });
    expect(settled).toBe(false);
    holder.close();
    await opening;

    expect(seen).toEqual(['opening', 'blocked', 'open']);
    expect(newer.verno).toBe(NEXT_SCHEMA.version);
  });
});

describe('connect: an open that fails', () => {
  it('ends in failed with a StoreError saying what was being done', async () => {
    // Node has no IndexedDB of its own: the state a browser with storage switched off is in.
    const connection = connect(track(new ClawproofDb('no-indexeddb-here')));
    await expect(connection.open()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: /^Opening the library failed: the local database is not available/ });
    expect(connection.state.kind).toBe('failed');
  });
});
