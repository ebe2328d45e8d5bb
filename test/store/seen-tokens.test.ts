import { afterEach, describe, expect, it } from 'vitest';
import type { ClawproofDb } from '../../src/store/db.js';
import { bundlesWithToken, seenTokenRow, seenTokensExcept } from '../../src/store/seen-tokens.js';
import { openTestDb } from './support.js';

const A = `sha256:${'a'.repeat(64)}` as const;
const B = `sha256:${'b'.repeat(64)}` as const;
const C = `sha256:${'c'.repeat(64)}` as const;

let db: ClawproofDb;
afterEach(() => db?.close());

describe('seen tokens', () => {
  it('gives the tokens of every other bundle, never those of the bundle being verified', async () => {
    db = openTestDb();
    await db.seenTokens.bulkPut([
      seenTokenRow({ jti: 'jti-1', jobId: 'job-a' }, A, '2026-01-01T00:00:00.000Z'),
      seenTokenRow({ jti: 'jti-2', jobId: 'job-b' }, B, '2026-01-02T00:00:00.000Z'),
    ]);
    expect(await seenTokensExcept(db, A)).toEqual(new Map([['jti-2', 'job-b']]));
    expect(await seenTokensExcept(db, C)).toEqual(new Map([['jti-1', 'job-a'], ['jti-2', 'job-b']]));
  });

  it('keeps the earliest sighting when one jti appears in several bundles', async () => {
    db = openTestDb();
    await db.seenTokens.bulkPut([
      seenTokenRow({ jti: 'jti-1', jobId: 'job-late' }, B, '2026-01-03T00:00:00.000Z'),
      seenTokenRow({ jti: 'jti-1', jobId: 'job-early' }, A, '2026-01-01T00:00:00.000Z'),
    ]);
    expect(await seenTokensExcept(db, C)).toEqual(new Map([['jti-1', 'job-early']]));
    expect(await seenTokensExcept(db, A)).toEqual(new Map([['jti-1', 'job-late']]));
  });

  it('names the other bundles a token was seen in', async () => {
    db = openTestDb();
    await db.seenTokens.bulkPut([
      seenTokenRow({ jti: 'jti-1', jobId: 'job-a' }, A, '2026-01-01T00:00:00.000Z'),
      seenTokenRow({ jti: 'jti-1', jobId: 'job-b' }, B, '2026-01-02T00:00:00.000Z'),
      seenTokenRow({ jti: 'jti-2', jobId: 'job-c' }, C, '2026-01-02T00:00:00.000Z'),
    ]);
    expect((await bundlesWithToken(db, 'jti-1', B)).map((r) => r.bundleHash)).toEqual([A]);
  });
});
