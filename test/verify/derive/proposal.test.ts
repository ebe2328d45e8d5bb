/**
 * The verifier derives proposals from receipted answers with its own code (derive/proposal.ts);
 * the runtime's executor does the same from its side. They must agree on every answer a model can
 * give: usable or not, and the same proposal to the byte (cuts, the first 32 actions, oversized
 * arguments, surrogate pairs at a cut).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical.js';
import type { JsonObject, JsonValue } from '../../../src/core/json.js';
import { proposalFromResponse } from '../../../src/runtime/executor/proposal.js';
import { cut, deriveProposal } from '../../../src/verify/derive/proposal.js';

const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 70 }), fc.constant(''), fc.string({ minLength: 990, maxLength: 1010 }));
const anyValue: fc.Arbitrary<JsonValue> = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), text, fc.constant<JsonValue>([]), fc.constant<JsonValue>({}));
const action = fc.oneof(
  fc.record({ action: fc.oneof(fc.constantFrom('tickets.add_label', 'tickets.assign', 'tickets.set_priority'), text), args: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 3 }), anyValue, fc.constant({ blob: 'x'.repeat(2100) })) }, { requiredKeys: [] }),
  anyValue,
);
const usableAnswer = fc.record({
  category: fc.string({ minLength: 1, maxLength: 80 }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  recommended_queue: fc.string({ minLength: 1, maxLength: 80 }),
  rationale: text,
  escalation: fc.string(),
  requested_actions: fc.array(action, { maxLength: 40 }),
  priority: fc.oneof(text, anyValue),
});
const anyAnswer: fc.Arbitrary<JsonObject> = fc.record(
  {
    error: fc.oneof(fc.constant('model_call_failed'), anyValue),
    category: fc.oneof(text, anyValue),
    confidence: fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), anyValue),
    recommended_queue: fc.oneof(text, anyValue),
    rationale: fc.oneof(text, anyValue),
    priority: fc.oneof(text, anyValue),
    suggested_priority: fc.oneof(text, anyValue),
    notification_template: fc.oneof(text, anyValue),
    requested_actions: fc.oneof(fc.array(action, { maxLength: 40 }), anyValue),
    escalation: anyValue,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<JsonObject>;
const answer: fc.Arbitrary<JsonObject> = fc.oneof(anyAnswer, usableAnswer as fc.Arbitrary<JsonObject>);

describe('a proposal derived from a receipted answer', () => {
  it('is what the runtime records, for any answer and required fields', () => {
    let usable = 0;
    fc.assert(
      fc.property(answer, fc.subarray(['escalation', 'priority']), (response, required) => {
        const runtime = proposalFromResponse(response, required);
        const derived = deriveProposal(response, required);
        expect(derived.ok).toBe(runtime.ok);
        if (runtime.ok && derived.ok) {
          usable++;
          expect(canonicalJson(derived.proposal)).toBe(canonicalJson(runtime.proposal));
        }
      }),
      { numRuns: 3000, seed: 20261203 },
    );
    // Both sides of the rule are exercised: usable answers and refused ones.
    expect(usable).toBeGreaterThan(150);
    expect(usable).toBeLessThan(2850);
  });

  it('cuts without splitting a surrogate pair', () => {
    expect(cut('ab\u{1F600}', 3)).toBe('ab');
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('abc');
  });
});
