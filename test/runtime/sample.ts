/** The sample ticket set and its ground truth (helper G's fixtures). */
import { importZendeskExport } from '../../src/runtime/tickets/zendesk-import.js';
import type { Ticket } from '../../src/runtime/tickets/types.js';
import type { PlantedValue, SampleLabel } from '../../src/runtime/tickets/sample/types.js';
import { readJson } from './support.js';
import { DETECTOR_IDS } from '../../src/dlp/detector-ids.js';

interface SampleFile {
  labels: Record<string, SampleLabel>;
}

let cache: { tickets: Ticket[]; labels: Record<string, SampleLabel>; planted: Record<string, PlantedValue[]> } | undefined;

export function sampleSet(): { tickets: Ticket[]; labels: Record<string, SampleLabel>; planted: Record<string, PlantedValue[]> } {
  if (cache !== undefined) return cache;
  const file = readJson('fixtures/tickets/sample-tickets.json');
  const { tickets, problems } = importZendeskExport(file);
  if (problems.length > 0) throw new Error(`the sample set does not import cleanly: ${problems[0]!.pointer} ${problems[0]!.message}`);
  const planted = (readJson('fixtures/tickets/planted.json') as { tickets: Record<string, PlantedValue[]> }).tickets;
  cache = { tickets, labels: (file as SampleFile).labels, planted };
  return cache;
}

/** Kinds a pattern detector must find: these may appear nowhere in a bundle. */
export const DETECTED_KINDS: ReadonlySet<string> = new Set(DETECTOR_IDS);
