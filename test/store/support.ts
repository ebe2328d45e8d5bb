/**
 * Test inputs for the store: a fresh fake-indexeddb database per test, the demo trust root and a
 * root of other keys, and real proof bundles made by the simulated runtime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { utf8Encode } from '../../src/core/bytes.js';
import { parseCompactJws, signCompactJws } from '../../src/core/jws.js';
import type { TrustRoot } from '../../src/core/trust-root.js';
import { signerFor } from '../../src/runtime/keys/keyring.js';
import { bundleBytes } from '../../src/runtime/bundle/serialize.js';
import { demoKeyring, newKeyring } from '../../src/runtime/keys/generate.js';
import { trustRootFromKeyring } from '../../src/runtime/keys/trust-root.js';
import { runJob } from '../../src/runtime/job/run-job.js';
import type { ClassifierModel } from '../../src/runtime/services/model.js';
import type { Ticket } from '../../src/runtime/tickets/types.js';
import { ClawproofDb, SCHEMA_VERSIONS, type SchemaVersion } from '../../src/store/db.js';

const ROOT = join(import.meta.dirname, '..', '..');

let databases = 0;

/** A database of its own on a fresh in-memory IndexedDB. */
export function openTestDb(): ClawproofDb {
  databases += 1;
  return new ClawproofDb(`clawproof-test-${databases}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/**
 * One in-memory IndexedDB that several "tabs" open: `current()` declares this build's schema,
 * `next()` one version more (what a newer Clawproof would declare), and `indexedDB` is the raw
 * factory for connections that behave like no Clawproof build (they ignore versionchange).
 */
export function sharedDatabase() {
  databases += 1;
  const name = `clawproof-shared-${databases}`;
  const indexedDB = new IDBFactory();
  return {
    name,
    indexedDB,
    current: () => new ClawproofDb(name, { indexedDB, IDBKeyRange }),
    next: () => new ClawproofDb(name, { indexedDB, IDBKeyRange }, [...SCHEMA_VERSIONS, NEXT_SCHEMA]),
  };
}

/** A newer schema: same tables, and an upgrade that leaves a mark, so a test can tell it ran. */
export const NEXT_SCHEMA: SchemaVersion = {
  version: SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version + 1,
  stores: {},
  upgrade: async (tx) => {
    await tx.table('settings').put({ key: 'upgradedBy', value: 'next-schema' });
  },
};

export const DEMO_KEYRING = demoKeyring();
export const DEMO_ROOT: TrustRoot = trustRootFromKeyring(DEMO_KEYRING);

/** A root of keys nobody signed the demo bundles with (deterministic, so runs repeat). */
export function otherRoot(name = 'Auditor trust root'): TrustRoot {
  let counter = 0;
  const keyring = newKeyring({
    name,
    validFrom: '2025-01-01T00:00:00Z',
    randomBytes: (length) => Uint8Array.from({ length }, () => (counter++ * 37 + 11) % 256),
  });
  return trustRootFromKeyring(keyring, name);
}

function ticket(id: number): Ticket {
  return {
    id,
    subject: `Invoice question ${id}`,
    description: 'I was charged twice for my plan this month.',
    status: 'new',
    priority: null,
    type: 'question',
    assignee_id: null,
    group_id: null,
    organization_id: null,
    requester_id: 1000 + id,
    tags: ['web'],
    custom_fields: [],
    created_at: '2026-01-04T10:00:00Z',
    updated_at: '2026-01-04T10:00:00Z',
    via: { channel: 'web' },
    requester: { id: 1000 + id, name: 'Pat Example', email: `pat${id}@example.com`, phone: null },
    comments: [{ id: 1, author_id: 1000 + id, body: 'I was charged twice for my plan this month.', public: true, created_at: '2026-01-04T10:00:00Z' }],
  } as Ticket;
}

const model: ClassifierModel = {
  id: 'store-test-model',
  classify: () => ({
    category: 'billing',
    confidence: 0.9,
    recommended_queue: 'billing',
    rationale: 'mentions a double charge',
    priority: 'normal',
    notification_template: null,
    requested_actions: [{ action: 'tickets.add_label', args: { label: 'category_billing' } }],
  }),
};

/** The bytes of a real bundle signed with the demo keys; a different seed gives a different job. */
export async function makeBundle(seed = 1, tickets = 2): Promise<Uint8Array> {
  const wpc: unknown = JSON.parse(readFileSync(join(ROOT, 'fixtures/policies/ticket-routing.wpc.json'), 'utf8'));
  const { bundle } = await runJob({
    wpc,
    tickets: Array.from({ length: tickets }, (_, i) => ticket(i + 1)),
    model,
    keyring: DEMO_KEYRING,
    seed,
    start: '2026-01-05T09:00:00.000Z',
  });
  return bundleBytes(bundle);
}

/** A clock the test moves by hand, so "last opened" order does not depend on the machine's speed. */
export function manualClock(start = '2026-02-01T10:00:00.000Z'): { now: () => Date; advance: (ms?: number) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms = 1000) => void (t += ms) };
}

/**
 * `victim`'s bundle with its CST re-minted (demo scope key) to carry `donor`'s jti: a token id
 * reused by another job, which the replay check must flag once the donor was seen.
 */
export function withReusedJti(victim: Uint8Array, donor: Uint8Array): Uint8Array {
  const claimsOf = (bytes: Uint8Array) => parseCompactJws((JSON.parse(new TextDecoder().decode(bytes)) as { cst: string }).cst);
  const doc = JSON.parse(new TextDecoder().decode(victim)) as { cst: string };
  const token = claimsOf(victim);
  const scope = signerFor(DEMO_KEYRING, 'scope');
  const header = { typ: String(token.header['typ']), kid: String(token.header['kid']) };
  doc.cst = signCompactJws(header, { ...token.claims, jti: claimsOf(donor).claims['jti'] ?? null }, scope.secretKey);
  return utf8Encode(`${JSON.stringify(doc, null, 2)}\n`);
}
