/**
 * Registered codes no other test produced: each made by a real tampering of a runtime bundle and
 * reported by the check the registry names (support.ts holds every report to the registry).
 * RECORD_TIME_INVALID is not here: a record's `at` that fails to parse already fails its schema
 * (TIMESTAMP_INVALID), so the decisions check never sees one; CHECK_CRASHED needs a verifier bug.
 */
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import type { ApprovalPayload, DecisionRecord, ProofBundle, RecordPayload } from '../../src/core/bundle/types.js';
import { CHECK_CODES, type CheckCode } from '../../src/format/codes.js';
import type { CheckId } from '../../src/verify/report.js';
import { claimsOf, codesOf, edited, makeBundle, mintCst, rewriteReceipts, rewriteRecords, signRawPayload, verify } from './support.js';

async function codesAfter(tamper: (bundle: ProofBundle) => void, check: CheckId): Promise<string[]> {
  const bundle = await makeBundle();
  tamper(bundle);
  return codesOf(await verify(bundle), check);
}

const cases: readonly [CheckCode, CheckId, (bundle: ProofBundle) => void][] = [
  [
    'ARRAY_TOO_SHORT',
    'structure',
    (b) => {
      b.approvals[0] = edited<ApprovalPayload>(b.approvals[0]!, 'approval', 'approver', (a) => {
        a.actions = [];
      });
    },
  ],
  ['STRING_TOO_LONG', 'receipts', (b) => rewriteReceipts(b, (r, i) => void (i === 0 && (r.model = 'm'.repeat(65_537))))],
  ['STRING_TOO_SHORT', 'receipts', (b) => rewriteReceipts(b, (r, i) => void (i === 0 && (r.model = '')))],
  ['PAYLOAD_NOT_JSON', 'receipts', (b) => void (b.receipts[0] = signRawPayload('receipt', 'proxy', utf8Encode('{"v":1,')))],
  [
    // The WPC is signed at the job's start: with no job_start, CST or manifest to read, no time is left.
    'SIGNING_TIME_UNKNOWN',
    'trust',
    (b) => {
      b.cst = 'not a token';
      b.records = [];
      b.manifest = { ...b.manifest, payloadType: 'text/plain' };
    },
  ],
  [
    'CST_WINDOW_INVALID',
    'cst',
    (b) => {
      const claims = claimsOf(b.cst);
      b.cst = mintCst({ ...claims, nbf: claims.iat + 1 });
    },
  ],
  [
    'CST_PIN_UNVERIFIABLE',
    'cst',
    (b) => {
      const { policy_hash: _pin, ...claims } = claimsOf(b.cst);
      b.cst = mintCst(claims);
      b.wpc = { ...b.wpc, payloadType: 'text/plain' };
    },
  ],
  ['MODEL_RESPONSE_DUPLICATE', 'model_views', (b) => void b.model_responses.push(structuredClone(b.model_responses[0]!))],
  [
    'ACTION_ARGS_INVALID',
    'tickets',
    (b) =>
      rewriteRecords(b, (r: RecordPayload) => {
        const d = r as DecisionRecord;
        if (d.kind === 'decision' && d.applied && d.action === 'tickets.assign') d.args = { queue: 42 };
      }),
  ],
];

describe('codes the other tests do not produce', () => {
  it.each(cases)('%s is reported by %s', async (code, check, tamper) => {
    expect(CHECK_CODES[code].checks).toContain(check);
    expect(await codesAfter(tamper, check)).toContain(code);
  });
});
