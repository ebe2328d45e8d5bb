/**
 * Bundles in the Library: bytes stored once under their SHA-256, plus a small row per bundle for
 * listing. Saving the same bytes again (another file name, a second Lab export) is a no-op apart
 * from the "last opened" time.
 */
import { sha256Async, type Digest } from '../core/hash.js';
import { stamp, systemNow, type Now } from './clock.js';
import { BUNDLE_SOURCES, type BundleRow, type BundleSource, type ClawproofDb } from './db.js';
import { storeError, toStoreError } from './errors.js';

export interface SaveBundleInput {
  readonly bytes: Uint8Array;
  readonly source: BundleSource;
  /** Shown in the Library; defaults to a name made from the hash. */
  readonly name?: string;
  /** The bytes' sha256 when the caller already computed it. */
  readonly hash?: Digest;
}

/** The hash a bundle is stored under: sha256 of exactly the bytes given. */
export function bundleHash(bytes: Uint8Array): Promise<Digest> {
  return sha256Async(bytes);
}

export function defaultBundleName(hash: Digest): string {
  return `bundle-${hash.slice('sha256:'.length, 'sha256:'.length + 12)}.clawproof`;
}

export async function saveBundle(db: ClawproofDb, input: SaveBundleInput, now: Now = systemNow): Promise<BundleRow> {
  const { bytes, source } = input;
  if (!(bytes instanceof Uint8Array)) throw storeError('STORE_FAILED', 'Saving the bundle failed: its content must be bytes');
  if (!(BUNDLE_SOURCES as readonly string[]).includes(source)) {
    throw storeError('STORE_FAILED', `Saving the bundle failed: unknown source ${JSON.stringify(source)}`);
  }
  const hash = input.hash ?? (await bundleHash(bytes));
  const at = stamp(now);
  try {
    return await db.transaction('rw', db.bundles, db.bundleBytes, async () => {
      const existing = await db.bundles.get(hash);
      if (existing !== undefined) {
        const updated: BundleRow = { ...existing, lastOpenedAt: at };
        await db.bundles.put(updated);
        return updated;
      }
      const name = input.name?.trim() ?? '';
      const row: BundleRow = {
        hash,
        name: name === '' ? defaultBundleName(hash) : name,
        source,
        size: bytes.byteLength,
        addedAt: at,
        lastOpenedAt: at,
        jobId: null,
        lastVerdict: null,
      };
      // A copy, so a caller reusing its buffer (or transferring it to a worker) cannot change what is stored.
      await db.bundleBytes.put({ hash, bytes: bytes.slice() });
      await db.bundles.add(row);
      return row;
    });
  } catch (cause) {
    throw toStoreError(cause, 'saving the bundle');
  }
}

export async function getBundle(db: ClawproofDb, hash: Digest): Promise<BundleRow | undefined> {
  try {
    return await db.bundles.get(hash);
  } catch (cause) {
    throw toStoreError(cause, 'reading the library');
  }
}

export async function getBundleBytes(db: ClawproofDb, hash: Digest): Promise<Uint8Array> {
  let row;
  try {
    row = await db.bundleBytes.get(hash);
  } catch (cause) {
    throw toStoreError(cause, 'reading the bundle');
  }
  if (row === undefined) throw storeError('STORE_NOT_FOUND', `The library holds no bundle ${hash}: it may have been deleted.`);
  return row.bytes;
}

/** Every bundle, most recently opened first. */
export async function listBundles(db: ClawproofDb): Promise<BundleRow[]> {
  try {
    return await db.bundles.orderBy('lastOpenedAt').reverse().toArray();
  } catch (cause) {
    throw toStoreError(cause, 'reading the library');
  }
}

/** Deletes a bundle with everything derived from it: its bytes, reports and the tokens it was the source of. */
export async function deleteBundle(db: ClawproofDb, hash: Digest): Promise<void> {
  try {
    await db.transaction('rw', db.bundles, db.bundleBytes, db.reports, db.seenTokens, async () => {
      await db.bundles.delete(hash);
      await db.bundleBytes.delete(hash);
      await db.reports.where('bundleHash').equals(hash).delete();
      await db.seenTokens.where('bundleHash').equals(hash).delete();
    });
  } catch (cause) {
    throw toStoreError(cause, 'deleting the bundle');
  }
}

export interface LibraryUsage {
  readonly bundles: number;
  /** Sum of the stored bundle sizes (reports and indexes come on top). */
  readonly bundleBytes: number;
  readonly reports: number;
}

export async function libraryUsage(db: ClawproofDb): Promise<LibraryUsage> {
  try {
    const rows = await db.bundles.toArray();
    return {
      bundles: rows.length,
      bundleBytes: rows.reduce((sum, row) => sum + row.size, 0),
      reports: await db.reports.count(),
    };
  } catch (cause) {
    throw toStoreError(cause, 'reading the library');
  }
}
