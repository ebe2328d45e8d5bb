/**
 * What a ticket's receipted model answers imply for the harness (docs/FORMATS.md, "Proof bundle",
 * `proposal`): the first answer that gives a proposal ends the calls; without one, the harness
 * calls again until the proxy refuses the call past max_model_calls_per_ticket, or, without a
 * cap, stops after HARNESS_MAX_ATTEMPTS calls, and never makes more than HARNESS_ATTEMPT_CEILING.
 */
import type { Proposal } from '../../core/bundle/types.js';
import type { TicketCall } from './calls.js';
import { deriveProposal } from './proposal.js';

/** Calls per ticket when the WPC sets no max_model_calls_per_ticket (a format constant). */
export const HARNESS_MAX_ATTEMPTS = 3;
/** Calls per ticket the harness never exceeds, whatever the cap (a format constant). */
export const HARNESS_ATTEMPT_CEILING = 10;

export interface CallOutcome {
  /** Index of the call whose answer gave the proposal; null when none did. */
  readonly usable: number | null;
  readonly proposal: Proposal | null;
  /** For each call before `usable` (or each call, without one): why its answer gave no proposal. */
  readonly failures: readonly string[];
  /** Index of a call whose receipted answer is not in the bundle: nothing after it can be derived. */
  readonly unknownAt: number | null;
  /** How many receipted calls the answers call for. */
  readonly expectedCalls: number;
  /** Whether the harness's next call is one the proxy refuses (a call_refused limit record). */
  readonly refused: boolean;
}

/** The most calls the harness makes for one ticket: its own bound without a cap, else the cap up to its ceiling. */
export function callBound(cap: number | null): number {
  return cap === null ? HARNESS_MAX_ATTEMPTS : Math.min(cap, HARNESS_ATTEMPT_CEILING);
}

export function callOutcome(calls: readonly TicketCall[], requiredFields: readonly string[], cap: number | null): CallOutcome {
  const failures: string[] = [];
  const bound = callBound(cap);
  // A call past the bound is one the harness never makes: its answer cannot give the proposal, and
  // the calls due stay `bound` (so the extra calls are counted as such, not explained by their answer).
  for (const [i, call] of calls.slice(0, bound).entries()) {
    if (call.response === null) return { usable: null, proposal: null, failures, unknownAt: i, expectedCalls: calls.length, refused: false };
    const derived = deriveProposal(call.response, requiredFields);
    if (derived.ok) return { usable: i, proposal: derived.proposal, failures, unknownAt: null, expectedCalls: i + 1, refused: false };
    failures.push(derived.reason);
  }
  return {
    usable: null,
    proposal: null,
    failures,
    unknownAt: null,
    expectedCalls: bound,
    refused: cap !== null && cap < HARNESS_ATTEMPT_CEILING,
  };
}
