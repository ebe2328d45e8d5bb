/**
 * Live reads of the Library: Dexie's liveQuery re-runs a query whenever the tables it read change
 * (in this tab or another), so lists never go stale after a verification, import or delete.
 */
import { liveQuery } from 'dexie';
import type { Store } from '../../store/index.js';
import { ready } from './app-store.js';

export function watch<T>(query: (store: Store) => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  ready().then(
    (store) => {
      if (stopped) return;
      const subscription = liveQuery(() => query(store)).subscribe({ next: onValue, error: onError });
      unsubscribe = () => subscription.unsubscribe();
    },
    (error: unknown) => {
      if (!stopped) onError(error);
    },
  );
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
