/** The model interface the runtime calls through the receipting proxy, and its output format. */
import type { JsonObject } from '../../core/json.js';
import type { TicketPriority } from '../tickets/types.js';

/**
 * One action the model asks the executor to take on the ticket being classified. `action` is a
 * dotted action name (`tickets.assign`); `args` never name the ticket (the executor binds every
 * action to the ticket the model was shown, so a model cannot aim an action at another ticket
 * by id).
 */
export type RequestedAction = {
  action: string;
  args: JsonObject;
};

/** A plain JSON object (the proxy hashes it into the receipt). */
export type ModelOutput = {
  /** One of the catalog's categories. */
  category: string;
  /** In [0, 1], rounded to 4 decimals. */
  confidence: number;
  /** Queue id (see tickets/catalog.ts). */
  recommended_queue: string;
  rationale: string;
  /** The priority the model suggests, or null for no opinion. */
  suggested_priority: TicketPriority | null;
  /** Id of the customer notification template to send, or null for none. */
  notification_template: string | null;
  requested_actions: RequestedAction[];
};

export type ModelId = 'local' | 'compromised';

export interface Model {
  readonly id: ModelId;
  /**
   * Classify a redacted model view (the shape of ticketToDocument, strings possibly holding
   * placeholders such as [EMAIL_1]). Pure and deterministic: the same view gives the same output.
   * Never throws: a view of any other shape is read for whatever text it holds.
   */
  classify(view: JsonObject): ModelOutput;
}
