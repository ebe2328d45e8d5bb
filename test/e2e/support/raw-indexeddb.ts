/**
 * The page's real IndexedDB, reached with the raw API (no Dexie, nothing mocked): what the store
 * tests use to damage an entry the way a hand edit or another build would, and to look at what
 * is stored afterwards.
 */
import type { Page } from '@playwright/test';

const DB = 'clawproof';

/** Reads one row of `store` by primary key (or the first row of `index` equal to `key`). */
export function readRow(page: Page, store: string, key: unknown, index?: string): Promise<unknown> {
  return page.evaluate(
    ({ name, store, key, index }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const source = db.transaction(store, 'readonly').objectStore(store);
          const request = index === undefined ? source.get(key as IDBValidKey) : source.index(index).get(key as IDBValidKey);
          request.onsuccess = () => (db.close(), resolve(request.result));
          request.onerror = () => (db.close(), reject(request.error));
        };
      }),
    { name: DB, store, key, index },
  );
}

/**
 * Damages one stored row the way a hand edit or another build's format would: reads the row under
 * `key` (or the first whose `index` equals it), sets the members of `patch` (those named in
 * `asBytes` become a Uint8Array of the given numbers) and puts it back.
 */
export function patchRow(
  page: Page,
  store: string,
  key: unknown,
  patch: Record<string, unknown>,
  options: { readonly index?: string; readonly asBytes?: readonly string[] } = {},
): Promise<void> {
  return page.evaluate(
    ({ name, store, key, patch, index, asBytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          const source = tx.objectStore(store);
          const read = index === undefined ? source.get(key as IDBValidKey) : source.index(index).get(key as IDBValidKey);
          read.onsuccess = () => {
            const changes = Object.fromEntries(
              Object.entries(patch).map(([member, value]) => [member, asBytes.includes(member) ? Uint8Array.from(value as number[]) : value]),
            );
            source.put({ ...(read.result as object), ...changes });
          };
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
          tx.onabort = () => (db.close(), reject(tx.error));
        };
      }),
    { name: DB, store, key, patch, index: options.index, asBytes: options.asBytes ?? [] },
  );
}

/** How many rows `store` holds, optionally only those whose `index` equals `key`. */
export function countRows(page: Page, store: string, index?: string, key?: unknown): Promise<number> {
  return page.evaluate(
    ({ name, store, index, key }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const source = db.transaction(store, 'readonly').objectStore(store);
          const request = index === undefined ? source.count() : source.index(index).count(key as IDBValidKey);
          request.onsuccess = () => (db.close(), resolve(request.result));
          request.onerror = () => (db.close(), reject(request.error));
        };
      }),
    { name: DB, store, index, key },
  );
}

/** The version IndexedDB reports for the app's database (Dexie's version times 10). */
export function nativeVersion(page: Page): Promise<number | undefined> {
  return page.evaluate(async (name) => (await indexedDB.databases()).find((db) => db.name === name)?.version, DB);
}
