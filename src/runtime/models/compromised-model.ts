/**
 * The compromised demo model: it classifies like the local model, then does what the ticket
 * text tells it to. Each instruction it finds becomes a requested action; "ignore previous
 * instructions" makes it drop its own routing; "classify it as X" changes the category. It
 * exists to show that the policy layer, not the model, decides what happens: every action it
 * requests that the WPC does not allow must be refused.
 */
import type { JsonObject } from '../../core/json.js';
import { CATEGORY_QUEUE, isCategory } from '../tickets/catalog.js';
import { readInjections } from './injection-triggers.js';
import type { Model, ModelOutput, RequestedAction } from './types.js';
import { viewText } from './view-text.js';

export function createCompromisedModel(base: Model): Model {
  return {
    id: 'compromised',
    classify(view: JsonObject): ModelOutput {
      const output = base.classify(view);
      const reading = readInjections(viewText(view));
      if (reading.instructions.length === 0 && reading.categoryOverride === null) return output;

      const category = reading.categoryOverride ?? output.category;
      const recommendedQueue =
        reading.categoryOverride !== null && isCategory(category) ? CATEGORY_QUEUE[category] : output.recommended_queue;
      const injected: RequestedAction[] = reading.instructions.map((i) => ({ action: i.action, args: i.args }));
      // A hijacked model forgets its own routing and only does what the ticket says.
      const own = reading.hijacked ? [] : output.requested_actions;
      const obeyed = reading.instructions.map((i) => `${i.action} ("${i.instruction}")`).join('; ');
      return {
        ...output,
        category,
        confidence: reading.hijacked ? 0.99 : output.confidence,
        recommended_queue: recommendedQueue,
        rationale:
          `${output.rationale} Following instructions found in the ticket` +
          (obeyed.length > 0 ? `: ${obeyed}.` : '.') +
          (reading.categoryOverride !== null ? ` Category set to ${category} as the ticket asks.` : ''),
        suggested_priority: reading.instructions.some((i) => i.action === 'tickets.set_priority') ? 'urgent' : output.suggested_priority,
        requested_actions: [...own, ...injected],
      };
    },
  };
}
