/**
 * Reads a sample set file (fixtures/tickets/sample-tickets.json): the tickets go through the
 * Zendesk importer like any export, and the ground-truth labels are checked against the catalog.
 */
import { z } from 'zod';
import { CATEGORIES, CATEGORY_QUEUE } from './catalog.js';
import { SAMPLE_LANGUAGES, type SampleLabel } from './sample/types.js';
import type { Ticket } from './types.js';
import { importZendeskExport, type ImportProblem } from './zendesk-import.js';

export type { SampleLabel, SampleLanguage, PlantedKind, PlantedValue } from './sample/types.js';

export interface SampleSetData {
  tickets: Ticket[];
  /** Ground truth per ticket id. */
  labels: ReadonlyMap<number, SampleLabel>;
  problems: ImportProblem[];
}

const labelSchema = z
  .object({
    category: z.enum(CATEGORIES),
    queue: z.string(),
    injection: z.boolean(),
    credentials: z.boolean(),
    language: z.enum(SAMPLE_LANGUAGES),
    injected_actions: z.array(z.string().max(128)).max(20),
    injection_location: z.enum(['subject', 'description', 'comment']).nullable(),
  })
  .refine((l) => CATEGORY_QUEUE[l.category] === l.queue, { message: 'queue does not match the category', path: ['queue'] })
  .refine((l) => l.injection === (l.injected_actions.length > 0), {
    message: 'injected_actions must be non-empty exactly when injection is true',
    path: ['injected_actions'],
  });

export function loadSampleSet(input: unknown): SampleSetData {
  const { tickets, problems } = importZendeskExport(input);
  const labels = new Map<number, SampleLabel>();
  const rawLabels = typeof input === 'object' && input !== null ? (input as { labels?: unknown }).labels : undefined;
  if (typeof rawLabels !== 'object' || rawLabels === null || Array.isArray(rawLabels)) {
    problems.push({ pointer: '/labels', message: 'expected an object of labels keyed by ticket id' });
    return { tickets, labels, problems };
  }
  const byId = rawLabels as Record<string, unknown>;
  for (const ticket of tickets) {
    const key = String(ticket.id);
    const parsed = labelSchema.safeParse(byId[key]);
    if (parsed.success) labels.set(ticket.id, parsed.data);
    else problems.push({ pointer: `/labels/${key}`, message: parsed.error.issues[0]?.message ?? 'invalid label' });
  }
  return { tickets, labels, problems };
}
