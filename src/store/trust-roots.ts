/**
 * Trust roots the user has installed, and which one is in use. The demo root ships with the app,
 * is installed on first start and marked demo-only; it cannot be deleted, only unselected.
 *
 * Roots are stored as the text serializeTrustRoot wrote and parsed again on every read, so a
 * damaged database can never hand the verifier an unchecked root.
 */
import { isClawproofError } from '../core/errors.js';
import type { Digest } from '../core/hash.js';
import { parseTrustRoot, serializeTrustRoot, trustRootDigest, type TrustRoot } from '../core/trust-root.js';
import { stamp, systemNow, type Now } from './clock.js';
import type { ClawproofDb, TrustRootRow } from './db.js';
import { storeError, toStoreError } from './errors.js';

const ACTIVE_ROOT_KEY = 'activeTrustRoot';

export interface StoredTrustRoot {
  readonly row: TrustRootRow;
  readonly root: TrustRoot;
}

export interface InstallOptions {
  readonly builtIn?: boolean;
}

/** Installs a (parsed) trust root; installing the same root again returns the stored row unchanged. */
export async function installTrustRoot(
  db: ClawproofDb,
  root: TrustRoot,
  options: InstallOptions = {},
  now: Now = systemNow,
): Promise<TrustRootRow> {
  const checked = parseTrustRoot(root);
  const hash = trustRootDigest(checked);
  const row: TrustRootRow = {
    hash,
    name: checked.name,
    demoOnly: checked.demoOnly === true,
    builtIn: options.builtIn === true,
    json: serializeTrustRoot(checked),
    keyCount: checked.keys.length,
    addedAt: stamp(now),
  };
  try {
    return await db.transaction('rw', db.trustRoots, async () => {
      const existing = await db.trustRoots.get(hash);
      if (existing !== undefined) return existing;
      await db.trustRoots.add(row);
      return row;
    });
  } catch (cause) {
    throw toStoreError(cause, 'saving the trust root');
  }
}

/** Oldest first, so the preinstalled demo root leads the list. */
export async function listTrustRoots(db: ClawproofDb): Promise<TrustRootRow[]> {
  try {
    return await db.trustRoots.orderBy('addedAt').toArray();
  } catch (cause) {
    throw toStoreError(cause, 'reading the trust roots');
  }
}

export async function getTrustRoot(db: ClawproofDb, hash: Digest): Promise<StoredTrustRoot> {
  let row: TrustRootRow | undefined;
  try {
    row = await db.trustRoots.get(hash);
  } catch (cause) {
    throw toStoreError(cause, 'reading the trust root');
  }
  if (row === undefined) throw storeError('STORE_NOT_FOUND', `No trust root ${hash} is installed.`);
  return { row, root: parseStoredRoot(row) };
}

function parseStoredRoot(row: TrustRootRow): TrustRoot {
  try {
    const root = parseTrustRoot(row.json);
    if (trustRootDigest(root) !== row.hash) throw new Error(`its content no longer hashes to ${row.hash}`);
    return root;
  } catch (cause) {
    const why = isClawproofError(cause) || cause instanceof Error ? cause.message : 'unreadable';
    throw storeError('STORE_CORRUPT', `The stored trust root "${row.name}" is damaged (${why}); import it again.`, { cause });
  }
}

export async function deleteTrustRoot(db: ClawproofDb, hash: Digest): Promise<void> {
  try {
    await db.transaction('rw', db.trustRoots, db.settings, async () => {
      const row = await db.trustRoots.get(hash);
      if (row === undefined) return;
      if (row.builtIn) throw storeError('TRUST_ROOT_BUILT_IN', `"${row.name}" ships with Clawproof and cannot be deleted.`);
      await db.trustRoots.delete(hash);
      const active = await db.settings.get(ACTIVE_ROOT_KEY);
      if (active?.value === hash) await db.settings.delete(ACTIVE_ROOT_KEY);
    });
  } catch (cause) {
    throw toStoreError(cause, 'deleting the trust root');
  }
}

export async function setActiveTrustRoot(db: ClawproofDb, hash: Digest): Promise<void> {
  try {
    await db.transaction('rw', db.trustRoots, db.settings, async () => {
      if ((await db.trustRoots.get(hash)) === undefined) {
        throw storeError('STORE_NOT_FOUND', `No trust root ${hash} is installed.`);
      }
      await db.settings.put({ key: ACTIVE_ROOT_KEY, value: hash });
    });
  } catch (cause) {
    throw toStoreError(cause, 'choosing the trust root');
  }
}

/**
 * The trust root in use: the one chosen, else the first installed (the demo root on a fresh
 * start). Undefined only when no root is installed at all.
 */
export async function getActiveTrustRoot(db: ClawproofDb): Promise<StoredTrustRoot | undefined> {
  let hash: string | undefined;
  let first: TrustRootRow | undefined;
  try {
    hash = (await db.settings.get(ACTIVE_ROOT_KEY))?.value;
    first = await db.trustRoots.orderBy('addedAt').first();
  } catch (cause) {
    throw toStoreError(cause, 'reading the trust roots');
  }
  if (hash !== undefined) {
    try {
      return await getTrustRoot(db, hash as Digest);
    } catch (cause) {
      // A chosen root that vanished falls back below; a damaged one must be reported, not skipped.
      if (!(isClawproofError(cause) && cause.code === 'STORE_NOT_FOUND')) throw cause;
    }
  }
  return first === undefined ? undefined : { row: first, root: parseStoredRoot(first) };
}
