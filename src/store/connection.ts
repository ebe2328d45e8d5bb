/**
 * The Library's connection when Clawproof is open in several tabs. IndexedDB keeps one schema
 * version of a database open at a time: a newer build opening in another tab first asks every
 * open connection to let go (`versionchange`), and waits (`blocked`) while any still holds on.
 *
 * Dexie 4 closes on versionchange but reopens on the next query, at the newer version, so older
 * code would go on reading and writing rows in a format it does not know. This connection closes
 * for good instead, and says so, so the page can ask the user to reload (which loads the newer
 * app). The newer tab reports that it is waiting rather than hanging silently.
 */
import type { ClawproofDb } from './db.js';
import { toStoreError, type StoreError } from './errors.js';

export type ConnectionState =
  | { readonly kind: 'opening' }
  /** Another tab holds an older schema open; the open goes on as soon as it lets go. */
  | { readonly kind: 'blocked'; readonly heldVersion: number }
  | { readonly kind: 'open' }
  /** Another tab upgraded (or deleted) the database; this tab's connection is closed for good. */
  | { readonly kind: 'superseded'; readonly newVersion: number | null }
  | { readonly kind: 'failed'; readonly error: StoreError };

export type ConnectionListener = (state: ConnectionState) => void;

export interface LibraryConnection {
  readonly state: ConnectionState;
  /** Calls `listener` with the state now and on every change; returns the unsubscribe. */
  subscribe(listener: ConnectionListener): () => void;
  /** Opens the database (waiting out a blocking tab); rejects with a StoreError. */
  open(): Promise<void>;
}

/** Dexie multiplies its version numbers by 10 for IndexedDB (Dexie.version(1) is native 10). */
function dexieVersion(native: number | null): number | null {
  return native === null ? null : native / 10;
}

/** Watches `db`'s connection; call once per database, before its first query. */
export function connect(db: ClawproofDb): LibraryConnection {
  let state: ConnectionState = { kind: 'opening' };
  const listeners = new Set<ConnectionListener>();
  const set = (next: ConnectionState): void => {
    state = next;
    for (const listener of listeners) listener(next);
  };

  // Dexie calls the latest subscriber first; returning false stops the chain before its own
  // default, which would close with auto-open left on and so reopen at the first query.
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    const newVersion = dexieVersion(event.newVersion);
    db.supersededBy = { version: newVersion };
    // disableAutoOpen: no later query may reopen the database under this tab's older schema.
    db.close({ disableAutoOpen: true });
    set({ kind: 'superseded', newVersion });
    return false;
  });
  db.on('blocked', (event: IDBVersionChangeEvent) => {
    if (state.kind === 'opening' || state.kind === 'blocked') set({ kind: 'blocked', heldVersion: dexieVersion(event.oldVersion) ?? 0 });
  });

  let opening: Promise<void> | undefined;
  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => void listeners.delete(listener);
    },
    open() {
      opening ??= db.open().then(
        () => {
          if (db.supersededBy === null) set({ kind: 'open' });
        },
        (cause: unknown) => {
          const error = toStoreError(cause, 'opening the library');
          set({ kind: 'failed', error });
          throw error;
        },
      );
      return opening;
    },
  };
}
