/**
 * What a ticket's receipted answers imply for the harness's calls. The receipt itself plays no part
 * in callOutcome (only the answer does), so the calls here carry a bare stand-in for it.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { callBound, callOutcome, HARNESS_ATTEMPT_CEILING, HARNESS_MAX_ATTEMPTS } from '../../../src/verify/derive/call-outcome.js';
import type { TicketCall } from '../../../src/verify/derive/calls.js';

const USABLE: JsonObject = { category: 'billing', confidence: 0.9, recommended_queue: 'billing', rationale: 'a charge', requested_actions: [] };
const USELESS: JsonObject = { category: 'billing' };

/** `failing` unusable answers, then (with `thenUsable`) one that gives a proposal. */
function calls(failing: number, thenUsable: boolean): TicketCall[] {
  const answers = [...Array.from({ length: failing }, () => USELESS), ...(thenUsable ? [USABLE] : [])];
  return answers.map((response) => ({ receipt: {} as TicketCall['receipt'], response, view: {} }));
}

describe('callOutcome', () => {
  it('ends the calls at the first answer that gives a proposal', () => {
    const outcome = callOutcome(calls(1, true), [], 5);
    expect(outcome).toMatchObject({ usable: 1, expectedCalls: 2, refused: false });
    expect(outcome.proposal?.category).toBe('billing');
  });

  it('without a usable answer, expects the calls up to the bound, and a refusal only below the ceiling', () => {
    expect(callOutcome(calls(3, false), [], null)).toMatchObject({ usable: null, expectedCalls: HARNESS_MAX_ATTEMPTS, refused: false });
    expect(callOutcome(calls(4, false), [], 4)).toMatchObject({ usable: null, expectedCalls: 4, refused: true });
    expect(callOutcome(calls(10, false), [], 50)).toMatchObject({ usable: null, expectedCalls: HARNESS_ATTEMPT_CEILING, refused: false });
  });

  // [R-BUNDLE-13] A call past the harness's bound is one it never makes: however good its answer,
  // it gives no proposal, and the calls due stay the bound.
  it('[R-BUNDLE-13] refuses calls beyond the harness bound: an answer past it gives no proposal', () => {
    expect(callBound(null)).toBe(HARNESS_MAX_ATTEMPTS);
    expect(callBound(2)).toBe(2);
    expect(callBound(50)).toBe(HARNESS_ATTEMPT_CEILING);
    for (const [cap, bound] of [
      [null, HARNESS_MAX_ATTEMPTS],
      [2, 2],
      [50, HARNESS_ATTEMPT_CEILING],
    ] as const) {
      const outcome = callOutcome(calls(bound, true), [], cap);
      expect(outcome, `cap ${cap}`).toMatchObject({ usable: null, proposal: null, expectedCalls: bound });
      expect(outcome.failures).toHaveLength(bound);
      // The last call within the bound may still give the proposal.
      expect(callOutcome(calls(bound - 1, true), [], cap), `cap ${cap}`).toMatchObject({ usable: bound - 1, expectedCalls: bound });
    }
  });
});
