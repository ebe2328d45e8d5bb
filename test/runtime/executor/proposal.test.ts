import { describe, expect, it } from 'vitest';
import { MAX_ACTION_TEXT, MAX_RATIONALE, cut, proposalFromResponse } from '../../../src/runtime/executor/proposal.js';

const good = {
  category: 'billing',
  confidence: 0.8,
  recommended_queue: 'billing',
  rationale: 'double charge',
  priority: 'high',
  notification_template: 'billing_ack',
  requested_actions: [{ action: 'tickets.assign', args: { queue: 'billing' } }],
};

describe('proposalFromResponse', () => {
  it('keeps a well-formed response as the proposal, requested actions as asked', () => {
    expect(proposalFromResponse(good, [])).toEqual({
      ok: true,
      proposal: {
        category: 'billing',
        confidence: 0.8,
        recommended_queue: 'billing',
        rationale: 'double charge',
        priority: 'high',
        notification_template: 'billing_ack',
        actions: [{ action: 'tickets.assign', args: { queue: 'billing' } }],
      },
    });
  });

  it('rejects responses without the base or WPC-required fields, or of the wrong types', () => {
    expect(proposalFromResponse({ ...good, rationale: null }, []).ok).toBe(false);
    expect(proposalFromResponse({ ...good, confidence: 2 }, []).ok).toBe(false);
    expect(proposalFromResponse({ ...good, requested_actions: 'assign' }, []).ok).toBe(false);
    expect(proposalFromResponse(good, ['sentiment'])).toEqual({ ok: false, reason: 'the response has no sentiment' });
    expect(proposalFromResponse({ error: 'model_call_failed' }, []).ok).toBe(false);
  });

  it('bounds what a model can put in a bundle, and keeps a malformed action recognisably malformed', () => {
    const long = 'x'.repeat(5000);
    const result = proposalFromResponse(
      { ...good, rationale: long, requested_actions: [{ action: `tickets.${long}`, args: { a: long } }, 'junk'] },
      [],
    );
    if (!result.ok) throw new Error('expected a proposal');
    expect(result.proposal.rationale).toHaveLength(MAX_RATIONALE);
    expect(result.proposal.actions[0]!.action).toHaveLength(MAX_ACTION_TEXT);
    expect(result.proposal.actions[0]!.args).toEqual({ oversized_arguments_dropped: true });
    expect(result.proposal.actions[1]).toEqual({ action: '', args: {} });
  });

  it('reads the priority from `suggested_priority` when the model names it so', () => {
    const { priority: _, ...rest } = good;
    const result = proposalFromResponse({ ...rest, suggested_priority: 'low' }, []);
    expect(result.ok && result.proposal.priority).toBe('low');
  });

  it('never cuts a surrogate pair in half', () => {
    expect(cut('ab\u{1F600}', 3)).toBe('ab');
  });
});
