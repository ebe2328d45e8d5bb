/**
 * Bundles in the Library: bytes stored once under their SHA-256, plus a small row per bundle for
 * listing. Saving the same bytes again (another file name, a second Lab export) is a no-op apart
 * from the "last opened" time.
 */
import type { IndexableType } from 'dexie';
import { sha256Async, type Digest } from '../core/hash.js';
import { stamp, systemNow, type Now } from './clock.js';
import { BUNDLE_SOURCES, type BundleRow, type BundleSource, type ClawproofDb } from './db.js';
import { storeError, toStoreError, type StoreError } from './errors.js';
import { decodeBundleRow, decodeBytesRow, keyText } from './rows.js';

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
      const stored = await db.bundles.get(hash);
      // A damaged entry is rebuilt from the bytes in hand rather than kept.
      const existing = stored === undefined ? undefined : decodeBundleRow(stored);
      if (existing?.ok === true) {
        const updated: BundleRow = { ...existing.row, lastOpenedAt: at };
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
      await db.bundleBytes.put({ hash, bytes: storedBytes(bytes) });
      await db.bundles.put(row);
      return row;
    });
  } catch (cause) {
    throw toStoreError(cause, 'saving the bundle');
  }
}

export async function getBundle(db: ClawproofDb, hash: Digest): Promise<BundleRow | undefined> {
  let stored: unknown;
  try {
    stored = await db.bundles.get(hash);
  } catch (cause) {
    throw toStoreError(cause, 'reading the library');
  }
  if (stored === undefined) return undefined;
  const decoded = decodeBundleRow(stored);
  if (!decoded.ok) throw damagedEntry(hash, decoded.problem);
  return decoded.row;
}

/**
 * The stored bytes, checked against the hash they are stored under (a verifier re-derives): a
 * damaged copy is reported, never verified as if it were the bundle the user opened.
 */
