import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle, RecordPayload } from '../../../src/core/bundle/types.js';
import { checkProposals } from '../../../src/verify/checks/proposals.js';
import { canonicalJson } from '../../../src/core/canonical.js';
import type { JsonObject } from '../../../src/core/json.js';
import { contextOf, editRecords, failCodes, fixedModel, policy, run, sampleTickets, uselessModel, withWpc } from '../diff/bundles.js';

let good: ProofBundle; // 8 tickets, every answer gives a proposal
let useless: ProofBundle; // every answer lacks the required fields: calls up to the cap, no proposal

beforeAll(async () => {
  [good, useless] = await Promise.all([run({ approvals: 'auto', model: 'compromised' }), run({ model: uselessModel() })]);
});

const proposals = (r: RecordPayload): r is Extract<RecordPayload, { kind: 'proposal' }> => r.kind === 'proposal';

describe('checkProposals re-derives each proposal from the receipted answer', () => {
  it('passes every proposal the runtime recorded, and the tickets whose answers give none', async () => {
    expect(checkProposals(await contextOf(good)).issues).toEqual([]);
    expect(checkProposals(await contextOf(useless)).issues).toEqual([]);
  });

  it('PROPOSAL_MISMATCH names the member the recorded proposal changed, and what the model answered', async () => {
    let ticket = 0;
    const bundle = editRecords(good, (r) => {
      if (proposals(r) && ticket === 0) {
        ticket = r.ticket_id;
        r.proposal.recommended_queue = 'retention';
      }
    });
    const result = checkProposals(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['PROPOSAL_MISMATCH']);
    expect(result.issues[0]!.message).toMatch(new RegExp(`^Ticket ${ticket}: the recorded proposal's recommended_queue is "retention", but the model answered "`));
    expect(result.issues[0]!.evidence[0]).toMatchObject({ payloadPointer: '/proposal/recommended_queue', actual: '"retention"' });
  });

  it('PROPOSAL_RECEIPT_MISMATCH and PROPOSAL_BEFORE_RECEIPT for a proposal naming another receipt, or dated before its answer', async () => {
    const first = (await contextOf(good)).receipts[1]!.payload!;
    const renamed = editRecords(good, (r) => {
      if (proposals(r) && r.ticket_id !== first.ticket_id) r.receipt_id = first.receipt_id;
    });
    expect(new Set(failCodes(checkProposals(await contextOf(renamed))))).toEqual(new Set(['PROPOSAL_RECEIPT_MISMATCH']));
    const early = editRecords(good, (r) => {
      if (proposals(r)) r.at = '2026-01-05T08:59:59.000Z';
    });
    expect(new Set(failCodes(checkProposals(await contextOf(early))))).toEqual(new Set(['PROPOSAL_BEFORE_RECEIPT']));
  });

  it('PROPOSAL_OMITTED when a proposal the answer gives is dropped, PROPOSAL_DUPLICATE when one is recorded twice', async () => {
    let dropped = 0;
    const omitted = editRecords(good, (r) => {
      if (proposals(r) && dropped === 0) {
        dropped = r.ticket_id;
        return [];
      }
    });
    const result = checkProposals(await contextOf(omitted));
    expect(failCodes(result)).toEqual(['PROPOSAL_OMITTED']);
    expect(result.issues[0]!.message).toMatch(new RegExp(`^Ticket ${dropped}: the model's answer \\(rct_\\w+\\) gives a proposal .* but no proposal is recorded: what the model asked for is hidden$`));
    let copied = false;
    const twice = editRecords(good, (r) => {
      if (proposals(r) && !copied) {
        copied = true;
        return [r, { ...r, record_id: `${r.record_id}b` }];
      }
    });
    expect(failCodes(checkProposals(await contextOf(twice)))).toContain('PROPOSAL_DUPLICATE');
  });

  it('MODEL_CALLS_MISMATCH when the receipted calls are not what the answers call for (the cap moved under them)', async () => {
    // The useless model was called up to the seed WPC's cap of 3; a WPC with a cap of 2 says one call too many.
    const wpc = policy('routing-auto-assign-approval');
    const result = checkProposals(await contextOf(withWpc(useless, { ...wpc, limits: { ...(wpc['limits'] as object), max_model_calls_per_ticket: 2 } })));
    expect(new Set(failCodes(result))).toEqual(new Set(['MODEL_CALLS_MISMATCH']));
    expect(result.issues[0]!.message).toMatch(/max_model_calls_per_ticket \(2\), so the calls after call 2 are past its bound, .* so 2 receipted call\(s\) were due, not 3/);
  });

  it('[R-BUNDLE-13] refuses calls beyond the harness bound: a proposal from the call after it is the harness\'s, not the model\'s', async () => {
    // Each ticket's first three answers are useless and the fourth usable: honest under a cap of 5.
    const seen = new Map<string, number>();
    const model = {
      id: 'test-late',
      classify: (view: JsonObject) => {
        const key = canonicalJson(view);
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        return n <= 3 ? { category: 'billing' } : fixedModel([]).classify(view);
      },
    };
    const wpc = policy('routing-auto-assign-approval');
    const limits = wpc['limits'] as JsonObject;
    const late = await run({ model, tickets: sampleTickets(2), wpc: { ...wpc, limits: { ...limits, max_model_calls_per_ticket: 5 } } });
    expect(checkProposals(await contextOf(late)).issues).toEqual([]);
    // Without a cap the harness stops after 3 calls: the fourth, and the proposal it gave, are past its bound.
    const { max_model_calls_per_ticket: _cap, ...uncapped } = limits;
    const result = checkProposals(await contextOf(withWpc(late, { ...wpc, limits: uncapped })));
    expect(failCodes(result).sort()).toEqual(['MODEL_CALLS_MISMATCH', 'MODEL_CALLS_MISMATCH', 'PROPOSAL_WITHOUT_RESPONSE', 'PROPOSAL_WITHOUT_RESPONSE']);
    expect(result.issues.find((i) => i.code === 'MODEL_CALLS_MISMATCH')!.message).toMatch(/the harness calls 3 times, so the calls after call 3 are past its bound.* so 3 receipted call\(s\) were due, not 4$/);
  });

  it('PROPOSAL_UNVERIFIABLE without a usable WPC', async () => {
    const result = checkProposals(await contextOf({ ...good, wpc: { ...good.wpc, signatures: [] } }));
    expect(failCodes(result)).toEqual(['PROPOSAL_UNVERIFIABLE']);
  });
});
