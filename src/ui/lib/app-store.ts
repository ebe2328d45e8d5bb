/**
 * The app's one store: the browser's IndexedDB through Dexie, with verification in a Web Worker.
 * Started once from main.ts; views await `ready()` before their first read.
 */
import { ClawproofDb, configureStore, createStore, type Store, type StoredTrustRoot } from '../../store/index.js';
import { VERIFIER_VERSION } from '../../verify/version.js';
import { demoTrustRoot } from './demo-content.js';
import { createWorkerVerifier } from './worker-verifier.js';

let started: Promise<Store> | undefined;

/** Opens the database, preinstalls the demo trust root (marked demo-only) and configures the store. */
export function ready(): Promise<Store> {
  started ??= (async () => {
    const store = configureStore(createStore(new ClawproofDb(), createWorkerVerifier(VERIFIER_VERSION)));
    const demo = demoTrustRoot();
    if (demo !== undefined) await store.installTrustRoot(demo, { builtIn: true });
    return store;
  })();
  return started;
}

export async function activeTrustRoot(): Promise<StoredTrustRoot | undefined> {
  return (await ready()).getActiveTrustRoot();
}
