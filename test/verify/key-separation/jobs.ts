/**
 * The jobs the key-separation suite forges from: real runs of the runtime with the demo keyring.
 *
 *  - queue: the auto-assign WPC, the compromised model (it asks for denied actions too), approvals
 *    answered through the queue, approved and rejected in turn;
 *  - degrade: the same WPC with tight limits (rate 2/min, concurrency 1, 2 model calls per ticket,
 *    5 tickets per run) over 7 tickets in a backlog, automatic approvals, and a model that fails
 *    every call for one ticket, so the bundle has a degrade to classify-only, throttled and skipped
 *    tickets, a refused model call and writes refused as degraded.
 */
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import type { JsonObject } from '../../../src/core/json.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { getModel } from '../../../src/runtime/models/index.js';
import type { ClassifierModel } from '../../../src/runtime/services/model.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import { KEYRING, START, readPolicy } from '../support.js';

export type JobName = 'queue' | 'degrade';

const cache = new Map<JobName, Promise<ProofBundle>>();

export function jobBundle(name: JobName): Promise<ProofBundle> {
  let made = cache.get(name);
  if (made === undefined) {
    made = (name === 'queue' ? queueJob() : degradeJob()).then((r) => r.bundle);
    cache.set(name, made);
  }
  return made.then((b) => structuredClone(b));
}

function queueJob() {
  let answers = 0;
  return runJob({
    wpc: readPolicy('routing-auto-assign-approval'),
    tickets: getSampleSet().tickets.slice(0, 5),
    model: getModel('compromised'),
    keyring: KEYRING,
    seed: 7,
    start: START,
    approvals: { decide: () => (answers++ % 2 === 0 ? 'approved' : 'rejected') },
  });
}

function degradeJob() {
  const wpc = readPolicy('routing-auto-assign-approval');
  const limits = { rate_limit_per_minute: 2, max_concurrency: 1, max_model_calls_per_ticket: 2, max_tickets_per_run: 5 };
  const tickets = getSampleSet().tickets.slice(0, 7);
  return runJob({
    wpc: { ...wpc, limits: { ...(wpc['limits'] as JsonObject), ...limits } },
    tickets,
    model: failingFor(getModel('compromised'), tickets[1]!.id),
    keyring: KEYRING,
    seed: 8,
    start: START,
    approvals: 'auto',
  });
}

/** The model, except that every call for ticket `ticketId` throws (the proxy receipts an error). */
function failingFor(model: ClassifierModel, ticketId: number): ClassifierModel {
  return {
    id: model.id,
    classify(view) {
      // The view carries no ticket id; the ticket's subject is how the model tells it apart.
      if (view['subject'] === subjectOf(ticketId)) throw new Error('the model is down for this ticket');
      return model.classify(view);
    },
  };
}

function subjectOf(ticketId: number): unknown {
  return getSampleSet().tickets.find((t) => t.id === ticketId)?.subject;
}