export async function getBundleBytes(db: ClawproofDb, hash: Digest): Promise<Uint8Array> {
  const stored = await storedBundleBytes(db, hash);
  let bytes: Uint8Array;
  try {
    bytes = stored instanceof Uint8Array ? stored : new Uint8Array(await stored.arrayBuffer());
  } catch (cause) {
    throw damagedEntry(hash, `its stored content cannot be read (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  if ((await bundleHash(bytes)) !== hash) throw damagedEntry(hash, 'its stored content no longer hashes to its name');
  return bytes;
}

/**
 * Checks the stored bytes against the hash they are stored under, like getBundleBytes, without
 * bringing them into this thread when `hashBlob` can read and hash them elsewhere (the worker):
 * a cached reopen checks a 78 MB bundle with no long task on the page.
 */
export async function checkBundleBytes(db: ClawproofDb, hash: Digest, hashBlob?: (blob: Blob) => Promise<Digest>): Promise<void> {
  const stored = await storedBundleBytes(db, hash);
  if (hashBlob === undefined || stored instanceof Uint8Array) {
    await getBundleBytes(db, hash);
    return;
  }
  let actual: Digest;
  try {
    actual = await hashBlob(stored);
  } catch (cause) {
    throw damagedEntry(hash, `its stored content cannot be read (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  if (actual !== hash) throw damagedEntry(hash, 'its stored content no longer hashes to its name');
}

/**
 * The bytes as stored: a Blob (see BundleBytesRow), which is also a copy, so a caller reusing its
 * buffer (or transferring it to a worker) cannot change what is stored. A Blob (a File the user
 * chose) is stored as it is: it cannot change, and copying it would cost the page's thread.
 */
export function storedBytes(bytes: Uint8Array | Blob): Blob {
  return bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/**
 * The stored row's bytes (a Blob, or a Uint8Array a schema-1 build stored), not yet checked
 * against `hash`: the caller must (verifyAndCache's `storedAs` does, hashing where it verifies).
 */
export async function storedBundleBytes(db: ClawproofDb, hash: Digest): Promise<Blob | Uint8Array> {
  let row;
  try {
    row = await db.bundleBytes.get(hash);
  } catch (cause) {
    throw toStoreError(cause, 'reading the bundle');
  }
  if (row === undefined) throw storeError('STORE_NOT_FOUND', `The library holds no bundle ${hash}: it may have been deleted.`);
  const decoded = decodeBytesRow(row);
  if (!decoded.ok) throw damagedEntry(hash, `its stored content cannot be read (${decoded.problem})`);
  return decoded.row.bytes;
}

export function damagedEntry(key: IndexableType, problem: string): StoreError {
  return storeError(
    'STORE_CORRUPT',
    `The library entry ${keyText(key)} cannot be read: ${problem}. Remove it from the library, then open the original file ` +
      'again to store it afresh; every other entry is unaffected.',
    { details: { key: keyText(key) } },
  );
}

/** A Library entry that does not decode: shown apart, with a way to remove it. */
export interface UnreadableEntry {
  /** The entry's primary key as stored (not necessarily a digest). */
  readonly key: IndexableType;
  /** The key as text, for the UI. */
  readonly keyText: string;
  /** The stored name when it is still a readable string. */
  readonly name: string | null;
  readonly problem: string;
}

export interface LibraryListing {
  /** Readable entries, most recently opened first. */
  readonly bundles: BundleRow[];
  readonly unreadable: UnreadableEntry[];
}

/**
 * Every entry of the Library, the readable ones apart from those that do not decode or whose
 * stored content is missing, so one damaged entry never hides the others.
 */
export async function listLibrary(db: ClawproofDb): Promise<LibraryListing> {
  let rows: unknown[];
  let keys: IndexableType[];
  let withBytes: Set<unknown>;
  try {
    [rows, keys, withBytes] = await db.transaction('r', db.bundles, db.bundleBytes, async () => [
      await db.bundles.toArray(),
      await db.bundles.toCollection().primaryKeys(),
      new Set<unknown>(await db.bundleBytes.toCollection().primaryKeys()),
    ]);
  } catch (cause) {
    throw toStoreError(cause, 'reading the library');
  }
  const bundles: BundleRow[] = [];
  const unreadable: UnreadableEntry[] = [];
  rows.forEach((stored, index) => {
    const key = keys[index] as IndexableType;
    const decoded = decodeBundleRow(stored);
    const problem = !decoded.ok ? decoded.problem : withBytes.has(key) ? null : 'its stored content is missing';
    if (decoded.ok && problem === null) bundles.push(decoded.row);
    else unreadable.push({ key, keyText: keyText(key), name: nameOf(stored), problem: problem ?? 'unreadable' });
  });
  // Newest first; ties in the order the lastOpenedAt index walked in reverse gives (hash descending).
  bundles.sort((a, b) => descending(a.lastOpenedAt, b.lastOpenedAt) || descending(a.hash, b.hash));
  return { bundles, unreadable };
}

function descending(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function nameOf(stored: unknown): string | null {
  const name = typeof stored === 'object' && stored !== null ? (stored as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** Every readable bundle, most recently opened first (listLibrary without the damaged entries). */
export async function listBundles(db: ClawproofDb): Promise<BundleRow[]> {
  return (await listLibrary(db)).bundles;
}

/** Deletes a bundle with everything derived from it: its bytes, reports and the tokens it was the source of. */
export async function deleteBundle(db: ClawproofDb, hash: Digest): Promise<void> {
  await deleteEntry(db, hash, 'deleting the bundle');
}

/** Removes an entry listLibrary reported as unreadable, by its stored key, with everything derived from it. */
export async function removeUnreadable(db: ClawproofDb, key: IndexableType): Promise<void> {
  await deleteEntry(db, key, 'removing the unreadable entry');
}

async function deleteEntry(db: ClawproofDb, key: IndexableType, doing: string): Promise<void> {
  try {
    await db.transaction('rw', [db.bundles, db.bundleBytes, db.reports, db.reportPages, db.seenTokens], async () => {
      await db.bundles.delete(key as Digest);
      await db.bundleBytes.delete(key as Digest);
      await db.reports.where('bundleHash').equals(key).delete();
      await db.reportPages.where('bundleHash').equals(key).delete();
      await db.seenTokens.where('bundleHash').equals(key).delete();
    });
  } catch (cause) {
    throw toStoreError(cause, doing);
  }
}

export interface LibraryUsage {
  readonly bundles: number;
  /** Sum of the stored bundle sizes (reports and indexes come on top). */
  readonly bundleBytes: number;
  readonly reports: number;
}

/** What the Library holds: readable entries only (listLibrary shows the damaged ones apart). */
export async function libraryUsage(db: ClawproofDb): Promise<LibraryUsage> {
  const { bundles } = await listLibrary(db);
  let reports: number;
  try {
    reports = await db.reports.count();
  } catch (cause) {
    throw toStoreError(cause, 'reading the library');
  }
  return { bundles: bundles.length, bundleBytes: bundles.reduce((sum, row) => sum + row.size, 0), reports };
}
