/**
 * The app's one store: the browser's IndexedDB through Dexie, with verification in a Web Worker.
 * Started once from main.ts; views await `ready()` before their first read.
 */
import {
  ClawproofDb,
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  configureStore,
  connect,
  createStore,
  type SchemaVersion,
  type Store,
  type StoredTrustRoot,
} from '../../store/index.js';
import { VERIFIER_VERSION } from '../../verify/version.js';
import { demoTrustRoot } from './demo-content.js';
import { libraryConnection } from './library-connection.svelte.js';
import { NEXT_SCHEMA_TEST_MODE } from './test-modes.js';
import { createWorkerVerifier } from './worker-verifier.js';

/**
 * The schema this build declares. Vite replaces import.meta.env.MODE when it builds, so in the
 * production build the test branch reads `"production" === "e2e-next-schema"` and is dropped
 * (test/e2e/store-upgrade.spec.ts checks that dist/app carries no trace of it).
 */
function schemas(): readonly SchemaVersion[] {
  if (import.meta.env.MODE !== NEXT_SCHEMA_TEST_MODE) return SCHEMA_VERSIONS;
  const last = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1];
  const version = (last?.version ?? 0) + 1;
  return [
    ...SCHEMA_VERSIONS,
    {
      version,
      stores: {},
      upgrade: async (tx) => {
        await tx.table('settings').put({ key: 'e2eNextSchemaUpgrade', value: String(version) });
      },
    },
  ];
}

let started: Promise<Store> | undefined;

/**
 * Opens the database (reporting a wait for another tab, or a later loss of it to a newer tab, in
 * libraryConnection), preinstalls the demo trust root (marked demo-only) and configures the store.
 */
export function ready(): Promise<Store> {
  started ??= (async () => {
    const db = new ClawproofDb(DATABASE_NAME, undefined, schemas());
    const connection = connect(db);
    connection.subscribe((state) => (libraryConnection.state = state));
    await connection.open();
    const store = configureStore(createStore(db, createWorkerVerifier(VERIFIER_VERSION)));
    const demo = demoTrustRoot();
    if (demo !== undefined) await store.installTrustRoot(demo, { builtIn: true });
    return store;
  })();
  return started;
}

export async function activeTrustRoot(): Promise<StoredTrustRoot | undefined> {
  return (await ready()).getActiveTrustRoot();
}
