import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.js';
import type { BundleRow, ReportRow } from '../../src/store/db.js';
import { inThreadVerifier } from '../../src/store/in-thread-verifier.js';
import { decodeBundleRow, decodeBytesRow, decodeReportRow, decodeSeenTokenRow, keyText } from '../../src/store/rows.js';
import { DEMO_ROOT, makeBundle } from './support.js';

const HASH = `sha256:${'ab'.repeat(32)}` as const;
const bundleRow: BundleRow = {
  hash: HASH,
  name: 'run.clawproof',
  source: 'lab',
  size: 10,
  addedAt: '2026-02-01T10:00:00.000Z',
  lastOpenedAt: '2026-02-01T10:00:00.000Z',
  jobId: null,
  lastVerdict: null,
};

let reportRow: ReportRow;
beforeAll(async () => {
  const { report } = await inThreadVerifier().verify(await makeBundle(1), DEMO_ROOT, { seenTokens: new Map() });
  const { head, outline } = report;
  reportRow = { bundleHash: HASH, trustRootHash: head.trustRoot.hash, verifierVersion: '1', verdict: head.verdict, checkedAt: head.checkedAt, head, outline };
});

describe('decoding rows read back from IndexedDB', () => {
  it('hands back a good row as stored, members it does not know included', () => {
    const stored = { ...bundleRow, addedBy: 'a later build' };
    const decoded = decodeBundleRow(stored);
    expect(decoded).toEqual({ ok: true, row: stored });
    expect(decoded.ok && decoded.row).toBe(stored);
    expect(decodeReportRow(reportRow)).toEqual({ ok: true, row: reportRow });
  });

  it.each([
    [{ ...bundleRow, name: 42 }, /^name: /],
    [{ ...bundleRow, source: 'floppy' }, /^source: /],
    [{ ...bundleRow, size: -1 }, /^size: /],
    [{ ...bundleRow, hash: 'abc' }, /^hash: expected a sha256: digest/],
    ['a string', /^the entry: /],
    [null, /^the entry: /],
  ])('says what is wrong with a damaged bundle row, and where (%#)', (stored, problem) => {
    const decoded = decodeBundleRow(stored);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.problem).toMatch(problem);
  });

  it('rejects a report row whose head is not a report head, or whose outline does not add up', () => {
    const decoded = decodeReportRow({ ...reportRow, head: { verdict: 'valid' } });
    expect(!decoded.ok && decoded.problem).toMatch(/^head\./);
    const short = decodeReportRow({ ...reportRow, outline: { ...reportRow.outline, ticketIds: [] } });
    expect(!short.ok && short.problem).toBe('outline.ticketIds: the ticket ids do not match the ticket count');
    const whole = decodeReportRow({ ...reportRow, head: undefined, outline: undefined, report: {} });
    expect(whole.ok).toBe(false);
  });

  it('wants bytes as a Uint8Array and a seen token with its ids', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(decodeBytesRow({ hash: sha256(bytes), bytes }).ok).toBe(true);
    expect(decodeBytesRow({ hash: sha256(bytes), bytes: [1, 2] }).ok).toBe(false);
    expect(decodeBytesRow({ hash: sha256(bytes), bytes: 'AQI=' }).ok).toBe(false);
    expect(decodeSeenTokenRow({ jti: 'j', bundleHash: HASH, jobId: 'job', seenAt: '2026' }).ok).toBe(true);
    expect(decodeSeenTokenRow({ jti: '', bundleHash: HASH, jobId: 'job', seenAt: '2026' }).ok).toBe(false);
  });

  it('shows any stored key as text', () => {
    expect(keyText(HASH)).toBe(HASH);
    expect(keyText(42)).toBe('42');
    expect(keyText(['a', 1])).toBe('["a",1]');
  });
});
